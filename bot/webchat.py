"""The local web chat: Microsoft's Web Chat at `/`, talking to SafeShare through a small Direct Line.

`safeshare serve` in anonymous local mode (no MicrosoftAppId) also serves a
page with the Web Chat bundle (bot/static, vendored from npm with its
licence) and the parts of the Direct Line 3.0 REST API that Web Chat uses
when it polls (`createDirectLine({domain, token, webSocket: false})`):

    POST /v3/directline/tokens/generate                     a new conversation and its token
    POST /v3/directline/tokens/refresh                      the same token, its expiry moved on
    POST /v3/directline/conversations                       start it (the welcome card is queued)
    GET  /v3/directline/conversations/{id}                  reconnect
    POST /v3/directline/conversations/{id}/activities       the user's activity; returns {"id"}
    GET  /v3/directline/conversations/{id}/activities?watermark=N   {"activities", "watermark"}

Each activity runs through the same SafeShareBot.on_turn as /api/messages,
in this process (LocalAdapter), so cards, buttons and Action.Submit values
behave as in Teams; what the bot sends is queued for the next poll.

Why it cannot open a hole: it exists only in anonymous local mode, where the
server listens on loopback (not with --allow-anonymous-remote, nor beside an
app id), and (like /api/messages) it answers only requests
whose Host is this computer, so DNS rebinding cannot reach it; a request
from a browser page of another origin is refused (Origin header), so a web
page cannot start conversations either. Every conversation route needs the
conversation's own random token (compared in constant time). Conversations
live in memory only, expire when idle and are capped in number; each keeps
only the activities its client has not acknowledged (the watermark), capped
in number and bytes, so the user's words are gone after the next poll. The
bodies have the same size cap and read timeout as /api/messages. Nothing
the user types is logged.

The web chat is a one-to-one conversation with one person at this computer:
it counts as personal. Files cannot be sent here (Web Chat's upload button
is hidden, and an activity with attachments gets a notice): encrypted
packages need Teams or `safeshare encrypt`.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import logging
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path
from collections.abc import Awaitable, Callable

from aiohttp import web
from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ResourceResponse,
)
from yarl import URL

from dialogs.conversation import MAX_TEXT, Kind, Message

from .config import Config
from .handler import SafeShareBot, to_activity
from .httpbody import read_json
from .logs import conversation_ref, hash_conversation
from .sdk import wire

log = logging.getLogger(__name__)

CHANNEL = "webchat"
STATIC = Path(__file__).parent / "static"
BOT = ChannelAccount(id="safeshare", name="SafeShare", role="bot")
TURN_SECONDS = 30.0
_CLIENT_ID_MAX = 200  # Web Chat's clientActivityID is a short random string


def _now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


@dataclass(eq=False)
class LocalConversation:
    """One web chat: its token, and the activities its client has not acknowledged yet."""

    id: str
    secret: str
    user_id: str
    expires: float
    started: bool = False
    base: int = 0  # the number of the first activity in `pending`
    pending: list[dict] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def token(self) -> str:
        return f"{self.id}.{self.secret}"

    @property
    def watermark(self) -> int:
        """The number the next activity gets."""
        return self.base + len(self.pending)

    def append(self, activity: dict) -> str:
        number = self.watermark
        activity["id"] = f"{self.id}|{number:07d}"
        self.pending.append(activity)
        self.sizes.append(len(json.dumps(activity, separators=(",", ":"))))
        return activity["id"]

    def since(self, watermark: int) -> list[dict]:
        """Activities numbered `watermark` or later; the client has the earlier ones, so they are dropped."""
        drop = max(0, min(watermark, self.watermark) - self.base)
        if drop:
            del self.pending[:drop], self.sizes[:drop]
            self.base += drop
        return list(self.pending)


class NotAuthorised(Exception):
    """No token, a wrong token, or one for another conversation."""


class Unknown(Exception):
    """No such conversation (never started, expired or evicted)."""


class Conversations:
    """The web chats of this process, in memory: capped in number, expiring when idle.

    When full, the conversation idle longest makes room for a new one (a page
    reloaded many times must not lock the person out).
    """

    def __init__(self, max_conversations: int = 32, idle_seconds: float = 1800, max_pending: int = 100,
                 max_pending_bytes: int = 512 * 1024, clock: Callable[[], float] = time.monotonic):
        self.max_conversations = max_conversations
        self.idle_seconds = idle_seconds
        self.max_pending = max_pending
        self.max_pending_bytes = max_pending_bytes
        self.clock = clock
        self._open: OrderedDict[str, LocalConversation] = OrderedDict()  # least recently used first

    def __len__(self) -> int:
        return len(self._open)

    def _sweep(self) -> None:
        now = self.clock()
        for cid in [cid for cid, c in self._open.items() if c.expires <= now]:
            del self._open[cid]

    def open(self) -> LocalConversation:
        self._sweep()
        while len(self._open) >= self.max_conversations:
            self._open.popitem(last=False)
            log.info("webchat.evicted")
        conversation = LocalConversation(id=secrets.token_hex(16), secret=secrets.token_urlsafe(32),
                                         user_id=f"webchat-user-{secrets.token_hex(8)}",
                                         expires=self.clock() + self.idle_seconds)
        self._open[conversation.id] = conversation
        return conversation

    def find(self, authorization: str, conversation_id: str | None = None) -> LocalConversation:
        """The conversation the bearer token is for; `conversation_id` (from the URL) must be the same one.

        Raises NotAuthorised for a missing or wrong token and Unknown for a conversation that is not open.
        """
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or "." not in token:
            raise NotAuthorised
        cid, _, secret = token.strip().partition(".")
        if conversation_id is not None and not hmac.compare_digest(cid.encode(), conversation_id.encode()):
            raise NotAuthorised  # a token for another conversation
        self._sweep()
        conversation = self._open.get(cid)
        if conversation is None:
            raise Unknown
        if not hmac.compare_digest(secret.encode(), conversation.secret.encode()):
            raise NotAuthorised
        conversation.expires = self.clock() + self.idle_seconds
        self._open.move_to_end(cid)
        return conversation

    def full(self, conversation: LocalConversation) -> bool:
        """Too much is waiting for the client to fetch: it should poll before it sends more."""
        return len(conversation.pending) >= self.max_pending or sum(conversation.sizes) >= self.max_pending_bytes


class LocalAdapter(BotAdapter):
    """Runs web chat turns in this process; what the bot sends goes to the conversation's queue."""

    _QUEUE = "safeshare.webchat.conversation"

    def __init__(self, on_turn_error: Callable[[TurnContext, Exception], Awaitable[None]] | None = None):
        super().__init__(on_turn_error)

    async def send_activities(self, context: TurnContext, activities: list[Activity]):
        conversation: LocalConversation = context.turn_state[self._QUEUE]
        responses = []
        for activity in activities:
            if activity.type not in (ActivityTypes.message, ActivityTypes.typing):
                responses.append(ResourceResponse(id=""))  # traces and invoke responses stay here
                continue
            body = wire(activity)
            body.update(type=activity.type, channelId=CHANNEL, timestamp=_now(), conversation={"id": conversation.id},
                        recipient={"id": conversation.user_id, "role": "user"},
                        **{"from": {"id": BOT.id, "name": BOT.name, "role": "bot"}})
            body.pop("serviceUrl", None)
            if context.activity.id:
                body["replyToId"] = context.activity.id
            responses.append(ResourceResponse(id=conversation.append(body)))
        return responses

    async def update_activity(self, context, activity):
        raise NotImplementedError("the local web chat does not update activities")

    async def delete_activity(self, context, reference):
        raise NotImplementedError("the local web chat does not delete activities")

    async def turn(self, bot: SafeShareBot, conversation: LocalConversation, activity: Activity,
                   run: Callable[[TurnContext, Callable], Awaitable[None]] | None = None) -> None:
        """One turn; `run` (the server's Turns) gives it the same deadline and SIGTERM handling as Teams turns."""
        context = TurnContext(self, activity)
        context.turn_state[self._QUEUE] = conversation
        await self.run_pipeline(context, (lambda c: run(c, bot.on_turn)) if run else bot.on_turn)


