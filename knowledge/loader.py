"""Load the protocol from YAML and refuse to start on any mistake in it.

An information-governance officer edits these files, not a developer, so
every problem is reported at once with the file, the line, the entry and
the reason, in the manner of pydantic's `loc` + `msg`, and says what to do.
One function reads each file, in the order the files depend on each other:
sections (cited by everything), vocabulary, facts, checklists, rules, faq,
signals, harm; then the ids the code relies on (contract.py) and the rules
no question can reach (analysis.py).
"""
from __future__ import annotations

import difflib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

import yaml

from .analysis import unreachable_rules
from .contract import NEEDED, Needed
from .errors import EXIT_KNOWLEDGE, SafeShareError
from .model import (
    FACT_NAMES,
    Alternative,
    AskPolicy,
    Checklist,
    ChecklistItem,
    Choice,
    Cited,
    Example,
    Fact,
    Faq,
    FaqTopic,
    Happened,
    HarmCategory,
    HarmWords,
    LearnedHarm,
    Near,
    PackageOffer,
    PasswordCheck,
    Policy,
    Proposed,
    Rule,
    Section,
    Signal,
    Term,
    FactValues,
    Verdict,
)

if TYPE_CHECKING:
    from _typeshed import SupportsDunderLT

    SafeLoader = yaml.SafeLoader
else:
    SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses 4x faster at start-up

# Parsed YAML before it is checked: keys and values are whatever the officer wrote, so they stay Any
# until `_Checker.record` (or an isinstance) has looked at them.
YamlMap: TypeAlias = dict[Any, Any]
Kind: TypeAlias = type | tuple[type, ...]  # what `_Checker.record` accepts for a key: isinstance's second argument
_Rank = TypeVar("_Rank", bound="SupportsDunderLT[Any]")  # a severity, a (rank, size)

DATA_DIR = Path(__file__).with_name("data")
FILES = ("sections", "vocabulary", "facts", "signals", "harm", "checklists", "rules", "faq")
EVERYDAY_WORDS = "everyday_words.txt"
BOOL_FACTS = frozenset({"harm", "urgent", "other_identifier", "agreement", "encrypted", "aes", "password_emailed",
                        "password_missing", "received", "already", "everything", "in_body", "in_subject",
                        "borrowed_account", "group_address", "file_named", "kept_in_mailbox", "misdirected",
                        "to_hub", "name_removed"})


class KnowledgeError(SafeShareError):
    """The knowledge files cannot be used; `problems` says where and why."""

    exit_code = EXIT_KNOWLEDGE

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"knowledge files have {len(self.problems)} problem(s):\n{lines}")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    loc: str
    msg: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.loc}: {self.msg}"


# -- YAML that remembers where each thing was written ------------------------

class _Node(YamlMap):
    """A YAML mapping that remembers the line of each key and how each plain value was written."""

    line: int = 0
    key_lines: dict[Any, int]
    written: dict[Any, str | None]


class _Seq(list[Any]):
    """A YAML list that remembers the line of each item and how each plain item was written."""

    line: int = 0
    item_lines: list[int]
    written: list[str | None]


class _LineLoader(SafeLoader):
    pass


