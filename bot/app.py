"""The aiohttp host: POST /api/messages through botbuilder, GET /healthz (and, in anonymous local mode,
the browser chat at / and its Direct Line routes: bot/webchat.py).

Requests are parsed here rather than by CloudAdapter.process() (which
fails on expectReplies, and authenticates only after deserialising), so a
missing token gets 401 before the body is read, a body over the cap 413, a
body that does not arrive in time 408, malformed JSON 400, a bad token 401
before msrest sees the body, and nothing ever answers 500 with a traceback
(see bot/sdk.py for why).
"""
from __future__ import annotations

import asyncio
import contextlib
import gc
import ipaddress
import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any
from http import HTTPStatus

from aiohttp import web
from botbuilder.core import ConversationState, MemoryStorage, Storage, TurnContext
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity

from dialogs.answer import Assistant
from dialogs.conversation import Conversation
from knowledge.model import Policy

from .builds import PackageBuilds
from .config import Config
from .files import BlobPendingPackages, FileTransfer, PendingPackages, WorkFolder
from .logs import conversation_ref, hash_conversation
from .handler import SafeShareBot
from .sdk import CachingAuthentication, SafeShareAdapter, authenticate_raw, fix_openid_refresh
from .storage import StorageUnavailable, storage_from
from .httpbody import read_json
from .turns import Turns
from .webchat import add_webchat

log = logging.getLogger(__name__)

CONFIG_KEY = web.AppKey("config", Config)
BOT_KEY = web.AppKey("bot", SafeShareBot)
STORAGE_KEY = web.AppKey("storage", Storage)
ADAPTER_KEY = web.AppKey("adapter", SafeShareAdapter)
TURNS_KEY = web.AppKey("turns", Turns)
SWEPT_KEY = web.AppKey("swept", asyncio.Event)  # set after each timed sweep (tests await it)
SCHEDULER_KEY = web.AppKey("reminder_scheduler", object)  # bot/reminders.py ReminderScheduler; None: no store


def _loopback(request: web.Request) -> bool:
    """The Host header names this computer: a page elsewhere that rebinds its own name to 127.0.0.1 does not."""
    try:
        host = (request.url.host or "").strip("[]").rstrip(".").lower()
    except ValueError:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_adapter(config: Config) -> SafeShareAdapter:
    fix_openid_refresh()
    auth = CachingAuthentication(ConfigurationBotFrameworkAuthentication(config))
    adapter = SafeShareAdapter(auth)
    adapter.on_turn_error = on_turn_error
    return adapter


async def on_turn_error(context: TurnContext, error: Exception) -> None:
    """The one turn-error handler, for Teams turns and the local web chat's alike."""
    reference = uuid.uuid4().hex[:8]
    # The exception's message may quote user data: log its type only.
    log.error("turn.failed", extra={"reference": reference, "error": type(error).__name__})
    try:
        await context.send_activity(
            f"Sorry, something went wrong on my side (reference {reference}). Please try again; "
            "if a child is at risk, ring the Safeguarding Hub on 0333 240 1727.")
    except Exception:  # noqa: BLE001 - the one turn-error handler; the connector may be down
        log.error("turn.apology_failed", extra={"reference": reference})


def create_bot(policy: Policy, storage: Storage | None = None, transfer: FileTransfer | None = None,
               pending: PendingPackages | None = None, local_out=None, work: WorkFolder | None = None,
                builds: PackageBuilds | None = None, reminders=None, clock=None,
                assistant: Assistant | None = None) -> SafeShareBot:
    """The bot over `policy`; `assistant`, if given, one already built over it (`safeshare chat` keeps one)."""
    limit_mb = transfer.max_bytes // (1024 * 1024) if transfer is not None else 100
    conversation = Conversation(assistant or Assistant(policy), package_limit_mb=limit_mb)
    if clock is not None:  # the tests' controllable clock: decision records, report dates, reminders
        conversation.clock = clock
    return SafeShareBot(conversation, ConversationState(storage if storage is not None else MemoryStorage()),
                        transfer, pending, local_out, work, builds=builds, reminders=reminders)


def pending_from(config: Config, work: WorkFolder | None = None) -> PendingPackages:
    """Where packages wait for the upload consent: this process, or blob storage shared by all instances."""
    if config.STORAGE == "blob" and config.AZURE_STORAGE_CONNECTION_STRING:
        return BlobPendingPackages(config.AZURE_STORAGE_CONNECTION_STRING, config.STATE_CONTAINER + "-pending",
                                   config.PACKAGE_HOLD_SECONDS, work=work)
    return PendingPackages(config.PACKAGE_HOLD_SECONDS, work)


