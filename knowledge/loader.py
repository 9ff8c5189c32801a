"""Load the protocol from YAML and refuse to start on any mistake in it.

An information-governance officer edits these files, not a developer, so
every problem is reported at once with the file, the line, the entry and
the reason, in the manner of pydantic's `loc` + `msg`.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from .model import (
    FACT_NAMES,
    Alternative,
    AskPolicy,
    Checklist,
    ChecklistItem,
    Choice,
    Cited,
    Fact,
    Faq,
    HarmCategory,
    HarmWords,
    Near,
    PasswordCheck,
    Policy,
    Rule,
    Section,
    Signal,
    Term,
    Verdict,
)

DATA_DIR = Path(__file__).with_name("data")
FILES = ("sections", "vocabulary", "facts", "signals", "harm", "checklists", "rules", "faq")
BOOL_FACTS = frozenset({"harm", "urgent", "other_identifier", "agreement", "encrypted", "aes", "password_emailed",
                        "already", "everything"})
# Checklists the code shows by name (the encrypted package's instructions).
REQUIRED_CHECKLISTS = ("hub_call", "hub_immediate", "not_sure", "package_sending", "package_email_body",
                       "package_receiving")


class KnowledgeError(Exception):
    """The knowledge files cannot be used; `problems` says where and why."""

    def __init__(self, problems: Iterable["Problem"]):
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


class _Node(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml parses 4x faster at start-up
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Node:
    loader.flatten_mapping(node)
    out = _Node()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Checker:
    """Collects problems while turning YAML nodes into model objects."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.file = ""

    def add(self, node: Any, loc: str, msg: str, key: str | None = None) -> None:
        line = 0
        if isinstance(node, _Node):
            line = node.key_lines.get(key, node.line) if key else node.line
        self.problems.append(Problem(self.file, line, loc, msg))

    def record(self, node: Any, loc: str, required: dict[str, type | tuple],
               optional: dict[str, type | tuple] | None = None) -> bool:
        """Check a mapping's keys and value types; False if unusable."""
        optional = optional or {}
        if not isinstance(node, dict):
            self.add(node, loc, f"expected a mapping, got {_typename(node)}")
            return False
        ok = True
        allowed = {**required, **optional}
        for key in node:
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), list(allowed), n=1)
                more = f"; did you mean {hint[0]!r}?" if hint else f"; allowed: {', '.join(allowed)}"
                self.add(node, f"{loc}.{key}", f"unknown key {key!r}{more}", key)
                ok = False
        for key, kind in required.items():
            if key not in node or node[key] is None:
                self.add(node, f"{loc}.{key}", "field required")
                ok = False
        for key, kind in allowed.items():
            if key in node and node[key] is not None and not isinstance(node[key], kind):
                self.add(node, f"{loc}.{key}",
                         f"expected {_kindname(kind)}, got {_typename(node[key])}", key)
                ok = False
        return ok

    def strings(self, node: Any, key: str, loc: str) -> tuple[str, ...]:
        values = node.get(key) or []
        if not isinstance(values, list):
            self.add(node, f"{loc}.{key}", f"expected a list of words, got {_typename(values)}", key)
            return ()
        bad = [(i, v) for i, v in enumerate(values) if not (isinstance(v, str) and v.strip())]
        for i, v in bad:  # YAML reads an unquoted no, off or 999 as something other than a word
            hint = f"; put {_as_written(v)!r} in quotes" if isinstance(v, (bool, int, float)) else ""
            self.add(node, f"{loc}.{key}[{i}]", f"read as {_typename(v)} ({v!r}){hint}", key)
        return () if bad else tuple(values)

    def unique(self, items: list, loc: str, what: str) -> dict:
        out: dict = {}
        for i, node in enumerate(items):
            ident = node.get("id") if isinstance(node, dict) else None
            if ident is None:
                continue
            if ident in out:
                self.add(node, f"{loc}[{i}].id", f"duplicate {what} id {ident!r}", "id")
            out[ident] = node
        return out


