"""Load email_check.yaml, the lists and words of the email pre-send check.

A file of its own, with a loader of its own, so the main knowledge files
and their loader stay as they are. It reports every problem at once, with
file, line and entry, like the main loader, and raises the same
KnowledgeError; a finding must cite sections the protocol has.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Mapping

import yaml

from .loader import DATA_DIR, KnowledgeError, Problem, SafeLoader, YamlMap
from .model import Policy, Verdict

FILE_NAME = "email_check.yaml"
FINDING_IDS = ("webmail", "generic", "distribution_list", "many_recipients", "long_cc", "unreadable", "no_agreement",
               "subject_not_confidential", "subject_personal", "body_internal", "body_external",
               "no_deletion_statement", "attachment_not_encrypted", "secure_own_account", "attachment_name_personal", "password_in_email")
FINDING_VERDICTS = (Verdict.ALLOWED_WITH_CONDITIONS, Verdict.NOT_ALLOWED)
PLACEHOLDERS = frozenset({"where", "count", "limit", "what", "wording"})
_LISTS = ("internal_domains", "secure_domains", "partner_domains", "webmail_domains", "generic_mailboxes",
          "sign_offs", "public_numbers", "package_extensions")


@dataclass(frozen=True, slots=True)
class FindingText:
    """What one finding says, the fix, and the protocol sections it rests on."""

    id: str
    verdict: Verdict
    says: str
    fix: str
    cites: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EmailCheckData:
    internal_domains: tuple[str, ...]
    secure_domains: tuple[str, ...]
    partner_domains: tuple[str, ...]
    webmail_domains: tuple[str, ...]
    generic_mailboxes: frozenset[str]
    list_patterns: tuple[str, ...]
    list_addresses: frozenset[str]
    max_recipients: int
    long_cc: int
    sign_offs: tuple[str, ...]
    public_numbers: tuple[str, ...]
    package_extensions: tuple[str, ...]
    delete_words: tuple[str, ...]
    when_words: tuple[str, ...]
    wording: str
    findings: Mapping[str, FindingText]
    source: str = ""


class _Lines(SafeLoader):
    """Remembers the line of each mapping key, for the problems reported."""


def _mapping(loader: _Lines, node: yaml.MappingNode) -> _Keyed:
    out = _Keyed(loader.construct_pairs(node, deep=True))
    out.lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    out.line = node.start_mark.line + 1
    return out


class _Keyed(YamlMap):
    line = 0
    lines: dict[Any, int] = {}


_Lines.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def email_check_path(policy: Policy | None = None) -> Path:
    """The knowledge directory's own email_check.yaml if it has one, else the built-in file."""
    if policy is not None and policy.source:
        candidate = Path(policy.source) / FILE_NAME
        if candidate.is_file():
            return candidate
    return DATA_DIR / FILE_NAME


