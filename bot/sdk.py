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
"""
from __future__ import annotations

from botframework.connector.auth import (
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
)


class CachingConnectorFactory(ConnectorFactory):
    """Hands out one ConnectorClient per (service URL, audience)."""

    def __init__(self, inner: ConnectorFactory, cache: dict):
        self._inner = inner
        self._cache = cache

    async def create(self, service_url: str, audience: str = None):
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
        result = await self._inner.authenticate_request(activity, auth_header)
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
