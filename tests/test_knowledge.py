"""The protocol as data: coverage, and a clear refusal for every kind of mistake."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from knowledge.loader import KnowledgeError, load_policy, uncited_sections
from knowledge.model import HUB_PHONE

from .conftest import edit_knowledge


def test_every_protocol_item_is_cited(policy):
    assert uncited_sections(policy) == []


def test_coverage_table_has_every_numbered_item(policy):
    ids = set(policy.sections)
    expected = (
        {f"email.{n}" for n in range(1, 8)} | {f"fax.{n}" for n in (1, 2, 3, 4, 5, 6, 8, 9, 10)}
        | {"fax.7.marked", "fax.7.contact", "fax.7.intended", "fax.7.message"}
        | {"internal.1", "secure.1", "external.1", "external.2", "internet.1", "internet.2", "texts.1", "texts.2"}
        | {f"appendix.send.{n}" for n in range(1, 7)} | {f"appendix.receive.{n}" for n in range(1, 7)}
        | {"safeguarding.hub", "safeguarding.followup", "contacts.ict"}
    )
    assert expected <= ids


def test_hub_number_and_48_hours_come_from_the_protocol(policy):
    assert HUB_PHONE in policy.sections["safeguarding.hub"].text
    assert "48 hours" in policy.sections["safeguarding.followup"].text


def test_every_contact_given_is_one_the_protocol_gives(policy):
    """A phone number or a named contact in the answers must be the protocol's: an edit to one alone fails."""
    from knowledge.loader import DATA_DIR

    protocol = " ".join(section.text for section in policy.sections.values())
    number = re.compile(r"(?<!\d)(?:0\d{3} ?\d{3} ?\d{4}|\d{6})(?!\d)")
    for path in sorted(DATA_DIR.glob("*.yaml")):
        if path.name == "sections.yaml":
            continue
        text = path.read_text(encoding="utf-8")
        assert set(number.findall(text)) <= set(number.findall(protocol)), path.name
        assert "Shaun Smith" not in text or "Shaun Smith" in policy.sections["contacts.enquiries"].text
    assert {"0333 240 1727", "226000"} <= set(number.findall(protocol))


def test_rules_cite_sections_and_end_with_a_catch_all(policy):
    for rule in policy.rules:
        assert rule.reasons and all(r.cites for r in rule.reasons), rule.id
    assert policy.rules[-1].when == ({},)



def _problem(directory) -> str:
    with pytest.raises(KnowledgeError) as info:
        load_policy(directory)
    return str(info.value)


def _line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_bad_yaml_names_file_and_line(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "rules", "  - id: fax-not-urgent\n", "  - id: fax-not-urgent\n    when: {channel: [fax\n")
    message = _problem(knowledge_copy)
    assert f"{path}:" in message and "invalid YAML" in message
    assert re.search(rf"{re.escape(str(path))}:\d+:", message)


def test_unknown_key_is_named_with_a_suggestion(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "rules", "    verdict: escalate\n", "    verdict: escalate\n    verdcit: allowed\n")
    message = _problem(knowledge_copy)
    line = _line_of(path, "verdcit")
    assert f"{path}:{line}: rules[0].verdcit: unknown key 'verdcit'" in message
    assert "did you mean 'verdict'" in message


@pytest.mark.parametrize("name, old, new, reason", [
    ("faq", "    verdict: not_allowed\n", "", "faq[0].verdict: field required"),
    ("facts", "    optional: true\n    asked: false", "    asked: false", "a fact that is never asked must be optional"),
    ("vocabulary", "    recipient: school  #", "    recipient: schools  #",
     "channels[4].recipient: unknown recipient 'schools'"),
], ids=["missing field", "never asked but not optional", "unknown implied recipient"])
def test_one_mistake_one_message(knowledge_copy, name, old, new, reason):
    path = edit_knowledge(knowledge_copy, name, old, new)
    message = _problem(knowledge_copy)
    assert f"{path}:" in message and reason in message


def test_every_faq_sits_under_one_menu_topic(knowledge_copy):
    """A new FAQ left out of the menu's topics, or listed twice, is named with its line."""
    path = edit_knowledge(knowledge_copy, "faq", "faqs: [wrong-recipient, breach-consequences, fine-size]",
                          "faqs: [wrong-recipent, foi]")
    message = _problem(knowledge_copy)
    assert f"{path}:{_line_of(path, 'wrong-recipent')}: topics[5].faqs[0]: refers to unknown FAQ 'wrong-recipent'; " \
           "did you mean 'wrong-recipient'?" in message
    assert "topics[5].faqs[1]: FAQ 'foi' is already under topic 'email'; list it once" in message
    assert "FAQ 'wrong-recipient' is under no topic" in message
    assert "FAQ 'breach-consequences' is under no topic" in message
    assert "FAQ 'fine-size' is under no topic" in message


def test_faq_topics_are_optional(knowledge_copy):
    path = knowledge_copy / "faq.yaml"
    text = path.read_text()
    path.write_text(text[:text.index("topics:")] + text[text.index("\nfaq:") + 1:])
    assert load_policy(knowledge_copy).faq_topics == ()


def test_citing_an_unknown_section(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "checklists", "cites: [fax.4]", "cites: [fax.44]")
    message = _problem(knowledge_copy)
    line = _line_of(path, "fax.44")
    assert f"{path}:{line}:" in message and "cites unknown section 'fax.44'" in message


