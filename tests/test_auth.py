"""With an app id, only tokens the Bot Framework would issue get in.

Test tokens are signed by a local RSA key published at a local OpenID
metadata endpoint (a real aiohttp server), which the bot is configured to
trust in place of login.botframework.com. The check itself stays on.
"""
from __future__ import annotations

import asyncio
import json
import time

import aiohttp
import jwt
import pytest
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot.config import Config

from .botharness import TENANT, BotServer, Client, Connector, activity, serve_local

APP_ID = "11111111-2222-4333-8444-555555555555"
ISSUER = "https://api.botframework.com"


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class OpenIdEndpoint:
    def __init__(self):
        self.key = new_key()
        self.app = web.Application()
        self.app.router.add_get("/.well-known/openid-configuration", self._config)
        self.app.router.add_get("/keys", self._keys)
        self.runner, self.url = None, ""

    async def _config(self, request):
        return web.json_response({"issuer": ISSUER, "jwks_uri": f"{self.url}/keys",
                                  "id_token_signing_alg_values_supported": ["RS256"]})

    async def _keys(self, request):
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return web.json_response({"keys": [{**jwk, "kid": "test-key", "use": "sig", "endorsements": ["msteams"]}]})

    async def start(self):
        self.runner, self.url = await serve_local(self.app)
        # botframework keeps each metadata URL's keys for the life of the process, and a port a finished test
        # released can come back: a stale "test-key" from an earlier endpoint would refuse this one's tokens
        from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor  # noqa: PLC0415

        JwtTokenExtractor.metadataCache.pop(f"{self.url}/.well-known/openid-configuration", None)

    def token(self, service_url: str, *, key=None, audience=APP_ID, expires_in=600, issuer=ISSUER, kid="test-key"):
        now = int(time.time())
        claims = {"iss": issuer, "aud": audience, "serviceurl": service_url, "nbf": now - 10,
                  "exp": now + expires_in, "iat": now - 10}
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": kid})


@pytest.fixture
async def secured(policy):
    openid = OpenIdEndpoint()
    await openid.start()
    connector = Connector()
    await connector.start()
    metadata = f"{openid.url}/.well-known/openid-configuration"
    config = Config(APP_ID=APP_ID, APP_PASSWORD="not-used-in-these-tests", ALLOWED_TENANTS=TENANT,
                    # The public cloud's values (botframework AuthenticationConstants), but our key.
                    TO_BOT_FROM_CHANNEL_TOKEN_ISSUER=ISSUER,
                    TO_CHANNEL_FROM_BOT_LOGIN_URL="https://login.microsoftonline.com/botframework.com",
                    TO_CHANNEL_FROM_BOT_OAUTH_SCOPE="https://api.botframework.com",
                    OAUTH_URL="https://api.botframework.com", CALLER_ID="urn:botframework:azure",
                    TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=metadata,
                    TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL=metadata)
    bot = BotServer(policy, config)
    await bot.start()
    async with aiohttp.ClientSession() as session:
        yield openid, Client(session, bot, connector), connector
    await bot.stop()
    await connector.stop()
    await openid.runner.cleanup()


@pytest.mark.parametrize("case", ["missing", "garbage", "expired", "wrong-audience", "wrong-signature",
                                  "unknown-key", "wrong-issuer", "other-service-url"])
async def test_bad_tokens_are_refused_with_401_and_no_reply(secured, case):
    openid, client, connector = secured
    url = connector.url
    token = {
        "missing": None,
        "garbage": "not.a.token",
        "expired": openid.token(url, expires_in=-3600),
        "wrong-audience": openid.token(url, audience="99999999-2222-4333-8444-555555555555"),
        "wrong-signature": openid.token(url, key=new_key()),
        "unknown-key": openid.token(url, kid="someone-elses-key"),
        "wrong-issuer": openid.token(url, issuer="https://evil.example.com"),
        "other-service-url": openid.token("https://elsewhere.example.com"),
    }[case]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    resp = await client.post(activity(url, f"auth-{case}", "hello"), headers=headers)
    assert resp.status == 401
    assert connector.sent[f"auth-{case}"] == []


async def test_a_valid_token_gets_through(secured):
    """The same check accepts a proper token: it is not simply switched off."""
    openid, client, connector = secured
    headers = {"Authorization": f"Bearer {openid.token(connector.url)}"}
    resp = await client.post(activity(connector.url, "auth-ok", "hello"), headers=headers)
    # Past authentication; the reply itself would need a token from Microsoft Entra ID,
    # which this machine cannot reach, so the turn ends in the logged turn error.
    assert resp.status == 200


def test_the_sdk_still_fetches_openid_metadata_blocking_without_timeout():
    """Pins workaround 5 in bot/sdk.py: the stock refresh is requests.get() with no timeout."""
    import inspect

    from bot.sdk import fix_openid_refresh
    from botframework.connector.auth import jwt_token_extractor

    source = inspect.getsource(jwt_token_extractor)
    assert "response = requests.get(self.url)\n" in source
    fix_openid_refresh()
    assert jwt_token_extractor._OpenIdMetadata._refresh.safeshare_fixed


OTHER = "0b7d2e41-5c3a-4e9f-9d12-7a6b8c0e1f23"


