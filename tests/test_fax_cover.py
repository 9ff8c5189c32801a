"""Fax cover sheets: the advisor's verdict, the protocol's words in the PDF, nothing logged."""
from __future__ import annotations

import json
import logging
import re

import pytest
from pypdf import PdfReader

from bot.cli import main
from dialogs.conversation import Conversation, Incoming, Kind
from dialogs.fax import CoverRequest, FaxError, decide
from knowledge.advisor import advise
from knowledge.fax_data import load_fax_data
from knowledge.model import Facts, Verdict

from .test_bot_http import assert_valid_card, harness  # noqa: F401 - the fixture
from .botharness import buttons

# The protocol, Faxes 7, word for word (the blank is where the sender's number goes).
PROTOCOL_MESSAGE = (
    "The information in the fax is confidential. If you are not the above-named recipient of the fax, you are "
    "not authorised to read, keep, copy, alter or disclose the information of this fax as it is prohibited and "
    "may be unlawful. Please inform the sender \u2013 telephone number 0xxxxx----- - about this error and return "
    "the fax to the above address immediately.")
SENDER = {"from": "Jo Bloggs", "from_phone": "01632 960002"}
ARGS = ["fax-cover", "--to-name", "Dr Ann Patel", "--to-org", "Fellview Surgery", "--to-number", "01632 960001",
        "--from", "Jo Bloggs", "--from-phone", "01632 960002", "--from-address", "Civic Centre;Carlisle CA3 8QG",
        "--pages", "3"]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_disclaimer_is_the_protocols_own_words(policy):
    data = load_fax_data(policy)
    assert _flat(data.disclaimer) == PROTOCOL_MESSAGE
    assert data.disclaimer_for("01632 960002") == PROTOCOL_MESSAGE.replace("0xxxxx-----", "01632 960002")


def test_the_pdf_reads_back_with_every_part_the_protocol_asks_for(tmp_path, capsys, policy):
    out = tmp_path / "cover.pdf"
    assert main(ARGS + ["--urgent", "--out", str(out)]) == 0
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = _flat(reader.pages[0].extract_text())
    assert text.startswith("CONFIDENTIAL")
    assert PROTOCOL_MESSAGE.replace("0xxxxx-----", "01632 960002") in text
    for part in ("Dr Ann Patel", "Fellview Surgery", "Fax: 01632 960001", "Jo Bloggs", "Telephone: 01632 960002",
                 "Civic Centre", "Carlisle CA3 8QG", "this cover sheet and 3 more pages (4 in all)",
                 "mark every page of this fax CONFIDENTIAL"):
        assert part in text, part
    for item in policy.checklists["fax"].items:  # the checklist reminder
        assert _flat(item.text) in text, item.text
    assert "Dr Ann Patel" not in str(reader.metadata)  # the metadata names no one
    printed = capsys.readouterr().out
    assert "Cover sheet:" in printed and "safeshare fax-log add" in printed


@pytest.mark.parametrize("kind", ["mental_health", "safeguarding"])
def test_mental_health_and_safeguarding_are_refused_with_the_reason_and_a_safer_way(tmp_path, capsys, kind, policy):
    out = tmp_path / "cover.pdf"
    assert main(ARGS + ["--urgent", "--kind", kind, "--out", str(out), "--json"]) == 1
    assert not out.exists()
    answer = json.loads(capsys.readouterr().out)
    advice = advise(policy, Facts(channel="fax", kind=kind, urgent=True))  # the advisor's verdict, not ours
    assert answer["verdict"] == advice.verdict == Verdict.NOT_ALLOWED
    assert answer["pdf"] is None
    assert "must not be sent by fax" in json.dumps(answer)
    assert any(c["id"] == "fax.4" for c in answer["citations"])
    assert any("Secure email" in a or "Objective Connect" in a for a in answer["alternatives"])
    assert main(ARGS + ["--urgent", "--kind", kind, "--out", str(out)]) == 1
    text = capsys.readouterr().out
    assert text.startswith("No cover sheet: Not allowed") and "Faxes 4" in text and "Safer ways to share" in text


