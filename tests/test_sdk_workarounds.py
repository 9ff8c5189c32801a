"""Pins the botbuilder 4.17.1 behaviour bot/sdk.py and bot/app.py work around.

If one of these fails after an SDK upgrade, the bug may be fixed upstream:
revisit the workaround rather than the test.
"""
from __future__ import annotations

import aiohttp
from aiohttp import web
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from msrest.universal_http.requests import ClientRetryPolicy

from bot.app import ADAPTER_KEY, create_bot
from bot.config import Config
from bot.sdk import CachingAuthentication

from .botharness import BotServer, Client, Connector, activity, running, serve_local


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


def test_stock_replies_still_go_through_msrest():
    """Workaround 3: the SDK posts replies via msrest's ConnectorClient."""
    import inspect

    from botbuilder.core.cloud_adapter_base import CloudAdapterBase

    source = inspect.getsource(CloudAdapterBase.send_activities)
    assert "connector_client.conversations.reply_to_activity" in source


def _every_kind_of_reply(policy):
    from dialogs.answer import Assistant
    from dialogs.conversation import Conversation, Incoming

    conversation = Conversation(Assistant(policy))
    messages = list(conversation.welcome())
    state: dict = {}
    for text in ("check", "no", "email", "mental health", "GP", "faq", "hub", "what makes a good password",
                 "she said her dad hits her", "can I send it?", "zzzz"):
        state, out = conversation.turn(state, Incoming(text))
        messages += out
    return messages


def test_wire_json_is_what_msrest_would_send(policy):
    """ReplySender must post exactly the JSON the SDK's connector client would."""
    import copy
    import datetime

    from botbuilder.core import TurnContext
    from botbuilder.schema import Activity, ChannelAccount, ConversationAccount
    from botframework.connector import models
    from msrest import Serializer

    from bot.handler import to_activity
    from bot.sdk import thaw, wire

    serializer = Serializer({k: v for k, v in models.__dict__.items() if isinstance(v, type)})
    incoming = Activity(type="message", id="in-1", channel_id="msteams", service_url="http://127.0.0.1:1",
                        from_property=ChannelAccount(id="user-1"), recipient=ChannelAccount(id="bot-1"),
                        conversation=ConversationAccount(id="conv/1 x", conversation_type="personal"))
    reference = TurnContext.get_conversation_reference(incoming)
    messages = _every_kind_of_reply(policy)
    assert len(messages) >= 10
    for message in messages:
        outgoing = TurnContext.apply_conversation_reference(to_activity(message), reference)
        outgoing.local_timestamp = datetime.datetime(2026, 11, 25, 9, 30, tzinfo=datetime.timezone.utc)
        assert wire(outgoing) == serializer.body(thaw(copy.deepcopy(outgoing)), "Activity")
    # Why thaw() exists: msrest sends a dict subclass as its str().
    assert isinstance(serializer.body(outgoing, "Activity")["attachments"][0]["content"], str)


async def test_reply_sender_retries_429_and_503_then_delivers(policy, connector):
    bot = BotServer(policy)
    bot.app[ADAPTER_KEY].sender.base_delay = 0.01
    async with running(bot, connector) as client:
        connector.faults = [(429, {"Retry-After": "0"}), (503, {})]
        sent = await client.say("retry", "help")
        assert connector.refused == 2 and len(sent) == 1


async def test_connector_down_gives_up_with_a_reference_and_the_bot_stays_up(policy, connector, caplog):
    bot = BotServer(policy)
    sender = bot.app[ADAPTER_KEY].sender
    sender.base_delay = 0.01
    async with running(bot, connector) as client:
        # Every attempt of the reply and of the apology is refused.
        connector.faults = [(503, {})] * (2 * sender.attempts)
        resp = await client.post(activity(connector.url, "down", "can I text the carer the address?"))
        assert resp.status == 200  # the turn was taken; the failure is logged, not thrown at the channel
        assert connector.refused == 2 * sender.attempts
        failures = [r for r in caplog.records if r.msg == "turn.failed"]
        assert failures and failures[0].error == "ConnectorError" and len(failures[0].reference) == 8
        assert "carer" not in caplog.text
        async with client.session.get(bot.url + "/healthz") as health:
            assert health.status == 200
        sent = await client.say("down", "help")  # the connector is back
        assert len(sent) == 1


def test_turn_context_still_deep_copies_every_outgoing_activity():
    """Workaround 6: if the SDK stops deep-copying, SentActivity can go."""
    import inspect

    from botbuilder.core import TurnContext

    assert "deepcopy(act)" in inspect.getsource(TurnContext.send_activities)


def test_a_sent_activity_copies_shallowly_and_sends_the_same_json(policy):
    import copy

    from bot.handler import to_activity
    from bot.sdk import wire

    message = _every_kind_of_reply(policy)[2]
    activity = to_activity(message)
    twin = copy.deepcopy(activity)
    assert twin is not activity and twin.attachments is activity.attachments
    twin.service_url = "http://127.0.0.1:9"  # what TurnContext sets on its copy
    assert activity.service_url is None
    assert wire(twin) == {**wire(activity), "serviceUrl": "http://127.0.0.1:9"}
