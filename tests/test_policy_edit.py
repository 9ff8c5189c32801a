"""Editing the policy as an information-governance officer would: every mistake caught at load or by check."""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.policycheck import PREVIEW_QUESTIONS, compare, example_failures
from dialogs.answer import Assistant
from knowledge.contract import NEEDED
from knowledge.loader import KnowledgeError, load_policy

from .conftest import edit_knowledge

ROOT = Path(__file__).resolve().parent.parent



def _problems(directory) -> str:
    with pytest.raises(KnowledgeError) as info:
        load_policy(directory)
    return str(info.value)


def _line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def _rename(directory, need):
    """Rename one id the code needs, as an officer tidying names would."""
    new = f"{need.id}_renamed"
    if need.part == "signals":
        return edit_knowledge(directory, need.file, f"\n  {need.id}:\n", f"\n  {new}:\n"), new
    if need.part.startswith("facts."):
        return edit_knowledge(directory, need.file, f"      - value: {need.id}\n", f"      - value: {new}\n"), new
    return edit_knowledge(directory, need.file, f"  - id: {need.id}\n", f"  - id: {new}\n"), new


@pytest.mark.parametrize("need", NEEDED, ids=[f"{n.part}:{n.id}" for n in NEEDED])
def test_renaming_an_id_the_code_uses_stops_start_up(knowledge_copy, need):
    path, new = _rename(knowledge_copy, need)
    message = _problems(knowledge_copy)
    line = _line_of(path, new)
    pattern = rf"{re.escape(str(path))}:{line}: [^\n]*: '{re.escape(need.id)}' is missing: was it renamed to '{new}'\?"
    assert re.search(pattern, message), message
    assert "SafeShare's code uses it by name" in message


def test_removing_a_signal_the_code_uses_stops_start_up(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "signals", "  unavailable:\n", "  no_longer_used:\n")
    message = _problems(knowledge_copy)
    assert f"{path}:" in message and "'unavailable' is missing" in message


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text())
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


# Strings in the code that happen to spell a knowledge id but do not look it up.
NOT_IDS = {
    "text",  # a JSON or card field ("text": ...), the checklist and channel of that name are looked up from data
    "password",  # a message kind, a log field; the password fact is a model field (FACT_NAMES)
    "general",  # a harm cue's category when no category word matched
    "texting",  # text-speak mended ("txtng" is "texting", dialogs/text.py), not the FAQ of that name
    "confidential",  # the word CONFIDENTIAL in an email's subject (dialogs/emailcheck.py), not the kind
    "personal",  # Teams' conversationType of a one-to-one chat (bot/handler.py), not the kinds group
    "reused", "strong", "too_short", "no_mix", "short_no_mix",  # listed in contract.py as facts.password
}


def test_every_knowledge_id_named_in_the_code_is_declared(policy):
    """Grep dialogs/, bot/ and knowledge/ for strings naming knowledge ids; each must be in contract.py."""
    ids = {}
    for rule in policy.rules:
        ids[rule.id] = "rule"
    for part, terms in (("kind", policy.kinds), ("group", policy.groups), ("recipient", policy.recipients),
                        ("channel", policy.channels), ("checklist", policy.checklists), ("faq", policy.faq),
                        ("signal", policy.signals), ("section", policy.sections), ("alternative", policy.alternatives)):
        for ident in terms:
            ids.setdefault(ident, part)
    for category in policy.harm.categories:
        ids.setdefault(category.id, "harm category")
    declared = {n.id for n in NEEDED}
    from knowledge.model import FACT_NAMES
    from knowledge.loader import HARM_CATEGORIES
    undeclared = []
    for folder in ("dialogs", "bot", "knowledge"):
        for path in sorted((ROOT / folder).glob("*.py")):
            if path.name in ("contract.py",):
                continue
            for line, value in _literals(path):
                if value in ids and value not in declared and value not in NOT_IDS and value not in FACT_NAMES \
                        and value not in HARM_CATEGORIES:
                    undeclared.append(f"{path.relative_to(ROOT)}:{line}: {value!r} ({ids[value]})")
    assert undeclared == [], "declare these in knowledge/contract.py:\n" + "\n".join(undeclared)


