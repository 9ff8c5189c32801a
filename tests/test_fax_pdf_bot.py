"""The fax cover sheet PDF in Teams: the file-consent path packages use, held in the work folder only.

Over real HTTP: the bot, a stand-in connector and a stand-in OneDrive
upload host over TLS on 127.0.0.1; pypdf reads back what arrives.
"""
from __future__ import annotations

import io
import json
import logging
import re
import tempfile

import aiohttp
import pytest
from pypdf import PdfReader

from bot.app import BOT_KEY
from bot.config import Config
from bot.files import FILE_CONSENT, FILE_INFO, FileTransfer

from .azurite import needs_azurite
from .botharness import BotServer, Client, Connector, activity, buttons, running, consent
from .filehosts import FileHost, tls_contexts
from .test_bot_http import assert_valid_card
from .test_fax_cover import FORM

PERSONAL = ("Ann Patel", "Fellview", "960001", "960002", "Bloggs", "Civic Centre")
NEUTRAL_NAME = re.compile(r"^fax-cover-\d{8}-[0-9a-f]{6}\.pdf$")


class Fax:
    def __init__(self, client: Client, host: FileHost, bot: BotServer, work, system_tmp):
        self.client, self.host, self.bot, self.work, self.system_tmp = client, host, bot, work, system_tmp

    @property
    def pending(self):
        return self.bot.app[BOT_KEY].pending

    def in_work(self) -> list[str]:
        return sorted(str(p.relative_to(self.work)) for p in self.work.rglob("*") if p.is_file())

    def in_system_tmp(self) -> list[str]:
        return sorted(str(p) for p in self.system_tmp.rglob("*") if p.is_file())

    async def complete_form(self, conversation: str, **changes) -> list[dict]:
        form = await self.client.say(conversation, "fax")
        assert_valid_card(form[0])
        submit = buttons(form[0])[0]
        return await self.client.say(conversation, value={**submit["data"], **FORM, **changes})

    async def consent(self, conversation: str, action: str, token, upload: str = "fax1") -> tuple[int, list[dict]]:
        return await consent(self.client, self.host.url, conversation, action, token, upload, "fax-cover.pdf", "pdf", "item-9")


@pytest.fixture
async def fax(policy, tmp_path, monkeypatch):
    system_tmp = tmp_path / "system-tmp"  # the system temp dir, watched: nothing of the fax may land here
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    work = tmp_path / "work"  # SafeShare's work folder (SAFESHARE_WORK_DIR)
    server_tls, client_tls = tls_contexts(tmp_path)
    host = FileHost(server_tls)
    await host.start()
    connector = Connector()
    await connector.start()
    transfer = FileTransfer(("localhost",), 2 * 1024 * 1024, ssl_context=client_tls)
    bot = BotServer(policy, config=Config(WORK_DIR=str(work)), transfer=transfer)
    await bot.start()
    async with aiohttp.ClientSession() as session:
        yield Fax(Client(session, bot, connector), host, bot, work, system_tmp)
    await bot.stop()
    await connector.stop()
    await host.stop()
    assert [p for p in work.rglob("*") if p.is_file()] == []  # shutdown removes a held cover sheet too


def consent_of(sent: list[dict]) -> dict:
    consents = [a for r in sent for a in r.get("attachments", []) if a["contentType"] == FILE_CONSENT]
    assert len(consents) == 1
    return consents[0]


def assert_adaptive_cards_valid(sent: list[dict]) -> None:
    """Every adaptive card sent is valid; the file cards are not adaptive cards and have their own shape."""
    for reply in sent:
        for attachment in reply.get("attachments", []):
            if attachment["contentType"] == "application/vnd.microsoft.card.adaptive":
                assert_valid_card({"attachments": [attachment]})
            else:
                assert attachment["contentType"] in (FILE_CONSENT, FILE_INFO), attachment["contentType"]


