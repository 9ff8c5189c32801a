"""The fax log (Faxes 10) and saved numbers (Faxes 8, 5): 0600, no content, no lost entries."""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
import sqlite3

import pytest

from bot.cli import main
from bot.faxlog import FaxEntry, FaxLog, default_path

WRITERS, EACH = 6, 25


def _writer(path: str, who: int, start) -> None:
    start.wait()  # all at once
    with FaxLog(path) as log:
        for n in range(EACH):
            log.add(FaxEntry("2026-03-01T10:00:00+00:00", f"sender {who}", f"receiver {n}", "", "01632 960001", 1))


def test_concurrent_writers_lose_no_entry(tmp_path):
    path = str(tmp_path / "log.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    workers = [ctx.Process(target=_writer, args=(path, w, start)) for w in range(WRITERS)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    with FaxLog(path) as log:
        entries = log.entries()
    assert len(entries) == WRITERS * EACH
    assert {(e.sender, e.receiver) for e in entries} == {(f"sender {w}", f"receiver {n}")
                                                         for w in range(WRITERS) for n in range(EACH)}


def test_log_file_is_0600_in_the_data_folder_or_env(tmp_path, monkeypatch):
    monkeypatch.delenv("SAFESHARE_FAX_LOG", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_path() == tmp_path / "data" / "safeshare" / "fax-log.sqlite3"
    monkeypatch.setenv("SAFESHARE_FAX_LOG", str(tmp_path / "team" / "faxes.sqlite3"))
    assert main(["fax-log", "add", "--to-name", "Dr A", "--to-number", "01632 960001", "--from", "Jo",
                 "--pages", "2"]) == 0
    path = tmp_path / "team" / "faxes.sqlite3"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"


@pytest.fixture
def log_env(tmp_path, monkeypatch):
    path = tmp_path / "faxes.sqlite3"
    monkeypatch.setenv("SAFESHARE_FAX_LOG", str(path))
    return path


def test_add_list_export_keep_the_protocols_details_and_no_content(log_env, capsys):
    assert main(["fax-log", "add", "--to-name", "Dr Ann Patel", "--to-org", "Fellview Surgery", "--to-number",
                 "01632 960001", "--from", "Jo Bloggs", "--pages", "4", "--date", "2026-03-01T14:30+00:00",
                 "--receipt-confirmed", "--transmission-record"]) == 0
    assert main(["fax-log", "add", "--to-name", "=HYPERLINK(\"x\")", "--to-number", "+44 1632 960001",
                 "--from", "Jo", "--pages", "1"]) == 0
    capsys.readouterr()
    assert main(["fax-log", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[1] == {"sent_at": "2026-03-01T14:30:00+00:00", "sender": "Jo Bloggs", "receiver": "Dr Ann Patel",
                         "receiver_org": "Fellview Surgery", "fax_number": "01632 960001", "pages": 4,
                         "receipt_confirmed": True, "transmission_record": True, "id": 1}
    assert main(["fax-log", "export", "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:7] == ["id", "date and time", "sender", "receiver", "receiver's organisation", "fax number",
                           "pages"]
    assert rows[1][1:] == ["2026-03-01T14:30:00+00:00", "Jo Bloggs", "Dr Ann Patel", "Fellview Surgery", "01632 960001",
                           "4", "yes", "yes"]
    assert rows[2][3].startswith("'=") and rows[2][5] == "'+44 1632 960001"  # no formula runs in the spreadsheet
    columns = {r[1] for r in sqlite3.connect(log_env).execute("PRAGMA table_info(faxes)")}
    assert columns == {"id", "sent_at", "sender", "receiver", "receiver_org", "fax_number", "pages",
                       "receipt_confirmed", "transmission_record"}  # nothing of the fax's content


def test_a_saved_number_is_used_only_after_it_is_confirmed(log_env, capsys, monkeypatch):
    assert main(["fax-log", "numbers", "save", "gp", "--to-name", "Dr A", "--to-number", "01632 960001"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: no prompt, the confirmation is needed
    assert main(["fax-log", "add", "--saved", "gp", "--from", "Jo", "--pages", "1"]) == 1
    assert "--confirm-number" in capsys.readouterr().err
    assert main(["fax-log", "add", "--saved", "gp", "--from", "Jo", "--pages", "1",
                 "--confirm-number", "01632 960009"]) == 1
    assert "does not match" in capsys.readouterr().err
    with FaxLog(log_env) as log:
        assert log.entries() == []
    assert main(["fax-log", "add", "--saved", "gp", "--from", "Jo", "--pages", "1",
                 "--confirm-number", "(01632) 960-001"]) == 0
    with FaxLog(log_env) as log:
        (entry,) = log.entries()
    assert (entry.receiver, entry.fax_number) == ("Dr A", "01632 960001")
    assert main(["fax-log", "numbers", "remove", "gp"]) == 0
    assert main(["fax-log", "add", "--saved", "gp", "--from", "Jo", "--pages", "1"]) == 2


def test_fax_log_works_with_broken_knowledge(log_env, tmp_path):
    assert main(["--knowledge", str(tmp_path / "nowhere"), "fax-log", "list"]) == 0


# -- the fax log card (Teams and safeshare chat) ---------------------------------------------------------------

from .botharness import buttons  # noqa: E402
from .test_bot_http import assert_valid_card, harness  # noqa: E402,F401 - the fixture

CARD = {"to_name": "Dr Ann Patel", "to_org": "Fellview Surgery", "to_number": "01632 960001",
        "from_name": "Jo Bloggs", "pages": "4", "receipt_confirmed": "yes", "transmission_record": "no"}


async def test_the_fax_log_card_writes_an_entry_and_keeps_nothing_in_state(harness, log_env):  # noqa: F811
    sent = await harness.say("fl", "fax log")
    card = assert_valid_card(sent[0])
    ids = [e.get("id") for e in card["body"] if e["type"].startswith("Input.")]
    assert ids == ["to_name", "to_org", "to_number", "from_name", "pages", "receipt_confirmed", "transmission_record"]
    submit = buttons(sent[0])[0]
    done = await harness.say("fl", value={**submit["data"], **CARD})
    card = assert_valid_card(done[0])
    text = json.dumps(card)
    assert "Fax 1 logged" in text and "transmission" in text  # no printed record yet: the reminder of Faxes 9
    rows = sqlite3.connect(log_env).execute("SELECT receiver, fax_number, pages, receipt_confirmed FROM faxes")
    assert rows.fetchall() == [("Dr Ann Patel", "01632 960001", 4, 1)]
    bad = await harness.say("fl", value={**submit["data"], **CARD, "to_number": "call Ann"})
    assert "fax number" in json.dumps(assert_valid_card(bad[0])).lower() and "call Ann" not in json.dumps(bad)
    kept = {e["id"]: e.get("value") for e in assert_valid_card(bad[0])["body"] if e["type"].startswith("Input.")}
    assert kept["to_name"] == CARD["to_name"] and kept["receipt_confirmed"] == CARD["receipt_confirmed"]  # not retyped
    assert not kept["to_number"]
    assert len(sqlite3.connect(log_env).execute("SELECT * FROM faxes").fetchall()) == 1


def test_a_cover_sheet_offers_the_log_with_its_details_filled_in(assistant):
    from dialogs.conversation import Conversation, Incoming

    conversation = Conversation(assistant)
    state, form = conversation.turn(None, Incoming("fax"))
    submit = form[0].options[0].data
    fields = {"kind": "pid", "urgent": "yes", "other_identifier": "no", "to_name": "Dr Ann Patel",
              "to_org": "Fellview Surgery", "to_number": "01632 960001", "from_name": "Jo Bloggs",
              "from_phone": "01632 960002", "pages": "3"}
    _, sheet = conversation.turn(state, Incoming(data={**submit, **fields}))
    log = next(o for o in sheet[-1].options if o.title == "Record it in the fax log")
    new_state, card = conversation.turn(state, Incoming(data=log.data))
    boxes = {f.id: f.value for f in card[0].inputs}
    assert boxes["to_name"] == "Dr Ann Patel" and boxes["to_number"] == "01632 960001" and boxes["pages"] == "4"
    assert "Patel" not in json.dumps(new_state)