def load_email_check(policy: Policy, path: str | Path | None = None) -> EmailCheckData:
    """Load and validate the email check's data; KnowledgeError lists every problem."""
    path = Path(path) if path else email_check_path(policy)
    problems: list[Problem] = []

    def add(node: Any, loc: str, msg: str, key: str | None = None) -> None:
        line = 0
        if isinstance(node, _Keyed):
            line = node.lines.get(key, node.line) if key else node.line
        problems.append(Problem(str(path), line, loc, msg))

    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_Lines)  # noqa: S506 - SafeLoader subclass
    except OSError as exc:
        raise KnowledgeError([Problem(str(path), 0, "email_check", f"cannot read the file ({exc.strerror or exc})")]) from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KnowledgeError([Problem(str(path), mark.line + 1 if mark else 0, "email_check",
                                      f"invalid YAML: {getattr(exc, 'problem', None) or exc}")]) from None
    if not isinstance(doc, dict):
        raise KnowledgeError([Problem(str(path), 0, "email_check", "expected a mapping at the top")])

    known = set(_LISTS) | {"distribution_lists", "max_recipients", "long_cc", "deletion_statement", "findings"}
    for key in doc:
        if key not in known:
            add(doc, str(key), f"unknown key {key!r}; allowed: {', '.join(sorted(known))}", key)

    def words(node: Any, key: str, loc: str, lower: bool = True) -> tuple[str, ...]:
        values = node.get(key) if isinstance(node, dict) else None
        if values is None:
            add(node, loc, "field required", key)
            return ()
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            add(node, loc, "expected a list of words (put numbers and yes/no in quotes)", key)
            return ()
        return tuple(v.strip().lower() if lower else v.strip() for v in values)

    def number(key: str) -> int:
        value = doc.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            add(doc, key, f"expected a whole number of 1 or more, got {value!r}", key)
            return 1
        return value

    lists = {key: words(doc, key, key) for key in _LISTS}
    dls = doc.get("distribution_lists")
    if not isinstance(dls, dict):
        add(doc, "distribution_lists", "expected a mapping with patterns and addresses", "distribution_lists")
        dls = _Keyed()
    deletion = doc.get("deletion_statement")
    if not isinstance(deletion, dict):
        add(doc, "deletion_statement", "expected a mapping with delete, when and wording", "deletion_statement")
        deletion = _Keyed()
    wording = deletion.get("wording")
    if not isinstance(wording, str) or not wording.strip():
        add(deletion, "deletion_statement.wording", "field required: the protocol's statement", "wording")
        wording = ""

    findings: dict[str, FindingText] = {}
    raw = doc.get("findings")
    if not isinstance(raw, dict):
        add(doc, "findings", "expected a mapping of finding ids", "findings")
        raw = _Keyed()
    for fid in raw:
        if fid not in FINDING_IDS:
            add(raw, f"findings.{fid}", f"unknown finding {fid!r}; the check knows: {', '.join(FINDING_IDS)}", fid)
    for fid in FINDING_IDS:
        node = raw.get(fid)
        loc = f"findings.{fid}"
        if not isinstance(node, dict):
            add(raw, loc, "missing: the check needs what this finding says", fid)
            continue
        for key in node:
            if key not in ("verdict", "says", "fix", "cites"):
                add(node, f"{loc}.{key}", f"unknown key {key!r}; allowed: verdict, says, fix, cites", key)
        try:
            verdict = Verdict(str(node.get("verdict")))
            if verdict not in FINDING_VERDICTS:
                raise ValueError
        except ValueError:
            add(node, f"{loc}.verdict", f"{node.get('verdict')!r} is not one of "
                f"{', '.join(v.value for v in FINDING_VERDICTS)}", "verdict")
            verdict = Verdict.NOT_ALLOWED
        texts = {}
        for key in ("says", "fix"):
            text = node.get(key)
            if not isinstance(text, str) or not text.strip():
                add(node, f"{loc}.{key}", "field required", key)
                text = ""
            try:
                names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
            except ValueError as exc:
                add(node, f"{loc}.{key}", f"broken {{placeholder}}: {exc}", key)
                names = set()
            for name in sorted(names - PLACEHOLDERS):
                add(node, f"{loc}.{key}", f"unknown placeholder {{{name}}}; allowed: "
                    f"{', '.join(sorted(PLACEHOLDERS))}", key)
            texts[key] = text
        cites = words(node, "cites", f"{loc}.cites", lower=False)
        if not cites:
            add(node, f"{loc}.cites", "a finding must cite at least one protocol section", "cites")
        for cite in cites:
            if cite not in policy.sections:
                add(node, f"{loc}.cites", f"{cite!r} is not a section id in sections.yaml", "cites")
        findings[fid] = FindingText(fid, verdict, texts["says"], texts["fix"], cites)

    data = EmailCheckData(
        internal_domains=lists["internal_domains"], secure_domains=lists["secure_domains"],
        partner_domains=lists["partner_domains"], webmail_domains=lists["webmail_domains"],
        generic_mailboxes=frozenset(lists["generic_mailboxes"]),
        list_patterns=words(dls, "patterns", "distribution_lists.patterns"),
        list_addresses=frozenset(words(dls, "addresses", "distribution_lists.addresses")),
        max_recipients=number("max_recipients"), long_cc=number("long_cc"),
        sign_offs=lists["sign_offs"], public_numbers=lists["public_numbers"],
        package_extensions=lists["package_extensions"],
        delete_words=words(deletion, "delete", "deletion_statement.delete"),
        when_words=words(deletion, "when", "deletion_statement.when"),
        wording=" ".join(wording.split()), findings=findings, source=str(path))
    if problems:
        raise KnowledgeError(problems)
    return data