async def test_the_cover_sheet_pdf_is_offered_uploaded_and_reads_back(fax, caplog):
    caplog.set_level(logging.DEBUG)
    sent = await fax.complete_form("fax-teams")
    assert_adaptive_cards_valid(sent)
    assert len(sent) == 2  # the sheet's words, then the file
    assert "CONFIDENTIAL" in json.dumps(sent[0]) and "as a PDF too" in json.dumps(sent[0])
    consent = consent_of(sent)
    assert NEUTRAL_NAME.match(consent["name"]), consent["name"]
    content = consent["content"]
    assert content["sizeInBytes"] > 0 and "Fax cover sheet (PDF" in content["description"]
    assert not any(value in json.dumps(consent) for value in PERSONAL)
    token = content["acceptContext"]["package"]
    assert content["declineContext"] == {"package": token}
    # Held in the work folder, by its token (not its name), and nowhere in the system temp dir.
    held = fax.in_work()
    assert len(held) == 1 and "/safeshare-pending-" in held[0] and held[0].endswith(token)
    assert fax.in_system_tmp() == [] and len(fax.pending) == 1

    status, after = await fax.consent("fax-teams", "accept", token)
    assert status == 200
    assert_adaptive_cards_valid(after)
    info = after[0]["attachments"][0]
    assert info["contentType"] == FILE_INFO and info["content"]["uniqueId"] == "item-9"
    assert "The cover sheet is in your OneDrive" in json.dumps(after[1])
    assert "type fax log here" in json.dumps(after[1])  # the card in Teams, not a terminal command
    assert all(r.startswith("bytes ") for r in fax.host.ranges["fax1"])
    pdf = PdfReader(io.BytesIO(bytes(fax.host.uploads["fax1"])))
    assert len(pdf.pages) == 1
    text = " ".join(pdf.pages[0].extract_text().split())
    assert text.startswith("CONFIDENTIAL") and "Dr Ann Patel" in text and "Fax: 01632 960001" in text
    assert fax.in_work() == [] and len(fax.pending) == 0  # deleted once uploaded

    logged = caplog.text + "".join(str(r.__dict__) for r in caplog.records)
    assert not any(value in logged for value in PERSONAL) and consent["name"] not in logged
    stored = b"".join(p.read_bytes() for p in fax.bot.storage.path.parent.iterdir())
    assert b"safeshare" in stored and not any(value.encode() in stored for value in PERSONAL)


async def test_decline_deletes_the_held_cover_sheet(fax):
    sent = await fax.complete_form("fax-decline")
    assert len(fax.in_work()) == 1
    status, after = await fax.consent("fax-decline", "decline", consent_of(sent)["content"]["acceptContext"]["package"])
    assert status == 200 and "The cover sheet was deleted" in json.dumps(after)
    assert_adaptive_cards_valid(after)
    assert fax.in_work() == [] and len(fax.pending) == 0 and fax.host.requests == 0


async def test_an_unaccepted_cover_sheet_expires_and_is_gone(fax):
    fax.pending.hold_seconds = 0  # expires at once
    sent = await fax.complete_form("fax-late")
    token = consent_of(sent)["content"]["acceptContext"]["package"]
    await fax.pending.sweep()
    assert fax.in_work() == [] and len(fax.pending) == 0
    status, after = await fax.consent("fax-late", "accept", token)
    assert status == 200 and "no longer available" in json.dumps(after) and fax.host.requests == 0


@pytest.mark.parametrize("kind", ["mental_health", "safeguarding"])
async def test_a_refused_fax_gets_no_file(fax, kind):
    sent = await fax.complete_form(f"fax-{kind}", kind=kind)
    assert_adaptive_cards_valid(sent)
    assert len(sent) == 1 and FILE_CONSENT not in json.dumps(sent)
    card = sent[0]["attachments"][0]["content"]
    assert card["body"][0]["text"] == "Not allowed"
    assert fax.in_work() == [] and fax.in_system_tmp() == [] and len(fax.pending) == 0


async def test_a_form_to_fix_gets_no_file(fax):
    sent = await fax.complete_form("fax-fix", pages="lots")
    assert FILE_CONSENT not in json.dumps(sent) and "whole number" in json.dumps(sent)
    assert fax.in_work() == [] and len(fax.pending) == 0


async def test_a_sheet_that_cannot_be_one_page_gets_the_words_and_a_clear_message(fax):
    sent = await fax.complete_form("fax-long", from_address="\n".join(f"Line {n}" for n in range(60)))
    assert_adaptive_cards_valid(sent)
    text = json.dumps(sent)
    assert "CONFIDENTIAL" in text and "The PDF could not be made" in text and FILE_CONSENT not in text
    assert fax.in_work() == [] and fax.in_system_tmp() == [] and len(fax.pending) == 0


