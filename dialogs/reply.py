"""The reply model: what SafeShare says, before any channel renders it.

The bot turns a Reply into an Adaptive Card, the command line into text or
JSON; both read the same fields, so every surface says the same thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from knowledge.model import HUB_PHONE, Advice, ChecklistSection, Facts, Section, Verdict

from .harm import NOTHING, HarmAssessment

PROTOCOL_SOURCE = "From the Information Sharing Protocol: "
NATIONAL_SOURCE = "From national guidance, outside the council's protocol: "
SAFETY_NOTE = (f"If a child is suffering or likely to imminently suffer significant harm, ring the Safeguarding Hub "
               f"now on {HUB_PHONE} and follow up in writing within 48 hours.")
SHORT_SAFETY = f"A child at risk? Ring the Safeguarding Hub now: {HUB_PHONE}."
BRIEF_STEPS = 5  # steps in the first message; the rest behind "Show all steps"
BRIEF_WORDS = 120  # the first message fits a phone screen
_CHOICE = re.compile(r"  \d+\. ")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\u201c\"(])")


@dataclass(frozen=True, slots=True)
class Option:
    """A choice the user can press or type.

    `value` is what typing it sends; `data` is what pressing its button
    sends (None: a plain question, asked as typed text).
    """

    title: str
    value: str
    data: Mapping[str, Any] | None = None


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
    faq_note: tuple[str, str] = ()  # (question, answer) of a common question shown beneath the rules' answer

    @classmethod
    def from_advice(cls, advice: Advice, **extra) -> "Reply":
        options = ()
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

    def headline(self) -> str:
        """ "Not allowed: Do not fax ...", without saying the verdict twice."""
        if _plain(self.summary).startswith(_plain(self.verdict.label)) or (
                self.verdict is Verdict.NEED_MORE_INFO and self.follow_up):
            return self.summary  # "SafeShare needs one more detail ..." says the verdict already
        return f"{self.verdict.label}: {self.summary}"

    def recap(self) -> str:
        """What was understood, for the user to check: "Email · Mental health · A GP"."""
        return " \u00b7 ".join(label for _, label in self.understood)

    def text(self) -> str:
        """The whole answer as a practitioner reads it, checklist included; no line twice."""
        lines = [self.headline()]
        if self.understood:
            lines += [f"Understood: {self.recap()}"]
        lines += [f"- {r}" for r in self.reasons]
        if self.alternatives:
            lines += ["", "Safer ways to share:"] + [f"- {a}" for a in self.alternatives]
        seen = {_plain(line) for line in lines}
        for part in self.checklist:
            items = [i for i in part.items if _plain(i) not in seen]
            seen.update(_plain(i) for i in items)
            if items:
                lines += ["", f"{part.title}:"] + [f"{n}. {item}" for n, item in enumerate(items, 1)]
        said = " | ".join(_plain(line) for line in lines)
        note = [x for x in _SENTENCE_END.split(self.faq_note[1]) if _plain(x) not in said and len(x.split()) > 2] \
            if self.faq_note else []
        if note:  # the common question's text, less what the rules' answer already said
            lines += ["", f"{self.faq_note[0]}", " ".join(note)]
        if self.follow_up:
            lines += ["", f"Next: {self.follow_up}"]
            if self.options:
                lines += [f"  {n}. {o.title}" for n, o in enumerate(self.options, 1)]
        protocol, national = self.sources()
        if protocol:
            lines += ["", PROTOCOL_SOURCE + "; ".join(group_titles(protocol)) + "."]
        if national:
            lines += [NATIONAL_SOURCE + "; ".join(national) + "."]
        if self.verdict is not Verdict.ESCALATE:
            lines += ["", SAFETY_NOTE]
        return "\n".join(lines)

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
        """One sentence saying why."""
        return first_sentence(self.reasons[0]) if self.reasons else ""

    def citation_line(self) -> str:
        """One line: "Protocol: Faxes 1, 4; Secure Mail 1" (national guidance on its own line in the full form)."""
        protocol, _ = self.sources()
        return "Protocol: " + "; ".join(group_titles(protocol, limit=2)) if protocol else ""

    def brief(self) -> str:
        """The first message: verdict, one sentence why, at most five steps, the safer alternative, one-line
        citation; under BRIEF_WORDS words. The rest is in text() ("Show all steps")."""
        lines = [self.headline()]
        if self.understood:
            lines.append(f"Understood: {self.recap()}")
        if self.why() and _plain(self.why()) != _plain(self.summary):
            lines.append(self.why())
        steps = self.brief_steps()
        if self.follow_up:
            lines.append(f"Next: {self.follow_up}")
            lines += [f"  {n}. {o.title}" for n, o in enumerate(self.options, 1)]
            steps = steps[:2]
        lines += [f"- {s}" for s in steps]
        if self.alternatives:
            lines.append(f"Safer: {self.alternatives[0]}")
        if self.citation_line():
            lines.append(self.citation_line())
        if self.verdict is not Verdict.ESCALATE:
            lines.append(SHORT_SAFETY)
        # Too long for a phone: fewer steps (two stay), then no alternative, then no "why";
        # never the verdict, the question asked, the citation or the Hub.
        for droppable, keep in (("- ", 2), ("Safer: ", 0), (self.why(), 0), ("- ", 0)):
            while _words(lines) > BRIEF_WORDS and droppable:
                found = [i for i, line in enumerate(lines) if line.startswith(droppable)]
                if len(found) <= keep:
                    break
                del lines[found[-1]]
        return "\n".join(lines)

    def to_json(self) -> dict:
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


def _words(lines) -> int:
    """Words a reader reads; the numbered choices of a follow-up are buttons in Teams, so not counted."""
    return sum(len(line.split()) for line in lines if not _CHOICE.match(line))


def first_clause(text: str) -> str:
    """ "Encrypt it with AES-256; SafeShare can ..." -> "Encrypt it with AES-256." """
    head = first_sentence(text).split("; ")[0].rstrip(".:,")
    return head + ("." if head != text.strip() or text.strip().endswith(".") else "")


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def group_titles(titles, limit: int | None = None) -> list[str]:
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
