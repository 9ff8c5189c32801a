"""Encrypted packages through the bot: Teams download, file consent, upload; hostile files and URLs.

Everything over real HTTP: the bot, a stand-in connector, and stand-in
SharePoint/OneDrive hosts over TLS on 127.0.0.1, with 7-Zip opening what
arrives.
"""
from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import tempfile
from pathlib import Path

import aiohttp
import pytest

from bot.app import BOT_KEY
from bot.files import DOWNLOAD_INFO, FILE_CONSENT, FILE_INFO, FileTransfer

from .botharness import BotServer, Client, Connector, activity, card_of, consent
from .filehosts import FileHost, tls_contexts
from .sevenzip import extract, listing, needs_7zip

SECRET_NAME = "Julia Smith child protection plan.docx"
CAP = 2 * 1024 * 1024


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """Every temporary file the bot makes goes here, so a test can see that none is left."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


class Harness:
    def __init__(self, client: Client, host: FileHost, bot: BotServer, tmp: Path):
        self.client, self.host, self.bot, self.tmp = client, host, bot, tmp

    @property
    def pending(self):
        return self.bot.app[BOT_KEY].pending

    def leftovers(self) -> list[str]:
        return sorted(str(p.relative_to(self.tmp)) for p in self.tmp.rglob("*") if p.is_file())

    async def send_files(self, conversation: str, *names: str, url: str | None = None, **extra) -> list[dict]:
        attachments = [{"contentType": DOWNLOAD_INFO, "name": SECRET_NAME if n == "doc" else n,
                        "content": {"downloadUrl": url or f"{self.host.url}/files/{n}", "uniqueId": "u1",
                                    "fileType": "docx"}} for n in names]
        attachments.append({"contentType": "text/html", "content": "<div>file</div>"})  # as Teams adds
        return await self.client.say(conversation, "", attachments=attachments, **extra)

    async def consent(self, conversation: str, action: str, token, upload: str = "up1") -> tuple[int, list[dict]]:
        return await consent(self.client, self.host.url, conversation, action, token, upload, "20261125-XXXX.7z", "7z", "item-1")


@pytest.fixture
async def files(policy, tmp_path, private_tmp):
    server_tls, client_tls = tls_contexts(tmp_path)
    host = FileHost(server_tls)
    await host.start()
    connector = Connector()
    await connector.start()
    transfer = FileTransfer(("localhost", "*.sharepoint.com"), CAP, ssl_context=client_tls)
    bot = BotServer(policy, transfer=transfer)
    await bot.start()
    async with aiohttp.ClientSession() as session:
        yield Harness(Client(session, bot, connector), host, bot, private_tmp)
    await bot.stop()
    await connector.stop()
    await host.stop()
    assert [p for p in private_tmp.rglob("*") if p.is_file()] == []  # shutdown removes held packages too


def consent_token(sent: list[dict]) -> str:
    consent = [a for r in sent for a in r.get("attachments", []) if a["contentType"] == FILE_CONSENT]
    assert len(consent) == 1
    return consent[0]["content"]["acceptContext"]["package"]


def password_of(sent: list[dict]) -> str:
    card = card_of(sent[-1])
    assert card["body"][0]["text"].startswith("Password for")
    return card["body"][1]["text"].replace("\\-", "-")


@needs_7zip
async def test_teams_flow_download_consent_upload_and_7zip_opens_it(files, tmp_path, caplog):
    """The default package is the appendix's ZIP with AES-256; 7-Zip opens it with the password only."""
    caplog.set_level(logging.DEBUG)
    document = os.urandom(700_000) + b"Julia Smith, 12 Acacia Road" * 1000
    files.host.files["doc"] = document
    await files.client.say("teams", "encrypt")
    sent = await files.send_files("teams", "doc")
    assert len(sent) == 3  # ready, the file (consent card), the password: three separate messages
    password = password_of(sent)
    ready, offer = json.dumps(sent[0]), json.dumps(sent[1])
    assert password not in ready and password not in offer
    assert "Julia Smith child protection plan" in ready  # the mapping, shown to the sender
    assert "document-1.docx" in ready
    consent = sent[1]["attachments"][0]
    assert consent["name"].endswith(".zip") and "Julia" not in consent["name"]
    assert consent["content"]["sizeInBytes"] > 0
    assert len(files.pending) == 1 and len(files.leftovers()) == 1
    assert "/safeshare-pending-" in files.leftovers()[0]  # the package waits; the original is gone

    status, after = await files.consent("teams", "accept", consent_token(sent))
    assert status == 200
    info = after[0]["attachments"][0]
    assert info["contentType"] == FILE_INFO and info["content"]["uniqueId"] == "item-1"
    assert len(files.pending) == 0 and files.leftovers() == []
    assert all(r.startswith("bytes ") for r in files.host.ranges["up1"])

    archive = tmp_path / "arrived.zip"
    archive.write_bytes(bytes(files.host.uploads["up1"]))
    assert extract(archive, password, tmp_path / "opened").returncode == 0
    assert (tmp_path / "opened" / "document-1.docx").read_bytes() == document
    shown = listing(archive).stdout  # a ZIP's names are readable: they are neutral
    assert "document-1.docx" in shown and "Julia" not in shown and "AES-256" in shown

    # Nothing personal in the logs, and nothing in conversation state.
    logged = caplog.text + "".join(str(r.__dict__) for r in caplog.records)
    assert password not in logged and "Julia" not in logged and "Acacia" not in logged
    state_files = list(files.bot.storage.path.parent.iterdir())
    assert state_files
    stored = b"".join(p.read_bytes() for p in state_files)
    assert password.encode() not in stored and b"Julia" not in stored and b"safeshare" in stored


