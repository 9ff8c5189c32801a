"""Free-text understanding: what a question says about the facts.

Finds the channel, the kind of information, the recipient and any sign of
significant harm by phrase matching over the synonym lists in
knowledge/vocabulary.yaml and knowledge/signals.yaml, after typo
correction. Deliberately simple and inspectable: an information-governance
officer can see why a word was understood, and fix it in YAML.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from knowledge.model import Facts, Policy

from .harm import NOTHING, HarmAssessment, HarmLevel, HarmReader
from .text import Speller, normalise

_WEBMAIL = "webmail_personal"


@dataclass(frozen=True, slots=True)
class Understanding:
    """What a question told us. `channels` may name several ("Teams … by SMS")."""

    facts: Facts
    channels: tuple[str, ...]
    tokens: tuple[str, ...]
    harm: HarmAssessment = NOTHING

    @property
    def anything(self) -> bool:
        return bool(self.channels or self.facts.known())


@dataclass(frozen=True, slots=True)
class _Hit:
    category: str
    value: str
    start: int
    length: int


class Reader:
    """Reads questions against one policy's vocabulary. Build once, reuse."""

    def __init__(self, policy: Policy, extra_words: Iterable[str] = ()):
        self.policy = policy
        phrases: list[tuple[tuple[str, ...], str, str]] = []
        for category, terms in (("kind", policy.kinds), ("recipient", policy.recipients), ("channel", policy.channels)):
            for term in terms.values():
                phrases += [(tuple(_split(w)), category, term.id) for w in term.words]
        for name, signal in policy.signals.items():
            phrases += [(tuple(_split(w)), name, "yes") for w in signal.words]
            phrases += [(tuple(_split(w)), name, "no") for w in signal.opposites]
        self._negations = {name: [tuple(_split(n)) for n in s.negations] for name, s in policy.signals.items()}
        self._near = [(name, frozenset(w for a in s.near.acts for w in _split(a)),
                       frozenset(w for t in s.near.targets for w in _split(t)), s.near.within)
                      for name, s in policy.signals.items() if s.near]
        vocabulary = [w for p, _, _ in phrases for w in p]
        # Known, so never "corrected", but no correction lands on them either:
        # "picked" must not become "kicked", nor "touch" (in touch) "touches".
        near_words = [w for _, acts, targets, _ in self._near for w in acts | targets]
        near_words += [w for c in policy.harm.categories for a in c.acts for w in _split(a)]
        near_words += [w for p in policy.harm.people for w in _split(p)]
        for fact in policy.facts.values():
            vocabulary += [w for c in fact.choices for word in c.words for w in _split(word)]
        vocabulary += [w for text in extra_words for w in _split(text)]
        vocabulary += [w for c in policy.harm.categories for p in (*c.clear, *c.signs) for w in _split(p)]
        self.speller = Speller(vocabulary, (*policy.known_words, *near_words))
        self.harm = HarmReader(policy.harm, self.speller.tokens)
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for phrase in sorted(phrases, key=lambda p: -len(p[0])):
            if phrase[0]:
                self._by_first.setdefault(phrase[0][0], []).append(phrase)
        self._rank = {
            "kind": {t.id: t.rank for t in policy.kinds.values()},
            "recipient": {t.id: t.rank for t in policy.recipients.values()},
        }

    def read(self, text: str) -> Understanding:
        tokens = self.speller.tokens(text)
        hits = self._hits(tokens)
        kinds = [h.value for h in hits if h.category == "kind"]
        recipients = [h for h in hits if h.category == "recipient"]
        channels = list(dict.fromkeys(h.value for h in hits if h.category == "channel"))

        # "use Gmail" is the sender's own account; "to her Gmail" is where it goes.
        for hit in [h for h in recipients if h.value == _WEBMAIL]:
            before = tokens[max(0, hit.start - 4):hit.start]
            if self._preceded(tokens, hit, "webmail_use") or ("to" not in before and not channels):
                recipients.remove(hit)
                channels.append("webmail")
        for token in tokens:
            value = _address_kind(token)
            if value:
                recipients.append(_Hit("recipient", value, 0, 1))
        # "email it via Objective Connect / the portal / cjsm": the platform is the route
        if "email" in channels and {"secure_email", "objective_connect", "school_portal"} & set(channels):
            channels.remove("email")
        recipient = self._best("recipient", [h.value for h in recipients])
        implied = self.policy.recipients[recipient].channel if recipient else None
        if implied and not channels:
            channels.append(implied)
        if recipient is None and len(channels) == 1:
            recipient = self.policy.channels[channels[0]].recipient  # "into the school portal": a school

        harm = self.harm.assess(text)
        facts = Facts(
            harm={HarmLevel.YES: True, HarmLevel.NO: False}.get(harm.level),
            kind=self._best("kind", kinds),
            recipient=recipient,
            channel=channels[0] if len(channels) == 1 else None,
            urgent=self._flag(tokens, hits, "urgent", negated=False),
            other_identifier=self._flag(tokens, hits, "other_identifier", negated=False),
            agreement=self._flag(tokens, hits, "agreement", negated=False),
            encrypted=self._flag(tokens, hits, "encrypted", negated=False),
        )
        return Understanding(facts, tuple(channels), tuple(tokens), harm)

    def _hits(self, tokens: list[str]) -> list[_Hit]:
        """Every phrase found, longest first; a word belongs to one phrase per category.

        Then each act of a signal's `near` with one of its targets close by.
        """
        hits: list[_Hit] = []
        taken: dict[str, set[int]] = {}
        for i, token in enumerate(tokens):
            for phrase, category, value in self._by_first.get(token, ()):
                n = len(phrase)
                if tuple(tokens[i:i + n]) != phrase:
                    continue
                used = taken.setdefault(category, set())
                if used.intersection(range(i, i + n)):
                    continue
                used.update(range(i, i + n))
                hits.append(_Hit(category, value, i, n))
        # A channel's own words name no one: "school portal" is not a school.
        channels = [h for h in hits if h.category == "channel" and h.length > 1]
        hits = [h for h in hits if h.category not in ("recipient", "kind") or not any(
            c.start <= h.start and h.start + h.length <= c.start + c.length for c in channels)]
        for signal, acts, targets, within in self._near:
            for i, token in enumerate(tokens):
                if token in acts and targets.intersection(tokens[max(0, i - within):i + within + 1]):
                    hits.append(_Hit(signal, "yes", i, 1))
        return hits

    def _preceded(self, tokens: list[str], hit: _Hit, signal: str, window: int = 3) -> bool:
        """A phrase of `signal` (its negations, or else its words) ends at most `window` words before the hit."""
        phrases = self._negations.get(signal, ()) or [tuple(_split(w)) for w in self.policy.signals[signal].words]
        return _phrase_before(tokens, hit.start, phrases, lookback=window + 2, max_gap=window)

    def _flag(self, tokens: list[str], hits: list[_Hit], signal: str, negated: bool | None) -> bool | None:
        """False if an opposite appears ("unencrypted"); True if a signal word
        appears un-negated; `negated` if only negated ones do."""
        found = [h for h in hits if h.category == signal]
        if not found:
            return None
        if any(h.value == "no" for h in found):
            return False  # an opposite ("unencrypted") is never read as a yes
        if any(not self._negated(tokens, h, signal) for h in found):
            return True
        return negated

    def _negated(self, tokens: list[str], hit: _Hit, signal: str) -> bool:
        """One of the signal's negations ("no", "not at risk" ...) among the four words before the hit."""
        return _phrase_before(tokens, hit.start, self._negations.get(signal, ()), lookback=4, max_gap=4)

    def _best(self, category: str, values: Iterable[str]) -> str | None:
        values = list(values)
        if not values:
            return None
        rank = self._rank[category]
        return max(values, key=lambda v: rank.get(v, 0))