def create_app(config: Config, policy: Policy, storage: Storage | None = None,
               transfer: FileTransfer | None = None, clock=None) -> web.Application:
    app = web.Application(client_max_size=config.MAX_BODY_BYTES)
    app[CONFIG_KEY] = config
    storage = storage if storage is not None else storage_from(config)
    app[STORAGE_KEY] = storage
    transfer = transfer or FileTransfer(config.file_hosts, config.MAX_PACKAGE_MB * 1024 * 1024)
    work = WorkFolder(config.WORK_DIR or None)
    from .reminders import reminders_from

    builds = PackageBuilds(config.BUILD_WORKERS, config.BUILD_QUEUE)
    app[BOT_KEY] = create_bot(policy, storage, transfer, pending_from(config, work), work=work, builds=builds,
                              reminders=reminders_from(config, storage), clock=clock)
    app[ADAPTER_KEY] = create_adapter(config)
    app[TURNS_KEY] = Turns(config.TURN_SECONDS)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    if config.anonymous and not config.ANONYMOUS_REMOTE:  # the browser chat at /: this computer only, no app id
        add_webchat(app, app[BOT_KEY], config, local=_loopback, on_turn_error=on_turn_error, run=app[TURNS_KEY].run)
    app.on_startup.append(_freeze_startup_objects)
    app.on_shutdown.append(_stop_turns)
    app.cleanup_ctx.append(_close_clients)  # closed last: after the sweeper and the scheduler that use them
    app.cleanup_ctx.append(_sweeper)
    app.cleanup_ctx.append(_reminder_scheduler)
    return app


async def _sweeper(app: web.Application):
    """Open the work folder (wiping what dead processes left) and sweep it and the held packages on a timer."""
    bot = app[BOT_KEY]
    work = bot.work
    if work is None:  # create_app always gives the bot a work folder
        raise RuntimeError("the bot has no work folder")
    work.open()
    app[SWEPT_KEY] = swept = asyncio.Event()

    async def sweep_forever() -> None:
        while True:
            await asyncio.sleep(app[CONFIG_KEY].SWEEP_SECONDS)
            try:
                await asyncio.to_thread(work.sweep)
                await bot.pending.sweep()
            except Exception as error:  # noqa: BLE001 - the sweeper must outlive a disk or storage hiccup
                log.warning("sweep.failed", extra={"error": type(error).__name__})
            swept.set()

    task = asyncio.create_task(sweep_forever())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    work.close()


async def _stop_turns(app: web.Application) -> None:
    """SIGTERM: aiohttp has stopped accepting; turns in flight get a few seconds, then are stopped (bot/turns.py)."""
    await app[TURNS_KEY].close()


async def _reminder_scheduler(app: web.Application):
    """Send due Hub follow-up reminders: once at start (those due while no instance ran), then on a timer."""
    from .reminders import ReminderScheduler, proactive_sender

    bot, config = app[BOT_KEY], app[CONFIG_KEY]
    if bot.reminders is None:
        app[SCHEDULER_KEY] = None
        yield
        return
    scheduler = ReminderScheduler(bot.reminders, proactive_sender(app[ADAPTER_KEY], config.APP_ID),
                                  bot.conversation.policy, bot.conversation.clock)
    app[SCHEDULER_KEY] = scheduler

    async def tick_forever() -> None:
        while True:
            try:
                await scheduler.tick()
            except Exception as error:  # noqa: BLE001 - the scheduler must outlive a storage hiccup
                log.warning("reminders.tick_failed", extra={"error": type(error).__name__})
            await asyncio.sleep(config.REMINDER_SECONDS)

    task = asyncio.create_task(tick_forever())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await bot.reminders.close()


async def _freeze_startup_objects(app: web.Application) -> None:
    # The policy, indexes and SDK modules live as long as the process: keep
    # them out of the collector's scans, which otherwise show up in turn p99.
    gc.collect()
    gc.freeze()


async def _close_clients(app: web.Application) -> AsyncIterator[None]:
    """The connector, file hosts, held packages and state store: their sessions close when the app does."""
    yield
    await app[ADAPTER_KEY].sender.close()
    await app[BOT_KEY].transfer.close()
    await app[BOT_KEY].pending.close()
    await asyncio.to_thread(app[BOT_KEY].builds.close)
    close = getattr(app[STORAGE_KEY], "close", None)
    if close is not None:
        await close()


def _problem(status: HTTPStatus, detail: str) -> web.Response:
    return web.json_response({"error": status.phrase, "detail": detail}, status=status)


def _unauthorised() -> web.Response:
    return _problem(HTTPStatus.UNAUTHORIZED, "the request is not authorised")


