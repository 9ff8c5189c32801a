"""Find the FAQ a question is asking, tolerant of typos and word order.

Scores are rapidfuzz's token_set_ratio between the prepared question and
each prepared paraphrase (typos corrected, stop words dropped), as a plain
`process.extractOne` over every paraphrase would give. Two things make it
cheap enough for a council's own FAQ of thousands of entries:

- every paraphrase is prepared once, when the index is built, not on every
  question (and stored with its words sorted and deduplicated, which
  token_set_ratio ignores anyway);
- only paraphrases that share at least one word with the question are
  scored (an inverted index). A paraphrase with no word in common with the
  question is not an answer to it, and below the match cut-off anyway in
  every case we have seen; tests compare against the plain search.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from rapidfuzz import fuzz, process

SCORER = fuzz.token_set_ratio


@dataclass(frozen=True, slots=True)
class FaqMatch:
    faq_id: str
    score: float
    paraphrase: str


def _canonical(prepared: str) -> str:
    """Words sorted and deduplicated: token_set_ratio scores the same, and sorts less."""
    return " ".join(sorted(set(prepared.split())))


class FaqIndex:
    """Paraphrases of every FAQ, prepared once, searched per question."""

    def __init__(self, entries: Iterable[tuple[str, Sequence[str]]], prepare: Callable[[str], str]):
        self._prepare = prepare
        self._owner: list[str] = []
        self._raw: list[str] = []
        self._prepared: list[str] = []
        postings: dict[str, list[int]] = {}
        for faq_id, phrases in entries:
            for phrase in phrases:
                prepared = _canonical(prepare(phrase))
                if not prepared:
                    continue
                index = len(self._prepared)
                self._owner.append(faq_id)
                self._raw.append(phrase)
                self._prepared.append(prepared)
                for word in set(prepared.split()):
                    postings.setdefault(word, []).append(index)
        self._postings = {w: tuple(ix) for w, ix in postings.items()}

    def __len__(self) -> int:
        return len(self._prepared)

    def match(self, question: str, cutoff: float = 0) -> FaqMatch | None:
        """The best paraphrase scoring at least `cutoff`, or None.

        Ties go to the paraphrase listed first, as with extractOne.
        """
        query = _canonical(self._prepare(question))
        if not query:
            return None
        candidates: set[int] = set()
        for word in set(query.split()):
            candidates.update(self._postings.get(word, ()))
        if not candidates:
            return None
        ordered = sorted(candidates)
        best = process.extractOne(query, [self._prepared[i] for i in ordered],
                                  scorer=SCORER, processor=None, score_cutoff=cutoff)
        if best is None:
            return None
        index = ordered[best[2]]
        return FaqMatch(self._owner[index], best[1], self._raw[index])

    def match_naive(self, question: str, cutoff: float = 0) -> FaqMatch | None:
        """The plain search this index must agree with (tests and benchmark)."""
        best = process.extractOne(question, self._raw, scorer=SCORER, processor=self._prepare, score_cutoff=cutoff)
        if best is None:
            return None
        _, score, index = best
        return FaqMatch(self._owner[index], score, self._raw[index])
