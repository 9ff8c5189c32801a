"""Decision records: "Record this decision" on advice cards and `safeshare ask --record`."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from dialogs.conversation import Conversation, Incoming, Kind
from dialogs.record import decision_record

from .botharness import buttons
from .conftest import ROOT
from .test_bot_http import assert_valid_card, harness  # noqa: F401 - the fixture

WHEN = dt.datetime(2026, 11, 25, 14, 32, tzinfo=dt.timezone.utc)
QUESTION = "Can I fax Julia Smith's mental health assessment (NHS 943 476 5919) to the GP at CA1 1AB?"


def record_option(message):
    found = [o for o in message.options if o.title == "Record this decision"]
    return found[0] if found else None


def test_a_one_shot_answer_records_the_facts_never_the_words(assistant, policy):
    conversation = Conversation(assistant, clock=lambda: WHEN)
    state, messages = conversation.turn(None, Incoming(QUESTION))
    option = record_option(messages[-1])
    assert option is not None
    data = dict(option.data)
    assert set(data) == {"safeshare", "facts", "rule"} and data["rule"] == "fax-highly-sensitive"
    for name, value in data["facts"].items():  # ids of the protocol's own choices, nothing typed
        assert value in [c.value for c in policy.facts[name].choices], (name, value)
    assert "Julia" not in json.dumps(data) and "943" not in json.dumps(data)
    after, (record,) = conversation.turn(state, Incoming("", data))
    assert after == state and record.kind is Kind.RECORD
    text = record.text()
    assert "Date and time: 25 November 2026, 14:32 UTC" in text
    assert "Question: Sharing mental health information with" in text and "by fax." in text
    assert "Verdict: Not allowed. Do not fax it: mental health and safeguarding information must not be sent via fax." in text
    assert "Rule: fax-highly-sensitive" in text and "Faxes 4 (fax.4)" in text
    for word in ("Julia", "943", "CA1", "assessment"):
        assert word not in text


def test_a_finished_guided_check_can_be_recorded(assistant):
    conversation = Conversation(assistant, clock=lambda: WHEN)
    state, messages = conversation.turn(None, Incoming("check"))
    answers = {"harm": "No", "kind": "Personal identifiable information", "recipient": "An external organisation",
               "channel": "Email", "agreement": "Yes"}
    while messages[-1].kind is Kind.QUESTION:
        fact = messages[-1].fact.id
        option = next(o for o in messages[-1].options if o.title.startswith(answers.get(fact, "Yes")))
        state, messages = conversation.turn(state, Incoming("", option.data))
    assert messages[-1].kind is Kind.ADVICE
    option = record_option(messages[-1])
    _, (record,) = conversation.turn(state, Incoming("", option.data))
    assert "Question: Sharing personal identifiable information" in record.text()
    assert "with an external organisation" in record.text() and "Rule: " in record.text()
    assert "Also: Signs that a child is suffering, or likely to imminently suffer, significant harm: none told or " \
           "read." in record.text()


def test_a_record_after_change_it_never_claims_the_harm_question_was_answered(assistant):
    """(README trial, session 47) "Change it" on a one-shot answer carries "no sign of harm read" into the check, so the
    harm question is not asked again; the record must not say it was asked and answered No."""
    conversation = Conversation(assistant, clock=lambda: WHEN)
    state, messages = conversation.turn(None, Incoming("can I email the child protection plan to the GP surgery?"))
    change = next(o for o in messages[-1].changes if o.title.startswith("Change: Email"))
    state, messages = conversation.turn(state, Incoming("", change.data))
    fax = next(o for o in messages[-1].options if o.title == "Fax")
    state, messages = conversation.turn(state, Incoming("", fax.data))
    option = record_option(messages[-1])
    _, (record,) = conversation.turn(state, Incoming("", option.data))
    assert "significant harm? No" not in record.text() and "none told or read" in record.text()


def test_a_hub_record_never_claims_the_harm_question_was_asked(assistant):
    """(README trial, session 57) a disclosure rings the Hub without asking the harm question; the record of it must
    not say the user answered "Yes", nor say "Ring the Safeguarding Hub now" twice."""
    conversation = Conversation(assistant, clock=lambda: WHEN)
    state, messages = conversation.turn(None, Incoming(
        "A girl says her stepdad hit her last night and she is scared to go home. Can I email the photos to the police?"))
    option = record_option(messages[-1])
    _, (record,) = conversation.turn(state, Incoming("", option.data))
    text = record.text()
    assert "significant harm? Yes" not in text and "significant harm: told or read." in text
    assert text.count("Ring the Safeguarding Hub now") == 1, text


def test_no_record_before_there_is_a_decision(assistant):
    conversation = Conversation(assistant)
    _, messages = conversation.turn(None, Incoming("can I send it?"))
    assert record_option(messages[-1]) is None
    _, (notice,) = conversation.turn(None, Incoming("", {"safeshare": "record", "facts": {}, "rule": "x"}))
    assert notice.kind is Kind.NOTICE and "no decision to record" in notice.title


def test_a_forged_button_records_only_what_the_protocol_knows(assistant):
    record = decision_record(assistant, {"kind": "pid", "channel": "text", "recipient": "individual", "harm": "Julia",
                                         "secret": "943 476 5919", "urgent": "yes please"}, "<b>", WHEN)
    assert record is not None
    assert "Julia" not in record.text() and "943" not in record.text() and "<b>" not in record.text()
    assert record.rule != "<b>"
    assert decision_record(assistant, ["not", "a", "mapping"], None, WHEN) is None
    assert decision_record(assistant, {"kind": "Julia Smith", "channel": "fax"}, "fax-pid", WHEN) is None  # no kind


async def test_record_button_and_card_over_http(harness):  # noqa: F811
    sent = await harness.say("rec", QUESTION)
    assert_valid_card(sent[0])
    record = next(b for b in buttons(sent[0]) if b["title"] == "Record this decision")
    answer = await harness.say("rec", value=record["data"])
    card = assert_valid_card(answer[0])
    text = json.dumps(card)
    assert "Decision record" in text and "fax\\\\.4" in text and "Julia" not in text


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def test_ask_record_prints_a_record_and_json_carries_it():
    out = run("ask", "--record", QUESTION)
    assert out.returncode == 0, out.stderr
    record = out.stdout.split("SafeShare decision record", 1)[1]
    assert "Rule: fax-highly-sensitive" in record and "Julia" not in record and "Date and time:" in record
    out = run("ask", "--json", "--record", stdin=QUESTION + "\ncan I send it?\n")
    first, second = (json.loads(line) for line in out.stdout.splitlines())
    assert first["record"]["rule"] == "fax-highly-sensitive" and first["record"]["verdict"] == "not_allowed"
    assert first["record"]["citations"] == [{"id": "fax.4", "section": "Faxes, 4"}]
    assert second["record"] is None
    assert "record" not in json.loads(run("ask", "--json", stdin="can I send it?\n").stdout)