async def messages(request: web.Request) -> web.Response:
    """Check the cheap things first: the token before the body is turned into an Activity.

    An unauthenticated client can make us read at most MAX_BODY_BYTES for at most
    BODY_READ_SECONDS and parse it as JSON once; msrest's deserialisation and the
    turn happen only for a request the Bot Framework signed.
    """
    config = request.app[CONFIG_KEY]
    if config.anonymous and not config.ANONYMOUS_REMOTE and not _loopback(request):
        return _problem(HTTPStatus.FORBIDDEN, "anonymous local mode answers only requests to this computer "
                                              "(Host 127.0.0.1, ::1 or localhost)")
    auth_header = request.headers.get("Authorization", "")
    if not config.anonymous and not auth_header:  # refused before a byte of the body is read
        return _unauthorised()
    body = await read_json(request, config.MAX_BODY_BYTES, config.BODY_READ_SECONDS, _problem)
    if isinstance(body, web.Response):
        return body
    if not isinstance(body.get("type"), str) or not body["type"]:
        return _problem(HTTPStatus.BAD_REQUEST, "the activity has no type")
    service_url = body.get("serviceUrl")
    if not isinstance(service_url, str) or not service_url.startswith(("http://", "https://")):
        return _problem(HTTPStatus.BAD_REQUEST, "the activity has no serviceUrl")
    conversation = body.get("conversation")
    if not isinstance(conversation, dict) or not isinstance(conversation.get("id"), str):
        return _problem(HTTPStatus.BAD_REQUEST, "the activity has no conversation id")
    conversation_ref.set(hash_conversation(conversation["id"]))
    adapter = request.app[ADAPTER_KEY]
    try:
        authenticated = await authenticate_raw(adapter.bot_framework_authentication, body, auth_header)
    except PermissionError:  # CachingAuthentication turns every authentication failure into this
        return _unauthorised()
    if config.allowed_tenants and not _tenant_allowed(body, config.allowed_tenants):
        log.info("request.tenant_refused")
        return _problem(HTTPStatus.FORBIDDEN, "this tenant may not use SafeShare")
    try:
        activity = Activity().deserialize(body)
    except Exception:  # noqa: BLE001 - msrest raises many kinds on bad shapes
        return _problem(HTTPStatus.BAD_REQUEST, "the body is not a valid activity")
    if activity.type != body["type"] or activity.service_url != service_url or activity.conversation is None:
        return _problem(HTTPStatus.BAD_REQUEST, "the body is not a valid activity")
    bot, turns = request.app[BOT_KEY], request.app[TURNS_KEY]
    if turns.closing:  # a keep-alive connection's request after SIGTERM: the channel retries it elsewhere
        response = _problem(HTTPStatus.SERVICE_UNAVAILABLE, "SafeShare is restarting")
        response.headers["Retry-After"] = "5"
        return response
    try:
        invoke_response = await adapter.process_activity(authenticated, activity,
                                                         lambda context: turns.run(context, bot.on_turn))
    except Exception as error:  # noqa: BLE001 - never a 500 with a traceback
        reference = uuid.uuid4().hex[:8]
        log.error("request.failed", extra={"reference": reference, "error": type(error).__name__})
        return _problem(HTTPStatus.BAD_GATEWAY, f"the turn could not be completed (reference {reference})")
    if invoke_response is None:
        return web.Response(status=HTTPStatus.OK)
    if invoke_response.status == HTTPStatus.NOT_IMPLEMENTED:  # botbuilder's answer to an unknown invoke
        return _problem(HTTPStatus.BAD_REQUEST, "SafeShare does not handle that invoke")
    status = int(invoke_response.status or 200)
    if status >= 500:  # botbuilder's own failures inside an invoke: never passed on as a 500
        return _problem(HTTPStatus.BAD_REQUEST, "SafeShare could not handle that invoke")
    try:
        body = invoke_response.body
        if hasattr(body, "serialize"):
            body = body.serialize()
        return web.json_response(body, status=status)
    except Exception as error:  # noqa: BLE001 - e.g. an error response botbuilder cannot serialise itself
        log.info("invoke.unserialisable", extra={"error": type(error).__name__})
        return _problem(HTTPStatus.BAD_REQUEST, "SafeShare could not handle that invoke")


def _tenant_allowed(body: dict, allowed: frozenset[str]) -> bool:
    """Teams names the sender's tenant twice (channelData.tenant.id, conversation.tenantId): both must be allowed.

    Read from the raw JSON: botbuilder-schema 4.17.1 maps ConversationAccount.tenant_id to "tenantID",
    so the activity object never has the conversation's tenant. An activity naming no tenant at all is
    refused: Teams always names one.
    """
    named = []
    raw_data, raw_conversation = body.get("channelData"), body.get("conversation")
    channel_data: dict[str, Any] = raw_data if isinstance(raw_data, dict) else {}
    tenant = channel_data.get("tenant")
    if isinstance(tenant, dict) and tenant.get("id") is not None:
        named.append(tenant["id"])
    conversation: dict[str, Any] = raw_conversation if isinstance(raw_conversation, dict) else {}
    for key in ("tenantId", "tenantID"):
        if conversation.get(key) is not None:
            named.append(conversation[key])
    return bool(named) and all(isinstance(t, str) and t.strip().lower() in allowed for t in named)


async def healthz(request: web.Request) -> web.Response:
    """The process is up (liveness)."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """The process can serve turns: its state store answers (readiness)."""
    storage = request.app[STORAGE_KEY]
    ping = getattr(storage, "ping", None)
    if ping is not None:
        try:
            await ping()
        except StorageUnavailable:
            return web.json_response({"status": "unavailable", "storage": "unreachable"}, status=503)
    return web.json_response({"status": "ready", "storage": "ok"})
