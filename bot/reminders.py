"""Hub follow-up reminders: kept in the state store, sent proactively by a scheduler inside `serve`.

A reminder holds an id, its due time, the 48-hour deadline, its state and the
address a proactive message needs (service URL, channel, conversation id,
tenant, the user's and the bot's channel ids): never a name, the question or
anything about the child. It lives beside the conversation state (the same
SQLite file, or a `<container>-reminders` container beside the state's in
Azure Blob Storage) but not among it: conversation state expires after a day,
a reminder must last 48 hours, and `safeshare purge` must not remove one.

Delivery is at most once, across instances: a due reminder is claimed by
one conditional write (pending -> sending, on the ETag read) before it is
sent; whoever loses the race skips it. A connector that refuses (an HTTP
status) puts the reminder back for a later tick, at most MAX_ATTEMPTS
times; one that never answers leaves it failed, since it may have got it.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
import sqlite3
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any
from collections.abc import Awaitable, Callable

from dialogs import reminder as words
from dialogs.reminder import Action, ReminderRequest, ReminderView, State

from .datafiles import private_file
from .storage import BlobContainer, StorageUnavailable, delete_blobs

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_AFTER = dt.timedelta(minutes=5)
KEEP_DONE = dt.timedelta(days=7)  # sent and cancelled reminders are forgotten after this


@dataclass(frozen=True, slots=True)
class Address:
    """Where a proactive message goes: what continue_conversation needs, and no name."""

    service_url: str
    channel_id: str
    conversation_id: str
    user_id: str
    bot_id: str
    tenant_id: str = ""


@dataclass(frozen=True, slots=True)
class Reminder:
    id: str
    due: dt.datetime
    deadline: dt.datetime
    state: State
    address: Address
    attempts: int = 0
    updated: dt.datetime | None = None

    def view(self) -> ReminderView:
        return ReminderView(self.id, self.due, self.deadline, self.state)

    def dump(self) -> str:
        data = asdict(self)
        data.update(due=self.due.isoformat(), deadline=self.deadline.isoformat(), state=self.state.value,
                    updated=self.updated.isoformat() if self.updated else None)
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def load(cls, raw: str | bytes) -> Reminder:
        data = json.loads(raw)
        return cls(data["id"], dt.datetime.fromisoformat(data["due"]), dt.datetime.fromisoformat(data["deadline"]),
                   State(data["state"]), Address(**data["address"]), int(data.get("attempts") or 0),
                   dt.datetime.fromisoformat(data["updated"]) if data.get("updated") else None)


def reminder_id(address: Address, since: dt.datetime) -> str:
    """One reminder per escalation and person: the same offer pressed twice moves it, never makes two."""
    key = "\n".join((address.conversation_id, address.user_id, words.stamp(since)))
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def _user_key(user_id: str) -> str:
    return hashlib.sha256(user_id.encode()).hexdigest()[:32]


class ReminderStore:
    """Compare-and-swap over one record per reminder; the backends give load, put and scans."""

    def __init__(self, timeout: float = 5.0):
        self.timeout = timeout

    async def _guard(self, operation: str, work: Awaitable):
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a cancellation that arrives as
        # the work completes, and the scheduler's task would then never stop at shutdown.
        try:
            async with asyncio.timeout(self.timeout):
                return await work
        except StorageUnavailable:
            raise
        except TimeoutError:
            log.warning("reminders.timeout", extra={"operation": operation})
            raise StorageUnavailable(f"reminder store timed out on {operation}") from None
        except Exception as error:  # noqa: BLE001 - any backend failure means the store is unavailable
            log.warning("reminders.failed", extra={"operation": operation, "error": type(error).__name__})
            raise StorageUnavailable(f"reminder store failed on {operation}") from None

    # What each backend gives (SQLite, blobs): one record per reminder, written by compare-and-swap.
    async def _load(self, rid: str) -> tuple[Reminder, str] | None:
        """The reminder and its ETag, or None."""
        raise NotImplementedError

    async def _put(self, reminder: Reminder, etag: str | None) -> bool:
        """Write it if the stored ETag is still `etag` (None: only if there is none); whether it was written."""
        raise NotImplementedError

    async def _due(self, now: dt.datetime) -> list[Reminder]:
        raise NotImplementedError

    async def _of_user(self, user_id: str) -> list[Reminder]:
        raise NotImplementedError

    async def _remove_done(self, before: dt.datetime) -> int:
        raise NotImplementedError

    async def get(self, rid: str) -> Reminder | None:
        loaded = await self._guard("get", self._load(rid))
        return loaded[0] if loaded else None

    async def set(self, reminder: Reminder) -> Reminder | None:
        """Create it, or move one of this escalation still waiting (or cancelled) to the new time.

        Returns the reminder as kept, or None if it was already sent or being sent."""
        for _ in range(3):
            loaded = await self._guard("get", self._load(reminder.id))
            if loaded is None:
                if await self._guard("put", self._put(reminder, None)):
                    return reminder
                continue
            current, etag = loaded
            if current.state not in (State.PENDING, State.CANCELLED) or current.address.user_id != reminder.address.user_id:
                return None
            moved = replace(current, due=reminder.due, state=State.PENDING, attempts=0, updated=reminder.updated)
            if await self._guard("put", self._put(moved, etag)):
                return moved
        return None

    async def of_user(self, user_id: str) -> list[Reminder]:
        return await self._guard("list", self._of_user(user_id))

    async def due(self, now: dt.datetime) -> list[Reminder]:
        return await self._guard("due", self._due(now))

    async def cancel(self, rid: str, user_id: str) -> tuple[str, Reminder | None]:
        """(outcome, reminder): cancelled, already_cancelled, sent, not_yours or unknown."""
        for _ in range(3):
            loaded = await self._guard("get", self._load(rid))
            if loaded is None:
                return "unknown", None
            current, etag = loaded
            if current.address.user_id != user_id:
                return "not_yours", None  # nothing of someone else's reminder is shown
            if current.state is State.CANCELLED:
                return "already_cancelled", current
            if current.state is not State.PENDING:
                return "sent", current
            if await self._guard("put", self._put(replace(current, state=State.CANCELLED), etag)):
                return "cancelled", current
        return "unknown", None

    async def claim(self, rid: str, now: dt.datetime) -> Reminder | None:
        """Pending -> sending, by one conditional write: the caller alone may send it."""
        loaded = await self._guard("get", self._load(rid))
        if loaded is None or loaded[0].state is not State.PENDING or loaded[0].due > now:
            return None
        claimed = replace(loaded[0], state=State.SENDING, attempts=loaded[0].attempts + 1, updated=now)
        return claimed if await self._guard("put", self._put(claimed, loaded[1])) else None

    async def finish(self, claimed: Reminder, state: State, due: dt.datetime | None = None) -> None:
        """Sending -> sent, failed, or pending again (a later due time) after a refusal."""
        loaded = await self._guard("get", self._load(claimed.id))
        if loaded is None or loaded[0].state is not State.SENDING:
            return
        await self._guard("put", self._put(replace(loaded[0], state=state, due=due or loaded[0].due), loaded[1]))

    async def forget_done(self, before: dt.datetime) -> int:
        return await self._guard("forget", self._remove_done(before))

    async def close(self) -> None:
        pass


class SqliteReminders(ReminderStore):
    """A `reminders` table in the state's SQLite file (or ":memory:" for the terminal chat), on a thread of its own."""

    def __init__(self, path: str | Path, timeout: float = 5.0, busy_timeout: float = 1.0):
        super().__init__(timeout)
        self.path = str(path)
        if self.path != ":memory:":
            private_file(self.path)  # 0600 in a 0700 folder before SQLite opens it (bot/datafiles.py)
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="safeshare-reminders")
        self._db = self._thread.submit(self._open, busy_timeout).result()

    def _open(self, busy_timeout: float) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=busy_timeout)
        if self.path != ":memory:":
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS reminders (id TEXT PRIMARY KEY, etag TEXT NOT NULL, "
                   "state TEXT NOT NULL, due REAL NOT NULL, user TEXT NOT NULL, updated REAL NOT NULL, "
                   "data TEXT NOT NULL)")
        db.execute("CREATE INDEX IF NOT EXISTS reminders_due ON reminders (state, due)")
        return db

    async def _run(self, work: Callable, *args):
        return await asyncio.get_running_loop().run_in_executor(self._thread, work, *args)

    async def _load(self, rid: str) -> tuple[Reminder, str] | None:
        row = await self._run(lambda: self._db.execute("SELECT data, etag FROM reminders WHERE id = ?",
                                                       (rid,)).fetchone())
        return (Reminder.load(row[0]), row[1]) if row else None

    async def _put(self, reminder: Reminder, etag: str | None) -> bool:
        fresh = uuid.uuid4().hex
        values = (fresh, reminder.state.value, reminder.due.timestamp(), _user_key(reminder.address.user_id),
                  (reminder.updated or dt.datetime.now(dt.timezone.utc)).timestamp(), reminder.dump())
        args: tuple[object, ...]
        if etag is None:
            sql = ("INSERT INTO reminders (etag, state, due, user, updated, data, id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT(id) DO NOTHING")
            args = values + (reminder.id,)
        else:  # one statement: two processes on one file cannot both pass it with the same ETag
            sql = "UPDATE reminders SET etag = ?, state = ?, due = ?, user = ?, updated = ?, data = ? WHERE id = ? AND etag = ?"
            args = values + (reminder.id, etag)
        return await self._run(lambda: self._db.execute(sql, args).rowcount == 1)

    async def _rows(self, sql: str, args: tuple) -> list[Reminder]:
        rows = await self._run(lambda: self._db.execute(sql, args).fetchall())
        return [Reminder.load(r[0]) for r in rows]

    async def _due(self, now: dt.datetime) -> list[Reminder]:
        return await self._rows("SELECT data FROM reminders WHERE state = 'pending' AND due <= ? ORDER BY due",
                                (now.timestamp(),))

    async def _of_user(self, user_id: str) -> list[Reminder]:
        return await self._rows("SELECT data FROM reminders WHERE user = ? ORDER BY due", (_user_key(user_id),))

    async def _remove_done(self, before: dt.datetime) -> int:
        return await self._run(lambda: self._db.execute(
            "DELETE FROM reminders WHERE state IN ('sent', 'cancelled', 'failed') AND updated < ?",
            (before.timestamp(),)).rowcount)

    async def close(self) -> None:
        await self._run(self._db.close)
        self._thread.shutdown(wait=False)