def _as_written(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _typename(value: Any) -> str:
    return {dict: "a mapping", _Node: "a mapping", list: "a list", str: "text",
            bool: "true/false", int: "a number", type(None): "nothing"}.get(type(value), type(value).__name__)


def _kindname(kind: type | tuple) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(_typename(k()) if k is not type(None) else "nothing" for k in kinds)


def load_policy(directory: str | Path | None = None) -> Policy:
    """Load and validate every knowledge file in `directory`.

    Raises KnowledgeError listing every problem found, so a broken file
    stops start-up with one message instead of failing mid-conversation.
    """
    directory = Path(directory) if directory else DATA_DIR
    check = _Checker()
    docs: dict[str, Any] = {}
    for name in FILES:
        path = directory / f"{name}.yaml"
        check.file = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            check.add(None, name, f"cannot read the file ({exc.strerror or exc})")
            continue
        except UnicodeDecodeError:
            check.add(None, name, "the file is not UTF-8 text")
            continue
        try:
            doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            line = mark.line + 1 if mark else 0
            reason = getattr(exc, "problem", None) or str(exc)
            check.problems.append(Problem(str(path), line, name, f"invalid YAML: {reason}"))
            continue
        if not isinstance(doc, dict):
            check.add(doc, name, f"expected a mapping at the top of the file, got {_typename(doc)}")
            continue
        docs[name] = (path, doc)
    if check.problems:
        raise KnowledgeError(check.problems)
    return _build(check, docs, directory)


def _build(check: _Checker, docs: dict, directory: Path) -> Policy:
    def top(name: str, required: dict, optional: dict | None = None) -> dict:
        path, doc = docs[name]
        check.file = str(path)
        check.record(doc, name, required, optional)
        return doc

    # sections.yaml first: everything else cites it.
    doc = top("sections", {"sections": list})
    sections: dict[str, Section] = {}
    for i, node in enumerate(doc.get("sections") or []):
        loc = f"sections[{i}]"
        if check.record(node, loc, {"id": str, "section": str, "item": str, "text": str}, {"source": str}):
            if node["id"] in sections:
                check.add(node, f"{loc}.id", f"duplicate section id {node['id']!r}", "id")
            if node.get("source", "protocol") not in ("protocol", "external"):
                check.add(node, f"{loc}.source", f"{node['source']!r} is not one of protocol, external", "source")
            sections[node["id"]] = Section(node["id"], node["section"], node["item"], node["text"].strip(),
                                           node.get("source") == "external")

    def cites(node: dict, loc: str, key: str = "cites", required: bool = True) -> tuple[str, ...]:
        values = check.strings(node, key, loc)
        if required and not values and key in node:
            check.add(node, f"{loc}.{key}", "must cite at least one protocol section", key)
        for v in values:
            if v not in sections:
                hint = difflib.get_close_matches(v, list(sections), n=1)
                more = f"; did you mean {hint[0]!r}?" if hint else ""
                check.add(node, f"{loc}.{key}", f"cites unknown section {v!r}{more}", key)
        return values

    # vocabulary.yaml
    doc = top("vocabulary", {"kinds": list, "recipients": list, "channels": list},
              {"groups": dict, "known_words": list})
    vocab: dict[str, dict[str, Term]] = {}
    for part in ("kinds", "recipients", "channels"):
        terms: dict[str, Term] = {}
        for i, node in enumerate(doc.get(part) or []):
            loc = f"{part}[{i}]"
            optional = {"rank": int, "covered": bool, "recipient": str} if part == "channels" else {"rank": int, "channel": str}
            if part == "kinds":
                optional = {"rank": int, "choice": bool, "claims": list}
            if not check.record(node, loc, {"id": str, "label": str, "words": list, "cites": list}, optional):
                continue
            if node["id"] in terms:
                check.add(node, f"{loc}.id", f"duplicate id {node['id']!r}", "id")
            terms[node["id"]] = Term(node["id"], node["label"], check.strings(node, "words", loc),
                                     cites(node, loc), node.get("rank", 0), node.get("covered", True),
                                     node.get("channel"), node.get("recipient"), node.get("choice", True),
                                     check.strings(node, "claims", loc))
        vocab[part] = terms
    # A recipient may imply a channel and a channel a recipient; each must exist.
    for part, key, other in (("recipients", "channel", "channels"), ("channels", "recipient", "recipients")):
        for tid, term in vocab[part].items():
            target = getattr(term, key)
            if target is not None and target not in vocab[other]:
                i = [n.get("id") for n in doc[part]].index(tid)
                check.add(doc[part][i], f"{part}[{i}].{key}", f"unknown {key} {target!r}", key)
    groups: dict[str, frozenset[str]] = {}
    for name, members in (doc.get("groups") or {}).items():
        if not isinstance(members, list) or not all(m in vocab["kinds"] for m in members):
            bad = [m for m in (members if isinstance(members, list) else [members]) if m not in vocab["kinds"]]
            check.add(doc["groups"], f"groups.{name}", f"names unknown kind(s) {bad}", name)
            continue
        if name in vocab["kinds"]:
            check.add(doc["groups"], f"groups.{name}", "a group cannot share a name with a kind", name)
        groups[name] = frozenset(members)
    known_words = frozenset(check.strings(doc, "known_words", "vocabulary"))

    # facts.yaml
    doc = top("facts", {"facts": list})
    facts: dict[str, Fact] = {}
    for i, node in enumerate(doc.get("facts") or []):
        loc = f"facts[{i}]"
        if not check.record(node, loc, {"id": str, "question": str, "cites": list},
                            {"help": str, "optional": bool, "asked": bool, "choices": list, "choices_from": str}):
            continue
        fid = node["id"]
        if fid not in FACT_NAMES:
            check.add(node, f"{loc}.id", f"unknown fact {fid!r}; the advisor knows {', '.join(FACT_NAMES)}", "id")
            continue
        choices: list[Choice] = []
        if "choices_from" in node:
            source = {"kinds": "kinds", "recipients": "recipients", "channels": "channels"}.get(node["choices_from"])
            if source is None:
                check.add(node, f"{loc}.choices_from", f"{node['choices_from']!r} is not one of kinds, recipients, channels", "choices_from")
            else:
                choices = [Choice(t.id, t.label, t.words) for t in vocab[source].values() if t.choice]
        for j, c in enumerate(node.get("choices") or []):
            cloc = f"{loc}.choices[{j}]"
            if check.record(c, cloc, {"value": (str, bool), "label": str}, {"words": list}):
                if fid in BOOL_FACTS and not isinstance(c["value"], bool):
                    check.add(c, f"{cloc}.value", "expected true or false for a yes/no fact", "value")
                choices.append(Choice(c["value"], c["label"], check.strings(c, "words", cloc)))
        if not choices:
            check.add(node, loc, "needs choices or choices_from")
        facts[fid] = Fact(fid, node["question"], tuple(choices), cites(node, loc),
                          node.get("help", ""), node.get("optional", False), node.get("asked", True))
        if not facts[fid].asked and not facts[fid].optional:
            check.add(node, f"{loc}.asked", "a fact that is never asked must be optional", "asked")
    for name in FACT_NAMES:
        if name not in facts:
            check.add(doc, "facts", f"fact {name!r} has no question")

    values_of: dict[str, frozenset] = {
        "kind": frozenset(vocab["kinds"]) | frozenset(groups),
        "recipient": frozenset(vocab["recipients"]),
        "channel": frozenset(vocab["channels"]),
    }
    for fid, fact in facts.items():  # a fact with its own choices ("password": strong, too_short ...)
        if fid not in values_of and fid not in BOOL_FACTS:
            values_of[fid] = frozenset(c.value for c in fact.choices)
    values_of["down"] = values_of["channel"]  # "the portal is down": a channel that is not working

    def condition(node: Any, loc: str, allow_unknown: bool) -> dict[str, frozenset] | None:
        if not isinstance(node, dict):
            check.add(node, loc, f"expected a mapping of fact: [values], got {_typename(node)}")
            return None
        out: dict[str, frozenset] = {}
        for fact, values in node.items():
            floc = f"{loc}.{fact}"
            if fact not in FACT_NAMES:
                hint = difflib.get_close_matches(str(fact), FACT_NAMES, n=1)
                check.add(node, floc, f"unknown fact {fact!r}" + (f"; did you mean {hint[0]!r}?" if hint else ""), fact)
                continue
            if not isinstance(values, list) or not values:
                check.add(node, floc, "expected a non-empty list of values", fact)
                continue
            expanded: set = set()
            for v in values:
                if v is None and allow_unknown:
                    expanded.add(None)
                elif fact in BOOL_FACTS:
                    if not isinstance(v, bool):
                        check.add(node, floc, f"{v!r} is not true or false", fact)
                    expanded.add(v)
                elif v in values_of.get(fact, ()):
                    expanded |= groups.get(v, {v})
                else:
                    hint = difflib.get_close_matches(str(v), sorted(values_of.get(fact, ())), n=1)
                    check.add(node, floc, f"unknown {fact} {v!r}" + (f"; did you mean {hint[0]!r}?" if hint else ""), fact)
            out[fact] = frozenset(expanded)
        return out

    def reasons(node: dict, loc: str, key: str) -> tuple[Cited, ...]:
        out = []
        for j, r in enumerate(node.get(key) or []):
            rloc = f"{loc}.{key}[{j}]"
            if check.record(r, rloc, {"text": str, "cites": list}):
                out.append(Cited(r["text"].strip(), cites(r, rloc)))
        return tuple(out)

    # checklists.yaml
    doc = top("checklists", {"checklists": list})
    checklists: dict[str, Checklist] = {}
    for i, node in enumerate(doc.get("checklists") or []):
        loc = f"checklists[{i}]"
        if not check.record(node, loc, {"id": str, "title": str, "items": list}):
            continue
        items = []
        for j, item in enumerate(node["items"]):
            iloc = f"{loc}.items[{j}]"
            if check.record(item, iloc, {"text": str, "cites": list}, {"when": dict}):
                when = condition(item["when"], f"{iloc}.when", True) if "when" in item else None
                items.append(ChecklistItem(item["text"].strip(), cites(item, iloc), when))
        if node["id"] in checklists:
            check.add(node, f"{loc}.id", f"duplicate checklist id {node['id']!r}", "id")
        checklists[node["id"]] = Checklist(node["id"], node["title"], tuple(items))
    for name in REQUIRED_CHECKLISTS:
        if name not in checklists:
            check.add(doc, "checklists", f"missing checklist {name!r}: SafeShare shows it by name")

    def refs(node: dict, loc: str, key: str, known: dict, what: str) -> tuple[str, ...]:
        values = check.strings(node, key, loc)
        for v in values:
            if v not in known:
                hint = difflib.get_close_matches(v, list(known), n=1)
                check.add(node, f"{loc}.{key}", f"refers to unknown {what} {v!r}" + (f"; did you mean {hint[0]!r}?" if hint else ""), key)
        return values

    # rules.yaml
    doc = top("rules", {"rules": list, "alternatives": list, "ask": dict})
    alternatives: dict[str, Alternative] = {}
    for i, node in enumerate(doc.get("alternatives") or []):
        loc = f"alternatives[{i}]"
        if check.record(node, loc, {"id": str, "text": str, "cites": list}):
            alternatives[node["id"]] = Alternative(node["id"], node["text"].strip(), cites(node, loc))
    ask_node = doc.get("ask")
    ask = AskPolicy("", (), ())
    if isinstance(ask_node, dict) and check.record(ask_node, "ask", {"summary": str}, {"checklists": list, "alternatives": list}):
        ask = AskPolicy(ask_node["summary"].strip(), refs(ask_node, "ask", "checklists", checklists, "checklist"),
                        refs(ask_node, "ask", "alternatives", alternatives, "alternative"))
    rules: list[Rule] = []
    seen_rules: set[str] = set()
    for i, node in enumerate(doc.get("rules") or []):
        loc = f"rules[{i}]"
        if not check.record(node, loc, {"id": str, "when": (dict, list), "verdict": str, "summary": str, "reasons": list},
                            {"checklists": list, "alternatives": list, "follow_up": str}):
            continue
        if node["id"] in seen_rules:
            check.add(node, f"{loc}.id", f"duplicate rule id {node['id']!r}", "id")
        seen_rules.add(node["id"])
        try:
            verdict = Verdict(node["verdict"])
        except ValueError:
            check.add(node, f"{loc}.verdict", f"{node['verdict']!r} is not one of {', '.join(v.value for v in Verdict)}", "verdict")
            continue
        whens = node["when"] if isinstance(node["when"], list) else [node["when"]]
        conds = tuple(c for c in (condition(w, f"{loc}.when", True) for w in whens) if c is not None)
        rule_reasons = reasons(node, loc, "reasons")
        if not rule_reasons:
            check.add(node, f"{loc}.reasons", "a rule needs at least one reason citing the protocol", "reasons")
        if verdict is Verdict.NEED_MORE_INFO and not node.get("follow_up"):
            check.add(node, f"{loc}.follow_up", "a need_more_info rule must say what to do next")
        rules.append(Rule(node["id"], conds, verdict, node["summary"].strip(), rule_reasons,
                          refs(node, loc, "checklists", checklists, "checklist"),
                          refs(node, loc, "alternatives", alternatives, "alternative"),
                          node.get("follow_up", "").strip()))
    if rules and not any(len(c) == 0 for c in rules[-1].when):
        check.add(doc, "rules", "the last rule must have `when: {}` so every question gets an answer")

    # faq.yaml
    doc = top("faq", {"faq": list})
    faq_nodes = check.unique(doc.get("faq") or [], "faq", "FAQ")
    faq: dict[str, Faq] = {}
    for i, node in enumerate(doc.get("faq") or []):
        loc = f"faq[{i}]"
        if not check.record(node, loc, {"id": str, "question": str, "paraphrases": list, "verdict": str, "answer": str, "cites": list},
                            {"checklist": str, "follow_ups": list}):
            continue
        try:
            verdict = Verdict(node["verdict"])
        except ValueError:
            check.add(node, f"{loc}.verdict", f"{node['verdict']!r} is not one of {', '.join(v.value for v in Verdict)}", "verdict")
            continue
        if node.get("checklist") and node["checklist"] not in checklists:
            check.add(node, f"{loc}.checklist", f"refers to unknown checklist {node['checklist']!r}", "checklist")
        faq[node["id"]] = Faq(node["id"], node["question"], check.strings(node, "paraphrases", loc), verdict,
                              " ".join(node["answer"].split()), cites(node, loc), node.get("checklist"),
                              refs(node, loc, "follow_ups", faq_nodes, "FAQ"))

    # signals.yaml
    doc = top("signals", {"signals": dict}, {"password_check": dict})
    signals: dict[str, Signal] = {}
    for name, node in (doc.get("signals") or {}).items():
        loc = f"signals.{name}"
        if check.record(node, loc, {"words": list}, {"negations": list, "near": dict, "opposites": list}):
            near = None
            if node.get("near") is not None and check.record(node["near"], f"{loc}.near",
                                                             {"acts": list, "targets": list}, {"within": int}):
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
    for name in ("urgent", "agreement", "other_identifier", "encrypted", "webmail_use"):
        if name not in signals:
            check.add(doc, f"signals.{name}", "required signal is missing")
    password_check = None
    node = doc.get("password_check")
    if node is not None and check.record(node, "password_check", {"words": list, "cites": list},
                                         {"not_passwords": list, "min_length": int}):
        length = node.get("min_length", 8)
        if isinstance(length, bool) or length < 1:
            check.add(node, "password_check.min_length", f"{length!r} must be a whole number of 1 or more", "min_length")
        password_check = PasswordCheck(check.strings(node, "words", "password_check"),
                                       check.strings(node, "not_passwords", "password_check"), length,
                                       cites(node, "password_check"))
    if "harm" in signals:
        check.add(doc, "signals.harm", "signs of harm are read from harm.yaml; move these words there")
    harm = _harm(check, top("harm", {"categories": list}, {k: (list, int) for k in (*HARM_LISTS, *HARM_NUMBERS)}),
                 cites)

    if check.problems:
        raise KnowledgeError(check.problems)
    return Policy(sections, vocab["kinds"], groups, vocab["recipients"], vocab["channels"], facts,
                  checklists, alternatives, ask, tuple(rules), faq, signals, harm, known_words, str(directory),
                  password_check)


HARM_LISTS = ("people", "fillers", "negations", "terminators", "reporters", "documents", "history", "immediate",
              "no_harm", "not_harm", "managed", "explained", "recent", "resolved", "not_real", "current",
              "children", "adults")
HARM_NUMBERS = {"window": (4, 10), "gap": (3, 10), "scope": (5, 10), "corroborate": (2, 10), "story": (20, 200),
                "age_gap": (5, 30)}
# The categories national guidance names; each must be in harm.yaml (more may be added).
HARM_CATEGORIES = ("physical", "sexual", "emotional", "neglect", "domestic", "self_harm", "missing",
                   "sexual_exploitation", "criminal_exploitation", "fgm_forced_marriage_honour", "radicalisation",
                   "online", "trafficking", "risky_adult", "parent_crisis")


def _harm(check: _Checker, doc: dict, cites) -> HarmWords:
    """harm.yaml: the signs of significant harm, by category, and how they are read."""
    lists = {}
    for name in HARM_LISTS:
        if not isinstance(doc.get(name, []), list):
            check.add(doc, f"harm.{name}", f"expected a list, got {_typename(doc[name])}", name)
        lists[name] = check.strings(doc, name, "harm") if isinstance(doc.get(name, []), list) else ()
    for name in ("people", "negations"):
        if not lists[name]:
            check.add(doc, f"harm.{name}", "must list at least one word", name)
    numbers = {}
    for name, (default, most) in HARM_NUMBERS.items():
        value = doc.get(name, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= most:
            check.add(doc, f"harm.{name}", f"{value!r} must be a whole number from 1 to {most}", name)
            value = default
        numbers[name] = value
    categories: list[HarmCategory] = []
    nodes = doc.get("categories") if isinstance(doc.get("categories"), list) else []
    check.unique(nodes, "harm.categories", "category")
    for i, node in enumerate(nodes):
        loc = f"harm.categories[{i}]"
        if not check.record(node, loc, {"id": str, "title": str, "cites": list}, {"clear": list, "acts": list,
                                                                                  "signs": list, "weak": list,
                                                                                  "resolved": list}):
            continue
        acts = check.strings(node, "acts", loc)
        for word in acts:
            if len(word.split()) != 1:
                check.add(node, f"{loc}.acts", f"{word!r}: one word each (put phrases under clear)", "acts")
        category = HarmCategory(node["id"], node["title"], cites(node, loc), check.strings(node, "clear", loc),
                                acts, check.strings(node, "signs", loc), check.strings(node, "weak", loc),
                                check.strings(node, "resolved", loc))
        if not (category.clear or category.acts or category.signs):
            check.add(node, loc, "lists no words: give clear, acts or signs")
        categories.append(category)
    have = {c.id for c in categories}
    for name in HARM_CATEGORIES:
        if name not in have:
            check.add(doc, "harm.categories", f"category {name!r} is missing (national guidance names it)")
    return HarmWords(tuple(categories), **lists, **numbers)


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