@pytest.mark.parametrize("case", ["other-tenant", "other-conversation-tenant", "no-tenant"])
async def test_a_valid_token_from_another_tenant_gets_403_and_no_reply(secured, case):
    """A Bot Framework token proves the message came through Teams, not that it came from this council."""
    openid, client, connector = secured
    body = activity(connector.url, f"tenant-{case}", "hello")
    if case == "other-tenant":
        body["channelData"] = {"tenant": {"id": OTHER}}
        body["conversation"]["tenantId"] = OTHER
    elif case == "other-conversation-tenant":  # the two places must agree
        body["conversation"]["tenantId"] = OTHER
    else:
        del body["channelData"], body["conversation"]["tenantId"]
    resp = await client.post(body, headers={"Authorization": f"Bearer {openid.token(connector.url)}"})
    assert resp.status == 403
    assert connector.sent[f"tenant-{case}"] == []


async def test_a_bad_token_from_another_tenant_is_still_401(secured):
    openid, client, connector = secured
    body = activity(connector.url, "tenant-bad-token", "hello", channelData={"tenant": {"id": OTHER}})
    resp = await client.post(body, headers={"Authorization": "Bearer not.a.token"})
    assert resp.status == 401


def test_an_app_id_needs_allowed_tenants():
    from bot.config import ConfigError

    with pytest.raises(ConfigError, match="SAFESHARE_ALLOWED_TENANTS"):
        Config.from_env({"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "x"}, dotenv=None)
    single = Config.from_env({"MicrosoftAppId": APP_ID, "MicrosoftAppType": "SingleTenant",
                              "MicrosoftAppTenantId": TENANT.upper()}, dotenv=None)
    assert single.allowed_tenants == {TENANT}
    listed = Config.from_env({"MicrosoftAppId": APP_ID, "SAFESHARE_ALLOWED_TENANTS": f"{TENANT}, {OTHER}"},
                             dotenv=None)
    assert listed.allowed_tenants == {TENANT, OTHER}
    assert Config.from_env({}, dotenv=None).allowed_tenants == frozenset()  # anonymous local mode: no check


def test_the_sdk_still_reads_the_conversation_tenant_as_tenantID():
    """Pins why bot/app.py reads the tenant from the raw JSON: Teams sends conversation.tenantId."""
    from botbuilder.schema import Activity

    parsed = Activity().deserialize({"type": "message", "conversation": {"id": "c", "tenantId": TENANT}})
    assert parsed.conversation.tenant_id is None


@pytest.fixture
def deserialised(monkeypatch):
    """Counts the activities msrest deserialises (the SDK's work, not ours: nothing of SafeShare is replaced)."""
    from botbuilder.schema import Activity

    calls = []
    original = Activity.deserialize

    def counting(cls, data, content_type=None):
        calls.append(1)
        return original(data, content_type)

    monkeypatch.setattr(Activity, "deserialize", classmethod(counting))
    return calls


def _large(url: str, conversation: str) -> dict:
    """Close to the body cap: attachments an attacker can pad at no cost."""
    attachments = [{"contentType": "application/vnd.microsoft.card.adaptive", "name": f"n{n}",
                    "content": {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "x" * 200}] * 30}}
                   for n in range(20)]
    body = activity(url, conversation, "hello", attachments=attachments)
    assert 0.6 * Config().MAX_BODY_BYTES < len(json.dumps(body)) < Config().MAX_BODY_BYTES
    return body


@pytest.mark.parametrize("token", ["garbage", "wrong-signature"])
async def test_an_unauthenticated_large_body_is_refused_before_it_is_deserialised(secured, deserialised, token):
    openid, client, connector = secured
    header = "not.a.token" if token == "garbage" else openid.token(connector.url, key=new_key())
    resp = await client.post(_large(connector.url, f"big-{token}"), headers={"Authorization": f"Bearer {header}"})
    assert resp.status == 401
    assert deserialised == []
    # The same body with a good token is deserialised (once): the count above is not blind.
    resp = await client.post(_large(connector.url, f"big-{token}"),
                             headers={"Authorization": f"Bearer {openid.token(connector.url)}"})
    assert resp.status == 200 and len(deserialised) == 1


async def test_another_tenant_is_refused_before_it_is_deserialised(secured, deserialised):
    openid, client, connector = secured
    body = activity(connector.url, "tenant-early", "hello", channelData={"tenant": {"id": OTHER}})
    resp = await client.post(body, headers={"Authorization": f"Bearer {openid.token(connector.url)}"})
    assert resp.status == 403 and deserialised == []


async def test_no_token_is_refused_before_the_body_arrives(secured):
    """401 at once for a request with no Authorization header, not after waiting for its body."""
    openid, client, connector = secured
    port = int(client.bot.url.rsplit(":", 1)[1])
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 100000\r\n\r\n{")  # and nothing more
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), 2)  # BODY_READ_SECONDS is 10
    assert status_line.split()[1] == b"401", status_line
    writer.close()


def test_the_sdk_authenticates_from_channel_id_and_service_url_only():
    """Pins workaround 7 in bot/sdk.py: what authenticate_request reads of the activity is all ActivityAddress has."""
    import inspect
    import re

    from botframework.connector.auth import JwtTokenValidation
    from botframework.connector.auth._built_in_bot_framework_authentication import (
        _BuiltinBotFrameworkAuthentication,
    )

    from bot.sdk import ActivityAddress

    read = set(re.findall(r"\bactivity\.(\w+)", inspect.getsource(JwtTokenValidation.authenticate_request)))
    assert read == {"channel_id", "recipient", "relates_to", "service_url"}
    assert read <= set(ActivityAddress.__slots__)
    outer = inspect.getsource(_BuiltinBotFrameworkAuthentication.authenticate_request)
    assert not re.findall(r"\bactivity\.\w+", outer)  # it only passes the activity on
