"""The protocol's own words for a question no rule or FAQ answers.

A question such as "where does the unzipped doc go?" or "is sharing on a need
to know basis?" names no way of sending and matches no common question, so
the rules could only ask "how will you send it?", which answers nothing. The
protocol usually has a sentence on it: each numbered item of sections.yaml is
scored against the question by the words they share, each weighted by how few
items use it (inverse document frequency), and the best is quoted with its
citation. Too little in common, and there is no answer: the caller asks its
question as before.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from knowledge.model import Section

# A quote must share at least this much weight with the question, in at least MIN_SHARED words: one common word
# ("email") says nothing about which sentence of the protocol is meant
MIN_WEIGHT = 5.0
MIN_SHARED = 2
SHORT_QUESTION = 4  # words, less those ignored: one word only one item uses is enough to quote it


@dataclass(frozen=True, slots=True)
class Quote:
    section: Section
    weight: float
    shared: tuple[str, ...]
    coverage: float = 0.0  # the share of the question's words (less those ignored) the item holds


class ClauseIndex:
    """The protocol's items (not national guidance), prepared once, searched by shared rare words."""

    def __init__(self, sections: Iterable[Section], prepare: Callable[[str], str], ignore: Iterable[str] = ()):
        self._ignore = frozenset(ignore)
        self._items = [(s, frozenset(prepare(f"{s.section} {s.item} {s.text}").split()) - self._ignore)
                       for s in sections if not s.external]
        counts = Counter(w for _, words in self._items for w in words)
        self._items_using = dict(counts)
        total = len(self._items)
        self._idf = {w: math.log((total + 1) / (n + 0.5)) for w, n in counts.items()}

    def knows(self, prepared: str) -> bool:
        """Whether this prepared word is one an item of the protocol has, or one every question uses (ignored)."""
        return prepared in self._items_using or prepared in self._ignore

    def phrase(self, words: str) -> Quote | None:
        """The first item whose own text holds these words in this order ("need to know", "minimum recipients"):
        a term of the protocol's, asked what it means."""
        wanted = re.findall(r"[a-z0-9]+", words.lower())
        if not wanted:
            return None
        pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, wanted)) + r"\b")
        return next((Quote(section, 0.0, tuple(wanted), 1.0) for section, _ in self._items
                     if pattern.search(section.text.lower())), None)

    def best(self, prepared: str) -> Quote | None:
        """The item sharing the most weight with the question, if enough; the earlier item on a tie."""
        asked = frozenset(prepared.split()) - self._ignore
        found: Quote | None = None
        for section, words in self._items:
            shared = asked & words
            # fsum: exact, so a tie is a tie whatever order the hash seed gives the set (a plain float sum
            # fell either side of one, and the same question quoted a different item from run to run)
            weight = math.fsum(self._idf[w] for w in shared)
            enough = (len(shared) >= MIN_SHARED and weight >= MIN_WEIGHT) or (
                # a short question whose one telling word only this item uses: "extracted it, where does it go?"
                len(asked) <= SHORT_QUESTION and len(shared) == 1 and self._items_using[next(iter(shared))] == 1)
            if enough and (found is None or weight > found.weight):
                found = Quote(section, weight, tuple(sorted(shared)), len(shared) / len(asked))
        return found