async def test_a_big_package_uploads_in_chunks(files, tmp_path):
    files.host.files["big.pdf"] = os.urandom(CAP - 1000)
    sent = await files.send_files("chunks", "big.pdf")
    status, after = await files.consent("chunks", "accept", consent_token(sent), upload="big")
    assert status == 200 and len(files.host.ranges["big"]) >= 1
    total = len(files.host.uploads["big"])
    assert files.host.ranges["big"][-1].endswith(f"/{total}")


async def test_decline_keeps_nothing(files):
    files.host.files["doc"] = b"notes" * 100
    sent = await files.send_files("decline", "doc")
    status, after = await files.consent("decline", "decline", consent_token(sent))
    assert status == 200 and "nothing was kept" in json.dumps(after)
    assert len(files.pending) == 0 and files.leftovers() == []


async def test_consent_for_another_conversation_or_an_old_token_is_refused(files):
    files.host.files["doc"] = b"notes" * 100
    sent = await files.send_files("owner", "doc")
    token = consent_token(sent)
    status, after = await files.consent("intruder", "accept", token)
    assert status == 200 and "no longer available" in json.dumps(after) and "up1" not in files.host.uploads
    status, after = await files.consent("owner", "accept", "made-up-token")
    assert "no longer available" in json.dumps(after)
    status, after = await files.consent("owner", "accept", token)  # the real owner still can
    assert status == 200 and after[0]["attachments"][0]["contentType"] == FILE_INFO


async def test_an_upload_cut_halfway_keeps_nothing(files):
    files.host.files["doc"] = os.urandom(50_000)
    files.host.upload_mode = "cut"
    sent = await files.send_files("cut-up", "doc")
    status, after = await files.consent("cut-up", "accept", consent_token(sent))
    assert status == 200 and "could not be uploaded" in json.dumps(after)
    assert len(files.pending) == 0 and files.leftovers() == []


