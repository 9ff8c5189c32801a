"""Load near_miss.yaml: the choices a breach or near-miss report offers and the advice it gives.

A file of its own, like fax.yaml. Every problem is reported at once and
raises the same KnowledgeError; every citation must be a section id.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


from .loader import DATA_DIR, KnowledgeError, Problem, read_mapping, section_ids
from .model import Policy

FILE_NAME = "near_miss.yaml"


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    label: str
    prevent: str  # the protocol's rule that stops it happening again
    cites: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TellStep:
    id: str
    text: str
    cites: tuple[str, ...]
    when: tuple[str, ...] = ()  # child_at_risk ids it applies to; () for always


@dataclass(frozen=True, slots=True)
class NearMissData:
    incidents: tuple[Incident, ...]
    data_left: tuple[tuple[str, str], ...]  # (id, label)
    child_at_risk: tuple[tuple[str, str], ...]
    done: tuple[tuple[str, str], ...]
    tell: tuple[TellStep, ...]

    def incident(self, incident_id: str) -> Incident | None:
        return next((i for i in self.incidents if i.id == incident_id), None)


def load_near_miss(policy: Policy, path: str | Path | None = None) -> NearMissData:
    """Load and validate near_miss.yaml (the knowledge directory's own, else the built-in one)."""
    if path is None:
        own = Path(policy.source) / FILE_NAME if policy.source else None
        path = own if own is not None and own.is_file() else DATA_DIR / FILE_NAME
    path = Path(path)
    problems: list[Problem] = []

    def add(loc: str, msg: str) -> None:
        problems.append(Problem(str(path), 0, loc, msg))

    doc = read_mapping(path, "near_miss")

    def items(key: str) -> list[dict[str, Any]]:
        value = doc.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            add(key, "expected a list of mappings")
            return []
        ids = [str(v.get("id")) for v in value]
        for n, item_id in enumerate(ids):
            if not isinstance(value[n].get("id"), str) or not item_id.strip():
                add(f"{key}[{n}].id", "field required (a string; quote yes and no)")
            elif ids.index(item_id) != n:
                add(f"{key}[{n}].id", f"{item_id!r} is used twice")
        return value

    def text(node: dict[str, Any], key: str, loc: str) -> str:
        value = node.get(key)
        if not isinstance(value, str) or not value.strip():
            add(loc, "field required")
            return ""
        return " ".join(value.split())

    def cites(node: dict[str, Any], loc: str) -> tuple[str, ...]:
        return section_ids(policy, node.get("cites"), add, loc)

    def choices(key: str) -> tuple[tuple[str, str], ...]:
        return tuple((str(c.get("id")), text(c, "label", f"{key}[{n}].label")) for n, c in enumerate(items(key)))

    incidents = tuple(Incident(str(i.get("id")), text(i, "label", f"incidents[{n}].label"),
                               text(i, "prevent", f"incidents[{n}].prevent"), cites(i, f"incidents[{n}].cites"))
                      for n, i in enumerate(items("incidents")))
    at_risk = choices("child_at_risk")
    risk_ids = {c for c, _ in at_risk}
    tell = []
    for n, step in enumerate(items("tell")):
        when = step.get("when") or []
        if not isinstance(when, list) or any(w not in risk_ids for w in when):
            add(f"tell[{n}].when", f"expected child_at_risk ids, some of: {', '.join(sorted(risk_ids))}")
            when = []
        tell.append(TellStep(str(step.get("id")), text(step, "text", f"tell[{n}].text"),
                             cites(step, f"tell[{n}].cites"), tuple(when)))
    data = NearMissData(incidents, choices("data_left"), at_risk, choices("done"), tuple(tell))
    if problems:
        raise KnowledgeError(problems)
    return data
