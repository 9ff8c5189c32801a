""""Not sure" at a step of the guided check: what SafeShare says, and how the check goes on.

A "Not sure" never asks the same question again. At the harm question it
gives the protocol's words (discuss it with your manager or ring the Hub)
and the question once more without "Not sure"; at the channel question, the
safer ways to send. At the other steps the check goes on with the safest
reading of the fact (sensitive personal data, an external organisation, not
urgent, another identifier), and the recap says it was a guess.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from knowledge.advisor import offered
from knowledge.model import HUB_PHONE, Facts, Policy

# Typed answers that mean "Not sure" ("dunno", "I don't know"), compared after text.normalise.
UNSURE = frozenset({"not sure", "unsure", "dont know", "i dont know", "no idea", "dunno", "im not sure", "idk",
                    "not certain", "i am not sure", "i do not know", "do not know", "not sure sorry", "no clue",
                    "im unsure", "i dunno", "dont know sorry", "maybe not sure"})
BUTTON_AT = frozenset({"harm", "kind", "recipient", "channel", "urgent", "other_identifier"})  # with a "Not sure" button


@dataclass(frozen=True, slots=True)
class Reading:
    """The value a "Not sure" stands for, why, and how the recap shows it."""

    value: str | bool
    note: str
    recap: str


READINGS: dict[str, Reading] = {
    "kind": Reading("sensitive",
                    "SafeShare goes on as if it is sensitive personal data, the safest reading; change it if you "
                    "find out it is something else.",
                    "Not sure of the kind: treated as sensitive personal data"),
    "recipient": Reading("external_org",
                         "SafeShare goes on as if it is going to an organisation outside the council; a private "
                         "person's own email or a generic inbox has stricter rules still, so check who it is for "
                         "before you send anything.",
                         "Not sure who: treated as an external organisation"),
    "urgent": Reading(False,
                      "A fax is only for when it is urgent and absolutely necessary (Faxes 1), so if you are not "
                      "sure, do not fax it: use a courier or secure email instead.",
                      "Not sure it is urgent: treated as not urgent"),
    "other_identifier": Reading(True,
                                "Include names, address or date of birth only if no other identifier can be used "
                                "(Faxes 2): if you are not sure, use another identifier (an IAS number, initials) "
                                "if one will do.",
                                "Not sure: use another identifier if one will do"),
}

# The recap of the answers a guided check used beyond channel, kind and recipient.
RECAP_LABELS: dict[str, dict[bool, str]] = {
    "urgent": {True: "Urgent and necessary", False: "Not urgent"},
    "other_identifier": {True: "Another identifier will do", False: "Has to identify the person"},
}



def protocol_words(policy: Policy) -> str:
    """The protocol's own words for not being sure: discuss it with your manager or ring the Hub."""
    return policy.checklists["not_sure"].items[0].text


def harm_lines(policy: Policy) -> tuple[str, ...]:
    return (protocol_words(policy), f"Type hub for what to have ready for the call to the Hub ({HUB_PHONE}).")


def channel_lines(policy: Policy, facts: Facts) -> tuple[str, ...]:
    # the safer ways an answer that needs more gives (rules.yaml ask), with those the rules list beside them
    # (Objective Connect, then encrypted email); each only where its own `when` fits what is known (the school
    # portal for a school, first)
    asked = list(policy.ask.alternatives)
    ids = [a for a in asked if not policy.alternatives[a].when]
    fuller = next((r.alternatives for r in policy.rules if ids and list(r.alternatives[:len(ids)]) == ids
                   and len(r.alternatives) > len(ids)), ())
    ways = offered(policy, dict.fromkeys([*asked, *fuller]), facts)
    return ("The safer ways to send it:", *(f"- {policy.alternatives[a].text}" for a in ways),
            "Ask your manager which to use before you send anything. Then pick how you will send it.")


# What a "Not sure" of the kind stands for when it is to be faxed: a fax never carries safeguarding or mental health
# information (Faxes 4), so the safest reading there is one of those, not sensitive personal data
FAX_KIND = Reading("safeguarding",
                   "A fax must never carry safeguarding or mental health information (Faxes 4), so if you are not "
                   "sure what it is, SafeShare goes on as if it were safeguarding information: do not fax it.",
                   "Not sure of the kind: treated as safeguarding information (not faxed)")


def reading_for(fact_id: str, facts: Mapping[str, object]) -> Reading:
    """The reading a "Not sure" at `fact_id` stands for, given what the check knows (a fax: the kind never faxed)."""
    if fact_id == "kind" and facts.get("channel") == "fax":
        return FAX_KIND
    return READINGS[fact_id]


def reading_lines(policy: Policy, fact_id: str, facts: Mapping[str, object] | None = None) -> tuple[str, ...]:
    reading = reading_for(fact_id, facts or {})
    if fact_id in ("kind", "recipient"):
        return (protocol_words(policy), reading.note)
    return (reading.note,)
