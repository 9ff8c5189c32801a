"""The reply model: what SafeShare says, before any channel renders it.

The bot turns a Reply into an Adaptive Card, the command line into text or
JSON; both read the same fields, so every surface says the same thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TypedDict, Unpack
from collections.abc import Iterable, Mapping

from knowledge.model import HUB_PHONE, Advice, ChecklistSection, Facts, Section, Verdict

from .harm import NOTHING, HarmAssessment

PROTOCOL_SOURCE = "From the Information Sharing Protocol: "
PROTOCOL_WORDS = "The protocol's words:"
NATIONAL_SOURCE = "From national guidance, outside the council's protocol: "
SAFETY_NOTE = (f"If a child is suffering or likely to imminently suffer significant harm, ring the Safeguarding Hub "
               f"now on {HUB_PHONE} and follow up in writing within 48 hours.")
SHORT_SAFETY = f"A child at risk? Ring the Safeguarding Hub now: {HUB_PHONE}."
BRIEF_STEPS = 5  # steps in the first message; the rest behind "Show all steps"
BRIEF_WORDS = 120  # the first message fits a phone screen
QUOTED_SECTIONS = 2  # the cited items sharing most words with the question, quoted word for word in the full answer
_CHOICE = re.compile(r"  \d+\. ")
_SENTENCE_END = re.compile(r"(?<!e\.g\.)(?<!i\.e\.)(?<=[.!?])\s+(?=[A-Z0-9\u201c\"(])")


# The verdict shown where the protocol leaves it to the manager and nothing is asked
SILENT_LABEL = "Not settled by the protocol"
# The heading of a common question's answer to a question of fact ("which law is it based on?", "who do I call?"):
# "Allowed" would answer a permission nobody asked for
INFO_LABEL = "From the protocol"


# A summary that opens with its own "No" ("No: the password must never go in the same email"), said again under a
# "Not allowed" headline
_ANSWERED_NO = re.compile(r"No[:.,]\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Option:
    """A choice the user can press or type.

    `value` is what typing it sends; `data` is what pressing its button
    sends (None: a plain question, asked as typed text).
    """

    title: str
    value: str
    data: Mapping[str, Any] | None = None


class ReplyExtras(TypedDict, total=False):
    """What `Reply.from_advice` may add to the advisor's answer: what was read from the question."""

    channels: tuple[str, ...]
    understood: tuple[tuple[str, str], ...]
    harm: HarmAssessment


