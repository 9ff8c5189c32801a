"""`check email` in Teams and the terminal chat; nothing pasted is kept or logged."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import aiohttp

from dialogs.conversation import Conversation, Incoming, Kind

from .botharness import Connector, activity, buttons, card_of
from .test_bot_http import assert_valid_card, harness  # noqa: F401 - the fixture
from .test_privacy import PERSONAL
from .test_production import ROOT, Serve

DRAFT = {"to": "Julia Smith <julia.smith@gmail.com>; head@school.org.uk", "cc": "jo@cumbria.gov.uk",
         "bcc": "", "subject": "Julia Smith DOB 12/03/2015",
         "body": "Julia Smith, NHS 943 476 5919, lives at 12 Acacia Road, CA1 1AB; mum on 07700 900123, "
                 "julia.smith@example.com.\n\nKind regards",
         "attachments": "Julia Smith 12-03-2015 plan.docx"}


def test_the_draft_never_reaches_the_state(assistant):
    conversation = Conversation(assistant)
    state, messages = conversation.turn(None, Incoming("check"))  # a guided check in progress
    state, messages = conversation.turn(state, Incoming("check email"))
    assert messages[0].kind is Kind.EMAIL_FORM and [f.id for f in messages[0].inputs][:2] == ["to", "cc"]
    after, messages = conversation.turn(state, Incoming("", {"safeshare": "email_check", **DRAFT}))
    assert after == state  # checked and forgotten: the check in progress is where it was
    assert messages[0].reply.verdict == "not_allowed"
    shown = json.dumps([m.text() for m in messages])
    for label, value in PERSONAL.items():
        assert value.lower() not in shown.lower(), label  # the answer names kinds, not what was pasted


async def test_check_email_card_and_its_answer_over_http(harness):  # noqa: F811
    sent = await harness.say("mail", "check email")
    card = assert_valid_card(sent[0])
    boxes = [e for e in card["body"] if e["type"] == "Input.Text"]
    assert [b["id"] for b in boxes] == ["to", "cc", "bcc", "subject", "body", "attachments"]
    assert boxes[0]["isRequired"] and boxes[4]["isMultiline"]
    submit = buttons(sent[0])[0]
    assert submit["data"] == {"safeshare": "email_check"}
    answer = await harness.say("mail", value={**submit["data"], **DRAFT})  # Teams merges the boxes into data
    card = assert_valid_card(answer[0])
    assert card["body"][0]["text"] == "Not allowed"
    assert "Internet Email 1, 2" in json.dumps(card)
    assert [b["title"] for b in buttons(answer[0])] == ["Make an encrypted package", "Check another email"]
    empty = await harness.say("mail", value={"safeshare": "email_check", "to": " ", "subject": "x"})
    card = assert_valid_card(empty[0])
    assert "Add at least one recipient" in json.dumps(card)
    clean = await harness.say("mail", value={"safeshare": "email_check", "to": "jo@cumbria.gov.uk"})
    assert card_of(clean[0])["body"][0]["text"] == "Allowed"


def test_terminal_chat_asks_for_each_box():
    typed = ("check email\n1\n\nhead@school.org.uk\n\n\nCONFIDENTIAL\nHi,\n\nNHS 943 476 5919\n.\nplan.docx\n.\n"
             "help\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    chat = subprocess.run([sys.executable, "-m", "bot.cli", "chat"], input=typed, capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)
    assert chat.returncode == 0 and chat.stderr == ""
    out = chat.stdout
    assert out.count("To:") == 2  # asked again: To is required
    assert "Body: type or paste, then a line with only a dot (.)" in out
    assert "Allowed, with conditions: Fix 4 things before sending." in out
    assert "943 476" not in out.split("Fix 4 things")[1]
    assert "What SafeShare can do" in out  # back to ordinary turns afterwards


async def test_serve_writes_nothing_of_a_checked_draft(tmp_path):
    workdir = tmp_path / "work"
    workdir.mkdir()
    connector = Connector()
    await connector.start()
    server = Serve({"SAFESHARE_STATE_FILE": str(workdir / "state.sqlite3")}, workdir)
    async with aiohttp.ClientSession() as session:
        await server.ready(session)

        async def say(text=None, value=None):
            before = len(connector.sent["e1"])
            async with session.post(server.url + "/api/messages",
                                    json=activity(connector.url, "e1", text, value)) as resp:
                assert resp.status == 200
            return connector.sent["e1"][before:]

        try:
            await say("check")
            await say("check email")
            sent = await say(value={"safeshare": "email_check", **DRAFT})
            assert card_of(sent[0])["body"][0]["text"] == "Not allowed"
            await say(value={"safeshare": "email_check", "to": DRAFT["body"], "subject": DRAFT["to"]})
        finally:
            code, output = server.stop()
            await connector.stop()
    assert code == 0
    written = output.encode() + b"".join(p.read_bytes() for p in workdir.rglob("*") if p.is_file())
    for label, value in PERSONAL.items():
        assert value.lower().encode() not in written.lower(), f"{label} found in what serve wrote"
    assert b"gmail" not in written and b"Acacia" not in written and b"school.org.uk" not in written