def test_dangling_references(knowledge_copy):
    edit_knowledge(knowledge_copy, "rules", "checklists: [hub_call, hub_sending]", "checklists: [hub_calls, hub_sending]")
    edit_knowledge(knowledge_copy, "faq", "follow_ups: [password-reuse, password-good, how-to-encrypt]",
           "follow_ups: [password-reuse, no-such-faq]")
    edit_knowledge(knowledge_copy, "rules", "alternatives: [school_portal, objective_connect]",
           "alternatives: [school_portal, carrier_pigeon]")
    message = _problem(knowledge_copy)
    assert "unknown checklist 'hub_calls'; did you mean 'hub_call'?" in message
    assert "unknown FAQ 'no-such-faq'" in message
    assert "unknown alternative 'carrier_pigeon'" in message
    assert "3 problem(s)" in message  # all reported at once


def test_bad_values(knowledge_copy):
    edit_knowledge(knowledge_copy, "rules", "verdict: escalate", "verdict: maybe")
    edit_knowledge(knowledge_copy, "rules", "when: {channel: [text], kind: [personal]}", "when: {channel: [txet], kind: [personal]}")
    edit_knowledge(knowledge_copy, "harm", "window: 4\n", "window: 0\n")  # an act and a person
    edit_knowledge(knowledge_copy, "harm", "    acts: [hit, hits,", "    acts: [hit the, hits,")
    message = _problem(knowledge_copy)
    assert "'maybe' is not one of allowed, allowed_with_conditions" in message
    assert "unknown channel 'txet'; did you mean 'text'?" in message
    assert "harm.window: 0 must be a whole number from 1 to 10" in message
    assert "acts: 'hit the': one word each (put phrases under clear)" in message


def test_an_alternatives_condition_is_checked_as_a_rules_is(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "rules", "when: {recipient: [school]}  # offered only",
                          "when: {recipent: [school]}  # offered only")
    message = _problem(knowledge_copy)
    assert f"{path}:{_line_of(path, 'recipent')}:" in message and "unknown fact 'recipent'" in message


def test_a_broken_happened_block_is_named(knowledge_copy):
    """rules.yaml `happened` (what a refusing rule answers once told as done) is checked as a rule is."""
    path = edit_knowledge(knowledge_copy, "rules", "  verdicts: [not_allowed]\n  verdict: need_more_info",
                          "  verdicts: [not_alowed]\n  verdict: need_more_info")
    edit_knowledge(knowledge_copy, "rules", "  when: {already: [true], aftermath: [true]",
                   "  when: {already: [true], aftermaths: [true]")
    edit_knowledge(knowledge_copy, "rules", "not_for: [mailbox-copies,", "not_for: [mailbox-copy,")
    message = _problem(knowledge_copy)
    assert f"{path}:{_line_of(path, 'not_alowed')}:" in message
    assert "happened.not_for[0]: unknown rule 'mailbox-copy'; did you mean 'mailbox-copies'?" in message
    assert "happened.verdicts[0]: 'not_alowed' is not one of" in message and "did you mean 'not_allowed'?" in message
    assert "unknown fact 'aftermaths'" in message


def test_unsettled_without_its_words_is_caught(knowledge_copy):
    """faq.yaml `unsettled` says the protocol's silence before the rules' answer: only for need_more_info and a
    `needs` list, or any question resembling the FAQ would lose the rules."""
    path = edit_knowledge(knowledge_copy, "faq", "    needs: [redact, redacts, redacted, redacting, redaction, redactions]\n",
                          "")
    message = _problem(knowledge_copy)
    assert f"{path}:" in message and "unsettled: needs verdict need_more_info and a `needs` list" in message


def test_unsettled_words_outside_its_needs_are_caught(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "faq", "    unsettled: [gdpr]\n", "    unsettled: [gdpr, lawful]\n")
    message = _problem(knowledge_copy)
    assert f"{path}:" in message and "unsettled: 'lawful' is not one of its `needs`" in message


def test_yes_without_quotes_is_caught(knowledge_copy):
    edit_knowledge(knowledge_copy, "facts", 'words: ["no", nope', "words: [no, nope")
    assert "words[0]: read as false; put 'no' in quotes" in _problem(knowledge_copy)


def test_missing_file(knowledge_copy):
    (knowledge_copy / "faq.yaml").unlink()
    assert "faq.yaml" in _problem(knowledge_copy) and "cannot read" in _problem(knowledge_copy)


def test_broken_knowledge_stops_the_command_line(knowledge_copy):
    edit_knowledge(knowledge_copy, "sections", "  - id: fax.4\n", "  - id: fax.4\n    colour: red\n")
    run = subprocess.run([sys.executable, "-m", "bot.cli", "--knowledge", str(knowledge_copy), "ask", "hello"],
                         capture_output=True, text=True)
    assert run.returncode == 3
    assert "cannot start" in run.stderr and "sections.yaml" in run.stderr and "colour" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_checklist_the_code_shows_by_name_must_exist(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "checklists", "  - id: package_sending\n", "  - id: package_sending_renamed\n")
    message = _problem(knowledge_copy)
    assert f"{path}:{_line_of(path, 'package_sending_renamed')}: checklists[" in message
    assert "'package_sending' is missing: was it renamed to 'package_sending_renamed'?" in message


def test_a_broken_near_pairing_is_named(knowledge_copy):
    path = edit_knowledge(knowledge_copy, "harm", "  - id: physical\n", "  - id: physical\n    sings: [limping]\n")
    message = _problem(knowledge_copy)
    assert f"{path}:{_line_of(path, 'sings')}: harm.categories[1].sings: unknown key" in message
    assert "did you mean 'signs'" in message
