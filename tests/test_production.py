"""Production behaviour: shared state across processes, storage down, races, SIGTERM, purge."""
from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

from bot.storage import BlobStorage, SqliteStorage

from .azurite import needs_azurite
from .botharness import BotServer, Connector, activity, card_of, running

ROOT = Path(__file__).resolve().parent.parent
SAFESHARE = [sys.executable, "-m", "bot.cli"]


class Serve:
    """`safeshare serve` as a real process."""

    def __init__(self, env: dict, cwd: Path, command=(*SAFESHARE,)):
        # --port 0: the server binds a free port itself and names it, so no other process can take it first.
        self.process = subprocess.Popen([*command, "serve", "--port", "0"], cwd=cwd,
                                        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        self.url = ""

    async def ready(self, session: aiohttp.ClientSession) -> Serve:
        if not self.url:
            banner = (await asyncio.wait_for(asyncio.to_thread(self.process.stderr.readline), 30)).decode()
            found = re.match(r"SafeShare on (http://127\.0\.0\.1:(\d+))/api/messages", banner)
            assert found and found.group(2) != "0", banner + self.process.stderr.read().decode()
            self.url, self.port = found.group(1), int(found.group(2))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                async with session.get(self.url + "/readyz") as resp:
                    if resp.status == 200:
                        return self
            except aiohttp.ClientError:
                pass
            assert self.process.poll() is None, self.process.stderr.read().decode()
            await asyncio.sleep(0.1)
        raise AssertionError("safeshare serve did not become ready")

    def terminate(self) -> None:
        self.signalled = time.monotonic()
        self.process.send_signal(signal.SIGTERM)

    def stop(self) -> tuple[int, str]:
        if getattr(self, "signalled", None) is None and self.process.poll() is None:
            self.terminate()
        try:
            self.process.wait(40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.process.returncode, (self.process.stdout.read() + self.process.stderr.read()).decode()


async def say(session, base: str, connector: Connector, conversation: str, text=None, value=None) -> list[dict]:
    before = len(connector.sent[conversation])
    async with session.post(base + "/api/messages", json=activity(connector.url, conversation, text, value)) as resp:
        assert resp.status == 200, await resp.text()
    return connector.sent[conversation][before:]


def title(reply: dict) -> str:
    return card_of(reply)["body"][0]["text"]


CHECK = ["check", "no", "email", "mental health", "GP"]


@needs_azurite
async def test_two_processes_share_one_conversation_through_azurite(azurite, connector, tmp_path):
    env = {"SAFESHARE_STORAGE": "blob", "AZURE_STORAGE_CONNECTION_STRING": azurite.connection_string,
           "SAFESHARE_STATE_CONTAINER": "two-processes"}
    servers = [Serve(env, tmp_path), Serve(env, tmp_path)]
    try:
        async with aiohttp.ClientSession() as session:
            for server in servers:
                await server.ready(session)
            replies = []
            for n, text in enumerate(CHECK):  # every turn goes to the other process
                replies.append(await say(session, servers[n % 2].url, connector, "alternating", text))
            assert [title(r[-1]) for r in replies[1:4]] == ["How do you plan to send it?", "What kind of information is it?",
                                                            "Who will receive it?"]
            assert title(replies[-1][-1]) == "Allowed, with conditions"
    finally:
        outputs = [server.stop() for server in servers]
    for code, output in outputs:
        assert code == 0 and "Traceback" not in output


@needs_azurite
async def test_storage_down_mid_check_then_back(azurite, connector, policy):
    storage = BlobStorage(azurite.connection_string, "down-and-back", timeout=2)
    bot = BotServer(policy, storage=storage)
    async with running(bot, connector) as client:
        await client.say("down", "check")
        sent = await client.say("down", "no")
        assert title(sent[-1]) == "How do you plan to send it?"
        azurite.stop()
        async with client.session.get(bot.url + "/readyz") as resp:
            assert resp.status == 503
        sent = await client.say("down", "email")  # a check step cannot be saved
        assert "cannot save your progress" in json.dumps(sent)
        sent = await client.say("down", "can I text the foster carer the new address?")  # one-shot still works
        assert title(sent[0]) == "Not allowed" and "cannot save your progress" in json.dumps(sent)
        azurite.start()
        sent = await client.say("down", "email")  # the check carries on where it was saved
        assert title(sent[-1]) == "What kind of information is it?"
        async with client.session.get(bot.url + "/readyz") as resp:
            assert resp.status == 200


class RacingStorage(SqliteStorage):
    """Before its first write, another instance saves the same conversation: a real ETag race."""

    def __init__(self, path):
        super().__init__(path)
        self.raced = False
        self.rival = SqliteStorage(path)

    async def _write(self, changes):
        if not self.raced:
            self.raced = True
            for key in changes:
                current = (await self.rival.read([key])).get(key, {})
                await self.rival.write({key: {**current, "rival": True}})
        await super()._write(changes)


async def test_a_lost_race_is_retried_on_fresh_state_not_overwritten(connector, policy, tmp_path):
    storage = RacingStorage(tmp_path / "race.sqlite3")
    async with running(BotServer(policy, storage=storage), connector) as client:
        sent = await client.say("race", "check")
        assert title(sent[-1]).startswith("Is a child suffering")
        stored = next(iter((await storage.read([k for k in _keys(storage)])).values()))
        assert stored["rival"] is True and stored["safeshare"]["check"]  # both writers' changes are there


def _keys(storage: SqliteStorage) -> list[str]:
    return [row[0] for row in storage._db.execute("SELECT key FROM state")]


async def test_sigterm_finishes_the_turn_in_flight_and_a_restart_carries_on(connector, tmp_path):
    env = {"SAFESHARE_STATE_FILE": str(tmp_path / "state.sqlite3")}
    async with aiohttp.ClientSession() as session:
        first = await Serve(env, tmp_path).ready(session)
        await say(session, first.url, connector, "restart", "check")
        connector.delay = 1.5  # the reply to the next turn is slow to be accepted
        connector.arrived.clear()
        turn = asyncio.ensure_future(say(session, first.url, connector, "restart", "no"))
        await asyncio.wait_for(connector.arrived.wait(), 10)  # the turn is in flight: its reply is being sent
        first.terminate()
        sent = await turn  # answered 200, the reply delivered, despite the SIGTERM
        assert title(sent[-1]) == "How do you plan to send it?"
        code, output = first.stop()
        assert code == 0 and "Traceback" not in output, output
        assert time.monotonic() - first.signalled < 10  # no wait for idle keep-alive connections
        connector.delay = 0
        second = await Serve(env, tmp_path).ready(session)
        try:
            sent = await say(session, second.url, connector, "restart", "email")
            assert title(sent[-1]) == "What kind of information is it?"
        finally:
            second.stop()


def test_purge_command_removes_old_state(tmp_path):
    store = SqliteStorage(tmp_path / "state.sqlite3", max_age=3600)
    asyncio.run(store.write({"old": {"v": 1}}))
    store._db.execute("UPDATE state SET updated = updated - 7200")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SAFESHARE_STATE_FILE": str(tmp_path / "state.sqlite3"),
           "SAFESHARE_STATE_MAX_AGE_HOURS": "1"}
    done = subprocess.run([*SAFESHARE, "purge"], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("removed 1 ")
    assert asyncio.run(store.read(["old"])) == {}


class SlowStorage(SqliteStorage):
    """Answers, but far too late."""

    slow = False

    async def _read(self, keys):
        if self.slow:
            await asyncio.Event().wait()  # never answers; the storage's timeout cancels it
        return await super()._read(keys)


async def test_slow_storage_times_out_into_a_clear_reply(connector, policy, tmp_path):
    storage = SlowStorage(tmp_path / "slow.sqlite3", timeout=0.5)
    async with running(BotServer(policy, storage=storage), connector) as client:
        await client.say("slow", "check")
        storage.slow = True
        started = time.monotonic()
        sent = await client.say("slow", "can I fax a mental health assessment to the GP?")
        assert time.monotonic() - started < 5
        assert title(sent[0]) == "Not allowed" and "cannot save your progress" in json.dumps(sent)
        storage.slow = False
        sent = await client.say("slow", "no")  # the check is still where it was
        assert title(sent[-1]) == "How do you plan to send it?"


def test_retry_after_is_honoured_within_bounds():
    from bot.sdk import ReplySender

    sender = ReplySender(base_delay=0.25, max_delay=4.0)
    assert sender._delay(0, "2") == 2.0
    assert sender._delay(0, "120") is None  # longer than we wait: given up, not sent early
    assert 0.125 <= sender._delay(0, None) <= 0.25
    assert sender._delay(10, None) <= 4.0
    assert 0 < sender._delay(1, "Wed, 21 Oct 2026 07:28:00 GMT") <= 4.0  # an HTTP date: our own backoff


@needs_azurite
async def test_a_package_made_on_one_process_is_uploaded_by_the_other(azurite, connector, tmp_path):
    from .filehosts import FileHost, tls_contexts
    from .sevenzip import SEVEN_ZIP, extract

    server_tls, _ = tls_contexts(tmp_path)
    host = FileHost(server_tls)
    await host.start()
    document = os.urandom(300_000)
    host.files["doc"] = document
    env = {"SAFESHARE_STORAGE": "blob", "AZURE_STORAGE_CONNECTION_STRING": azurite.connection_string,
           "SAFESHARE_STATE_CONTAINER": "consent", "SAFESHARE_FILE_HOSTS": "localhost",
           "SSL_CERT_FILE": str(tmp_path / "host.pem")}
    servers = [Serve(env, tmp_path), Serve(env, tmp_path)]
    try:
        async with aiohttp.ClientSession() as session:
            for server in servers:
                await server.ready(session)
            attachment = {"contentType": "application/vnd.microsoft.teams.file.download.info",
                          "name": "Julia Smith.docx", "content": {"downloadUrl": f"{host.url}/files/doc"}}
            before = len(connector.sent["across"])
            body = activity(connector.url, "across", "", attachments=[attachment])
            async with session.post(servers[0].url + "/api/messages", json=body) as resp:
                assert resp.status == 200
            sent = connector.sent["across"][before:]
            assert len(sent) == 3, json.dumps(sent)[:500]
            token = sent[1]["attachments"][0]["content"]["acceptContext"]["package"]
            password = card_of(sent[2])["body"][1]["text"].replace("\\-", "-")

            async def consent(server, action, upload):
                value = {"type": "fileUpload", "action": action, "context": {"package": token},
                         "uploadInfo": {"name": "x.7z", "uploadUrl": f"{host.url}/upload/{upload}",
                                        "contentUrl": f"{host.url}/c/{upload}", "uniqueId": "u", "fileType": "7z"}}
                mark = len(connector.sent["across"])
                invoke = activity(connector.url, "across", type_="invoke", name="fileConsent/invoke", value=value)
                async with session.post(server.url + "/api/messages", json=invoke) as resp:
                    assert resp.status == 200
                return connector.sent["across"][mark:]

            after = await consent(servers[1], "accept", "u1")  # the accept reaches the other process
            assert after[0]["attachments"][0]["contentType"] == "application/vnd.microsoft.teams.card.file.info"
            again = await consent(servers[0], "accept", "u2")  # taken once: nothing left to take
            assert "no longer available" in json.dumps(again) and "u2" not in host.uploads
    finally:
        outputs = [server.stop() for server in servers]
        await host.stop()
    assert all(code == 0 for code, _ in outputs)
    archive = tmp_path / "arrived.7z"
    archive.write_bytes(bytes(host.uploads["u1"]))
    if SEVEN_ZIP:
        assert extract(archive, password, tmp_path / "opened").returncode == 0
        assert (tmp_path / "opened" / "document-1.docx").read_bytes() == document
    for _, output in outputs:
        assert password not in output and "Julia" not in output


LOCK_HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")  # the write lock, as another instance or `safeshare purge` mid-transaction holds it
db.execute("UPDATE state SET updated = updated")
print("locked", flush=True)
sys.stdin.read()  # until the test closes our stdin
"""


async def test_a_locked_state_file_never_stalls_the_server(connector, policy, tmp_path):
    """Another process holds SQLite's lock: /healthz still answers at once, and the turn fails within
    the busy timeout with the usual clear reply, leaving the saved check as it was."""
    path = tmp_path / "locked.sqlite3"
    async with running(BotServer(policy, storage=SqliteStorage(path)), connector) as client:
        await client.say("locked", "check")
        holder = await asyncio.create_subprocess_exec(sys.executable, "-c", LOCK_HOLDER, str(path),
                                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        try:
            assert await asyncio.wait_for(holder.stdout.readline(), 10) == b"locked\n"
            loop = asyncio.get_running_loop()
            started = loop.time()
            turn = asyncio.ensure_future(client.say("locked", "no"))
            health = []
            while not turn.done():
                asked = loop.time()
                async with client.session.get(client.bot.url + "/healthz") as resp:
                    assert resp.status == 200
                health.append(loop.time() - asked)
            sent = await turn
            took = loop.time() - started
        finally:
            holder.stdin.close()
            await holder.wait()
        assert took < 3, took  # the busy timeout (1 s), not sqlite3's 5 s on the event loop
        assert health and max(health) < 0.5, health
        assert "cannot save your progress" in json.dumps(sent)
        sent = await client.say("locked", "no")  # lock released: the check is where it was saved
        assert title(sent[-1]) == "How do you plan to send it?"
