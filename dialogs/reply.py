"""The reply model: what SafeShare says, before any channel renders it.

The bot turns a Reply into an Adaptive Card, the command line into text or
JSON; both read the same fields, so every surface says the same thing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from knowledge.model import HUB_PHONE, Advice, ChecklistSection, Facts, Section, Verdict

from .harm import NOTHING, HarmAssessment

PROTOCOL_SOURCE = "From the Information Sharing Protocol: "
NATIONAL_SOURCE = "From national guidance, outside the council's protocol: "
SAFETY_NOTE = (f"If a child is suffering or likely to imminently suffer significant harm, ring the Safeguarding Hub "
               f"now on {HUB_PHONE} and follow up in writing within 48 hours.")


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

    def text(self) -> str:
        """The whole answer as a practitioner reads it, checklist included."""
        lines = [f"{self.verdict.label}: {self.summary}"]
        lines += [f"- {r}" for r in self.reasons]
        if self.alternatives:
            lines += ["", "Safer ways to share:"] + [f"- {a}" for a in self.alternatives]
        for part in self.checklist:
            lines += ["", f"{part.title}:"] + [f"{n}. {item}" for n, item in enumerate(part.items, 1)]
        if self.follow_up:
            lines += ["", f"Next: {self.follow_up}"]
            if self.options:
                lines += [f"  {n}. {o.title}" for n, o in enumerate(self.options, 1)]
        protocol, national = self.sources()
        if protocol:
            lines += ["", PROTOCOL_SOURCE + "; ".join(protocol) + "."]
        if national:
            lines += [NATIONAL_SOURCE + "; ".join(national) + "."]
        if self.verdict is not Verdict.ESCALATE:
            lines += ["", SAFETY_NOTE]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "verdict": self.verdict.value,
            "summary": self.summary,
            "answer": self.text(),
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
