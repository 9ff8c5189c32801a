"""Workarounds for botbuilder 4.17.1, kept here so the rest never sees them.

Each is pinned by a test in tests/test_sdk_workarounds.py, so an SDK
upgrade that fixes or breaks one is noticed.

1. Every turn builds a new ConnectorClient and UserTokenClient; msrest's
   ClientRetryPolicy constructor computes a list over range(999) each time
   (msrest PR #266, never merged), about 3.5 ms per client. We reuse one
   client per (service URL, audience) and one user-token client per app id.
2. CloudAdapter.process() raises on `deliveryMode: expectReplies` (its
   ExpectedReplies body is already a dict, which serializer_helper cannot
   take), so the request ends in a 500. bot/app.py parses requests itself and calls
   process_activity(), serialising the invoke response body as it is.
3. Replies go out through msrest: every activity is validated and
   serialised by msrest's reflective Serializer (about 2 ms for a card)
   and posted with `requests` on a worker thread. ReplySender posts the
   same JSON (`wire()`, checked against msrest's output in the tests) with
   one shared aiohttp session, and resends only what the connector cannot
   have taken (429 or 503, honouring Retry-After, with bounded backoff;
   never a 502 or 504). Its bearer token comes from bot/tokens.py.
4. Authentication failures surface as many exception types (PermissionError,
   PyJWT's errors, bare Exception for a bad endorsement or algorithm,
   IndexError for an unknown key id), so a bad token could end in a 5xx.
   CachingAuthentication turns every one into PermissionError: 401.
5. The OpenID metadata refresh (_OpenIdMetadata._refresh) calls
   requests.get() without a timeout on the event loop: one slow metadata
   endpoint would freeze every conversation. fix_openid_refresh() runs the
   same fetch on a thread with a timeout.
6. TurnContext.send_activities deep-copies every outgoing activity before
   it sets the conversation reference on the copy: about 0.4 ms for a card
   with suggested actions, through msrest models' __reduce_ex__. Only
   top-level fields of the copy are set, so SentActivity makes that copy
   shallow, and the rendered card in it is shared.

7. CloudAdapter.process_activity() authenticates only after the caller has
   deserialised the whole body into an Activity with msrest (about as slow as
   the serializer in 3), so an unauthenticated client makes us do that work.
   authenticate_request() reads only the activity's channel_id and
   service_url (and, with no token in anonymous mode, recipient.role and
   relates_to for the Emulator's skill path): authenticate_raw() passes an
   ActivityAddress read from the parsed JSON instead, and process_activity()
   is given the result, so it does not authenticate again.

Workarounds 4, 5 and 7 are pinned in tests/test_auth.py.
"""
from __future__ import annotations

import asyncio
import copy
import json
import logging
import random
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from urllib.parse import quote

import aiohttp
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ResourceResponse
from botframework.connector.auth import (
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
)
from msrest.serialization import Model, Serializer

from .tokens import ReplyTokens

log = logging.getLogger(__name__)


class CachingConnectorFactory(ConnectorFactory):
    """Hands out one ConnectorClient per (service URL, audience)."""

    def __init__(self, inner: ConnectorFactory, cache: dict):
        self._inner = inner
        self._cache = cache

    async def create(self, service_url: str, audience: str | None = None):
        key = (service_url, audience)
        client = self._cache.get(key)
        if client is None:
            client = await self._inner.create(service_url, audience)
            if len(self._cache) > 256:  # service URLs are few; bound it anyway
                self._cache.clear()
            self._cache[key] = client
        return client


class CachingAuthentication(BotFrameworkAuthentication):
    """Delegates to botbuilder's authentication, reusing its clients."""

    def __init__(self, inner: BotFrameworkAuthentication):
        self._inner = inner
        self._connectors: dict = {}
        self._token_clients: dict = {}

    async def authenticate_request(self, activity, auth_header: str) -> AuthenticateRequestResult:
        try:
            result = await self._inner.authenticate_request(activity, auth_header)
        except Exception as error:  # noqa: BLE001 - see workaround 4: any failure here is "not authorised"
            log.info("auth.refused", extra={"error": type(error).__name__})
            raise PermissionError("the request is not authorised") from None
        if result.connector_factory is not None:
            result.connector_factory = CachingConnectorFactory(result.connector_factory, self._connectors)
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str):
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return CachingConnectorFactory(self._inner.create_connector_factory(claims_identity), self._connectors)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity):
        key = tuple(sorted((c, str(v)) for c, v in (claims_identity.claims or {}).items()
                           if c in ("aud", "appid", "azp")))
        client = self._token_clients.get(key)
        if client is None:
            client = await self._inner.create_user_token_client(claims_identity)
            self._token_clients[key] = client
        return client

    def create_bot_framework_client(self):
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)


