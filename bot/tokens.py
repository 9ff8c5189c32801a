"""Bearer tokens for replies: fetched on the event loop, cached, refreshed before they expire.

botbuilder gets a reply's token with MicrosoftAppCredentials.get_access_token(),
a blocking msal call, which had to run on a thread of the default executor:
behind package builds there, another person's `help` waited for minutes.
Worse, its msal client ignores the configured `validate_authority`, so a
private-cloud login URL still goes to login.microsoftonline.com first.

The client-credentials grant is one form POST (RFC 6749 section 4.4), so it is
made here with aiohttp: no thread at all. The token is kept until
`margin` seconds before it expires; inside that margin the current token
is still used while one fresh one is fetched in the background, so a turn
waits for the token endpoint only the first time, or after a long outage.
Concurrent turns share one fetch.

Credentials without a password (managed identity) still use their own
get_access_token(), on a thread of their own.
"""
from __future__ import annotations

import asyncio
import ipaddress
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from collections.abc import Callable
from urllib.parse import urlsplit

import aiohttp
from botframework.connector.auth import AuthenticationConstants

log = logging.getLogger(__name__)

REFRESH_MARGIN = 300.0  # seconds before expiry when a new token is fetched (msal uses five minutes too)
TOKEN_TIMEOUT = 10.0


class TokenUnavailable(Exception):
    """No token for replies could be had (the message names no secret)."""


def wants_token(credentials) -> bool:
    """Replies carry a token when the bot has an app id (not in anonymous local mode, not an anonymous skill).

    The same rule as botbuilder's private AppCredentials._should_set_token (pinned in
    tests/test_reply_tokens.py), without relying on a private method.
    """
    app_id = getattr(credentials, "microsoft_app_id", None)
    return bool(app_id) and app_id != AuthenticationConstants.ANONYMOUS_SKILL_APP_ID


def token_url(oauth_endpoint: str) -> str:
    """The v2.0 token endpoint of an Entra ID authority ('https://login.microsoftonline.com/botframework.com').

    Plain http only for this computer (a test's token endpoint): the client secret goes in the body.
    """
    parts = urlsplit(oauth_endpoint)
    if parts.scheme != "https":
        try:
            loopback = parts.scheme == "http" and ipaddress.ip_address(parts.hostname or "").is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise TokenUnavailable("the login URL must be https")
    return oauth_endpoint.rstrip("/") + "/oauth2/v2.0/token"


@dataclass(slots=True)
class _Token:
    value: str
    expires: float  # on the clock below
    refresh_at: float


class ReplyTokens:
    """One cached token per (app id, login URL, scope)."""

    def __init__(self, session: Callable[[], aiohttp.ClientSession], margin: float = REFRESH_MARGIN,
                 timeout: float = TOKEN_TIMEOUT, clock: Callable[[], float] = time.monotonic):
        self._session = session
        self.margin = margin
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.clock = clock
        self._tokens: dict[tuple, _Token] = {}
        self._fetching: dict[tuple, asyncio.Task] = {}
        self._thread: ThreadPoolExecutor | None = None
        self.fetches = 0  # how many times the token endpoint was asked (tests, benchmarks)

    @staticmethod
    def _key(credentials) -> tuple:
        return (credentials.microsoft_app_id, getattr(credentials, "oauth_endpoint", None),
                getattr(credentials, "oauth_scope", None))

    async def header(self, credentials) -> dict[str, str]:
        """{'Authorization': 'Bearer …'} for a reply, or {} when the bot has no app id."""
        if credentials is None or not wants_token(credentials):
            return {}
        return {"Authorization": f"Bearer {await self.token(credentials)}"}

    async def token(self, credentials) -> str:
        key = self._key(credentials)
        cached = self._tokens.get(key)
        now = self.clock()
        if cached is not None and now < cached.expires - 30:  # 30 s: still valid when the connector reads it
            if now >= cached.refresh_at:
                self._fetch(key, credentials)  # in the background; this turn uses the current one
            return cached.value
        return await asyncio.shield(self._fetch(key, credentials))

    def forget(self, credentials) -> None:
        """The connector refused the token (401): the next reply fetches a new one."""
        if credentials is not None:
            self._tokens.pop(self._key(credentials), None)

    def _fetch(self, key: tuple, credentials) -> asyncio.Task:
        task = self._fetching.get(key)
        if task is None:
            task = asyncio.get_running_loop().create_task(self._fetch_and_keep(key, credentials))
            self._fetching[key] = task
            task.add_done_callback(lambda done: self._finished(key, done))
        return task

    def _finished(self, key: tuple, task: asyncio.Task) -> None:
        self._fetching.pop(key, None)
        if not task.cancelled() and task.exception() is not None:
            log.warning("token.failed", extra={"error": type(task.exception()).__name__})

    async def _fetch_and_keep(self, key: tuple, credentials) -> str:
        started = self.clock()
        self.fetches += 1
        password = getattr(credentials, "microsoft_app_password", None)
        if password and getattr(credentials, "oauth_endpoint", None):
            value, lifetime = await self._client_credentials(credentials, password)
        else:
            value, lifetime = await self._from_credentials(credentials), 600.0
        margin = min(self.margin, lifetime / 2)
        self._tokens[key] = _Token(value, started + lifetime, started + lifetime - margin)
        log.info("token.fetched", extra={"s": round(lifetime)})
        return value

    async def _client_credentials(self, credentials, password: str) -> tuple[str, float]:
        scope = credentials.oauth_scope or AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
        if not scope.endswith("/.default"):
            scope += "/.default"
        form = {"grant_type": "client_credentials", "client_id": credentials.microsoft_app_id,
                "client_secret": password, "scope": scope}
        try:
            async with self._session().post(token_url(credentials.oauth_endpoint), data=form,
                                             timeout=self.timeout) as resp:
                status = resp.status
                try:
                    answer = await resp.json(content_type=None)
                except ValueError:
                    answer = None
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise TokenUnavailable(f"the token endpoint could not be reached ({type(error).__name__})") from None
        if status != 200 or not isinstance(answer, dict) or not isinstance(answer.get("access_token"), str):
            said = answer.get("error") if isinstance(answer, dict) else None
            code = said if isinstance(said, str) else ""
            raise TokenUnavailable(f"the token endpoint answered {status} {code[:40]}".rstrip())
        try:
            lifetime = float(answer.get("expires_in", 3600))
        except (TypeError, ValueError):
            lifetime = 3600.0
        return answer["access_token"], max(1.0, lifetime)

    async def _from_credentials(self, credentials) -> str:
        if self._thread is None:
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="safeshare-token")
        try:
            return await asyncio.get_running_loop().run_in_executor(self._thread, credentials.get_access_token)
        except Exception as error:  # noqa: BLE001 - msal and the SDK raise many kinds; the type is logged
            raise TokenUnavailable(f"no token ({type(error).__name__})") from None

    async def close(self) -> None:
        for task in list(self._fetching.values()):
            task.cancel()
        if self._thread is not None:
            self._thread.shutdown(wait=False, cancel_futures=True)
            self._thread = None