CONVERSATIONS_KEY = web.AppKey("webchat_conversations", Conversations)
_ADAPTER_KEY = web.AppKey("webchat_adapter", LocalAdapter)
_BOT_KEY = web.AppKey("webchat_bot", SafeShareBot)
_CONFIG_KEY = web.AppKey("webchat_config", Config)
# Typed by annotation: AppKey's second argument must be a class, and these hold callables.
_RUN_KEY: web.AppKey[Callable[[TurnContext, Callable], Awaitable[None]] | None] = web.AppKey("webchat_run")  # Turns.run
_LOCAL_KEY: web.AppKey[Callable[[web.Request], bool]] = web.AppKey("webchat_local")  # the Host check


def add_webchat(app: web.Application, bot: SafeShareBot, config: Config, *,
                local: Callable[[web.Request], bool],
                on_turn_error: Callable[[TurnContext, Exception], Awaitable[None]] | None = None,
                conversations: Conversations | None = None,
                run: Callable[[TurnContext, Callable], Awaitable[None]] | None = None) -> None:
    """Serve the page at / and the Direct Line routes it uses (anonymous local mode only: see the module)."""
    if not config.anonymous or config.ANONYMOUS_REMOTE:
        raise ValueError("the local web chat is for anonymous local mode on this computer only")
    app[CONVERSATIONS_KEY] = conversations if conversations is not None else Conversations()
    app[_ADAPTER_KEY] = LocalAdapter(on_turn_error)
    app[_BOT_KEY] = bot
    app[_RUN_KEY] = run
    app[_CONFIG_KEY] = config
    app[_LOCAL_KEY] = local
    app.router.add_get("/", page)
    for name, media in _STATIC.items():
        app.router.add_get(f"/{name}", _static(name, media))
    base = "/v3/directline"
    app.router.add_post(base + "/tokens/generate", generate_token)
    app.router.add_post(base + "/tokens/refresh", refresh_token)
    app.router.add_post(base + "/conversations", start_conversation)
    app.router.add_get(base + "/conversations/{cid}", reconnect)
    app.router.add_post(base + "/conversations/{cid}/activities", post_activity)
    app.router.add_get(base + "/conversations/{cid}/activities", get_activities)
    app.router.add_post(base + "/conversations/{cid}/upload", upload)


