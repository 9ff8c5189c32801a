"""Breach or near-miss reports: who to tell now, and a record with no personal data.

Pure: no I/O. A report is a handful of ids from near_miss.yaml and a date;
the form has no free-text box, so nothing typed about a child, a recipient
or a document can reach the record (the host writes it: bot/reports.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from collections.abc import Mapping

from knowledge.model import Policy
from knowledge.errors import EXIT_USAGE, SafeShareError
from knowledge.near_miss_data import NearMissData

from .emailcheck import FormField

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a date as typed: digits only, so no name can come back
EARLIEST = date(2014, 1, 8)  # the protocol's issue date: an older date is a typing slip


class ReportError(SafeShareError, ValueError):
    """The form cannot be read; the message names the box, never its value."""

    exit_code = EXIT_USAGE


@dataclass(frozen=True, slots=True)
class NearMissReport:
    """What is recorded, and all of it: ids and a date."""

    incident: str
    happened_on: date
    data_left: str
    child_at_risk: str
    done: str


def report_form(data: NearMissData, today: date, given: Mapping[str, Any] | None = None) -> tuple[FormField, ...]:
    """The report's boxes; a form sent back to be fixed keeps every choice that was valid, never free text."""
    kept = given or {}

    def choice(name: str, options: tuple[str, ...], default: str) -> str:
        value = kept.get(name)
        return value if isinstance(value, str) and value in options else default

    when = kept.get("happened_on")
    when = when.strip() if isinstance(when, str) and _ISO_DAY.fullmatch(when.strip()) else today.isoformat()
    return (
        # nothing preselected where a register counts the answer: what happened and whether data left are chosen
        FormField("incident", "What happened?", required=True,
                  choices=tuple((i.id, i.label) for i in data.incidents),
                  value=choice("incident", tuple(i.id for i in data.incidents), "")),
        FormField("happened_on", "When did it happen (or when was it noticed)?", required=True,
                  placeholder="YYYY-MM-DD", value=when, date=True),
        FormField("data_left", "Did personal data leave the council's control?", required=True, choices=data.data_left,
                  value=choice("data_left", tuple(c for c, _ in data.data_left), "")),
        FormField("child_at_risk", "Could a child be at risk because of it?", required=True,
                  choices=data.child_at_risk,  # never preselected: a child's safety is not assumed
                  value=choice("child_at_risk", tuple(c for c, _ in data.child_at_risk), "")),
        FormField("done", "What has been done so far?", required=True, choices=data.done,
                  value=choice("done", tuple(c for c, _ in data.done), data.done[0][0])),
    )


def parse_date(value: Any, today: date) -> date:
    text = value.strip() if isinstance(value, str) else ""
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        raise ReportError("Give the date it happened as YYYY-MM-DD, e.g. 2026-03-01.") from None
    if not EARLIEST <= day <= today:
        raise ReportError("The date it happened cannot be in the future (or before 2014).")
    return day


def report_from_fields(data: NearMissData, fields: Mapping[str, Any], today: date) -> NearMissReport:
    """A submitted form as a report; ReportError names the first box to fix. Unknown keys are ignored."""
    def pick(name: str, options: tuple[str, ...], box: str) -> str:
        value = fields.get(name)
        if not isinstance(value, str) or value not in options:
            raise ReportError(f"Choose {box} from the list.")
        return value

    incident = pick("incident", tuple(i.id for i in data.incidents), "what happened")
    happened_on = parse_date(fields.get("happened_on"), today)
    return NearMissReport(incident, happened_on, pick("data_left", tuple(c for c, _ in data.data_left),
                                                      "whether personal data left the council"),
                          pick("child_at_risk", tuple(c for c, _ in data.child_at_risk),
                               "whether a child could be at risk"),
                          pick("done", tuple(c for c, _ in data.done), "what has been done"))


@dataclass(frozen=True, slots=True)
class ReportAdvice:
    title: str
    lines: tuple[str, ...]
    cites: tuple[str, ...]  # section ids
    hub_first: bool


def advise_report(policy: Policy, data: NearMissData, report: NearMissReport) -> ReportAdvice:
    """Who to tell now (the Hub first when a child may be at risk), then what stops it happening again."""
    incident = data.incident(report.incident)
    if incident is None:  # report_from_fields lets only listed incidents through; a hand-built report may not
        raise ReportError("Choose what happened from the list.")
    steps = [s for s in data.tell if not s.when or report.child_at_risk in s.when]
    cites = tuple(dict.fromkeys(c for s in steps for c in s.cites + incident.cites))
    kind = "Breach" if report.data_left == "yes" else "Possible breach" if report.data_left == "not_sure" \
        else "Near miss"
    lines = ("Who to tell now:", *(f"{n}. {s.text}" for n, s in enumerate(steps, 1)),
             f"Next time: {incident.prevent}",
             "Protocol: " + "; ".join(policy.sections[c].title for c in cites) + ".")
    return ReportAdvice(f"{kind}: {incident.label}", lines, cites, report.child_at_risk == "yes")