@pytest.mark.parametrize("case, expected", [
    ("http", "only fetches files over https"),
    ("elsewhere", "not on SharePoint or OneDrive"),
    ("redirect-away", "not on SharePoint or OneDrive"),
    ("over-cap", "over the 2.0 MB limit"),
    ("over-cap-streamed", "over the 2.0 MB limit"),
    ("broken", "cut off"),
    ("empty", "is empty"),
    ("missing", "could not be downloaded"),
    ("label-too-long", "not a valid address"),  # allowlisted by pattern, but no such host can exist
    ("empty-label", "not a valid address"),
])
async def test_hostile_downloads_get_a_clear_message_and_leave_nothing(files, case, expected):
    host = files.host
    url = None
    if case == "http":
        url = host.url.replace("https:", "http:") + "/files/doc"
    elif case == "elsewhere":
        url = "https://evil.example.com/files/doc"
    elif case == "redirect-away":
        host.modes["doc"] = "redirect:https://evil.example.com/steal"
    elif case == "over-cap":
        host.files["doc"] = b"x" * (CAP + 1)
    elif case == "over-cap-streamed":
        host.files["doc"] = b"x" * (CAP + 1)
        host.modes["doc"] = "no-length"
    elif case == "broken":
        host.files["doc"] = os.urandom(1_000_000)
        host.modes["doc"] = "break"
    elif case == "empty":
        host.files["doc"] = b""
    elif case == "label-too-long":
        url = "https://council-" + "x" * 60 + ".sharepoint.com/files/doc"
    elif case == "empty-label":
        url = "https://council..sharepoint.com/files/doc"
    sent = await files.send_files(f"hostile-{case}", "doc", url=url)
    text = json.dumps(sent)
    assert "I could not make the package" in text and expected in text, text
    assert "Julia" not in text and "evil" not in text
    if case in ("http", "elsewhere", "label-too-long", "empty-label"):
        assert host.requests == 0  # refused without connecting
    assert files.leftovers() == [] and len(files.pending) == 0


async def test_hostile_names_are_packaged_under_neutral_names(files):
    for name in ("../../etc/passwd", "CON.docx", "a\x00b.pdf", "x" * 500 + ".txt", "\u202eexe.docx"):
        files.host.files["f"] = b"data" * 10
        attachments = [{"contentType": DOWNLOAD_INFO, "name": name,
                        "content": {"downloadUrl": f"{files.host.url}/files/f"}}]
        sent = await files.client.say("names", "", attachments=attachments)
        assert len(sent) == 3, json.dumps(sent)
        assert "document-1" in json.dumps(sent[0])
        assert "etc/passwd" not in json.dumps(sent[0]) and "\\u202e" not in json.dumps(sent[0])
    assert len(files.leftovers()) == 5 and all("/safeshare-pending-" in n for n in files.leftovers())


@needs_7zip
async def test_emulator_inline_file_comes_back_inline(files, tmp_path):
    document = b"Case notes " * 500
    data = "data:application/octet-stream;base64," + base64.b64encode(document).decode()
    sent = await files.client.say("emulator", "", channelId="emulator",
                                  attachments=[{"contentType": "application/octet-stream", "name": "notes.txt",
                                                "contentUrl": data}])
    assert len(sent) == 3
    inline = sent[1]["attachments"][0]
    assert inline["contentType"] == "application/zip"
    archive = tmp_path / inline["name"]
    archive.write_bytes(base64.b64decode(inline["contentUrl"].split(",", 1)[1]))
    assert extract(archive, password_of(sent), tmp_path / "out").returncode == 0
    assert (tmp_path / "out" / "document-1.txt").read_bytes() == document
    assert files.leftovers() == []


async def test_format_choice_is_remembered_and_7z_is_made(files):
    await files.client.say("7z", value={"safeshare": "command", "command": "encrypt", "format": "7z"})
    files.host.files["doc"] = b"notes" * 100
    sent = await files.send_files("7z", "doc")
    assert sent[1]["attachments"][0]["name"].endswith(".7z")
    assert "not even the names" in json.dumps(sent[0])


async def test_unsupported_attachment_gets_a_clear_message(files):
    sent = await files.client.say("odd", "", attachments=[{"contentType": "image/png",
                                                           "contentUrl": "https://smba.example/img/1"}])
    assert "cannot take a file sent this way" in json.dumps(sent)
    assert files.host.requests == 0