def _split(phrase: str) -> list[str]:
    return normalise(phrase).split()


_WEBMAIL_DOMAINS = ("hotmail", "gmail", "googlemail", "yahoo", "aol", "icloud", "btinternet", "outlook.com", "live.")
_SECURE_DOMAINS = ("cjsm", "gsx", "gcsx")


def _address_kind(token: str) -> str | None:
    """What kind of recipient an email address (or 'info@') is."""
    if "@" not in token:
        return None
    local, _, domain = token.partition("@")
    if not domain:
        return "generic_address"
    if any(d in domain for d in _SECURE_DOMAINS):
        return "secure_mail"
    if any(d in domain for d in _WEBMAIL_DOMAINS):
        return _WEBMAIL
    if local in {"info", "enquiries", "enquiry", "admin", "office", "contact", "reception", "hello", "mail", "team"}:
        return "generic_address"
    return None


def _phrase_before(tokens: list[str], start: int, phrases, lookback: int, max_gap: int) -> bool:
    """True if one of `phrases` (word tuples) lies within the `lookback` words before `start`,
    ending at most `max_gap` words before it."""
    before = tokens[max(0, start - lookback):start]
    for words in phrases:
        n = len(words)
        for j in range(len(before) - n + 1):
            if tuple(before[j:j + n]) == words and len(before) - (j + n) <= max_gap:
                return True
    return False