# -- rules that can never apply ------------------------------------------------

def test_a_rule_matching_everything_halfway_down_is_caught(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "rules", "  - id: fax-not-urgent\n    when: {channel: [fax], kind: [personal], urgent: [false]}",
                 "  - id: fax-not-urgent\n    when: {}")
    message = _problems(knowledge_copy)
    line = _line_of(path, "- id: fax-not-urgent")
    index = [r.id for r in load_policy().rules].index("fax-not-urgent")  # the shipped rules, in order
    assert f"{path}:{line}: rules[{index}] (fax-not-urgent): matches every question" in message
    assert "(external-email): can never apply" in message  # and each rule below it


def test_a_broader_rule_above_email_unencrypted_is_caught(knowledge_copy):
    broader = ("  - id: email-external-anything\n    when: {channel: [email], recipient: [school, external_org]}\n"
               "    verdict: allowed_with_conditions\n    summary: Email it.\n    reasons:\n"
               "      - text: Encrypt it.\n        cites: [external.1]\n\n")
    path = edit_knowledge(knowledge_copy, "rules", "  - id: internal-email\n", broader + "  - id: internal-email\n")
    message = _problems(knowledge_copy)
    line = _line_of(path, "- id: email-unencrypted")
    assert re.search(rf"{re.escape(str(path))}:{line}: rules\[\d+\] \(email-unencrypted\): can never apply: "
                     r"every question it matches is answered first by email-external-anything", message), message


def test_a_combination_found_quickly_agrees_with_the_exact_subtraction(monkeypatch):
    """A rule found reachable by a combination tried at random (knowledge/analysis.py, _witness) is reachable by
    the exact walk too, and a rule the exact walk finds unreachable is never given one: the same findings either
    way, on the shipped rules and on rules with email-unencrypted shadowed by a broader rule above it."""
    from dataclasses import replace

    from knowledge import analysis
    shipped = load_policy()
    rules = list(shipped.rules)
    at = [r.id for r in rules].index("internal-email")
    broader = replace(rules[at], id="email-external-anything",
                      when=({"channel": frozenset({"email"}), "recipient": frozenset({"school", "external_org"})},))
    shadowed = replace(shipped, rules=tuple(rules[:at] + [broader] + rules[at:]))
    quick = [[(u.index, u.rule.id, u.before, u.everything) for u in analysis.unreachable_rules(p)]
             for p in (shipped, shadowed)]
    monkeypatch.setattr(analysis, "_witness", lambda *args: False)
    exact = [[(u.index, u.rule.id, u.before, u.everything) for u in analysis.unreachable_rules(p)]
             for p in (shipped, shadowed)]
    assert quick == exact
    assert quick[0] == [] and "email-unencrypted" in [rule_id for _, rule_id, _, _ in quick[1]]


def test_the_shipped_rules_all_apply_and_pass_their_examples(policy, assistant):
    assert all(rule.examples for rule in policy.rules)
    assert example_failures(policy, assistant) == []


def test_a_broken_example_is_named(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "rules", '"can I fax the child protection plan to the GP?", verdict: not_allowed',
                 '"can I fax the child protection plan to the GP?", verdict: allowed')
    failures = [str(f) for f in example_failures(load_policy(knowledge_copy))]
    line = _line_of(path, "can I fax the child protection plan")
    assert len(failures) == 1
    index = [r.id for r in load_policy(knowledge_copy).rules].index("fax-highly-sensitive")
    assert failures[0].startswith(f"{path}:{line}: rules[{index}] (fax-highly-sensitive).examples[0]: "
                                  "'can I fax the child protection plan to the GP?' must get allowed")
    run = subprocess.run([sys.executable, "-m", "bot.cli", "--knowledge", str(knowledge_copy), "check"],
                         capture_output=True, text=True)
    assert run.returncode == 1 and "fax-highly-sensitive).examples[0]" in run.stdout


# -- the letter/latter case ------------------------------------------------------

def _post_letter(directory):
    edit_knowledge(directory, "vocabulary", "      - by letter\n", "      - by letter\n      - letter\n")