async def test_hold_time_comes_from_the_configuration_and_expired_packages_go(policy, tmp_path):
    from bot.config import Config
    from bot.files import PendingPackages

    from botbuilder.core import MemoryStorage

    from bot.app import create_app

    app = create_app(Config(PACKAGE_HOLD_SECONDS=60), policy, storage=MemoryStorage())
    assert app[BOT_KEY].pending.hold_seconds == 60  # an empty hold is still the configured one
    now = [1000.0]
    pending = PendingPackages(hold_seconds=60, clock=lambda: now[0])
    package = tmp_path / "p.7z"
    package.write_bytes(b"encrypted")
    token = await pending.hold(package, "20261125-ABCD.7z", 9, "conv")
    assert await pending.take(token, "other-conv") is None  # only its own conversation
    now[0] += 59.9
    assert len(pending) == 1 and (pending.root / token).exists()  # still held just before the hold ends
    now[0] += 0.1
    assert await pending.take(token, "conv") is None  # expired, and deleted
    assert list(pending.root.iterdir()) == []
    await pending.close()


async def test_the_encrypt_prompt_states_the_configured_limit(files):
    sent = await files.client.say("limit", "encrypt")
    assert "Up to 2 MB together" in json.dumps(sent)


async def test_a_failing_hold_store_gives_a_clear_message_and_keeps_nothing(files):
    from bot.files import PendingPackages

    class Down(PendingPackages):
        async def hold(self, *args, **kwargs):
            raise ConnectionError("storage account unreachable")

    files.bot.app[BOT_KEY].pending = Down()
    files.host.files["doc"] = b"notes" * 100
    sent = await files.send_files("hold-down", "doc")
    assert "could not be kept for the upload" in json.dumps(sent)
    assert "Password" not in json.dumps(sent)  # no password for a package that does not exist
    assert files.leftovers() == []


@pytest.mark.parametrize("kind", ["channel", "groupChat"])
async def test_no_package_or_password_outside_a_personal_chat(files, kind):
    """In a channel or group chat everyone would see the package and its password: say why, fetch nothing."""
    connector = files.client.connector
    body = activity(connector.url, f"shared-{kind}", "encrypt")
    body["conversation"]["conversationType"] = kind
    assert (await files.client.post(body)).status == 200
    sent = connector.sent[f"shared-{kind}"]
    assert len(sent) == 1 and "only in your personal chat" in json.dumps(sent)
    body = activity(connector.url, f"shared-{kind}", "", attachments=[
        {"contentType": DOWNLOAD_INFO, "name": SECRET_NAME, "content": {"downloadUrl": f"{files.host.url}/files/doc"}}])
    body["conversation"]["conversationType"] = kind
    assert (await files.client.post(body)).status == 200
    sent = connector.sent[f"shared-{kind}"][1:]
    text = json.dumps(sent)
    assert len(sent) == 1 and "only in your personal chat" in text and "Nothing was downloaded" in text
    assert "Password" not in text and FILE_CONSENT not in text
    assert files.host.requests == 0 and files.leftovers() == [] and len(files.pending) == 0


def test_the_work_folder_wipes_what_dead_processes_left_but_not_live_ones(tmp_path):
    from bot.files import WorkFolder

    root = tmp_path / "work"
    crashed = root / "4242-crashed" / "safeshare-abc"  # a process killed mid-turn: its original is still there
    crashed.mkdir(parents=True)
    (crashed / "incoming-1").write_bytes(b"Julia Smith plan")
    alive = WorkFolder(root)  # another instance on this machine, mid-turn
    with alive.turn() as turn:
        (turn / "incoming-1").write_bytes(b"in use")
        starting = WorkFolder(root)
        mine = starting.open()  # start-up
        assert not (root / "4242-crashed").exists()
        assert (turn / "incoming-1").exists() and mine.parent == root
        assert oct(root.stat().st_mode & 0o777) == "0o700" and oct(mine.stat().st_mode & 0o777) == "0o700"
    with starting.turn() as stuck:  # a turn folder older than max_age: the timed sweep removes it
        os.utime(stuck, (0, 0))
        assert starting.sweep() == 1 and not stuck.exists()
    alive.close()
    starting.close()
    assert list(root.iterdir()) == []