_STATIC = {
    "webchat.js": "text/javascript",
    "webchat-page.js": "text/javascript",
    "webchat.LICENSE.txt": "text/plain",
    "webchat.js.LICENSE.txt": "text/plain",
}
# The page's own script is a file, not inline, so no inline script runs; Web Chat puts its styles inline.
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
_HEADERS = {"Content-Security-Policy": _CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "Cache-Control": "no-cache"}


def _problem(status: HTTPStatus, detail: str) -> web.Response:
    return web.json_response({"error": {"code": status.phrase, "message": detail}}, status=status)


def _refused(request: web.Request) -> web.Response | None:
    """The same Host check as /api/messages, and no requests from other sites' pages."""
    if not request.app[_LOCAL_KEY](request):
        return _problem(HTTPStatus.FORBIDDEN, "the local web chat answers only requests to this computer "
                                              "(Host 127.0.0.1, ::1 or localhost)")
    origin = request.headers.get("Origin")
    if origin is not None:
        try:
            same = URL(origin).host_port_subcomponent == request.url.host_port_subcomponent
        except (ValueError, TypeError):
            same = False
        if not same:
            return _problem(HTTPStatus.FORBIDDEN, "the web chat answers only its own page")
    return None


def _static(name: str, media: str):
    path = STATIC / name

    async def serve(request: web.Request) -> web.StreamResponse:
        refused = _refused(request)
        if refused is not None:
            return refused
        return web.FileResponse(path, headers={**_HEADERS, "Content-Type": f"{media}; charset=utf-8"})
    return serve