@dataclass(frozen=True, slots=True)
class Reply:
    verdict: Verdict
    summary: str
    reasons: tuple[str, ...] = ()
    checklist: tuple[ChecklistSection, ...] = ()
    citations: tuple[Section, ...] = ()
    alternatives: tuple[str, ...] = ()
    follow_up: str = ""
    options: tuple[Option, ...] = ()
    quick_replies: tuple[Option, ...] = ()
    facts: Facts = field(default_factory=Facts)
    channels: tuple[str, ...] = ()
    rule_id: str = ""
    faq_id: str = ""
    asks: str = ""  # the fact the follow-up question asks, if any
    harm: HarmAssessment = NOTHING
    understood: tuple[tuple[str, str], ...] = ()  # (fact, label) read from the question: the recap
    faq_note: tuple[str, str] | tuple[()] = ()  # (question, answer) of a common question shown beneath the rules' answer
    quoted: tuple[Section, ...] = ()  # the cited items nearest the question, quoted in the full answer
    informs: bool = False  # a common question's answer to a question of fact, not of permission

    @classmethod
    def from_advice(cls, advice: Advice, **extra: Unpack[ReplyExtras]) -> Reply:
        options: tuple[Option, ...] = ()
        if advice.question is not None:
            options = tuple(Option(c.label, str(c.value).lower() if isinstance(c.value, bool) else c.value)
                            for c in advice.question.choices)
        return cls(advice.verdict, advice.summary, advice.reasons, advice.checklist, advice.citations,
                   advice.alternatives, advice.follow_up, options, facts=advice.facts,
                   rule_id=advice.rule_id, asks=advice.question.id if advice.question else "", **extra)

    @property
    def checklist_items(self) -> tuple[str, ...]:
        return tuple(item for part in self.checklist for item in part.items)

    def sources(self) -> tuple[list[str], list[str]]:
        """The titles cited: the protocol's, then national guidance's (outside the protocol), each once."""
        protocol = [s.title for s in self.citations if not s.external]
        national = list(dict.fromkeys(s.title for s in self.citations if s.external))
        return protocol, national

    @property
    def label(self) -> str:
        """The verdict as shown: where nothing is asked, "needs more information" would promise a question that
        never comes ("how long do we keep case notes?": the protocol sets no period, ask your manager)."""
        if self.verdict is Verdict.NEED_MORE_INFO and not self.asks and not self.follow_up:
            return SILENT_LABEL
        if self.informs:
            return INFO_LABEL
        return self.verdict.label

    def headline(self) -> str:
        """ "Not allowed: Do not fax ...", without saying the verdict twice."""
        if _plain(self.summary).startswith(_plain(self.label)) or (
                self.verdict is Verdict.NEED_MORE_INFO and self.follow_up):
            return self.summary  # "SafeShare needs one more detail ..." says the verdict already
        if self.verdict is Verdict.NOT_ALLOWED and self.label == self.verdict.label:
            # "No: the password must never go ..." under "Not allowed": the No said once
            no = _ANSWERED_NO.match(self.summary)
            if no is not None:
                rest = self.summary[no.end():]
                return f"{self.label}: {rest[:1].upper()}{rest[1:]}"
        return f"{self.label}: {self.summary}"

    @property
    def shown_reasons(self) -> tuple[str, ...]:
        """The reasons, less one that only asks the follow-up question again ("To answer, SafeShare needs to
        know: Who will receive it?" beside "Next: Who will receive it?"): the question is asked once."""
        if not self.follow_up:
            return self.reasons
        return tuple(r for r in self.reasons if not _plain(r).endswith(_plain(self.follow_up)))

    def recap(self) -> str:
        """What was understood, for the user to check: "Email · Mental health · A GP"."""
        return " \u00b7 ".join(label for _, label in self.understood)

    def text(self) -> str:
        """The whole answer as a practitioner reads it, checklist included; no line twice."""
        lines = [self.headline()]
        if self.understood:
            lines += [f"Understood: {self.recap()}"]
        lines += [f"- {r}" for r in self.shown_reasons]
        if self.alternatives:
            lines += ["", "Safer ways to share:"] + [f"- {a}" for a in self.alternatives]
        seen = {_plain(line) for line in lines}
        for part in self.checklist:
            items = [i for i in part.items if _plain(i) not in seen]
            seen.update(_plain(i) for i in items)
            if items:
                lines += ["", f"{part.title}:"] + [f"{n}. {item}" for n, item in enumerate(items, 1)]
        said = " | ".join(_plain(line) for line in lines)
        if self.faq_note:
            question, answer = self.faq_note
            note = [x for x in _SENTENCE_END.split(answer) if _plain(x) not in said and len(x.split()) > 2]
            if note:  # the common question's text, less what the rules' answer already said
                lines += ["", f"{question}", " ".join(note)]
        if self.follow_up:
            lines += ["", f"Next: {self.follow_up}"]
            if self.options:
                lines += [f"  {n}. {o.title}" for n, o in enumerate(self.options, 1)]
        quoted = self.protocol_words(lines)
        if quoted:  # the protocol's own words behind the answer, for the user (and their manager) to check
            lines += ["", PROTOCOL_WORDS] + [f"- {title}: \u201c{words}\u201d" for title, words in quoted]
        protocol, national = self.sources()
        if protocol:
            lines += ["", PROTOCOL_SOURCE + "; ".join(group_titles(protocol)) + "."]
        if national:
            lines += [NATIONAL_SOURCE + "; ".join(national) + "."]
        if self.verdict is not Verdict.ESCALATE:
            lines += ["", SAFETY_NOTE]
        return "\n".join(lines)

    def protocol_words(self, said: Iterable[str]) -> list[tuple[str, str]]:
        """(title, words) of the first QUOTED_SECTIONS items `quoted` (the cited items nearest the question): each
        item's sentences not already `said` in the answer, so no sentence comes twice."""
        told = " | ".join(_plain(line) for line in said)
        quoted: list[tuple[str, str]] = []
        for section in self.quoted:  # protocol items only (Assistant.nearest_cited leaves national guidance out)
            if len(quoted) == QUOTED_SECTIONS:
                break
            # a sentence quoting a message is kept whole or left out: none of its own sentences twice
            words = [x for x in sentences(section.text)
                     if x.strip() and not any(_plain(y) in told for y in _SENTENCE_END.split(x))]
            if words:
                quoted.append((section.title, " ".join(words)))
        return quoted

    def brief_steps(self) -> tuple[str, ...]:
        """At most BRIEF_STEPS steps for the first message, in checklist order, each cut to its first clause."""
        steps: list[str] = []
        said = _plain(self.why()) + " | " + _plain(self.summary)
        for item in self.checklist_items:
            step = first_clause(item)
            if _plain(step) not in said and len(steps) < BRIEF_STEPS:
                said += " | " + _plain(step)
                steps.append(step)
        return tuple(steps)

    def why(self) -> str:
        """One short sentence saying why: a long one is cut at its first comma after eight words."""
        if not self.shown_reasons:
            return ""
        why = first_sentence(self.shown_reasons[0])
        words = why.split()
        if len(words) > 25:
            # never inside brackets: "(the year, the sender's initials ...)" is one aside; nor inside a list
            # ("made from the child's name, initials or date of birth can be guessed")
            cut = next((i for i in range(8, len(words)) if words[i - 1].endswith((",", ";"))
                        and " ".join(words[:i]).count("(") == " ".join(words[:i]).count(")")
                        and not (words[i - 1].endswith(",") and {"or", "and"} & set(words[i:i + 3]))), None)
            if cut:
                why = " ".join(words[:cut]).rstrip(",;") + "."
        return why

    def citation_line(self) -> str:
        """One line: "Protocol: Faxes 1, 4; Secure Mail 1" (national guidance on its own line in the full form)."""
        protocol, _ = self.sources()
        return "Protocol: " + "; ".join(group_titles(protocol, limit=2)) if protocol else ""

    def brief_parts(self, numbered: bool = True) -> tuple[str, tuple[str, ...], str]:
        """(why, steps, safer alternative) for the first message, as many as fit in BRIEF_WORDS words
        beside what always shows: the verdict, what was understood, the question asked with its
        choices, the citation and the Hub. Priority: why, two steps, the alternative, more steps."""
        fixed = self._brief_head() + self._brief_asked(numbered) + self._brief_tail()
        why = self.why() if self.why() and _plain(self.why()) != _plain(self.summary) else ""
        steps = self.brief_steps()
        first = self.alternatives[0] if self.alternatives else ""
        # the alternative in full, or its name alone ("Objective Connect, the council's secure file sharing
        # system") when the full text does not fit: the safer way is named before any further step
        safer_forms = [f"Safer: {first}", f"Safer: {_short_alternative(first)}"] if first else []
        chosen: list[str] = []
        safer = ""

        def fits(extra: str) -> bool:  # (each step is shown after a "- " or a bullet: one more word)
            return _words(fixed + chosen + [extra]) + sum(s in steps for s in (*chosen, extra)) <= BRIEF_WORDS

        for extra in (why, *steps[:2], "\0safer", *steps[2:]):
            if extra == "\0safer":
                safer = next((form for form in dict.fromkeys(safer_forms) if fits(form)), "")
                if safer:
                    chosen.append(safer)
            elif extra and fits(extra):
                chosen.append(extra)
        return (why if why in chosen else "", tuple(s for s in steps if s in chosen), safer)

    def _brief_head(self) -> list[str]:
        return [self.headline()] + ([f"Understood: {self.recap()}"] if self.understood else [])

    def _brief_asked(self, numbered: bool = True) -> list[str]:
        """The question asked, with its choices numbered unless they are the message's buttons."""
        if not self.follow_up:
            return []
        return [f"Next: {self.follow_up}"] + ([f"  {n}. {o.title}" for n, o in enumerate(self.options, 1)]
                                              if numbered else [])

    def _brief_tail(self) -> list[str]:
        return ([self.citation_line()] if self.citation_line() else []) + \
            ([SHORT_SAFETY] if self.verdict is not Verdict.ESCALATE else [])

    def brief(self, numbered: bool = True) -> str:
        """The first message, under BRIEF_WORDS words; the rest is in text() ("Show all steps").
        `numbered=False`: the follow-up's choices are the card's buttons, so not listed again."""
        why, steps, safer = self.brief_parts(numbered)
        body = ([why] if why else []) + [f"- {s}" for s in steps] + ([safer] if safer else [])
        return "\n".join(self._brief_head() + self._brief_asked(numbered) + body + self._brief_tail())

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "summary": self.summary,
            "answer": self.text(),
            "short": self.brief(),
            "understood": self.recap() or None,
            "reasons": list(self.reasons),
            "checklist": list(self.checklist_items),
            "citations": [{"id": s.id, "section": s.title} for s in self.citations],
            "alternatives": list(self.alternatives),
            "channel": self.facts.channel if self.facts.channel else (list(self.channels) or None),
            "kind": self.facts.kind,
            "recipient": self.facts.recipient,
            "follow_up": self.follow_up or None,
            "options": [o.value for o in self.options],
            "quick_replies": [o.title for o in self.quick_replies],
            "rule": self.rule_id or None,
            "faq": self.faq_id or None,
            "asks": self.asks or None,
            "harm": self.harm.to_json(),
        }


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text.lower()).split())


