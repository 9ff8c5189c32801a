"""Package builds have threads of their own, a bounded queue and one package per user.

Everything over real HTTP (the bot, a stand-in connector, a stand-in
SharePoint over TLS, and with an app id a local OpenID endpoint and a
local token endpoint). Waits are on events and counters, never timings.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import json
import threading
import time

import aiohttp
import pytest

from bot.app import BOT_KEY
from bot.config import Config
from bot.files import DOWNLOAD_INFO, FILE_CONSENT, FileTransfer

from .botharness import TENANT, BotServer, Client, Connector, activity, card_of
from .filehosts import FileHost, tls_contexts
from .tokenendpoint import TokenEndpoint

APP_ID = "11111111-2222-4333-8444-555555555555"
PASSWORD = "reply-secret-for-tests"


async def until(condition, seconds: float = 10) -> None:
    """Wait for `condition()` to hold (checked each time the loop comes round), failing after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        await asyncio.sleep(0.005)


def files_from(user: str, host: FileHost, connector: Connector, conversation: str, name: str) -> dict:
    attachments = [{"contentType": DOWNLOAD_INFO, "name": "report.docx",
                    "content": {"downloadUrl": f"{host.url}/files/{name}", "uniqueId": "u1", "fileType": "docx"}}]
    return activity(connector.url, conversation, "", attachments=attachments, **{"from": {"id": user}})


def title(reply: dict) -> str:
    return card_of(reply)["body"][0]["text"].replace("\\", "")


class Setup:
    def __init__(self, client: Client, host: FileHost, bot: BotServer, openid=None):
        self.client, self.host, self.bot, self.openid = client, host, bot, openid

    @property
    def builds(self):
        return self.bot.app[BOT_KEY].builds

    async def post(self, body: dict) -> list[dict]:
        connector = self.client.connector
        conversation = body["conversation"]["id"]
        before = len(connector.sent[conversation])
        headers = {"Authorization": f"Bearer {self.openid.token(connector.url)}"} if self.openid else None
        resp = await self.client.post(body, headers=headers)
        assert resp.status == 200
        return connector.sent[conversation][before:]


@pytest.fixture
async def setup(policy, tmp_path, request):
    """BUILD_WORKERS=1, BUILD_QUEUE=1: two package turns at once, a third is told to wait."""
    authenticated = getattr(request, "param", "anonymous") == "authenticated"
    server_tls, client_tls = tls_contexts(tmp_path)
    host = FileHost(server_tls)
    await host.start()
    connector = Connector()
    await connector.start()
    options, openid, tokens = {}, None, None
    if authenticated:
        from .test_auth import ISSUER, OpenIdEndpoint

        openid = OpenIdEndpoint()
        await openid.start()
        tokens = await TokenEndpoint(APP_ID, PASSWORD).start()
        metadata = f"{openid.url}/.well-known/openid-configuration"
        options = dict(APP_ID=APP_ID, APP_PASSWORD=PASSWORD, ALLOWED_TENANTS=TENANT,
                       TO_BOT_FROM_CHANNEL_TOKEN_ISSUER=ISSUER, TO_CHANNEL_FROM_BOT_LOGIN_URL=tokens.login_url,
                       TO_CHANNEL_FROM_BOT_OAUTH_SCOPE="https://api.botframework.com",
                       OAUTH_URL="https://api.botframework.com", CALLER_ID="urn:botframework:azure",
                       TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=metadata,
                       TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL=metadata)
    transfer = FileTransfer(("localhost",), 2 * 1024 * 1024, ssl_context=client_tls)
    bot = BotServer(policy, Config(BUILD_WORKERS=1, BUILD_QUEUE=1, **options), transfer=transfer)
    await bot.start()
    async with aiohttp.ClientSession() as session:
        yield Setup(Client(session, bot, connector), host, bot, openid)
    host.release.set()
    await bot.stop()
    await connector.stop()
    await host.stop()
    if openid is not None:
        await openid.runner.cleanup()
        await tokens.stop()
        # Every reply carried a token the endpoint issued, and one fetch served them all.
        headers = [h for sent in connector.authorizations.values() for h in sent]
        assert headers and all(h == f"Bearer {tokens.issued[0]}" for h in headers), headers
        assert len(tokens.issued) == 1