async def page(request: web.Request) -> web.StreamResponse:
    refused = _refused(request)
    if refused is not None:
        return refused
    return web.FileResponse(STATIC / "webchat.html", headers={**_HEADERS, "Content-Type": "text/html; charset=utf-8"})


def _authorised(request: web.Request, with_id: bool = True) -> LocalConversation | web.Response:
    refused = _refused(request)
    if refused is not None:
        return refused
    try:
        conversation = request.app[CONVERSATIONS_KEY].find(
            request.headers.get("Authorization", ""), request.match_info["cid"] if with_id else None)
    except NotAuthorised:
        return _problem(HTTPStatus.FORBIDDEN, "the token is missing or is not this conversation's")
    except Unknown:
        return _problem(HTTPStatus.NOT_FOUND, "no such conversation (it may have expired: reload the page)")
    conversation_ref.set(hash_conversation(conversation.id))
    return conversation


def _session(request: web.Request, conversation: LocalConversation) -> dict:
    return {"conversationId": conversation.id, "token": conversation.token,
            "expires_in": int(request.app[CONVERSATIONS_KEY].idle_seconds)}


async def generate_token(request: web.Request) -> web.Response:
    """A new conversation and its token (Direct Line's tokens/generate, with no secret: this computer only)."""
    refused = _refused(request)
    if refused is not None:
        return refused
    conversation = request.app[CONVERSATIONS_KEY].open()
    log.info("webchat.opened", extra={"conversation": hash_conversation(conversation.id)})
    return web.json_response(_session(request, conversation))


async def refresh_token(request: web.Request) -> web.Response:
    found = _authorised(request, with_id=False)
    if isinstance(found, web.Response):
        return found
    return web.json_response(_session(request, found))


async def start_conversation(request: web.Request) -> web.Response:
    """Start the token's conversation: the bot is told the user joined, and its welcome card waits for the poll."""
    found = _authorised(request, with_id=False)
    if isinstance(found, web.Response):
        return found
    async with found.lock:
        if found.started:
            return web.json_response(_session(request, found))
        found.started = True
        user = ChannelAccount(id=found.user_id, name="You", role="user")
        failed = await _run(request, found, _activity(found, type=ActivityTypes.conversation_update,
                                                      members_added=[user]))
        if failed is not None:
            return failed
    return web.json_response(_session(request, found), status=HTTPStatus.CREATED)


async def reconnect(request: web.Request) -> web.Response:
    found = _authorised(request)
    if isinstance(found, web.Response):
        return found
    return web.json_response(_session(request, found))


def _activity(conversation: LocalConversation, **fields) -> Activity:
    return Activity(channel_id=CHANNEL, service_url="", timestamp=datetime.now(timezone.utc),
                    from_property=ChannelAccount(id=conversation.user_id, name="You", role="user"),
                    recipient=ChannelAccount(id=BOT.id, name=BOT.name, role="bot"),
                    # One person at this computer talking to SafeShare: a personal chat, decided here.
                    conversation=ConversationAccount(id=conversation.id, conversation_type="personal"),
                    **fields)


async def _run(request: web.Request, conversation: LocalConversation, activity: Activity) -> web.Response | None:
    try:
        async with asyncio.timeout(TURN_SECONDS):
            await request.app[_ADAPTER_KEY].turn(request.app[_BOT_KEY], conversation, activity, request.app[_RUN_KEY])
    except TimeoutError:
        log.error("webchat.turn_timeout")
        return _problem(HTTPStatus.GATEWAY_TIMEOUT, "the turn took too long; please try again")
    except Exception as error:  # noqa: BLE001 - the turn-error handler failed too: never a 500 with a traceback
        log.error("webchat.turn_failed", extra={"error": type(error).__name__})
        return _problem(HTTPStatus.BAD_GATEWAY, "the turn could not be completed")
    return None


async def _read_json(request: web.Request) -> dict | web.Response:
    """The body as on /api/messages: at most MAX_BODY_BYTES, within BODY_READ_SECONDS, a JSON object."""
    config = request.app[_CONFIG_KEY]
    return await read_json(request, config.MAX_BODY_BYTES, config.BODY_READ_SECONDS, _problem)