def reading_words(text: str) -> int:
    """Words of an answer a reader reads (a follow-up's numbered choices are buttons in Teams)."""
    return _words(text.splitlines())


def _short_alternative(text: str) -> str:
    """An alternative's name and what it is, without the detail after it: up to ", which", " (" or "; "."""
    short = text
    for cut in (", which", " (", "; ", ", if "):
        short = short.split(cut)[0]
    return short.rstrip(".") + "."


def _words(lines: Iterable[str]) -> int:
    """Words a reader reads; the numbered choices of a follow-up are buttons in Teams, so not counted."""
    return sum(len(line.split()) for line in lines if not _CHOICE.match(line))


def first_clause(text: str) -> str:
    """ "Encrypt it with AES-256; SafeShare can ..." -> "Encrypt it with AES-256." """
    head = re.sub(r"\s*\([^)]*\)", "", first_sentence(text)).split("; ")[0].rstrip(".:,")
    return head + ("." if head != text.strip() or text.strip().endswith(".") else "")


def first_sentence(text: str) -> str:
    return sentences(text)[0] if text.strip() else ""


def sentences(text: str) -> list[str]:
    """The text's sentences, never split inside a quotation: a message quoted whole ("Include this message: \"The
    information in the fax is confidential. If you ...\"") stays one sentence."""
    text = text.strip()
    out, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        before = text[start:end.start()]
        if before.count('"') % 2 == 0 and before.count("\u201c") <= before.count("\u201d"):
            out.append(before)
            start = end.end()
    return out + [text[start:]] if text[start:] else out


def group_titles(titles: Iterable[str], limit: int | None = None) -> list[str]:
    """["Faxes, 1", "Faxes, 4", "Secure Mail, 1"] -> ["Faxes 1, 4", "Secure Mail 1"], the first `limit` headings."""
    groups: dict[str, list[str]] = {}
    for title in titles:
        head, _, tail = title.rpartition(", ")
        if head and tail.strip().isdigit():
            groups.setdefault(head, []).append(tail.strip())
        else:
            groups.setdefault(title, [])
    out = [f"{head} {', '.join(sorted(dict.fromkeys(nums), key=int))}" if nums else head
           for head, nums in groups.items()]
    if limit is None or len(out) <= limit:
        return out
    return out[:limit] + ["\u2026"]