def test_a_new_vocabulary_word_does_not_swallow_an_everyday_word(knowledge_copy):
    _post_letter(knowledge_copy)
    assistant = Assistant(load_policy(knowledge_copy))
    reply = assistant.answer("send the latter report to the school")
    assert "post" not in reply.channels and reply.facts.channel != "post"
    assert assistant.answer("can I send a letter to the GP with the case notes").channels == ("post",)


def test_the_preview_lists_answers_and_words_that_change(knowledge_copy, policy):
    _post_letter(knowledge_copy)
    words = knowledge_copy / "everyday_words.txt"
    words.write_text(words.read_text().replace("\nlatter\n", "\n"))  # as if nobody had listed it
    edit_knowledge(knowledge_copy, "rules", "  - id: fax-not-urgent\n    when: {channel: [fax], kind: [personal], urgent: [false]}\n"
          "    verdict: not_allowed", "  - id: fax-not-urgent\n    when: {channel: [fax], kind: [personal], urgent: [false]}\n"
          "    verdict: need_more_info\n    follow_up: Ask your manager.")
    preview = compare(policy, load_policy(knowledge_copy))
    assert any(w.word == "latter" and w.before == "latter" and w.after == "letter" for w in preview.spelling)
    changed = {a.question: a for a in preview.answers}
    case = changed["can I fax the child's name and address to the GP? it isn't urgent"]
    assert case.before["verdict"] == "not_allowed" and case.after["verdict"] == "need_more_info"
    text = preview.text()
    assert '"latter": was read as "latter", now as "letter"' in text and "verdict: not_allowed  ->  need_more_info" in text
    run = subprocess.run([sys.executable, "-m", "bot.cli", "check", "--compare", str(knowledge_copy), "--json"],
                         capture_output=True, text=True)
    out = json.loads(run.stdout)
    assert {"word": "latter", "before": "latter", "after": "letter"} in out["preview"]["spelling"]
    assert out["problems"] and run.returncode == 1  # the rule's own example now fails


def test_the_preview_questions_ship_with_the_package():
    assert PREVIEW_QUESTIONS.read_text() == (ROOT / "tests" / "data" / "practitioner_questions.yaml").read_text()


# -- messages that say what to do --------------------------------------------------

def test_an_unquoted_off_is_named_as_written(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "vocabulary", "      - facsimile\n", "      - off\n")
    message = _problems(knowledge_copy)
    line = path.read_text().splitlines().index("      - off") + 1
    assert f"{path}:{line}: channels[5].words[6]: read as false; put 'off' in quotes" in message


def test_an_unquoted_no_in_a_list_is_named_as_written(knowledge_copy):
    edit_knowledge(knowledge_copy, "facts", 'words: ["no", nope', "words: [no, nope")
    assert "words[0]: read as false; put 'no' in quotes" in _problems(knowledge_copy)


def test_a_misspelt_group_never_suggests_a_weaker_one_silently(knowledge_copy):
    edit_knowledge(knowledge_copy, "rules", "when: {channel: [fax], kind: [highly_sensitive]}",
          "when: {channel: [fax], kind: [very_sensitive]}")
    message = _problems(knowledge_copy)
    assert "unknown kind 'very_sensitive'; did you mean 'highly_sensitive'? ('sensitive' is spelt closer, " \
           "but it is weaker" in message


def test_null_is_accepted_in_rules_and_checklists_and_named_in_yaml_words(knowledge_copy):
    edit_knowledge(knowledge_copy, "rules", "when: {channel: [phone, teams_chat, post, removable_media, unnamed_service, carried]}",
          "when: {channel: [phone, teams_chat, post, removable_media, unnamed_service, carried], kind: [personal, null]}")
    load_policy(knowledge_copy)
    edit_knowledge(knowledge_copy, "rules", "when: {channel: [objective_connect]}", "when: {channel: null}")
    message = _problems(knowledge_copy)
    assert "None" not in message and "[null] for \"nobody has said\"" in message


def test_a_misspelt_fact_in_follow_up_asks_is_named(knowledge_copy):
    edit_knowledge(knowledge_copy, "rules", "    follow_up_asks: [recipient, channel]\n",
                   "    follow_up_asks: [recipient, chanel]\n")
    assert "follow_up_asks: unknown fact 'chanel'; did you mean 'channel'?" in _problems(knowledge_copy)
