"""A stand-in Microsoft Entra ID token endpoint on 127.0.0.1 (OAuth 2.0 client credentials, RFC 6749 4.4).

Point the bot's TO_CHANNEL_FROM_BOT_LOGIN_URL at `login_url`: replies then
carry tokens issued here, and a connector can check them against `issued`.
"""
from __future__ import annotations

import asyncio
import secrets

from aiohttp import web

from .botharness import serve_local

TENANT_PATH = "/botframework.com"


class TokenEndpoint:
    def __init__(self, app_id: str, password: str, scope: str = "https://api.botframework.com/.default",
                 expires_in: int = 3600):
        self.app_id, self.password, self.scope, self.expires_in = app_id, password, scope, expires_in
        self.issued: list[str] = []
        self.requests = 0
        self.refused = 0
        self.hold = asyncio.Event()  # cleared: requests wait until it is set again (an outage or a slow endpoint)
        self.hold.set()
        self.app = web.Application()
        self.app.router.add_post(TENANT_PATH + "/oauth2/v2.0/token", self._token)
        self.runner, self.url = None, ""

    @property
    def login_url(self) -> str:
        return self.url + TENANT_PATH

    async def start(self) -> TokenEndpoint:
        self.runner, self.url = await serve_local(self.app)
        return self

    async def stop(self) -> None:
        self.hold.set()
        await self.runner.cleanup()

    async def _token(self, request: web.Request) -> web.Response:
        self.requests += 1
        form = await request.post()
        await self.hold.wait()
        if (form.get("grant_type") != "client_credentials" or form.get("client_id") != self.app_id
                or form.get("client_secret") != self.password or form.get("scope") != self.scope):
            self.refused += 1
            return web.json_response({"error": "invalid_client"}, status=401)
        token = "tok-" + secrets.token_urlsafe(16)
        self.issued.append(token)
        return web.json_response({"token_type": "Bearer", "expires_in": self.expires_in, "ext_expires_in": self.expires_in,
                                  "access_token": token})