NO_FILES = Message(Kind.NOTICE, "Files cannot be sent in this web chat.", (
    "Encrypted packages are made in your personal chat with SafeShare in Teams, or on your computer with "
    "safeshare encrypt. Nothing was kept.",))


async def post_activity(request: web.Request) -> web.Response:
    """The user's activity: echoed (Web Chat waits for the echo), then the bot's turn; replies wait for the poll."""
    found = _authorised(request)
    if isinstance(found, web.Response):
        return found
    body = await _read_json(request)
    if isinstance(body, web.Response):
        return body
    kind = body.get("type")
    if kind == ActivityTypes.typing:
        return web.json_response({"id": ""})  # nothing to do with it
    if kind != ActivityTypes.message:
        return _problem(HTTPStatus.BAD_REQUEST, "the web chat takes message activities only")
    text = body.get("text")
    if text is not None and not isinstance(text, str):
        return _problem(HTTPStatus.BAD_REQUEST, "the activity's text must be a string")
    value = body.get("value")
    if value is not None and not isinstance(value, dict):
        return _problem(HTTPStatus.BAD_REQUEST, "the activity's value must be an object (a card's data)")
    attachments = body.get("attachments")
    conversations = request.app[CONVERSATIONS_KEY]
    async with found.lock:
        if conversations.full(found):
            return _problem(HTTPStatus.TOO_MANY_REQUESTS, "fetch the replies waiting (GET .../activities) first")
        channel_data = body.get("channelData")
        if not isinstance(channel_data, dict):
            channel_data = {}
        client_id = channel_data.get("clientActivityID")
        text = (text or "")[:MAX_TEXT]
        echo = {"type": "message", "channelId": CHANNEL, "timestamp": _now(), "conversation": {"id": found.id},
                "from": {"id": found.user_id, "name": "You", "role": "user"}, "text": text}
        if isinstance(client_id, str):  # Web Chat marks its message sent when this comes back
            echo["channelData"] = {"clientActivityID": client_id[:_CLIENT_ID_MAX]}
        activity_id = found.append(echo)
        if attachments:
            log.info("webchat.files_refused")
            await request.app[_ADAPTER_KEY].send_activities(_context(request, found, activity_id),
                                                            [to_activity(NO_FILES)])
            return web.json_response({"id": activity_id})
        failed = await _run(request, found, _activity(found, type=ActivityTypes.message, id=activity_id,
                                                      text=text or None, value=value))
        if failed is not None:
            return failed
    return web.json_response({"id": activity_id})


def _context(request: web.Request, conversation: LocalConversation, activity_id: str) -> TurnContext:
    context = TurnContext(request.app[_ADAPTER_KEY], _activity(conversation, type=ActivityTypes.message,
                                                               id=activity_id))
    context.turn_state[LocalAdapter._QUEUE] = conversation
    return context


async def upload(request: web.Request) -> web.Response:
    """Web Chat's file upload: refused, with the notice in the conversation."""
    found = _authorised(request)
    if isinstance(found, web.Response):
        return found
    async with found.lock:
        if not request.app[CONVERSATIONS_KEY].full(found):
            await request.app[_ADAPTER_KEY].send_activities(_context(request, found, ""), [to_activity(NO_FILES)])
    return _problem(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "files cannot be sent in the local web chat")


async def get_activities(request: web.Request) -> web.Response:
    """What the client has not had yet: activities numbered `watermark` or later (all kept, without one)."""
    found = _authorised(request)
    if isinstance(found, web.Response):
        return found
    raw = request.query.get("watermark", "")
    if raw in ("", "null", "undefined"):
        watermark = 0
    elif raw.isascii() and raw.isdigit() and len(raw) <= 12:
        watermark = int(raw)
    else:
        return _problem(HTTPStatus.BAD_REQUEST, "the watermark must be a whole number")
    activities = found.since(watermark)
    return web.json_response({"activities": activities, "watermark": str(found.watermark)})