@dataclass(frozen=True, slots=True)
class ActivityAddress:
    """The fields of an activity that authentication reads (workaround 7), taken from the raw JSON."""

    channel_id: str | None
    service_url: str
    recipient: None = None  # no Emulator skill calls: the anonymous path reads recipient.role and gets AttributeError
    relates_to: None = None

    @classmethod
    def of(cls, body: dict) -> ActivityAddress:
        channel_id = body.get("channelId")
        return cls(channel_id if isinstance(channel_id, str) else None, body["serviceUrl"])


async def authenticate_raw(auth: BotFrameworkAuthentication, body: dict, auth_header: str) -> AuthenticateRequestResult:
    """Check the bearer token against the parsed JSON, before any Activity is built (workaround 7).

    Raises PermissionError when the request is not authorised (CachingAuthentication
    turns every other failure into one).
    """
    return await auth.authenticate_request(ActivityAddress.of(body), auth_header)


class SentActivity(Activity):
    """An activity built for one send (workaround 6): its deep copy is a shallow one."""

    def __deepcopy__(self, memo):
        return copy.copy(self)


class FrozenJson(dict):
    """JSON that is never changed once built (a rendered card): wire() sends it as is
    instead of walking it. (SentActivity's shallow copy already shares it.)

    msrest would send a dict subclass as its str(): thaw() it before any
    activity takes the SDK's own path.
    """


def thaw(activity):
    """The activity with plain dicts where FrozenJson was, for msrest (shared objects left untouched)."""
    if any(isinstance(a.content, FrozenJson) for a in activity.attachments or ()):
        activity.attachments = [copy.copy(a) for a in activity.attachments]
        for attachment in activity.attachments:
            if isinstance(attachment.content, FrozenJson):
                attachment.content = dict(attachment.content)
    return activity


OPENID_TIMEOUT = 10.0


def fix_openid_refresh() -> None:
    """Workaround 5: fetch OpenID metadata and keys on a thread, with a timeout."""
    from datetime import datetime

    import requests
    from botframework.connector.auth import jwt_token_extractor

    metadata_class = jwt_token_extractor._OpenIdMetadata
    if getattr(metadata_class._refresh, "safeshare_fixed", False):
        return

    async def _refresh(self):
        def fetch():
            response = requests.get(self.url, timeout=OPENID_TIMEOUT)
            response.raise_for_status()
            keys = requests.get(response.json()["jwks_uri"], timeout=OPENID_TIMEOUT)
            keys.raise_for_status()
            return keys.json()["keys"]

        self.keys = await asyncio.to_thread(fetch)
        self.last_updated = datetime.now()

    _refresh.safeshare_fixed = True  # type: ignore[attr-defined]  # a marker on the function: patched once
    metadata_class._refresh = _refresh


