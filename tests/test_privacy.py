"""No personal data or password in anything SafeShare writes.

`safeshare serve` runs as a real process and is fed personal data down
every path (free text, the guided check, FAQ, commands, an attached file
with an identifying name and contents, refusals, a connector failure, bad
requests). Then every byte it wrote is searched: stdout and stderr (the
JSON logs), the state database, and any other file in its folders.
"""
from __future__ import annotations

import base64
import json
import os
import subprocess
import sys

import aiohttp
import pytest

from bot.logs import JsonFormatter, scrub

from .botharness import Connector, activity, card_of
from .test_production import ROOT, Serve

PERSONAL = {
    "name": "Julia Smith",
    "nhs number": "943 476 5919",
    "nhs number, unspaced": "9434765919",
    "postcode": "CA1 1AB",
    "phone": "07700 900123",
    "email": "julia.smith@example.com",
    "date of birth": "12/03/2015",
    "address": "12 Acacia Road",
}
QUESTION = ("Can I email Julia Smith's plan (NHS 943 476 5919, born 12/03/2015, 12 Acacia Road, CA1 1AB) "
            "to julia.smith@example.com or text 07700 900123?")


def test_scrubber_removes_each_pattern():
    text = scrub(QUESTION + " password: Hunter22 k7qm-3xta-9prw-h4ze 9434765919 +44 7700 900123 3 March 2015")
    for label, value in PERSONAL.items():
        if label not in ("name", "address"):  # names and free text are kept out by the whitelist, not by pattern
            assert value not in text, label
    assert "Hunter22" not in text and "k7qm" not in text and "7700" not in text
    assert scrub("1234567890 is not an NHS number") == "1234567890 is not an NHS number"


@pytest.mark.parametrize("text, secret", [
    ("NHS 943.476.5919", "476"), ("NHS 943  476\u00a05919", "476"), ("nhs 94 34 76 59 19", "76 59"),
    ("lives at CA1-1AB", "1AB"), ("ring (01632) 960001", "960001"), ("call 0044 7700 900123", "900123"),
    ("call +44 (0)7700 900123", "900123"), ("born 3rd of March 2015", "March"), ("born the third of March", "March"),
    ("born March 3rd, 2015", "2015"), ("my password is Hunter22", "Hunter22"), ("pw:Hunter22", "Hunter22"),
    ("passwd=Hunter22", "Hunter22"), ("the PIN - 4321", "4321"),
])
def test_scrubber_catches_the_ways_people_write_them(text, secret):
    assert secret not in scrub(text), scrub(text)


def test_scrubber_leaves_log_events_alone():
    for text in ("turn.handled", "package.made", "file.download_failed", "1234567890 is not an NHS number"):
        assert scrub(text) == text


def test_json_lines_carry_only_whitelisted_fields():
    import logging

    record = logging.LogRecord("bot.handler", logging.INFO, __file__, 1, "turn.handled", None, None)
    record.ms = 1.5
    record.kinds = ["advice"]
    record.text = QUESTION  # not a logged field, however it got there
    line = json.loads(JsonFormatter().format(record))
    assert set(line) == {"time", "level", "logger", "event", "ms", "kinds"}


async def test_every_byte_serve_writes_is_free_of_personal_data(tmp_path):
    workdir = tmp_path / "work"
    workdir.mkdir()
    state = workdir / "state.sqlite3"
    connector = Connector()
    await connector.start()
    server = Serve({"SAFESHARE_STATE_FILE": str(state), "TMPDIR": str(workdir / "tmp")}, workdir)
    (workdir / "tmp").mkdir()
    passwords = []

    async with aiohttp.ClientSession() as session:
        await server.ready(session)

        async def say(conversation, text=None, value=None, **extra):
            before = len(connector.sent[conversation])
            body = activity(connector.url, conversation, text, value, **extra)
            async with session.post(server.url + "/api/messages", json=body) as resp:
                assert resp.status in (200, 400), resp.status
            return connector.sent[conversation][before:]

        try:
            await say("p1", type_="conversationUpdate", membersAdded=[{"id": "user-1", "name": "Julia Smith"}],
                      membersRemoved=None)
            await say("p1", QUESTION)
            for text in ["check", "I'm not sure, Julia Smith 943 476 5919 seemed fine", "no", "email",
                         "julia.smith@example.com", "back", "mental health about Julia Smith", "GP at CA1 1AB",
                         "start over", "yes she told me 12 Acacia Road is not safe"]:
                await say("p2", text)
            await say("p3", "faq")
            await say("p3", "wat makes a god pasword for Julia Smith 07700 900123")
            await say("p3", "hub")
            await say("p3", "format c: Julia Smith")
            await say("p3", value={"safeshare": "answer", "check": "Julia Smith", "step": "943 476 5919"})
            await say("p4", "encrypt")
            document = ("Child protection plan for Julia Smith, NHS 943 476 5919, 12 Acacia Road, CA1 1AB\n" * 200).encode()
            inline = "data:application/octet-stream;base64," + base64.b64encode(document).decode()
            sent = await say("p4", "", channelId="emulator", attachments=[
                {"contentType": "application/octet-stream", "name": "Julia Smith 12-03-2015 plan.docx",
                 "contentUrl": inline}])
            passwords.append(card_of(sent[-1])["body"][1]["text"].replace("\\-", "-"))
            await say("p4", "", attachments=[{"contentType": "application/vnd.microsoft.teams.file.download.info",
                                              "name": "Julia Smith.docx",
                                              "content": {"downloadUrl": "https://julia-smith.example.com/x"}}])
            connector.faults = [(503, {})] * 8  # the connector is down for this turn: a logged reference
            await say("p5", "can I fax Julia Smith's address to the school?")
            async with session.post(server.url + "/api/messages", data=QUESTION.encode(),
                                    headers={"Content-Type": "application/json"}) as resp:
                assert resp.status == 400
        finally:
            code, output = server.stop()
            await connector.stop()
    assert code == 0
    assert passwords and len(passwords[0]) >= 12

    written = output.encode()
    files = [p for p in workdir.rglob("*") if p.is_file()]
    assert {p.name for p in files} <= {"state.sqlite3", "state.sqlite3-wal", "state.sqlite3-shm"}
    written += b"".join(p.read_bytes() for p in files)
    for label, value in PERSONAL.items():
        assert value.encode() not in written, f"{label} found in what serve wrote"
        assert value.lower().encode() not in written.lower(), f"{label} found in what serve wrote"
    assert passwords[0].encode() not in written
    assert b"Acacia" not in written and b"plan.docx" not in written
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert lines and all({"time", "level", "event"} <= set(line) for line in lines)
    assert any(line.get("reference") for line in lines)  # the failed turn's reference id is logged
    assert any(line.get("conversation") for line in lines)  # as a salted hash, not the id
    assert not any("p1" == line.get("conversation") for line in lines)


def test_chat_and_encrypt_stderr_name_no_one(tmp_path):
    secret = tmp_path / "Julia Smith 943 476 5919.txt"
    secret.write_text("Julia Smith lives at 12 Acacia Road")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    chat = subprocess.run([sys.executable, "-m", "bot.cli", "chat", "--out", str(tmp_path)], env=env,
                          input=f"{QUESTION}\nencrypt \"{secret}\"\nencrypt /nonexistent/Julia.docx\n",
                          capture_output=True, text=True, timeout=120)
    assert chat.returncode == 0
    assert "Julia" not in chat.stderr and "943 476" not in chat.stderr
    done = subprocess.run([sys.executable, "-m", "bot.cli", "encrypt", str(secret), "--out", str(tmp_path), "--json"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stderr == ""