def _as_written(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        value: str = node.value  # a scalar's text, before it is resolved to a bool or a number
        return value
    return None


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Node:
    loader.flatten_mapping(node)
    out = _Node()
    out.line = node.start_mark.line + 1
    out.key_lines, out.written = {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
        out.written[key] = _as_written(value_node)
    return out


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    out = _Seq(loader.construct_object(item, deep=True) for item in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [item.start_mark.line + 1 for item in node.value]
    out.written = [_as_written(item) for item in node.value]
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


# -- messages -------------------------------------------------------------------

def did_you_mean(value: object, candidates: Iterable[object],
                 strength: Callable[[str], _Rank] | None = None) -> str:
    """"; did you mean 'x'?" for a misspelt name, or "".

    With `strength` (how much a name protects: a kind's sensitivity, a
    verdict's severity), never suggests a weaker name than another that
    fits the typo without saying so: "very_sensitive" is closest to
    "sensitive", but a rule meant for highly sensitive information would
    then cover less sensitive information and let the rest through.
    """
    close = difflib.get_close_matches(str(value), [str(c) for c in candidates], n=4, cutoff=0.6)
    if not close:
        return ""
    nearest = close[0]
    if strength is None:
        return f"; did you mean {nearest!r}?"
    strongest = max(close, key=strength)  # the first (closest) of equals
    if not strength(nearest) < strength(strongest):
        return f"; did you mean {nearest!r}?"
    return (f"; did you mean {strongest!r}? ({nearest!r} is spelt closer, but it is weaker: "
            f"choose it only if that is what you meant)")


def _typename(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {dict: "a mapping", _Node: "a mapping", list: "a list", _Seq: "a list", str: "text", int: "a number",
            float: "a number", type(None): "nothing"}.get(type(value), type(value).__name__)


def _read_as(value: Any) -> str:
    """How YAML read a plain value, in YAML's words: "false", not Python's "False"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing (null)"
    return f"the number {value}" if isinstance(value, (int, float)) else repr(value)


def _kindname(kind: Kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join("nothing" if k is type(None) else _typename(k()) for k in kinds)


class _Checker:
    """Collects problems, each with the file, the line and the entry."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.file = ""

    def add(self, node: Any, loc: str, msg: str, key: Any = None, index: int | None = None) -> None:
        line = 0
        if isinstance(node, _Seq):
            line = node.item_lines[index] if index is not None and index < len(node.item_lines) else node.line
        elif isinstance(node, _Node):
            line = node.key_lines.get(key, node.line) if key is not None else node.line
        self.problems.append(Problem(self.file, line, loc, msg))

    def record(self, node: Any, loc: str, required: Mapping[str, Kind],
               optional: Mapping[str, Kind] | None = None) -> bool:
        """Check a mapping's keys and value types; False if unusable."""
        optional = optional or {}
        if not isinstance(node, dict):
            self.add(node, loc, f"expected a mapping, got {_typename(node)}")
            return False
        ok = True
        allowed = {**required, **optional}
        for key in node:
            if key not in allowed:
                hint = did_you_mean(key, allowed) or f"; allowed: {', '.join(allowed)}"
                self.add(node, f"{loc}.{key}", f"unknown key {key!r}{hint}", key)
                ok = False
        for key in required:
            if key not in node or node[key] is None:
                self.add(node, f"{loc}.{key}", "field required", key if key in node else None)
                ok = False
        for key, kind in allowed.items():
            value = node.get(key)
            if value is not None and not isinstance(value, kind):
                self.add(node, f"{loc}.{key}", f"expected {_kindname(kind)}, got {_typename(value)}"
                         + self._quote_hint(value, getattr(node, "written", {}).get(key)), key)
                ok = False
        return ok

    @staticmethod
    def _quote_hint(value: Any, written: str | None) -> str:
        if isinstance(value, (bool, int, float)) and written is not None:
            return f" (read as {_read_as(value)}); put {written!r} in quotes"
        return ""

    def strings(self, node: Any, key: str, loc: str) -> tuple[str, ...]:
        """A list of words; each item that is not a word is named with how YAML read it."""
        values = node.get(key) or [] if isinstance(node, dict) else []
        if not isinstance(values, list):
            self.add(node, f"{loc}.{key}", f"expected a list of words, got {_typename(values)}", key)
            return ()
        written = getattr(values, "written", [None] * len(values))
        bad = False
        for i, value in enumerate(values):
            if isinstance(value, str) and value.strip():
                continue
            bad = True
            if isinstance(value, (bool, int, float)) and written[i] is not None:  # unquoted no, off, yes, 999
                msg = f"read as {_read_as(value)}; put {written[i]!r} in quotes"
            elif value is None or (isinstance(value, str)):
                msg = "an empty item; write a word or remove the line"
            else:
                msg = f"expected a word, got {_typename(value)}"
            self.add(values, f"{loc}.{key}[{i}]", msg, index=i)
        return () if bad else tuple(values)

    def unique(self, nodes: list[Any], loc: str, what: str) -> dict[object, Any]:
        """The entries by id; a second entry with the same id is named."""
        out: dict[object, Any] = {}
        for i, node in enumerate(nodes):
            ident = node.get("id") if isinstance(node, dict) else None
            if ident is None:
                continue
            if ident in out:
                self.add(node, f"{loc}[{i}].id", f"duplicate {what} id {ident!r}", "id")
            out[ident] = node
        return out


@dataclass
class _Context:
    """What the files read so far give the files read next."""

    check: _Checker
    docs: dict[str, tuple[Path, YamlMap]]
    sections: dict[str, Section] = field(default_factory=dict)
    vocab: dict[str, dict[str, Term]] = field(default_factory=dict)  # "kinds", "recipients", "channels"
    groups: dict[str, frozenset[str]] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    values_of: dict[str, frozenset[str | bool]] = field(default_factory=dict)
    # kind or group -> how sensitive the information it names is: (highest rank, number of kinds)
    strength: dict[str, tuple[int, int]] = field(default_factory=dict)
    checklists: dict[str, Checklist] = field(default_factory=dict)
    alternatives: dict[str, Alternative] = field(default_factory=dict)

    def open(self, name: str, required: Mapping[str, Kind], optional: Mapping[str, Kind] | None = None) -> YamlMap:
        path, doc = self.docs[name]
        self.check.file = str(path)
        self.check.record(doc, name, required, optional)
        return doc

    def cites(self, node: YamlMap, loc: str, key: str = "cites") -> tuple[str, ...]:
        values = self.check.strings(node, key, loc)
        if isinstance(node.get(key), list) and not node[key]:
            self.check.add(node, f"{loc}.{key}", "must cite at least one protocol section", key)
        for i, value in enumerate(values):
            if value not in self.sections:
                self.check.add(node[key], f"{loc}.{key}[{i}]",
                               f"cites unknown section {value!r}{did_you_mean(value, self.sections)}", index=i)
        return values

    def refs(self, node: YamlMap, loc: str, key: str, known: Collection[object], what: str) -> tuple[str, ...]:
        values = self.check.strings(node, key, loc)
        for i, value in enumerate(values):
            if value not in known:
                self.check.add(node[key], f"{loc}.{key}[{i}]",
                               f"refers to unknown {what} {value!r}{did_you_mean(value, known)}", index=i)
        return values

    def verdict(self, node: YamlMap, loc: str, key: str = "verdict") -> Verdict | None:
        try:
            return Verdict(node[key])
        except ValueError:
            hint = did_you_mean(node[key], [v.value for v in Verdict], lambda v: Verdict(v).severity)
            self.check.add(node, f"{loc}.{key}", f"{node[key]!r} is not one of "
                           f"{', '.join(v.value for v in Verdict)}{hint}", key)
            return None

    def condition(self, node: Any, loc: str) -> dict[str, FactValues] | None:
        """A `when`: fact -> allowed values (groups expanded; null for "nobody has said")."""
        check = self.check
        if not isinstance(node, dict):
            check.add(node, loc, f"expected a mapping of fact: [values], got {_typename(node)}")
            return None
        out: dict[str, FactValues] = {}
        for fact, values in node.items():
            floc = f"{loc}.{fact}"
            if fact not in FACT_NAMES:
                check.add(node, floc, f"unknown fact {fact!r}{did_you_mean(fact, FACT_NAMES)}", fact)
                continue
            if not isinstance(values, list) or not values:
                check.add(node, floc, "expected a non-empty list of values, such as [email]"
                          + (" or [null] for \"nobody has said\"" if values is None else ""), fact)
                continue
            expanded: set[str | bool | None] = set()
            for i, value in enumerate(values):
                vloc = f"{floc}[{i}]"
                written = values.written[i] if isinstance(values, _Seq) else None
                if value is None:
                    expanded.add(None)  # null: nobody has said
                elif fact in BOOL_FACTS:
                    if isinstance(value, bool):
                        expanded.add(value)
                    else:
                        check.add(values, vloc, f"{value!r} is not true, false or null", index=i)
                elif value in self.values_of.get(fact, ()):
                    expanded |= self.groups.get(value, {value})
                elif isinstance(value, (bool, int, float)):
                    check.add(values, vloc, f"read as {_read_as(value)}; put {written!r} in quotes"
                              if written else f"unknown {fact} {value!r}", index=i)
                else:
                    hint = did_you_mean(value, sorted(str(v) for v in self.values_of.get(fact, ())),
                                        self._kind_strength if fact == "kind" else None)
                    check.add(values, vloc, f"unknown {fact} {value!r}{hint}", index=i)
            out[fact] = frozenset(expanded)
        return out

    def _kind_strength(self, name: str) -> tuple[int, int]:
        return self.strength.get(name, (0, 0))

    def reasons(self, node: YamlMap, loc: str, key: str) -> tuple[Cited, ...]:
        out: list[Cited] = []
        for j, reason in enumerate(node.get(key) or []):
            rloc = f"{loc}.{key}[{j}]"
            if self.check.record(reason, rloc, {"text": str, "cites": list}):
                out.append(Cited(reason["text"].strip(), self.cites(reason, rloc)))
        return tuple(out)


# -- loading -------------------------------------------------------------------

def read_mapping(path: Path, part: str) -> YamlMap:
    """A tool's own knowledge file (fax.yaml, near_miss.yaml) as a mapping, or KnowledgeError with the line."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KnowledgeError([Problem(str(path), 0, part, f"cannot read the file ({exc.strerror or exc})")]) from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KnowledgeError([Problem(str(path), mark.line + 1 if mark else 0, part,
                                      f"invalid YAML: {exc}")]) from None
    if not isinstance(doc, dict):
        raise KnowledgeError([Problem(str(path), 0, part, "expected a mapping at the top")])
    return doc


def section_ids(policy: Policy, value: Any, add: Callable[[str, str], None], loc: str) -> tuple[str, ...]:
    """A tool file's `cites`: a non-empty list of sections.yaml ids; each problem goes to `add(loc, msg)`."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        add(loc, "expected a list of section ids")
        return ()
    for cite in value:
        if cite not in policy.sections:
            add(loc, f"{cite!r} is not a section id in sections.yaml")
    return tuple(value)


def load_policy(directory: str | Path | None = None) -> Policy:
    """Load and validate every knowledge file in `directory`.

    Raises KnowledgeError listing every problem found, so a broken file
    stops start-up with one message instead of failing mid-conversation.
    """
    directory = Path(directory) if directory else DATA_DIR
    check = _Checker()
    docs = _parse(check, directory)
    everyday = _everyday_words(check, directory / EVERYDAY_WORDS)
    if check.problems:
        raise KnowledgeError(check.problems)
    ctx = _Context(check, docs)
    _sections(ctx)
    _vocabulary(ctx)
    _facts(ctx)
    _checklists(ctx)
    rules, ask, offer, happened = _rules(ctx)
    faq, topics = _faq(ctx)
    signals, password_check = _signals(ctx)
    harm = _harm(ctx)
    _needed_by_code(ctx, _ids_in(ctx, faq, signals, harm, rules))
    if check.problems:
        raise KnowledgeError(check.problems)
    policy = Policy(ctx.sections, ctx.vocab["kinds"], ctx.groups, ctx.vocab["recipients"], ctx.vocab["channels"],
                    ctx.facts, ctx.checklists, ctx.alternatives, ask, tuple(rules), faq, signals, harm,
                    frozenset(ctx.docs["vocabulary"][1].get("known_words") or ()), str(directory), password_check,
                    everyday, offer, happened, topics)
    _reachable(ctx, policy)
    if check.problems:
        raise KnowledgeError(check.problems)
    return policy


def _parse(check: _Checker, directory: Path) -> dict[str, tuple[Path, YamlMap]]:
    docs: dict[str, tuple[Path, YamlMap]] = {}
    for name in FILES:
        path = directory / f"{name}.yaml"
        check.file = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            check.add(None, name, f"cannot read the file ({exc.strerror or exc})")
            continue
        except UnicodeDecodeError:
            check.add(None, name, "the file is not UTF-8 text; save it as UTF-8")
            continue
        try:
            doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            reason = getattr(exc, "problem", None) or str(exc)
            check.problems.append(Problem(str(path), mark.line + 1 if mark else 0, name, f"invalid YAML: {reason}"))
            continue
        if not isinstance(doc, dict):
            check.add(doc, name, f"expected a mapping at the top of the file, got {_typename(doc)}")
            continue
        docs[name] = (path, doc)
    return docs


def _everyday_words(check: _Checker, path: Path) -> frozenset[str]:
    """everyday_words.txt: one word a line, never corrected onto a vocabulary word."""
    check.file = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        check.add(None, "everyday_words", f"cannot read the file ({getattr(exc, 'strerror', None) or exc})")
        return frozenset()
    words: set[str] = set()
    for n, line in enumerate(lines, 1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if not (word.isalpha() and word == word.lower()):
            check.problems.append(Problem(str(path), n, "everyday_words", f"{word!r}: one lower-case word a line"))
        words.add(word)
    return frozenset(words)


def _sections(ctx: _Context) -> None:
    """sections.yaml, first: everything else cites it."""
    check = ctx.check
    doc = ctx.open("sections", {"sections": list})
    for i, node in enumerate(doc.get("sections") or []):
        loc = f"sections[{i}]"
        if not check.record(node, loc, {"id": str, "section": str, "item": str, "text": str}, {"source": str}):
            continue
        if node["id"] in ctx.sections:
            check.add(node, f"{loc}.id", f"duplicate section id {node['id']!r}", "id")
        if node.get("source", "protocol") not in ("protocol", "external"):
            check.add(node, f"{loc}.source", f"{node['source']!r} is not one of protocol, external", "source")
        ctx.sections[node["id"]] = Section(node["id"], node["section"], node["item"], node["text"].strip(),
                                           node.get("source") == "external")


_TERM_KEYS = {
    "kinds": {"rank": int, "choice": bool, "claims": list},
    "recipients": {"rank": int, "channel": str, "domains": list, "choice": bool},
    "channels": {"rank": int, "covered": bool, "recipient": str, "platform": bool, "how_to": str, "choice": bool},
}


def _vocabulary(ctx: _Context) -> None:
    """vocabulary.yaml: kinds, recipients, channels, their words, and the groups of kinds."""
    check = ctx.check
    doc = ctx.open("vocabulary", {"kinds": list, "recipients": list, "channels": list},
                   {"groups": dict, "known_words": list})
    for part, optional in _TERM_KEYS.items():
        terms: dict[str, Term] = {}
        for i, node in enumerate(doc.get(part) or []):
            loc = f"{part}[{i}]"
            if not check.record(node, loc, {"id": str, "label": str, "words": list, "cites": list}, optional):
                continue
            if node["id"] in terms:
                check.add(node, f"{loc}.id", f"duplicate id {node['id']!r}", "id")
            terms[node["id"]] = Term(node["id"], node["label"], check.strings(node, "words", loc),
                                     ctx.cites(node, loc), node.get("rank", 0), node.get("covered", True),
                                     node.get("channel"), node.get("recipient"), node.get("choice", True),
                                     check.strings(node, "claims", loc), check.strings(node, "domains", loc),
                                     node.get("platform", False), node.get("how_to"))
        ctx.vocab[part] = terms
    # A recipient may imply a channel and a channel a recipient; each must exist.
    for part, key, other in (("recipients", "channel", "channels"), ("channels", "recipient", "recipients")):
        for i, node in enumerate(doc.get(part) or []):
            target = node.get(key) if isinstance(node, dict) else None
            if target is not None and target not in ctx.vocab[other]:
                check.add(node, f"{part}[{i}].{key}",
                          f"unknown {key} {target!r}{did_you_mean(target, ctx.vocab[other])}", key)
    kinds = ctx.vocab["kinds"]
    ctx.strength.update({k: (t.rank, 1) for k, t in kinds.items()})
    groups = doc.get("groups") or {}
    for name, members in groups.items():
        if not isinstance(members, list):
            check.add(groups, f"groups.{name}", f"expected a list of kinds, got {_typename(members)}", name)
            continue
        bad = [(i, m) for i, m in enumerate(members) if m not in kinds]
        for i, m in bad:
            check.add(members, f"groups.{name}[{i}]", f"unknown kind {m!r}{did_you_mean(m, kinds)}", index=i)
        if name in kinds:
            check.add(groups, f"groups.{name}", "a group cannot share a name with a kind", name)
        if not bad:
            ctx.groups[name] = frozenset(members)
            ctx.strength[name] = (max((kinds[m].rank for m in members), default=0), len(members))
    check.strings(doc, "known_words", "vocabulary")
    ctx.values_of.update({
        "kind": frozenset(kinds) | frozenset(ctx.groups),
        "recipient": frozenset(ctx.vocab["recipients"]),
        "channel": frozenset(ctx.vocab["channels"]),
        "down": frozenset(ctx.vocab["channels"]),  # "the portal is down": a channel that is not working
    })


def _facts(ctx: _Context) -> None:
    """facts.yaml: the questions, in the order the guided check asks them."""
    check = ctx.check
    doc = ctx.open("facts", {"facts": list})
    for i, node in enumerate(doc.get("facts") or []):
        loc = f"facts[{i}]"
        if not check.record(node, loc, {"id": str, "question": str, "cites": list},
                            {"help": str, "optional": bool, "asked": bool, "choices": list, "choices_from": str}):
            continue
        fid = node["id"]
        if fid not in FACT_NAMES:
            check.add(node, f"{loc}.id", f"unknown fact {fid!r}{did_you_mean(fid, FACT_NAMES)} "
                      f"(the advisor knows {', '.join(FACT_NAMES)})", "id")
            continue
        choices: list[Choice] = []
        if "choices_from" in node:
            source = node["choices_from"]
            if source not in ctx.vocab:
                check.add(node, f"{loc}.choices_from", f"{source!r} is not one of kinds, recipients, channels"
                          f"{did_you_mean(source, ctx.vocab)}", "choices_from")
            else:
                choices = [Choice(t.id, t.label, t.words) for t in ctx.vocab[source].values() if t.choice]
        for j, c in enumerate(node.get("choices") or []):
            cloc = f"{loc}.choices[{j}]"
            if check.record(c, cloc, {"value": (str, bool), "label": str}, {"words": list}):
                if fid in BOOL_FACTS and not isinstance(c["value"], bool):
                    check.add(c, f"{cloc}.value", "expected true or false for a yes/no fact", "value")
                choices.append(Choice(c["value"], c["label"], check.strings(c, "words", cloc)))
        if not choices:
            check.add(node, loc, "needs choices or choices_from")
        fact = Fact(fid, node["question"], tuple(choices), ctx.cites(node, loc), node.get("help", ""),
                    node.get("optional", False), node.get("asked", True))
        ctx.facts[fid] = fact
        if not fact.asked and not fact.optional:
            check.add(node, f"{loc}.asked", "a fact that is never asked must be optional", "asked")
        if fid not in ctx.values_of and fid not in BOOL_FACTS:  # its own choices ("password": strong, ...)
            ctx.values_of[fid] = frozenset(c.value for c in choices)
    for name in FACT_NAMES:
        if name not in ctx.facts:
            check.add(doc, "facts", f"fact {name!r} has no question; add an entry with id: {name}")


def _checklists(ctx: _Context) -> None:
    """checklists.yaml: steps, each citing the protocol; `when` narrows an item to some facts."""
    check = ctx.check
    doc = ctx.open("checklists", {"checklists": list})
    for i, node in enumerate(doc.get("checklists") or []):
        loc = f"checklists[{i}]"
        if not check.record(node, loc, {"id": str, "title": str, "items": list}):
            continue
        items: list[ChecklistItem] = []
        for j, item in enumerate(node["items"]):
            iloc = f"{loc}.items[{j}]"
            if check.record(item, iloc, {"text": str, "cites": list}, {"when": dict}):
                when = ctx.condition(item["when"], f"{iloc}.when") if "when" in item else None
                items.append(ChecklistItem(item["text"].strip(), ctx.cites(item, iloc), when))
        if node["id"] in ctx.checklists:
            check.add(node, f"{loc}.id", f"duplicate checklist id {node['id']!r}", "id")
        ctx.checklists[node["id"]] = Checklist(node["id"], node["title"], tuple(items))


def _rules(ctx: _Context) -> tuple[list[Rule], AskPolicy, PackageOffer | None, Happened | None]:
    """rules.yaml: alternatives, the rules (first match wins), what a question asks, the package offer."""
    check = ctx.check
    doc = ctx.open("rules", {"rules": list, "alternatives": list, "ask": dict}, {"package_offer": dict, "happened": dict})
    for i, node in enumerate(doc.get("alternatives") or []):
        loc = f"alternatives[{i}]"
        if check.record(node, loc, {"id": str, "text": str, "cites": list}, {"when": dict}):
            when = ctx.condition(node["when"], f"{loc}.when") if "when" in node else None
            ctx.alternatives[node["id"]] = Alternative(node["id"], node["text"].strip(), ctx.cites(node, loc), when)
    ask_node = doc.get("ask")
    ask = AskPolicy("", (), ())
    if isinstance(ask_node, dict) and check.record(ask_node, "ask", {"summary": str},
                                                   {"checklists": list, "alternatives": list}):
        ask = AskPolicy(ask_node["summary"].strip(), ctx.refs(ask_node, "ask", "checklists", ctx.checklists, "checklist"),
                        ctx.refs(ask_node, "ask", "alternatives", ctx.alternatives, "alternative"))
    rules: list[Rule] = []
    for i, node in enumerate(doc.get("rules") or []):
        rule = _rule(ctx, node, f"rules[{i}]", {r.id for r in rules})
        if rule is not None:
            rules.append(rule)
    known = {r.id for r in rules} | {f"ask-{f}" for f in ctx.facts}
    for i, rule in enumerate(rules):
        for j, ex in enumerate(rule.examples):
            if ex.rule and ex.rule not in known:
                check.problems.append(Problem(check.file, ex.line, f"rules[{i}].examples[{j}].rule",
                                              f"unknown rule {ex.rule!r}{did_you_mean(ex.rule, known)}"))
    if rules and not any(len(c) == 0 for c in rules[-1].when):
        check.add(doc, "rules", "the last rule must have `when: {}` so every question gets an answer", "rules")
    offer = None
    node = doc.get("package_offer")
    if node is not None and check.record(node, "package_offer", {"when": dict, "verdicts": list}):
        when = ctx.condition(node["when"], "package_offer.when")
        verdicts = _verdicts(check, node, "package_offer")
        if when is not None:
            offer = PackageOffer(when, verdicts)
    return rules, ask, offer, _happened(ctx, doc.get("happened"), rules)


def _verdicts(check: _Checker, node: YamlMap, loc: str) -> frozenset[Verdict]:
    """`node`'s list of verdicts, each checked."""
    verdicts: set[Verdict] = set()
    for j, value in enumerate(check.strings(node, "verdicts", loc)):
        if value in {v.value for v in Verdict}:
            verdicts.add(Verdict(value))
        else:
            check.add(node["verdicts"], f"{loc}.verdicts[{j}]", f"{value!r} is not one of "
                      f"{', '.join(v.value for v in Verdict)}{did_you_mean(value, [v.value for v in Verdict])}",
                      index=j)
    return frozenset(verdicts)


def _happened(ctx: _Context, node: Any, rules: list[Rule]) -> Happened | None:
    """rules.yaml `happened`: a refusing rule's answer once the user tells it has been done."""
    check = ctx.check
    if node is None or not check.record(node, "happened", {"when": dict, "verdicts": list, "verdict": str,
                                                           "summary": str, "reasons": list},
                                                {"follow_up": str, "not_for": list}):
        return None
    when = ctx.condition(node["when"], "happened.when")
    verdicts = _verdicts(check, node, "happened")
    verdict = ctx.verdict(node, "happened")
    reasons = ctx.reasons(node, "happened", "reasons")
    if not reasons:
        check.add(node, "happened.reasons", "`happened` needs at least one reason citing the protocol", "reasons")
    if verdict is Verdict.NEED_MORE_INFO and not node.get("follow_up"):
        check.add(node, "happened.follow_up", "a need_more_info answer must say what to do next")
    known = {r.id for r in rules}
    not_for = check.strings(node, "not_for", "happened")
    for j, rule_id in enumerate(not_for):
        if rule_id not in known:
            check.add(node["not_for"], f"happened.not_for[{j}]", f"unknown rule {rule_id!r}{did_you_mean(rule_id, known)}",
                      index=j)
    if when is None or verdict is None:
        return None
    return Happened(when, verdicts, verdict, node["summary"].strip(), reasons, node.get("follow_up", "").strip(),
                    frozenset(not_for))


def _rule(ctx: _Context, node: Any, loc: str, seen: set[str]) -> Rule | None:
    check = ctx.check
    if not check.record(node, loc, {"id": str, "when": (dict, list), "verdict": str, "summary": str, "reasons": list},
                        {"checklists": list, "alternatives": list, "follow_up": str, "examples": list,
                         "proposed": dict, "follow_up_asks": list}):
        return None
    if node["id"] in seen:
        check.add(node, f"{loc}.id", f"duplicate rule id {node['id']!r}", "id")
    verdict = ctx.verdict(node, loc)
    if verdict is None:
        return None
    whens = node["when"] if isinstance(node["when"], list) else [node["when"]]
    conds = tuple(c for c in (ctx.condition(w, f"{loc}.when") for w in whens) if c is not None)
    reasons = ctx.reasons(node, loc, "reasons")
    if not reasons:
        check.add(node, f"{loc}.reasons", "a rule needs at least one reason citing the protocol", "reasons")
    if verdict is Verdict.NEED_MORE_INFO and not node.get("follow_up"):
        check.add(node, f"{loc}.follow_up", "a need_more_info rule must say what to do next")
    examples: list[Example] = []
    for j, ex in enumerate(node.get("examples") or []):
        eloc = f"{loc}.examples[{j}]"
        if check.record(ex, eloc, {"question": str, "verdict": str}, {"rule": str}):
            ex_verdict = ctx.verdict(ex, eloc)
            if ex_verdict is not None:
                examples.append(Example(" ".join(ex["question"].split()), ex_verdict, ex.line, ex.get("rule", "")))
    proposed = None
    if "proposed" in node and check.record(node["proposed"], f"{loc}.proposed", {"verdict": str, "summary": str}):
        proposed_verdict = ctx.verdict(node["proposed"], f"{loc}.proposed")
        if proposed_verdict is not None:
            proposed = Proposed(proposed_verdict, node["proposed"]["summary"].strip())
    asks = tuple(str(f) for f in node.get("follow_up_asks") or ())
    for fact in asks:
        if fact not in FACT_NAMES:
            check.add(node, f"{loc}.follow_up_asks", f"unknown fact {fact!r}{did_you_mean(fact, FACT_NAMES)}",
                      "follow_up_asks")
    if asks and not node.get("follow_up"):
        check.add(node, f"{loc}.follow_up_asks", "follow_up_asks names what a follow_up asks for; add the follow_up",
                  "follow_up_asks")
    return Rule(node["id"], conds, verdict, node["summary"].strip(), reasons,
                ctx.refs(node, loc, "checklists", ctx.checklists, "checklist"),
                ctx.refs(node, loc, "alternatives", ctx.alternatives, "alternative"),
                node.get("follow_up", "").strip(), tuple(examples), node.line, proposed, asks)


def _faq(ctx: _Context) -> tuple[dict[str, Faq], tuple[FaqTopic, ...]]:
    """faq.yaml: common questions, their paraphrases and answers, and the menu's topics."""
    check = ctx.check
    doc = ctx.open("faq", {"faq": list}, {"topics": list})
    nodes = check.unique(doc.get("faq") or [], "faq", "FAQ")
    faq: dict[str, Faq] = {}
    for i, node in enumerate(doc.get("faq") or []):
        loc = f"faq[{i}]"
        if not check.record(node, loc, {"id": str, "question": str, "paraphrases": list, "verdict": str,
                                        "answer": str, "cites": list},
                            {"checklist": str, "follow_ups": list, "also": list, "needs": list, "unless_sent": bool,
                             "unsettled": (bool, list), "needs_too": list, "refutes": bool,
                             "not_with": list}):
            continue
        verdict = ctx.verdict(node, loc)
        if verdict is None:
            continue
        if node.get("unsettled") and (verdict is not Verdict.NEED_MORE_INFO or not node.get("needs")):
            # said before the rules' answer: only for what the protocol leaves unsettled, and only where asked of
            check.add(node, f"{loc}.unsettled", "needs verdict need_more_info and a `needs` list", "unsettled")
        unsettled_by = check.strings(node, "unsettled", loc) if isinstance(node.get("unsettled"), list) else ()
        for word in unsettled_by:
            if word not in (node.get("needs") or []):
                # `unsettled: [gdpr]`: the needs that say the silence first, where others are too common to
                check.add(node, f"{loc}.unsettled", f"{word!r} is not one of its `needs`", "unsettled")
        if node.get("checklist") and node["checklist"] not in ctx.checklists:
            check.add(node, f"{loc}.checklist", f"refers to unknown checklist {node['checklist']!r}"
                      f"{did_you_mean(node['checklist'], ctx.checklists)}", "checklist")
        faq[node["id"]] = Faq(node["id"], node["question"], check.strings(node, "paraphrases", loc), verdict,
                              " ".join(node["answer"].split()), ctx.cites(node, loc), node.get("checklist"),
                              ctx.refs(node, loc, "follow_ups", nodes, "FAQ"), check.strings(node, "also", loc),
                              check.strings(node, "needs", loc), node.get("unless_sent", False),
                              bool(node.get("unsettled", False)), check.strings(node, "needs_too", loc),
                              node.get("refutes", False), unsettled_by, check.strings(node, "not_with", loc))
    # vocabulary.yaml channels name the FAQ that answers a how-to question about them (`how_to`): it must exist
    vocabulary = ctx.docs.get("vocabulary")
    if vocabulary is not None:
        check.file = str(vocabulary[0])
        for i, node in enumerate(vocabulary[1].get("channels") or []):
            how = node.get("how_to") if isinstance(node, dict) else None
            if isinstance(how, str) and how not in faq:
                check.add(node, f"channels[{i}].how_to", f"refers to unknown FAQ {how!r}{did_you_mean(how, faq)}",
                          "how_to")
    check.file = str(ctx.docs["faq"][0])
    return faq, _faq_topics(check, doc, nodes)


def _faq_topics(check: _Checker, doc: YamlMap, nodes: Mapping[object, Any]) -> tuple[FaqTopic, ...]:
    """faq.yaml `topics`: each FAQ under exactly one, so a new FAQ cannot be left out of the menu."""
    if "topics" not in doc:
        return ()
    topics: list[FaqTopic] = []
    placed: dict[object, str] = {}
    check.unique(doc["topics"] or [], "topics", "topic")
    for i, node in enumerate(doc["topics"] or []):
        loc = f"topics[{i}]"
        if not check.record(node, loc, {"id": str, "title": str, "faqs": list}):
            continue
        ids = check.strings(node, "faqs", loc)
        if not ids:
            check.add(node, f"{loc}.faqs", "a topic needs at least one FAQ", "faqs")
        for j, ident in enumerate(ids):
            if ident not in nodes:
                check.add(node["faqs"], f"{loc}.faqs[{j}]",
                          f"refers to unknown FAQ {ident!r}{did_you_mean(ident, nodes)}", index=j)
            elif ident in placed:
                check.add(node["faqs"], f"{loc}.faqs[{j}]",
                          f"FAQ {ident!r} is already under topic {placed[ident]!r}; list it once", index=j)
            else:
                placed[ident] = node["id"]
        topics.append(FaqTopic(node["id"], " ".join(node["title"].split()), ids))
    for key, entry in nodes.items():
        if key not in placed:
            check.add(entry, "topics", f"FAQ {key!r} is under no topic: add it to one of topics[].faqs, or it is "
                      "never shown in the menu")
    return tuple(topics)


def _signals(ctx: _Context) -> tuple[dict[str, Signal], PasswordCheck | None]:
    """signals.yaml: words that set yes/no facts, and the protocol's password rule."""
    check = ctx.check
    doc = ctx.open("signals", {"signals": dict}, {"password_check": dict})
    signals: dict[str, Signal] = {}
    for name, node in (doc.get("signals") or {}).items():
        loc = f"signals.{name}"
        if not check.record(node, loc, {"words": list}, {"negations": list, "near": dict, "opposites": list}):
            continue
        near = None
        if node.get("near") is not None and check.record(node["near"], f"{loc}.near", {"acts": list, "targets": list},
                                                         {"within": int}):
            within = node["near"].get("within", 2)
            if within < 1:
                check.add(node["near"], f"{loc}.near.within", "must be 1 or more", "within")
            near = Near(check.strings(node["near"], "acts", f"{loc}.near"),
                        check.strings(node["near"], "targets", f"{loc}.near"), within)
            for key in ("acts", "targets"):
                for word in getattr(near, key):
                    if len(word.split()) != 1:
                        check.add(node["near"], f"{loc}.near.{key}", f"{word!r}: one word each", key)
        signals[name] = Signal(check.strings(node, "words", loc), check.strings(node, "negations", loc), near,
                               check.strings(node, "opposites", loc))
    if "harm" in signals:
        check.add(doc["signals"], "signals.harm", "signs of harm are read from harm.yaml; move these words there",
                  "harm")
    password_check = None
    node = doc.get("password_check")
    if node is not None and check.record(node, "password_check", {"words": list, "cites": list},
                                         {"not_passwords": list, "min_length": int, "examples": list}):
        length = node.get("min_length", 8)
        if isinstance(length, bool) or length < 1:
            check.add(node, "password_check.min_length", f"{length!r} must be a whole number of 1 or more",
                      "min_length")
        password_check = PasswordCheck(check.strings(node, "words", "password_check"),
                                       check.strings(node, "not_passwords", "password_check"), length,
                                       ctx.cites(node, "password_check"),
                                       check.strings(node, "examples", "password_check"))
    return signals, password_check


HARM_LISTS = ("people", "fillers", "negations", "terminators", "reporters", "documents", "history", "immediate",
              "no_harm", "not_harm", "managed", "explained", "recent", "resolved", "not_real", "current",
              "soon", "children", "groups", "adults", "topics", "topic_of", "history_written", "child_data", "conditions", "unsure",
              "ongoing", "cues_written", "hedges", "seem_fine", "handover", "unactioned")
HARM_NUMBERS = {"window": (4, 10), "gap": (3, 10), "scope": (5, 10), "corroborate": (2, 10), "story": (20, 200),
                "age_gap": (5, 30)}
# The categories national guidance names; each must be in harm.yaml (more may be added).
HARM_CATEGORIES = ("physical", "sexual", "emotional", "neglect", "domestic", "self_harm", "missing",
                   "sexual_exploitation", "criminal_exploitation", "fgm_forced_marriage_honour", "radicalisation",
                   "online", "trafficking", "risky_adult", "parent_crisis")


def _harm(ctx: _Context) -> HarmWords:
    """harm.yaml: the signs of significant harm, by category, and how they are read."""
    check = ctx.check
    doc = ctx.open("harm", {"categories": list},
                   {**{k: (list, int) for k in (*HARM_LISTS, *HARM_NUMBERS)}, "learned": dict})
    lists: dict[str, tuple[str, ...]] = {}
    for name in HARM_LISTS:
        if not isinstance(doc.get(name, []), list):
            check.add(doc, f"harm.{name}", f"expected a list, got {_typename(doc[name])}", name)
        lists[name] = check.strings(doc, name, "harm") if isinstance(doc.get(name, []), list) else ()
    for name in ("people", "negations"):
        if not lists[name]:
            check.add(doc, f"harm.{name}", "must list at least one word", name)
    numbers: dict[str, int] = {}
    for name, (default, most) in HARM_NUMBERS.items():
        value = doc.get(name, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= most:
            check.add(doc, f"harm.{name}", f"{value!r} must be a whole number from 1 to {most}", name)
            value = default
        numbers[name] = value
    categories: list[HarmCategory] = []
    nodes = doc.get("categories")
    if not isinstance(nodes, list):
        nodes = []
    check.unique(nodes, "harm.categories", "category")
    for i, node in enumerate(nodes):
        loc = f"harm.categories[{i}]"
        if not check.record(node, loc, {"id": str, "title": str, "cites": list},
                            {"clear": list, "acts": list, "signs": list, "weak": list, "resolved": list,
                             "timeless": bool, "linked_by": list}):
            continue
        acts = check.strings(node, "acts", loc)
        for word in acts:
            if len(word.split()) != 1:
                check.add(node, f"{loc}.acts", f"{word!r}: one word each (put phrases under clear)", "acts")
        category = HarmCategory(node["id"], node["title"], ctx.cites(node, loc), check.strings(node, "clear", loc),
                                acts, check.strings(node, "signs", loc), check.strings(node, "weak", loc),
                                check.strings(node, "resolved", loc), node.get("timeless", False) is True,
                                check.strings(node, "linked_by", loc))
        if not (category.clear or category.acts or category.signs):
            check.add(node, loc, "lists no words: give clear, acts or signs")
        categories.append(category)
    have = {c.id for c in categories}
    for name in HARM_CATEGORIES:
        if name not in have:
            check.add(doc, "harm.categories", f"category {name!r} is missing (national guidance names it)",
                      "categories")
    # Each name in HARM_LISTS and HARM_NUMBERS is a field of HarmWords (every load_policy call proves it);
    # mypy cannot match a dict's keys to keyword parameters, so the values are typed as the fields they fill.
    fields: dict[str, tuple[str, ...] | int] = {**lists, **numbers}
    learned = _learned(ctx, doc) if isinstance(doc.get("learned"), dict) else None
    return HarmWords(tuple(categories), **fields, learned=learned)  # type: ignore[arg-type]


def _learned(ctx: _Context, doc: YamlMap) -> LearnedHarm | None:
    """harm.yaml `learned`: the model file beside it (dialogs/learned.py writes it) and its two thresholds."""
    check, node, loc = ctx.check, doc["learned"], "harm.learned"
    if not check.record(node, loc, {"model": str, "ask_above": (float, int), "quiet_below": (float, int),
                                    "escalate_above": (float, int)}):
        return None
    ask, quiet, ring = float(node["ask_above"]), float(node["quiet_below"]), float(node["escalate_above"])
    if not 0 <= quiet < ask <= 1:
        check.add(node, loc, f"need 0 <= quiet_below ({quiet}) < ask_above ({ask}) <= 1: they are probabilities",
                  "quiet_below")
        return None
    if not 0 <= ring <= 1:
        check.add(node, loc, f"escalate_above ({ring}) is a probability: between 0 and 1", "escalate_above")
        return None
    path = Path(check.file).with_name(node["model"])
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        check.add(node, f"{loc}.model", f"cannot read {path.name} ({exc.strerror or exc}); "
                  "make it with: python -m dialogs.learned tests/data/*.yaml", "model")
        return None
    except (UnicodeDecodeError, ValueError) as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        check.add(node, f"{loc}.model", f"{path.name} is not valid JSON{where}: retrain it with python -m "
                  "dialogs.learned", "model")
        return None
    if not isinstance(model, dict):
        model = {}
    features, bias, clear_bias = model.get("features"), model.get("bias"), model.get("clear_bias")
    if not isinstance(features, dict) or not features or not isinstance(bias, (int, float)) \
            or not isinstance(clear_bias, (int, float)) or not all(math.isfinite(b) for b in (bias, clear_bias)) or not all(
            isinstance(v, list) and len(v) == 3 and all(isinstance(x, (int, float)) and math.isfinite(x) for x in v)
            for v in features.values()):
        check.add(node, f"{loc}.model", f"{path.name} lacks its biases or features ([idf, weight, clear weight] "
                  "each, finite numbers): retrain it with python -m dialogs.learned", "model")
        return None
    return LearnedHarm({g: float(v[0]) for g, v in features.items()}, {g: float(v[1]) for g, v in features.items()},
                       float(bias), ask, quiet, {g: float(v[2]) for g, v in features.items() if v[2]},
                       float(clear_bias), ring)


def _ids_in(ctx: _Context, faq: Mapping[str, Faq], signals: Mapping[str, Signal],
           harm: HarmWords, rules: Sequence[Rule]) -> dict[str, set[str | bool]]:
    """The ids each part of the knowledge defines, as read."""
    valued = {f"facts.{name}": {c.value for c in fact.choices} if (fact := ctx.facts.get(name)) else set()
              for name in VALUED_FACTS}
    return {
        "recipients": set(ctx.vocab.get("recipients", ())), "channels": set(ctx.vocab.get("channels", ())),
        "kinds": set(ctx.vocab.get("kinds", ())), "checklists": set(ctx.checklists), "faq": set(faq),
        "signals": set(signals), **valued,
        "harm.categories": {c.id for c in harm.categories}, "sections": set(ctx.sections),
        "rules": {r.id for r in rules},
    }


# Facts whose values the code sets by name (contract.py lists each value)
VALUED_FACTS = ("password", "follow_up_by")


def _entries(doc: YamlMap, part: str) -> list[tuple[Any, Any, Any, str]]:
    """(node, key, id, entry) for each entry of `part`, to point at a renamed one."""
    if part.startswith("facts."):
        facts = [f for f in doc.get("facts") or [] if isinstance(f, dict)]
        i, fact = next(((i, f) for i, f in enumerate(facts) if f.get("id") == part[len("facts."):]), (0, {}))
        return [(c, "value", c.get("value"), f"facts[{i}].choices[{j}].value")
                for j, c in enumerate(fact.get("choices") or []) if isinstance(c, dict)]
    if part == "signals":
        signals = doc.get("signals") or {}
        return [(signals, name, name, f"signals.{name}") for name in signals]
    name = part.split(".")[-1]
    return [(n, "id", n.get("id"), f"{part}[{i}].id")
            for i, n in enumerate(doc.get(name) or []) if isinstance(n, dict)]


def _needed_by_code(ctx: _Context, ids: Mapping[str, set[str | bool]]) -> None:
    """Every id contract.py lists must exist: the code looks each up by name."""
    check = ctx.check
    by_part: dict[tuple[str, str], list[Needed]] = {}
    for need in NEEDED:
        by_part.setdefault((need.file, need.part), []).append(need)
    for (name, part), needs in by_part.items():
        path, doc = ctx.docs[name]
        check.file = str(path)
        have = ids[part]
        needed_ids = {n.id for n in needs}
        entries = _entries(doc, part)
        for need in needs:
            if need.id in have:
                continue
            # the likely rename: an entry no code needs, spelt close to the needed id
            spare = [ident for _, _, ident, _ in entries if isinstance(ident, str) and ident not in needed_ids]
            close = [s for s in spare if need.id in s][:1] or difflib.get_close_matches(need.id, spare, n=1, cutoff=0.5)
            what = f"{need.id!r} is missing"
            tail = (f"SafeShare's code uses it by name ({need.why}). Keep the id {need.id!r}; "
                    f"you may change its label and words")
            if close:
                node, key, _, at = next(e for e in entries if e[2] == close[0])
                check.add(node, at, f"{what}: was it renamed to {close[0]!r}? {tail}", key)
            else:
                check.add(doc, part, f"{what}: {tail}", part.split(".")[0])


def _reachable(ctx: _Context, policy: Policy) -> None:
    """A rule no combination of facts reaches is a mistake in the order of rules.yaml."""
    check = ctx.check
    path, _ = ctx.docs["rules"]
    check.file = str(path)
    last = len(policy.rules) - 1
    for found in unreachable_rules(policy):
        if found.index == last:
            continue  # the catch-all: earlier rules may well answer everything
        loc = f"rules[{found.index}] ({found.rule.id})"
        if found.everything:
            msg = ("matches every question (when: {}), so no rule below it is ever used; "
                   "move it to the end or give it a condition")
        else:
            names = ", ".join(found.before[:4]) + (" …" if len(found.before) > 4 else "")
            msg = (f"can never apply: every question it matches is answered first by {names}; "
                   f"move it above {names}, or narrow the `when` of {names}")
        check.problems.append(Problem(check.file, found.rule.line, loc, msg))


def cited_sections(policy: Policy) -> set[str]:
    """Every section id that some rule, checklist, FAQ, fact or term cites."""
    cited: set[str] = set()
    for rule in policy.rules:
        for reason in rule.reasons:
            cited.update(reason.cites)
    for checklist in policy.checklists.values():
        for item in checklist.items:
            cited.update(item.cites)
    for group in (policy.alternatives.values(), policy.faq.values(), policy.facts.values(),
                  policy.kinds.values(), policy.recipients.values(), policy.channels.values(),
                  policy.harm.categories):
        for entry in group:
            cited.update(entry.cites)
    if policy.password_check:
        cited.update(policy.password_check.cites)
    return cited


def uncited_sections(policy: Policy) -> list[str]:
    """Protocol items nothing cites: each is advice SafeShare cannot give."""
    cited = cited_sections(policy)
    return [sid for sid in policy.sections if sid not in cited]
