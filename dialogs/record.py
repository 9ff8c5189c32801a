"""A decision record: the answer as a short note a practitioner pastes into the case file.

Made only from fact ids (channel, kind, recipient and the other facts the
protocol asks about) and the rule or common question that answered: the
answer is worked out again from those facts, so a record says what the
protocol says for them, and it holds nothing the user typed. The clock is
passed in, so a record can be tested.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from collections.abc import Mapping

from knowledge.advisor import advise
from knowledge.model import FACT_NAMES, Facts, Policy, Section, Verdict

from .answer import Assistant
from .reply import Reply, first_sentence, group_titles

PROTOCOL = ("Children's Services Information Sharing Protocol (issued 8 January 2014, revised December 2015)")
_NEUTRAL = ("kind", "recipient", "channel")  # the question itself; every other fact is listed beneath it


def london_now() -> dt.datetime:
    """Now, in the council's time zone (UTC if the system has no time zone data)."""
    try:
        from zoneinfo import ZoneInfo

        return dt.datetime.now(ZoneInfo("Europe/London"))
    except Exception:  # noqa: BLE001 - zoneinfo raises several kinds when tzdata is missing
        return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    when: dt.datetime
    question: str
    known: tuple[str, ...]  # the other facts: "Is it urgent ...? Yes, it is urgent and necessary"
    verdict: Verdict
    summary: str
    rule: str
    citations: tuple[Section, ...]

    def lines(self) -> tuple[str, ...]:
        out = [f"Date and time: {self.when.day} {self.when.strftime('%B %Y, %H:%M %Z').strip()}",
               f"Question: {self.question}"]
        out += [f"Also: {fact}" for fact in self.known]
        # (the label once: "Ring the Safeguarding Hub now" is already how the Hub's summary begins)
        verdict = self.summary if self.summary.lower().startswith(self.verdict.label.lower()) \
            else f"{self.verdict.label}. {self.summary}"
        out += [f"Verdict: {verdict}",
                f"Rule: {self.rule}",
                "Protocol: " + "; ".join(group_titles([s.title for s in self.citations]))
                + " (" + ", ".join(s.id for s in self.citations) + ")",
                f"Source: SafeShare, from the {PROTOCOL}. No personal details were recorded."]
        return tuple(out)

    def text(self) -> str:
        return "\n".join(("SafeShare decision record",) + self.lines())

    def to_json(self) -> dict[str, Any]:
        return {"time": self.when.isoformat(timespec="seconds"), "question": self.question, "also": list(self.known),
                "verdict": self.verdict.value, "summary": self.summary, "rule": self.rule,
                "citations": [{"id": s.id, "section": s.title} for s in self.citations], "text": self.text()}


def recordable(reply: Reply) -> bool:
    """An answer that decides something: not a follow-up question, not the email check, not a question of fact
    ("which law is it based on?") answered."""
    return reply.verdict is not Verdict.NEED_MORE_INFO and bool(reply.rule_id) and reply.rule_id != "email-check" \
        and not reply.informs


def record_data(reply: Reply) -> dict[str, Any]:
    """What a "Record this decision" button carries: fact ids and the rule's id, nothing typed."""
    facts = {k: v for k, v in reply.facts.known().items()}
    return {"facts": facts, "rule": reply.rule_id}


def clean_facts(policy: Policy, raw: Any) -> Facts:
    """Only facts the protocol knows, each with one of its own choices (a button's data can be anything)."""
    out: dict[str, Any] = {}
    for name, value in (raw.items() if isinstance(raw, Mapping) else ()):
        fact = policy.facts.get(name) if name in FACT_NAMES else None
        if fact is None:
            continue
        for choice in fact.choices:
            if value == choice.value or (isinstance(value, str) and value == str(choice.value).lower()):
                out[name] = choice.value
                break
    return Facts(**out)


def decision_record(assistant: Assistant, facts: Any, rule: Any, when: dt.datetime) -> DecisionRecord | None:
    """The record for these facts, answered again by the rules (or the common question named), or None."""
    policy = assistant.policy
    known = clean_facts(policy, facts)
    rule = rule if isinstance(rule, str) else ""
    faq_id = rule.removeprefix("faq:") if rule.startswith("faq:") else ""
    if faq_id and faq_id in policy.faq:
        reply = assistant.faq_reply(faq_id, known)
        question, cites = policy.faq[faq_id].question, policy.faq[faq_id].cites
    else:
        reply = Reply.from_advice(advise(policy, known))
        question = neutral_question(assistant, known)
        rules = [r for r in policy.rules if r.id == reply.rule_id]
        cites = tuple(c for r in rules for reason in r.reasons for c in reason.cites)
    if not recordable(reply):
        return None
    # The sections the decision rests on (the rule's reasons), not every step of its checklists.
    citations = tuple(policy.sections[c] for c in dict.fromkeys(cites)) or reply.citations
    return DecisionRecord(when, question, other_facts(policy, known), reply.verdict,
                          first_sentence(reply.summary), reply.rule_id, citations)


def neutral_question(assistant: Assistant, facts: Facts) -> str:
    """ "Sharing mental health information with a GP by fax", in the protocol's words, never the user's."""
    labels = dict(assistant.recap(facts))
    parts = ["Sharing " + _lower(labels.get("kind", "information about a child"))]
    if "recipient" in labels:
        parts.append("with " + _lower(labels["recipient"]))
    if "channel" in labels:
        parts.append("by " + _lower(labels["channel"]))
    return " ".join(parts) + "."


# Harm as No: answered No in a guided check, or no sign read in a one-shot question and carried into one ("Change
# it"). The record says what both mean, never that the question was asked and answered.
NO_HARM = "Signs that a child is suffering, or likely to imminently suffer, significant harm: none told or read."
# ... and as Yes: answered Yes, or signs read that rang the Hub without asking (the record never says which, so it
# never says the question was asked)
HARM = "Signs that a child is suffering, or likely to imminently suffer, significant harm: told or read."


def other_facts(policy: Policy, facts: Facts) -> tuple[str, ...]:
    out = []
    for name, value in facts.known().items():
        if name in _NEUTRAL:
            continue
        if name == "harm":
            out.append(HARM if value else NO_HARM)
            continue
        fact = policy.facts[name]
        label = next((c.label for c in fact.choices if c.value == value), str(value))
        out.append(f"{fact.question} {label}")
    return tuple(out)


def _lower(label: str) -> str:
    """ "A GP" -> "a GP", "Fax" -> "fax"; acronyms ("NHS", "GP") and names with capitals inside stay."""
    first = label.split(" ", 1)[0]
    return label if first.isupper() and len(first) > 1 else label[:1].lower() + label[1:]