def test_not_urgent_is_refused_and_unsaid_is_asked(tmp_path, capsys):
    out = tmp_path / "cover.pdf"
    assert main(ARGS + ["--no-urgent", "--out", str(out)]) == 1
    assert "Faxes 1" in capsys.readouterr().out
    assert main(ARGS + ["--out", str(out)]) == 1
    assert "run this again with --urgent" in capsys.readouterr().out
    assert not out.exists()
    assert main(ARGS + ["--kind", "anonymous", "--out", str(out)]) == 0  # nothing about anyone: allowed


def test_usage_errors_name_the_box_never_the_value(tmp_path, capsys):
    assert main(ARGS[:6] + ["not a number!"] + ARGS[7:] + ["--urgent", "--out", str(tmp_path / "a.pdf")]) == 2
    err = capsys.readouterr().err
    assert "fax number" in err and "not a number" not in err
    out = tmp_path / "b.pdf"
    out.write_bytes(b"keep")
    assert main(ARGS + ["--urgent", "--out", str(out)]) == 2
    assert out.read_bytes() == b"keep"  # never overwritten


def test_no_personal_data_is_logged(tmp_path, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    main(ARGS + ["--urgent", "--out", str(tmp_path / "c.pdf")])
    main(ARGS + ["--urgent", "--kind", "mental_health", "--out", str(tmp_path / "d.pdf")])
    logged = caplog.text + capsys.readouterr().err
    for value in ("Ann Patel", "Fellview", "960001", "960002", "Bloggs", "Civic Centre"):
        assert value not in logged


def test_the_sheet_names_no_child_and_refuses_without_a_sender_phone(policy):
    with pytest.raises(FaxError, match="telephone number"):
        CoverRequest.build(policy, to_name="A", to_number="01632 960001", from_name="B", from_phone="", pages=1)
    request = CoverRequest.build(policy, to_name="A", to_number="01632 960001", from_name="B",
                                 from_phone="01632 960002", pages=1, urgent=True)
    sheet = decide(policy, load_fax_data(policy), request).sheet
    assert re.search(r"and 1 more page \(2 in all\)", sheet.pages)


FORM = {"kind": "pid", "urgent": "yes", "other_identifier": "no", "to_name": "Dr Ann Patel", "to_org": "",
        "to_number": "01632 960001", "from_name": "Jo Bloggs", "from_phone": "01632 960002",
        "from_address": "Civic Centre", "pages": "2"}


def test_fax_in_the_conversation_keeps_nothing(assistant):
    conversation = Conversation(assistant)
    _, messages = conversation.turn(None, Incoming("fax"))
    assert messages[0].kind is Kind.FAX_FORM
    state, _ = conversation.turn(None, Incoming("check"))
    state, messages = conversation.turn(state, Incoming("fax cover"))  # in a check, "fax" alone is an answer
    assert messages[0].kind is Kind.FAX_FORM
    after, messages = conversation.turn(state, Incoming("", {"safeshare": "fax_cover", **FORM}))
    assert after == state and "Patel" not in json.dumps(after)
    assert messages[0].kind is Kind.FAX_COVER
    assert PROTOCOL_MESSAGE.replace("0xxxxx-----", "01632 960002") in messages[0].text()
    _, messages = conversation.turn(state, Incoming("", {"safeshare": "fax_cover", **FORM, "kind": "safeguarding"}))
    assert messages[0].kind is Kind.ADVICE and messages[0].reply.verdict is Verdict.NOT_ALLOWED
    assert "fax.4" in [c.id for c in messages[0].reply.citations]
    _, messages = conversation.turn(state, Incoming("", {"safeshare": "fax_cover", **FORM, "pages": "lots"}))
    assert messages[0].kind is Kind.FAX_FORM and "whole number" in messages[0].lines[0]


async def test_fax_card_over_http(harness):  # noqa: F811
    sent = await harness.say("fax", "fax")
    card = assert_valid_card(sent[0])
    choices = [e for e in card["body"] if e["type"] == "Input.ChoiceSet"]
    assert [c["id"] for c in choices] == ["kind", "urgent", "other_identifier"]
    submit = buttons(sent[0])[0]
    answer = await harness.say("fax", value={**submit["data"], **FORM, "kind": "mental_health"})
    card = assert_valid_card(answer[0])
    assert card["body"][0]["text"] == "Not allowed"
    answer = await harness.say("fax", value={**submit["data"], **FORM})
    card = assert_valid_card(answer[0])
    assert "CONFIDENTIAL" in json.dumps(card)