async def test_expired_held_packages_and_dead_folders_are_swept_on_a_timer(policy, tmp_path):
    from botbuilder.core import MemoryStorage

    from bot.app import SWEPT_KEY, create_app
    from bot.config import Config

    from .botharness import serve_local

    root = tmp_path / "work"
    app = create_app(Config(WORK_DIR=str(root), SWEEP_SECONDS=0.02), policy, storage=MemoryStorage())
    (root / "999-dead").mkdir(parents=True)  # left by a process that died after this one started
    runner, _ = await serve_local(app)
    try:
        pending = app[BOT_KEY].pending
        pending.hold_seconds = 0  # expires at once; only the timer can remove it (nobody holds or takes)
        package = tmp_path / "p.zip"
        package.write_bytes(b"encrypted")
        await pending.hold(package, "20261125-ABCD.zip", 9, "conv")
        (root / "999-dead").mkdir(exist_ok=True)
        assert len(pending) == 1
        app[SWEPT_KEY].clear()
        await asyncio.wait_for(app[SWEPT_KEY].wait(), 5)
        assert len(pending) == 0 and list(pending.root.iterdir()) == []
        assert [p.name for p in root.iterdir()] == [app[BOT_KEY].work.path.name]
    finally:
        await runner.cleanup()
    assert list(root.iterdir()) == []


async def test_downloads_ask_for_identity_encoding_and_uploads_follow_no_redirect(files):
    """A compressed body could expand past the size cap; a redirected upload goes where nobody checked."""
    files.host.files["doc"] = b"notes" * 100
    files.host.upload_mode = "redirect"
    sent = await files.send_files("no-redirect", "doc")
    assert files.host.headers[0]["Accept-Encoding"] == "identity"
    status, after = await files.consent("no-redirect", "accept", consent_token(sent))
    assert status == 200 and "could not be uploaded" in json.dumps(after) and "307" in json.dumps(after)
    assert not any(name.startswith("moved-") for name in files.host.uploads)
    assert len(files.pending) == 0 and files.leftovers() == []


async def test_thirty_files_are_refused_before_any_is_fetched(files, private_tmp):
    for n in range(30):
        files.host.files[f"f{n}"] = b"x" * 1000
    await files.client.say("thirty", "encrypt")
    sent = await files.send_files("thirty", *(f"f{n}" for n in range(30)))
    assert "at most 20 files" in json.dumps(sent)
    assert files.host.requests == 0  # not one download
    assert files.leftovers() == []


@pytest.mark.parametrize("mode", ["normal", "no-length"])
async def test_downloads_stop_as_soon_as_the_files_together_pass_the_limit(files, mode):
    """Each file is under the 2 MB cap; the third takes the total past it, so the fourth is never fetched."""
    for n in range(4):
        files.host.files[f"f{n}"] = os.urandom(900_000)
        files.host.modes[f"f{n}"] = mode
    await files.client.say("total", "encrypt")
    sent = await files.send_files("total", "f0", "f1", "f2", "f3")
    text = json.dumps(sent)
    assert "Together the files are over the 2.0 MB limit" in text and "File 3" in text
    assert files.host.requests == 3
    assert files.leftovers() == []


async def test_files_together_under_the_limit_are_all_fetched(files):
    """The running total is not blind: the same files one short of the limit make a package."""
    for n in range(2):
        files.host.files[f"f{n}"] = os.urandom(900_000)
    await files.client.say("under", "encrypt")
    sent = await files.send_files("under", "f0", "f1")
    assert files.host.requests == 2
    assert consent_token(sent)


def test_originals_go_to_the_users_tmpfs_runtime_folder_when_there_is_one(tmp_path, monkeypatch):
    from bot.files import default_work_root

    runtime = tmp_path / "run-user"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert default_work_root() == runtime / "safeshare-work"
    runtime.chmod(0o755)  # not private: not used
    assert default_work_root() != runtime / "safeshare-work"
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    assert default_work_root().name.startswith("safeshare-work-")
