"""Turning a practitioner's words into tokens both matchers agree on.

Typos are corrected against the knowledge's own vocabulary only (never a
general dictionary), so "emial" becomes "email" but an unknown word stays
as it is, and a wrong correction can only land on a word the protocol uses.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz, process

_TOKEN = re.compile(r"[a-z0-9@][a-z0-9@._+]*")
_POSSESSIVE = re.compile(r"(?<=[a-z])'s\b")

STOPWORDS = frozenset(
    "a an the i im ive id can could to of for in on at is it its my me we us our ours do does did be am are was "
    "were been this that these those with and or by so if just please would should will shall there their them "
    "they he she his her him you your yours as about into onto ok okay also any some".split())
# Never "corrected": common words a typo-matcher would otherwise pull onto a
# vocabulary word ("policy" is not "police", "career" is not "carer").
COMMON = frozenset(
    "policy policies career careers wealth tests test next form forms file files folder document documents copy "
    "child childs children baby girl boy young person people safe time meeting meetings sent send sending share "
    "shared sharing need needs know worried worry concern concerns concerned work working council team teams "
    "someone anyone everyone whole same second separate using used zip zipped zipping password passwords save "
    "saved where what when which who how why right wrong number numbers today tomorrow week should about after "
    "before other another large small new old first last hello thanks thank help check start over cancel back "
    "there here down like think home house dont doesnt cant isnt wont have has had been being make makes made "
    "give given ring rang call called calls name named names encrypt encrypted encryption attach attached "
    "password protected protect open opened details detail information info case notes note screenshot "
    # near the harm words: "picked up" is not "kicked", "in touch" is not "touched"
    "pick picks picked picking touch ticked locked looked lives lived".split())


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces; '@' and '.' kept inside words."""
    text = text.lower().replace("\u2019", "'").replace("e-mail", "email")
    text = _POSSESSIVE.sub("", text).replace("'", "")
    return " ".join(t.rstrip(".") for t in _TOKEN.findall(text))


class Speller:
    """Corrects typos onto the vocabulary of the knowledge files."""

    def __init__(self, vocabulary: Iterable[str], keep: Iterable[str] = ()):
        words = {w for phrase in vocabulary for w in phrase.split()}
        self._targets = sorted(w for w in words if len(w) >= 4 and "@" not in w)
        self._keep = frozenset(words) | STOPWORDS | COMMON | frozenset(keep)
        self.correct = lru_cache(maxsize=4096)(self._correct)

    def _correct(self, word: str) -> str:
        if word in self._keep or len(word) < 4 or not word.isalpha():
            return word
        cutoff = 80 if len(word) >= 5 else 85
        best = process.extractOne(word, self._targets, scorer=fuzz.ratio, score_cutoff=cutoff)
        return best[0] if best else word

    def tokens(self, text: str) -> list[str]:
        return [self.correct(t) for t in normalise(text).split()]