class BlobReminders(ReminderStore):
    """One blob per reminder; its state, due time and a hash of the user id in metadata, so scans read no body."""

    def __init__(self, connection_string: str, container: str, timeout: float = 5.0):
        super().__init__(timeout)
        self._store = BlobContainer(connection_string, container, timeout, retries=1)

    @staticmethod
    def _metadata(reminder: Reminder) -> dict[str, str]:
        return {"state": reminder.state.value, "due": str(reminder.due.timestamp()),
                "user": _user_key(reminder.address.user_id),
                "updated": str((reminder.updated or dt.datetime.now(dt.timezone.utc)).timestamp())}

    async def _load(self, rid: str) -> tuple[Reminder, str] | None:
        from azure.core.exceptions import ResourceNotFoundError

        container = await self._store.ready()
        try:
            downloader = await container.get_blob_client(rid).download_blob()
            data = await downloader.readall()
        except ResourceNotFoundError:
            return None
        return Reminder.load(data), downloader.properties.etag

    async def _put(self, reminder: Reminder, etag: str | None) -> bool:
        from azure.core import MatchConditions
        from azure.core.exceptions import ResourceExistsError, ResourceModifiedError, ResourceNotFoundError

        blob = (await self._store.ready()).get_blob_client(reminder.id)
        data, metadata = reminder.dump().encode(), self._metadata(reminder)
        try:
            if etag is None:
                await blob.upload_blob(data, overwrite=False, metadata=metadata)
            else:
                await blob.upload_blob(data, overwrite=True, metadata=metadata, etag=etag,
                                       match_condition=MatchConditions.IfNotModified)
        except (ResourceExistsError, ResourceModifiedError, ResourceNotFoundError):
            return False
        return True

    async def _scan(self, keep: Callable[[dict], bool]) -> list[Reminder]:
        container = await self._store.ready()
        found = []
        async for item in container.list_blobs(include=["metadata"]):
            if keep(item.metadata or {}):
                loaded = await self._load(item.name)
                if loaded is not None:
                    found.append(loaded[0])
        return sorted(found, key=lambda r: r.due)

    async def _due(self, now: dt.datetime) -> list[Reminder]:
        cutoff = now.timestamp()
        return [r for r in await self._scan(lambda m: m.get("state") == "pending" and float(m.get("due", "inf")) <= cutoff)
                if r.state is State.PENDING]

    async def _of_user(self, user_id: str) -> list[Reminder]:
        key = _user_key(user_id)
        return [r for r in await self._scan(lambda m: m.get("user") == key) if r.address.user_id == user_id]

    async def _remove_done(self, before: dt.datetime) -> int:
        def done(item: Any) -> bool:
            meta = item.metadata or {}
            return meta.get("state") in ("sent", "cancelled", "failed") \
                and float(meta.get("updated", "inf")) < before.timestamp()

        return await delete_blobs(await self._store.ready(), done)

    async def close(self) -> None:
        await self._store.close()