@pytest.mark.parametrize("conversation_type", ["channel", "groupChat"])
async def test_no_pdf_outside_a_personal_chat_and_it_says_why(fax, conversation_type):
    connector = fax.client.connector
    conversation = f"shared-fax-{conversation_type}"
    submit = {"safeshare": "fax_cover", **FORM}
    body = activity(connector.url, conversation, value=submit)
    body["conversation"]["conversationType"] = conversation_type
    assert (await fax.client.post(body)).status == 200
    sent = connector.sent[conversation]
    assert_adaptive_cards_valid(sent)
    text = json.dumps(sent)
    assert FILE_CONSENT not in text and "only in your personal chat" in text
    assert fax.in_work() == [] and len(fax.pending) == 0


@needs_azurite
async def test_with_shared_blob_holds_the_cover_sheet_stays_on_this_instance(azurite, policy, tmp_path):
    """Packages wait in blob storage so any instance can take the accept; a cover sheet is personal data in the
    clear, so it waits in this instance's work folder and never reaches the container."""
    from azure.storage.blob.aio import ContainerClient

    from bot.files import BlobPendingPackages

    server_tls, client_tls = tls_contexts(tmp_path)
    host = FileHost(server_tls)
    await host.start()
    connector = Connector()
    await connector.start()
    work = tmp_path / "work"
    config = Config(STORAGE="blob", AZURE_STORAGE_CONNECTION_STRING=azurite.connection_string,
                    STATE_CONTAINER="faxes", WORK_DIR=str(work))
    bot = BotServer(policy, config=config, transfer=FileTransfer(("localhost",), 2 ** 20, ssl_context=client_tls))
    other = BlobPendingPackages(azurite.connection_string, "faxes-pending")  # another instance's hold
    try:
        async with running(bot, connector) as client:
            fax = Fax(client, host, bot, work, tmp_path)
            assert isinstance(fax.pending, BlobPendingPackages)
            sent = await fax.complete_form("fax-blob")
            token = consent_of(sent)["content"]["acceptContext"]["package"]
            assert len(fax.in_work()) == 1
            async with ContainerClient.from_connection_string(azurite.connection_string, "faxes-pending") as box:
                assert not await box.exists() or [b.name async for b in box.list_blobs()] == []
            assert await other.take(token, "fax-blob") is None  # another instance cannot have it
            status, after = await fax.consent("fax-blob", "accept", token)
            assert status == 200 and after[0]["attachments"][0]["contentType"] == FILE_INFO
            assert PdfReader(io.BytesIO(bytes(host.uploads["fax1"]))).pages[0].extract_text().startswith(
                "CONFIDENTIAL")
            assert fax.in_work() == []
    finally:
        await other.close()
        await connector.stop()
        await host.stop()


def test_the_terminal_chat_writes_the_pdf_where_it_says(tmp_path):
    """`safeshare chat`: the card's boxes one by one, then the PDF in --out under a neutral name, reported."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "out"
    out.mkdir()
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    typed = "fax\n1\n\n\n\nDr Ann Patel\nFellview Surgery\n01632 960001\nJo Bloggs\n01632 960002\nCivic Centre\n.\n3\n"
    chat = subprocess.run([sys.executable, "-m", "bot.cli", "chat", "--out", str(out)], input=typed,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(root), "TMPDIR": str(system_tmp)})
    assert chat.returncode == 0 and chat.stderr == ""
    saved = re.search(r"^Saved as (.+\.pdf)$", chat.stdout, re.M)
    assert saved, chat.stdout[-2000:]
    pdf = Path(saved.group(1))
    assert pdf.parent == out and NEUTRAL_NAME.match(pdf.name) and list(out.iterdir()) == [pdf]
    assert oct(pdf.stat().st_mode & 0o777) == "0o600"
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert text.startswith("CONFIDENTIAL") and "Dr Ann Patel" in text and "3 more pages (4 in all)" in text
    assert [p for p in system_tmp.rglob("*") if p.is_file()] == []  # the turn's folder went with the turn


def test_an_address_that_would_run_off_the_page_is_refused_not_cut(tmp_path, capsys):
    """Automatic page breaks are off, so fpdf2 would draw past the foot of the page without a second page."""
    from bot.cli import main

    from .test_fax_cover import ARGS

    out = tmp_path / "c.pdf"
    address = ";".join(f"Line {n}" for n in range(20))
    assert main(ARGS + ["--urgent", "--from-address", address, "--out", str(out)]) == 2
    assert "shorten the address" in capsys.readouterr().err
    assert main(ARGS + ["--urgent", "--from-address", ";".join(address.split(";")[:8]), "--out", str(out)]) == 0