def wire(value):
    """An msrest model (an Activity) as the JSON msrest would send, without msrest.

    Attributes that are None are left out, as msrest does; dicts (card
    content) and lists are walked; enums give their value; datetimes ISO 8601.
    """
    if isinstance(value, Model):
        out = {}
        for attr, spec in type(value)._attribute_map.items():
            item = getattr(value, attr, None)
            if item is not None:
                out[spec["key"]] = wire(item)
        return out
    if isinstance(value, FrozenJson):
        return value
    if isinstance(value, dict):
        return {key: wire(item) for key, item in value.items() if item is not None}
    if isinstance(value, (list, tuple)):
        return [wire(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return Serializer.serialize_iso(value)
    return value


class ConnectorError(Exception):
    """The connector refused a reply or could not be reached (no activity content in the message)."""

    def __init__(self, status: int | None, attempts: int):
        super().__init__(f"connector answered {status or 'nothing'} after {attempts} attempt(s)")
        self.status = status
        self.attempts = attempts


# Statuses that say the connector did not take the activity: it is safe to send again. A 502 or 504 comes
# from a gateway after the body was sent, and the connector may well have delivered it: sending again
# could show a message twice (a second password message above all), so those are not resent.
RETRY_STATUSES = frozenset({429, 503})


class ReplySender:
    """Posts activities to the connector with one aiohttp session and bounded retries.

    Resent only when the connector cannot have taken it: 429 or 503 (after
    Retry-After when given, if that is within `max_delay`; otherwise the
    reply is given up rather than sent early), a connection that was never
    made, or a 401 (once, with a fresh token).
    """

    def __init__(self, attempts: int = 4, base_delay: float = 0.25, max_delay: float = 4.0, timeout: float = 15.0):
        self.attempts = attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None
        # Cached and refreshed on the event loop: never behind package builds on a thread (bot/tokens.py).
        self.tokens = ReplyTokens(self._client)

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self.timeout)
        return self._session

    async def close(self) -> None:
        await self.tokens.close()
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _delay(self, attempt: int, retry_after: str | None) -> float | None:
        """Seconds to wait before the next attempt, or None: the connector asks for longer than we wait."""
        if retry_after is not None:
            try:
                asked = max(0.0, float(retry_after))
            except ValueError:
                asked = None  # an HTTP date: fall back to our own backoff
            if asked is not None:
                return asked if asked <= self.max_delay else None
        return min(self.max_delay, self.base_delay * 2 ** attempt) * (0.5 + random.random() / 2)

    async def post(self, service_url: str, credentials, activity) -> ResourceResponse:
        path = f"/v3/conversations/{quote(activity.conversation.id, safe='')}/activities"
        if activity.reply_to_id:
            path += f"/{quote(activity.reply_to_id, safe='')}"
        url = service_url.rstrip("/") + path
        body = wire(activity)
        status = None
        fresh_token = False
        for attempt in range(self.attempts):
            retry_after = None
            headers = await self.tokens.header(credentials)
            try:
                async with self._client().post(url, json=body, headers=headers) as resp:
                    status = resp.status
                    payload = await resp.read()
                    if status < 300:
                        try:
                            reply_id = json.loads(payload).get("id", "") if payload else ""
                        except (ValueError, AttributeError):
                            reply_id = ""
                        return ResourceResponse(id=reply_id)
                    if status == 401 and headers and not fresh_token:  # refused the token, not the activity
                        self.tokens.forget(credentials)
                        fresh_token = True
                        continue
                    if status not in RETRY_STATUSES:
                        break
                    retry_after = resp.headers.get("Retry-After")
            except aiohttp.ClientConnectorError:  # never connected: nothing was sent
                status = None
            except (aiohttp.ClientError, asyncio.TimeoutError):  # sent, maybe delivered: not sent again
                status = None
                break
            if attempt + 1 >= self.attempts:
                break
            delay = self._delay(attempt, retry_after)
            if delay is None:
                log.warning("connector.retry_after_too_long", extra={"status": status})
                break
            log.warning("connector.retry", extra={"status": status, "attempt": attempt + 1, "delay_s": round(delay, 2)})
            await asyncio.sleep(delay)
        raise ConnectorError(status, attempt + 1)


class SafeShareAdapter(CloudAdapter):
    """CloudAdapter whose messages go out through ReplySender (workaround 3)."""

    def __init__(self, auth: BotFrameworkAuthentication, sender: ReplySender | None = None):
        super().__init__(auth)
        self.sender = sender or ReplySender()

    async def send_activities(self, context: TurnContext, activities):
        connector = context.turn_state.get(self.BOT_CONNECTOR_CLIENT_KEY)
        if connector is None or any(a.type != "message" for a in activities):
            return await super().send_activities(context, [thaw(a) for a in activities])
        responses = []
        for activity in activities:
            activity.id = None
            responses.append(await self.sender.post(connector.config.base_url, connector.config.credentials, activity))
        return responses
