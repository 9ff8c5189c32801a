"""Load fax.yaml: the cover sheet's wording and the fax log's citations.

A file of its own, like email_check.yaml, so the main knowledge files and
their loader stay as they are. Every problem is reported at once and
raises the same KnowledgeError.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loader import DATA_DIR, KnowledgeError, Problem, YamlMap, read_mapping, section_ids
from .model import Policy

FILE_NAME = "fax.yaml"


@dataclass(frozen=True, slots=True)
class FaxData:
    marking: str
    disclaimer: str  # the protocol's words, with `placeholder` where the sender's number goes
    placeholder: str
    cover_cites: tuple[str, ...]
    checklist: str
    log_cites: tuple[str, ...]
    saved_cites: tuple[str, ...]

    def disclaimer_for(self, phone: str) -> str:
        """The protocol's message with the sender's number in its blank, every other word as written."""
        return self.disclaimer.replace(self.placeholder, phone.strip() or self.placeholder, 1)


def fax_data_path(policy: Policy | None = None) -> Path:
    """The knowledge directory's own fax.yaml if it has one, else the built-in file."""
    if policy is not None and policy.source:
        candidate = Path(policy.source) / FILE_NAME
        if candidate.is_file():
            return candidate
    return DATA_DIR / FILE_NAME


def load_fax_data(policy: Policy, path: str | Path | None = None) -> FaxData:
    """Load and validate fax.yaml; KnowledgeError lists every problem."""
    path = Path(path) if path else fax_data_path(policy)
    problems: list[Problem] = []

    def add(loc: str, msg: str) -> None:
        problems.append(Problem(str(path), 0, loc, msg))

    doc = read_mapping(path, "fax")
    cover = doc.get("cover")
    if not isinstance(cover, dict):
        cover = {}
    log = doc.get("log")
    if not isinstance(log, dict):
        log = {}
    if not cover:
        add("cover", "expected a mapping with marking, disclaimer, placeholder, cites and checklist")
    if not log:
        add("log", "expected a mapping with cites and saved_cites")

    def text(node: YamlMap, key: str, loc: str) -> str:
        value = node.get(key)
        if not isinstance(value, str) or not value.strip():
            add(loc, "field required")
            return ""
        return value.strip()

    def cites(node: YamlMap, key: str, loc: str) -> tuple[str, ...]:
        return section_ids(policy, node.get(key), add, loc)

    disclaimer = text(cover, "disclaimer", "cover.disclaimer")
    placeholder = text(cover, "placeholder", "cover.placeholder")
    if disclaimer and placeholder and placeholder not in disclaimer:
        add("cover.placeholder", "the disclaimer must contain the placeholder, where the sender's number goes")
    checklist = text(cover, "checklist", "cover.checklist")
    if checklist and checklist not in policy.checklists:
        add("cover.checklist", f"{checklist!r} is not a checklist in checklists.yaml")
    data = FaxData(text(cover, "marking", "cover.marking"), disclaimer, placeholder,
                   cites(cover, "cites", "cover.cites"), checklist, cites(log, "cites", "log.cites"),
                   cites(log, "saved_cites", "log.saved_cites"))
    if problems:
        raise KnowledgeError(problems)
    return data
