"""A real bot server and a real stand-in Bot Framework connector, on 127.0.0.1."""
from __future__ import annotations

import asyncio
import contextlib
import itertools
import tempfile
import uuid
from pathlib import Path
from collections import defaultdict

import aiohttp
from aiohttp import web

from bot.app import create_app
from bot.cards import card_actions
from bot.config import Config
from bot.storage import SqliteStorage

# Outside tempfile.tempdir, which some tests watch for leftovers.
_STATE_ROOT = tempfile.gettempdir()


async def serve_local(app: web.Application) -> tuple[web.AppRunner, str]:
    """Serve `app` on a free port of 127.0.0.1; returns the runner and base URL."""
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"


class Connector:
    """Stands in for the Bot Framework connector at the activity's serviceUrl."""

    def __init__(self):
        self.sent: dict[str, list[dict]] = defaultdict(list)
        self.authorizations: dict[str, list[str | None]] = defaultdict(list)  # each accepted reply's header
        self.events: dict[str, asyncio.Event] = defaultdict(asyncio.Event)
        self.app = web.Application()
        self.app.router.add_post("/v3/conversations/{cid}/activities", self._post)
        self.app.router.add_post("/v3/conversations/{cid}/activities/{aid}", self._post)
        self.runner: web.AppRunner | None = None
        self.url = ""
        self.faults: list[tuple[int, dict]] = []  # (status, headers) to answer before accepting
        self.refused = 0
        self.delay = 0.0  # seconds to wait before accepting each reply (a slow connector)
        self.arrived = asyncio.Event()  # set as each reply arrives, before any delay

    async def _post(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.arrived.set()
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.faults:
            status, headers = self.faults.pop(0)
            self.refused += 1
            return web.json_response({"error": "stand-in fault"}, status=status, headers=headers)
        cid = request.match_info["cid"]
        self.authorizations[cid].append(request.headers.get("Authorization"))
        self.sent[cid].append(body)
        self.events[cid].set()
        return web.json_response({"id": uuid.uuid4().hex})

    async def start(self):
        self.runner, self.url = await serve_local(self.app)

    async def stop(self):
        await self.runner.cleanup()


class BotServer:
    """The bot app on 127.0.0.1, with its state in a SQLite file of its own unless given a store."""

    def __init__(self, policy, config: Config | None = None, storage=None, **options):
        self._state_dir = None
        if storage is None:
            self._state_dir = tempfile.TemporaryDirectory(prefix="bot-state-", dir=_STATE_ROOT)
            storage = SqliteStorage(Path(self._state_dir.name) / "state.sqlite3")
        self.storage = storage
        self.app = create_app(config or Config(), policy, storage=storage, **options)
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def start(self):
        self.runner, self.url = await serve_local(self.app)

    async def stop(self):
        await self.runner.cleanup()
        if self._state_dir is not None:
            self._state_dir.cleanup()


@contextlib.asynccontextmanager
async def running(bot: BotServer, connector: Connector):
    """Start `bot`, yield a Client talking to it through `connector`, stop the bot afterwards."""
    await bot.start()
    try:
        async with aiohttp.ClientSession() as session:
            yield Client(session, bot, connector)
    finally:
        await bot.stop()


_ids = itertools.count()
TENANT = "9f3c1a52-0d6e-4f3b-8a61-2b7c5e4d9a10"  # the council's Microsoft Entra tenant in these tests


def activity(connector_url: str, conversation: str, text: str | None = None, value: dict | None = None,
             type_: str = "message", **extra) -> dict:
    body = {
        "type": type_,
        "id": f"a{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": connector_url,
        "from": {"id": "user-1", "name": "Practitioner"},
        "recipient": {"id": "bot-1", "name": "SafeShare"},
        "conversation": {"id": conversation, "conversationType": "personal", "tenantId": TENANT},
        "channelData": {"tenant": {"id": TENANT}},
        **extra,
    }
    if text is not None:
        body["text"] = text
    if value is not None:
        body["value"] = value
    return body


class Client:
    """Sends activities to the bot and collects what the connector received."""

    def __init__(self, session: aiohttp.ClientSession, bot: BotServer, connector: Connector):
        self.session, self.bot, self.connector = session, bot, connector

    async def post(self, body, headers=None) -> aiohttp.ClientResponse:
        async with self.session.post(self.bot.url + "/api/messages", json=body, headers=headers) as resp:
            await resp.read()
            return resp

    async def say(self, conversation: str, text: str | None = None, value: dict | None = None, **extra) -> list[dict]:
        before = len(self.connector.sent[conversation])
        resp = await self.post(activity(self.connector.url, conversation, text, value, **extra))
        assert resp.status in (200, 201), resp.status
        return self.connector.sent[conversation][before:]


def card_of(reply: dict) -> dict:
    return reply["attachments"][0]["content"]


def buttons(reply: dict) -> list[dict]:
    return [a for a in card_actions(card_of(reply)) if a["type"] == "Action.Submit"]


def verdict_of(reply: dict) -> str:
    return card_of(reply)["body"][0]["text"]


async def consent(client, host_url: str, conversation: str, action: str, token, upload: str, name: str,
                  file_type: str, unique_id: str = "item-1") -> tuple[int, list[dict]]:
    """Answer a FileConsentCard as Teams does (accept or decline), with the upload host's URLs; the status and
    what the bot sent after it."""
    connector = client.connector
    before = len(connector.sent[conversation])
    value = {"type": "fileUpload", "action": action, "context": {"package": token},
             "uploadInfo": {"name": name, "uploadUrl": f"{host_url}/upload/{upload}",
                            "contentUrl": f"{host_url}/content/{upload}", "uniqueId": unique_id,
                            "fileType": file_type}}
    resp = await client.post(activity(connector.url, conversation, type_="invoke", name="fileConsent/invoke",
                                      value=value))
    return resp.status, connector.sent[conversation][before:]
