"""Find the FAQ a question is asking, tolerant of typos and word order.

Scores are rapidfuzz's token_set_ratio between the prepared question and
each prepared paraphrase (typos corrected, stop words dropped), exactly as a
plain `process.extractOne` over every paraphrase would give. Three things
make it cheap enough for a council's own FAQ of thousands of entries:

- every paraphrase is prepared once, when the index is built, and stored
  with its words sorted and deduplicated (token_set_ratio ignores order and
  repeats, so the score is the same);
- only paraphrases that share at least one word with the question are
  considered (an inverted index). A paraphrase with no word in common with
  the question is not an answer to it; tests compare against the plain search;
- a paraphrase that shares exactly one word with the question, which is
  most of them in a large FAQ, is scored in full only if an upper bound on
  its score can still reach the best score found. The bound costs a tenth of
  the score because it is rapidfuzz's plain `ratio` (see `_UpperBound`).
  It is a proof, not a heuristic: it never drops the paraphrase the plain
  search would pick, ties included, and the tests check both the bound and
  the answers.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import fuzz, process

SCORER = fuzz.token_set_ratio
# Room for rounding: rapidfuzz's process functions compare a score with
# score_cutoff in single precision (88.461538 can fail a cutoff of 88.461537),
# so cutoffs and bounds are loosened by this much. Larger only costs speed.
_SLACK = 1e-3


@dataclass(frozen=True, slots=True)
class FaqMatch:
    faq_id: str
    score: float
    paraphrase: str


def _canonical(prepared: str) -> str:
    """Words sorted and deduplicated: token_set_ratio scores the same, and sorts less."""
    return " ".join(sorted(set(prepared.split())))


@dataclass(frozen=True, slots=True)
class _Posting:
    """The paraphrases holding one word, shortest first."""
    ids: tuple[int, ...]
    lengths: tuple[int, ...]
    texts: tuple[str, ...]
    members: frozenset[int]

    def __reduce__(self) -> tuple[type[_Posting], tuple[object, ...]]:  # kept by the hundred: see harm._Phrase
        return _Posting, (self.ids, self.lengths, self.texts, self.members)


class _UpperBound:
    """How high token_set_ratio can go for a paraphrase sharing one word with the question.

    For canonical strings q and p (lengths Q and P) that share only the word w
    (length L) and each have other words too, rapidfuzz's token_set_ratio is
    the largest of
      1. ratio(w, w + rest of q)        = 200 L / (Q + L)
      2. ratio(w, w + rest of p)        = 200 L / (P + L)
      3. ratio(w + rest of q, w + rest of p)
                                        = 100 (2L + 2 + 2 lcs(rest q, rest p)) / (Q + P)
    The rests are subsequences of q and p (the words are in the same sorted
    order), so lcs(rest q, rest p) <= lcs(q, p), and 3 is at most
      ratio(q, p) + 200 (L + 1) / (Q + P).
    1 depends only on the question, 2 only on P (a short paraphrase), and 3
    needs the plain ratio, which rapidfuzz computes ten times faster than
    token_set_ratio. If one side is only w, the score is 100, which 1 or 2
    already says.
    """

    @staticmethod
    def by_question(word_len: int, query_len: int) -> float:
        return 200 * word_len / (query_len + word_len)

    @staticmethod
    def longest_short_paraphrase(word_len: int, floor: float) -> float:
        """The longest paraphrase whose score 2 may still reach `floor`."""
        return 200 * word_len / floor - word_len

    @staticmethod
    def plain_ratio_needed(word_len: int, query_len: int, paraphrase_len: int, floor: float) -> float:
        """The plain ratio below which score 3 cannot reach `floor` (higher for longer paraphrases)."""
        return floor - 200 * (word_len + 1) / (query_len + paraphrase_len)

    @staticmethod
    def lengths_that_can_reach(query_len: int, floor: float) -> tuple[float, float]:
        """The paraphrase lengths for which score 3 may still reach `floor`.

        lcs(rest q, rest p) is also at most the shorter rest, so 3 is at most
        200 min(Q, P) / (Q + P).
        """
        return query_len * floor / (200 - floor), query_len * (200 - floor) / floor


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
                for word in prepared.split():
                    postings.setdefault(word, []).append(index)
        self._by_phrase = dict(zip(self._raw, self._prepared, strict=True))
        self._phrases: dict[str, list[str]] = {}
        for faq_id, raw in zip(self._owner, self._raw, strict=True):
            self._phrases.setdefault(faq_id, []).append(raw)
        self._faqs_using = {word: len({self._owner[i] for i in ids}) for word, ids in postings.items()}
        self._postings: dict[str, _Posting] = {}
        for word, ids in postings.items():
            ids.sort(key=lambda i: (len(self._prepared[i]), i))
            self._postings[word] = _Posting(tuple(ids), tuple(len(self._prepared[i]) for i in ids),
                                            tuple(self._prepared[i] for i in ids), frozenset(ids))

    def __len__(self) -> int:
        return len(self._prepared)

    def phrases(self, faq_id: str) -> tuple[str, ...]:
        """The phrases this index holds for one FAQ, in their order."""
        return tuple(self._phrases.get(faq_id, ()))

    def prepared(self, phrase: str) -> str:
        """A question or paraphrase as the index holds it (prepared once, when the index was built)."""
        found = self._by_phrase.get(phrase)
        return found if found is not None else _canonical(self._prepare(phrase))

    def faqs_using(self, word: str) -> int:
        """How many FAQs have `word` (prepared) in their question or a paraphrase."""
        return self._faqs_using.get(word, 0)

    def match(self, question: str, cutoff: float = 0) -> FaqMatch | None:
        """The best paraphrase scoring at least `cutoff`, or None.

        Ties go to the paraphrase listed first, as with extractOne.
        """
        return self.match_prepared(self._prepare(question), cutoff)

    def match_prepared(self, prepared: str, cutoff: float = 0, besides: str | None = None) -> FaqMatch | None:
        """As `match`, for a question already prepared (by this index's `prepare`); with `besides`, the best of
        the other FAQs' paraphrases."""
        query = _canonical(prepared)
        full, bounded = self._scored_in_full(query, cutoff)
        if besides is not None:
            full = {i for i in full if self._owner[i] != besides}
        best = self._best(query, full, cutoff)
        survivors = self._may_reach(query, bounded, best[0] if best else cutoff)
        if besides is not None:
            survivors = {i for i in survivors if self._owner[i] != besides}
        if best is None:
            best = self._best(query, survivors, cutoff)
        else:
            other = self._best(query, survivors - full, best[0] - _SLACK)
            if other and (other[0], -other[1]) > (best[0], -best[1]):
                best = other
        if best is None:
            return None
        score, index = best
        return FaqMatch(self._owner[index], score, self._raw[index])

    def _scored_in_full(self, query: str, cutoff: float) -> tuple[set[int], list[tuple[str, int]]]:
        """The paraphrases to score in full, and per shared word where the bounded ones start.

        In full: those sharing two or more words with the question, and those
        sharing one word where the bound cannot rule them out without the
        plain ratio (a short question or a short paraphrase).
        """
        words = [w for w in query.split() if w in self._postings]
        full: set[int] = set()
        seen: set[int] = set()
        for word in words:
            members = self._postings[word].members
            full |= seen & members
            seen |= members
        bounded: list[tuple[str, int]] = []
        for word in words:
            posting = self._postings[word]
            if cutoff <= _SLACK or _UpperBound.by_question(len(word), len(query)) >= cutoff - _SLACK:
                full.update(posting.ids)
                continue
            short = bisect_right(posting.lengths, _UpperBound.longest_short_paraphrase(len(word), cutoff - _SLACK))
            full.update(posting.ids[:short])
            if short < len(posting.ids):
                bounded.append((word, short))
        return full, bounded

    def _may_reach(self, query: str, bounded: list[tuple[str, int]], floor: float) -> set[int]:
        """The bounded paraphrases whose score may still reach `floor`."""
        survivors: set[int] = set()
        shortest, longest = _UpperBound.lengths_that_can_reach(len(query), floor - _SLACK)
        for word, short in bounded:
            posting = self._postings[word]
            start = bisect_left(posting.lengths, shortest, short)
            end = bisect_right(posting.lengths, longest, start)
            if start == end:
                continue
            loosest = _UpperBound.plain_ratio_needed(len(word), len(query), posting.lengths[start], floor) - _SLACK
            hits = process.extract(query, posting.texts[start:end], scorer=fuzz.ratio, processor=None,
                                   score_cutoff=max(loosest, 0), limit=None)
            for _, ratio, at in hits:
                length = posting.lengths[start + at]
                if ratio >= _UpperBound.plain_ratio_needed(len(word), len(query), length, floor) - _SLACK:
                    survivors.add(posting.ids[start + at])
        return survivors

    def _best(self, query: str, candidates: set[int], cutoff: float) -> tuple[float, int] | None:
        """The best (score, index) among `candidates`, the lowest index on a tie."""
        if not candidates:
            return None
        ordered = sorted(candidates)
        best = process.extractOne(query, [self._prepared[i] for i in ordered],
                                  scorer=SCORER, processor=None, score_cutoff=cutoff)
        return None if best is None else (best[1], ordered[best[2]])

    def match_naive(self, question: str, cutoff: float = 0) -> FaqMatch | None:
        """The plain search this index must agree with (tests and benchmark)."""
        best = process.extractOne(question, self._raw, scorer=SCORER, processor=self._prepare, score_cutoff=cutoff)
        if best is None:
            return None
        _, score, index = best
        return FaqMatch(self._owner[index], score, self._raw[index])
