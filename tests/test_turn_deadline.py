"""A turn past its deadline, SIGTERM and SIGKILL mid-download: the user is told, nothing is left, exit is quick.

A stand-in SharePoint over TLS on 127.0.0.1 sends half a file and then
stalls; the bot is in-process for the deadline and a real `safeshare
serve` process for the signals.
"""
from __future__ import annotations

import asyncio
import json
import signal
import time

import aiohttp
import pytest

from bot.config import Config
from bot.files import DOWNLOAD_INFO, FileTransfer

from .botharness import BotServer, activity, running
from .filehosts import FileHost, tls_contexts
from .test_production import Serve

GRACE = 30  # seconds between SIGTERM and SIGKILL, as the README documents


def left_in(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


async def written(folder) -> None:
    """Wait until the download has put bytes in the work folder."""
    deadline = time.monotonic() + 20
    while not any(p.is_file() and p.stat().st_size for p in folder.rglob("*")):
        assert time.monotonic() < deadline, "nothing was written"
        await asyncio.sleep(0.01)


def file_message(connector_url: str, host: FileHost, conversation: str) -> dict:
    attachments = [{"contentType": DOWNLOAD_INFO, "name": "Julia Smith plan.docx",
                    "content": {"downloadUrl": f"{host.url}/files/stall.docx", "uniqueId": "u1", "fileType": "docx"}}]
    return activity(connector_url, conversation, "", attachments=attachments)


@pytest.fixture
async def stalling_host(tmp_path):
    server_tls, client_tls = tls_contexts(tmp_path)
    host = FileHost(server_tls)
    host.files["stall.docx"] = b"x" * 400_000
    host.modes["stall.docx"] = "stall"
    await host.start()
    yield host, client_tls, tmp_path / "host.pem"
    host.release.set()
    await host.stop()


async def test_a_turn_past_its_deadline_is_stopped_the_user_told_and_nothing_kept(policy, connector, stalling_host,
                                                                                   tmp_path):
    host, client_tls, _ = stalling_host
    work = tmp_path / "work"
    transfer = FileTransfer(("localhost",), 2 * 1024 * 1024, ssl_context=client_tls)
    bot = BotServer(policy, Config(TURN_SECONDS=1, WORK_DIR=str(work)), transfer=transfer)
    async with running(bot, connector) as client:
        resp = await client.post(file_message(connector.url, host, "deadline"))
        assert resp.status == 200 and host.stalled.is_set()
        sent = connector.sent["deadline"]
        assert len(sent) == 1 and "took more than 1 seconds, so I stopped. Nothing was kept" in sent[0]["text"]
        assert left_in(work) == []
        sent = await client.say("deadline", "help")  # the conversation goes on
        assert sent
    assert "Julia" not in json.dumps(connector.sent["deadline"])


def serve_env(tmp_path, cert) -> dict:
    return {"SAFESHARE_STATE_FILE": str(tmp_path / "state.sqlite3"), "SAFESHARE_WORK_DIR": str(tmp_path / "work"),
            "SAFESHARE_FILE_HOSTS": "localhost", "SSL_CERT_FILE": str(cert)}


async def test_sigterm_mid_download_tells_the_user_keeps_nothing_and_exits_well_within_the_grace(
        connector, stalling_host, tmp_path):
    host, _, cert = stalling_host
    async with aiohttp.ClientSession() as session:
        server = await Serve(serve_env(tmp_path, cert), tmp_path).ready(session)
        try:
            turn = asyncio.ensure_future(session.post(server.url + "/api/messages",
                                                      json=file_message(connector.url, host, "sigterm")))
            await host.stalled.wait()
            await written(tmp_path / "work")  # half the file is on disk
            server.terminate()
            async with await turn as resp:
                assert resp.status == 200
            code, output = await asyncio.to_thread(server.stop)
            took = time.monotonic() - server.signalled
        finally:
            server.stop()
    assert code == 0 and "Traceback" not in output, output
    assert took < GRACE / 2, took
    sent = connector.sent["sigterm"]
    assert len(sent) == 1 and "SafeShare is restarting" in sent[0]["text"]
    assert left_in(tmp_path / "work") == []
    assert '"turn.stopped"' in output and "Julia" not in output


async def test_sigkill_mid_download_leaves_nothing_after_a_restart(connector, stalling_host, tmp_path):
    host, _, cert = stalling_host
    env = serve_env(tmp_path, cert)
    async with aiohttp.ClientSession() as session:
        first = await Serve(env, tmp_path).ready(session)
        turn = asyncio.ensure_future(session.post(first.url + "/api/messages",
                                                  json=file_message(connector.url, host, "sigkill")))
        await host.stalled.wait()
        await written(tmp_path / "work")
        first.process.send_signal(signal.SIGKILL)
        await asyncio.to_thread(first.process.wait)
        with pytest.raises(aiohttp.ClientError):
            async with await turn:
                pass
        assert left_in(tmp_path / "work")  # a killed process cleans nothing up itself
        second = await Serve(env, tmp_path).ready(session)
        try:
            assert left_in(tmp_path / "work") == []  # the restart wiped what the dead process left
        finally:
            second.stop()
