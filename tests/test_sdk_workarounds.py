"""Pins the botbuilder 4.17.1 behaviour bot/sdk.py and bot/app.py work around.

If one of these fails after an SDK upgrade, the bug may be fixed upstream:
revisit the workaround rather than the test.
"""
from __future__ import annotations

import aiohttp
import pytest
from aiohttp import web
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from msrest.universal_http.requests import ClientRetryPolicy

from bot.app import create_bot
from bot.config import Config
from bot.sdk import CachingAuthentication

from .botharness import BotServer, Client, Connector, activity, serve_local


async def _stock_server(policy):
    """The stock CloudAdapter.process() route, as the samples wire it."""
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(Config()))
    bot = create_bot(policy)

    async def messages(request):
        return await adapter.process(request, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    return await serve_local(app)


async def test_stock_process_fails_on_expect_replies_and_ours_does_not(policy):
    connector = Connector()
    await connector.start()
    runner, url = await _stock_server(policy)
    body = activity(connector.url, "er", "help", deliveryMode="expectReplies")
    try:
        async with aiohttp.ClientSession() as session:
            async with session.post(url + "/api/messages", json=body) as resp:
                assert resp.status == 500  # the SDK bug: serializer_helper() on a dict
            ours = BotServer(policy)
            await ours.start()
            try:
                resp = await Client(session, ours, connector).post(body)
                assert resp.status == 200
                async with session.post(ours.url + "/api/messages", data=b"{}") as resp:
                    assert resp.status == 415
            finally:
                await ours.stop()
    finally:
        await runner.cleanup()
        await connector.stop()


def test_msrest_retry_policy_still_builds_its_list_per_client():
    """The cost we avoid by reusing clients (msrest PR #266 was never merged)."""
    import inspect

    assert "range(999)" in inspect.getsource(ClientRetryPolicy)


async def test_connector_clients_are_reused_per_service_url():
    auth = CachingAuthentication(ConfigurationBotFrameworkAuthentication(Config()))
    first = await auth.authenticate_request(None, "")
    second = await auth.authenticate_request(None, "")
    a = await first.connector_factory.create("http://127.0.0.1:1", first.audience)
    b = await second.connector_factory.create("http://127.0.0.1:1", second.audience)
    c = await second.connector_factory.create("http://127.0.0.1:2", second.audience)
    assert a is b and a is not c
    t1 = await auth.create_user_token_client(first.claims_identity)
    t2 = await auth.create_user_token_client(second.claims_identity)
    assert t1 is t2