async def test_a_second_package_from_the_same_person_is_told_to_wait(setup):
    setup.host.files["slow.docx"] = b"a" * 300_000
    setup.host.modes["slow.docx"] = "stall"
    setup.host.files["quick.docx"] = b"b" * 1000
    first = asyncio.ensure_future(setup.post(files_from("user-1", setup.host, setup.client.connector, "one-a",
                                                        "slow.docx")))
    await setup.host.stalled.wait()  # the first package is being fetched
    sent = await setup.post(files_from("user-1", setup.host, setup.client.connector, "one-b", "quick.docx"))
    assert title(sent[0]) == "One moment, please." and "still making your last package" in json.dumps(sent)
    setup.host.release.set()
    delivered = await first
    assert any(a["contentType"] == FILE_CONSENT for r in delivered for a in r.get("attachments", []))
    assert setup.builds.in_progress == 0
    # Once it is made, the same person can send the next one.
    sent = await setup.post(files_from("user-1", setup.host, setup.client.connector, "one-b", "quick.docx"))
    assert any(a["contentType"] == FILE_CONSENT for r in sent for a in r.get("attachments", []))


async def test_a_full_queue_tells_the_next_person_to_try_again(setup):
    setup.host.files["slow.docx"] = b"a" * 300_000
    setup.host.modes["slow.docx"] = "stall"
    connector = setup.client.connector
    waiting = [asyncio.ensure_future(setup.post(files_from(f"user-{n}", setup.host, connector, f"full-{n}",
                                                           "slow.docx"))) for n in (1, 2)]
    await until(lambda: setup.builds.in_progress == 2)
    sent = await setup.post(files_from("user-3", setup.host, connector, "full-3", "slow.docx"))
    assert title(sent[0]) == "One moment, please." and "send the file again in a minute" in json.dumps(sent)
    setup.host.release.set()
    for done in await asyncio.gather(*waiting):  # nobody already in was dropped
        assert any(a["contentType"] == FILE_CONSENT for r in done for a in r.get("attachments", []))


@pytest.mark.parametrize("setup", ["anonymous", "authenticated"], indirect=True)
async def test_help_is_answered_while_builds_wait_and_every_thread_is_busy(setup):
    """With the build thread held and the event loop's default executor full, `help` still gets its answer.

    With an app id the reply needs a token: it must come from neither pool.
    """
    connector = setup.client.connector
    setup.host.files["doc.docx"] = b"c" * 200_000
    hold = threading.Event()
    blocker = asyncio.ensure_future(setup.builds.run(hold.wait))  # the only build thread is taken
    await until(lambda: setup.builds.waiting == 0)
    package = asyncio.ensure_future(setup.post(files_from("user-1", setup.host, connector, "queued", "doc.docx")))
    await until(lambda: setup.builds.waiting == 1)  # fetched, and waiting for the build thread
    loop = asyncio.get_running_loop()
    default = concurrent.futures.ThreadPoolExecutor(max_workers=2)
    loop.set_default_executor(default)
    busy = [loop.run_in_executor(None, hold.wait) for _ in range(2)]  # and the default executor is full
    try:
        sent = await asyncio.wait_for(setup.post(activity(connector.url, "other", "help",
                                                          **{"from": {"id": "user-2"}})), 30)
        assert sent and not package.done()
    finally:
        hold.set()
    await asyncio.gather(blocker, *busy)
    delivered = await package
    assert any(a["contentType"] == FILE_CONSENT for r in delivered for a in r.get("attachments", []))