def reminders_from(config, storage) -> ReminderStore | None:
    """The reminder store beside the conversation state: its SQLite file, or its blob account."""
    from .storage import BlobStorage, SqliteStorage

    if isinstance(storage, SqliteStorage):
        return SqliteReminders(storage.path)
    if isinstance(storage, BlobStorage) and config.AZURE_STORAGE_CONNECTION_STRING:
        return BlobReminders(config.AZURE_STORAGE_CONNECTION_STRING, config.STATE_CONTAINER + "-reminders")
    # A store of the caller's own (MemoryStorage, or blobs the configuration does not name): the
    # conversation's own words say reminders are not kept here, and give the deadline for a calendar.
    return None


# -- a turn's reminder requests ---------------------------------------------------
def address_of(activity) -> Address:
    """The proactive address of a turn's activity: ids only."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = channel_data.get("tenant")
    tenant = tenant if isinstance(tenant, dict) else {}
    tenant_id = tenant.get("id") or getattr(activity.conversation, "tenant_id", None) or ""
    return Address(activity.service_url or "", activity.channel_id or "", activity.conversation.id,
                   activity.from_property.id if activity.from_property else "",
                   activity.recipient.id if activity.recipient else "", str(tenant_id))


async def fulfil(store: ReminderStore | None, messages: list, address: Address, now: dt.datetime) -> list:
    """Each message carrying a reminder request is replaced by what happened to it in the store."""
    out = []
    for message in messages:
        request: ReminderRequest | None = getattr(message, "reminder", None)
        if request is None or store is None or not address.user_id:
            out.append(message)
            continue
        if request.action is Action.SET and not address.service_url:  # the local web chat: nowhere to send it later
            out.append(words.request_message(request))
            continue
        try:
            out.append(await _fulfil_one(store, request, address, now))
        except StorageUnavailable:
            log.warning("reminder.unavailable", extra={"action": request.action.value})
            out.append(words.unavailable_message(request))
    return out


async def _fulfil_one(store: ReminderStore, request: ReminderRequest, address: Address, now: dt.datetime):
    if request.action is Action.LIST:
        return words.list_message([r.view() for r in await store.of_user(address.user_id)])
    if request.action is Action.CANCEL:
        outcome, kept = await store.cancel(request.id, address.user_id)
        log.info("reminder.cancel", extra={"outcome": outcome})
        return words.cancel_outcome_message(outcome, kept.view() if kept else None)
    if request.since is None or request.due is None or request.deadline is None:
        return words.request_message(request)  # a SET always has its times; without them nothing is kept
    rid = reminder_id(address, request.since)
    waiting = [r for r in await store.of_user(address.user_id) if r.state is State.PENDING and r.id != rid]
    if len(waiting) >= words.MAX_PENDING:
        return words.too_many_message()
    kept = await store.set(Reminder(rid, request.due, request.deadline, State.PENDING, address,
                                    updated=now.astimezone(dt.timezone.utc)))
    if kept is None:
        return words.cancel_outcome_message("sent", None)
    log.info("reminder.set", extra={"reminder": rid})
    return words.set_message(kept.view(), delivers=address.channel_id != "terminal")


# -- the scheduler ------------------------------------------------------------------
Send = Callable[[Address, Any], Awaitable[None]]


class ReminderScheduler:
    """Sends due reminders on each tick; the clock is injected, so tests move time instead of sleeping."""

    def __init__(self, store: ReminderStore, send: Send, policy, clock: Callable[[], dt.datetime]):
        self.store, self.send, self.policy, self.clock = store, send, policy, clock

    async def tick(self) -> int:
        """Send every reminder due by now that this instance can claim; returns how many it sent."""
        now = self.clock()
        sent = 0
        for reminder in await self.store.due(now):
            claimed = await self.store.claim(reminder.id, now)
            if claimed is None:  # another instance has it, or it was cancelled meanwhile
                continue
            outcome = await self._deliver(claimed, now)
            sent += outcome is State.SENT
        await self.store.forget_done(now - KEEP_DONE)
        return sent

    async def _deliver(self, claimed: Reminder, now: dt.datetime) -> State:
        from .sdk import ConnectorError

        late = now > claimed.deadline
        try:
            await self.send(claimed.address, words.due_message(self.policy, claimed.view(), now))
        except ConnectorError as error:
            refused = error.status is not None  # an answer: it did not take it; no answer: it may have
            state = State.PENDING if refused and claimed.attempts < MAX_ATTEMPTS else State.FAILED
            await self.store.finish(claimed, state, due=now + RETRY_AFTER if state is State.PENDING else None)
            log.warning("reminder.not_sent", extra={"reminder": claimed.id, "status": error.status,
                                                    "attempt": claimed.attempts, "state": state.value})
            return state
        except Exception as error:  # noqa: BLE001 - an unexpected failure: never sent twice, never lost silently
            await self.store.finish(claimed, State.FAILED)
            log.error("reminder.failed", extra={"reminder": claimed.id, "error": type(error).__name__})
            return State.FAILED
        await self.store.finish(claimed, State.SENT)
        log.info("reminder.sent", extra={"reminder": claimed.id, "late": late})
        return State.SENT


def proactive_sender(adapter, app_id: str) -> Send:
    """Send a message to a stored address through the adapter's continue_conversation (a proactive turn)."""
    from botbuilder.core import TurnContext
    from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationReference

    from .handler import to_activity

    async def send(address: Address, message) -> None:
        reference = ConversationReference(
            channel_id=address.channel_id, service_url=address.service_url,
            conversation=ConversationAccount(id=address.conversation_id, tenant_id=address.tenant_id or None),
            user=ChannelAccount(id=address.user_id), bot=ChannelAccount(id=address.bot_id))
        failure: list[BaseException] = []

        async def new_message(context: TurnContext, activities, next_send):
            for activity in activities:
                activity.reply_to_id = None  # a new message in the chat, not a reply to the continuation event
            return await next_send()

        async def callback(context: TurnContext) -> None:
            # Caught here: run_pipeline would hand an error to on_turn_error, which apologises into the chat.
            context.on_send_activities(new_message)
            activity = to_activity(message)
            if address.tenant_id:
                activity.channel_data = {"tenant": {"id": address.tenant_id}}
            try:
                await context.send_activity(activity)
            except Exception as error:  # noqa: BLE001 - passed to the scheduler, which decides what it means
                failure.append(error)

        await adapter.continue_conversation(reference, callback, bot_app_id=app_id or None)
        if failure:
            raise failure[0]

    return send
