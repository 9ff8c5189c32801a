"""Conversation state storage: botbuilder's Storage interface over SQLite or Azure Blob Storage.

Both backends keep the same promises, which botbuilder's MemoryStorage does
not: every write is conditional (an item read with an ETag is written only
if nobody changed it since; an item read as absent is created only if it is
still absent), and a lost race raises StateConflict instead of silently
overwriting. Items older than `max_age` are treated as absent and removed;
`purge()` removes them all at once. A backend that cannot be reached raises
StorageUnavailable within `timeout` seconds. Keys never reach a log.

- SqliteStorage: the embedded default, one file on local disk, so a
  restarted `safeshare serve` carries on where each conversation was.
  sqlite3 blocks, and waits up to its busy timeout for a lock another
  connection holds: every call runs on one thread of its own, never on the
  event loop, with a busy timeout of a second.
- BlobStorage: Azure Blob Storage through the current azure-storage-blob
  async client, for two or more instances (botbuilder-azure 4.17.1 pins a
  2021 client and hung against Azurite).
"""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import sqlite3
import time
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar
from collections.abc import Awaitable, Callable
from urllib.parse import quote

from botbuilder.core import Storage

from knowledge.errors import EXIT_STORAGE, SafeShareError

from .config import ConfigError
from .datafiles import data_folder, private_file

log = logging.getLogger(__name__)
T = TypeVar("T")
DEFAULT_MAX_AGE = 24 * 3600.0



async def delete_blobs(container: Any, stale: Callable[[Any], bool]) -> int:
    """Delete each blob of `container` that `stale` picks from its listing (with metadata), only if it has
    not changed since it was listed (another instance may be writing it); how many went."""
    from azure.core import MatchConditions
    from azure.core.exceptions import ResourceModifiedError, ResourceNotFoundError

    removed = 0
    async for item in container.list_blobs(include=["metadata"]):
        if stale(item):
            try:
                await container.delete_blob(item.name, etag=item.etag, match_condition=MatchConditions.IfNotModified)
                removed += 1
            except (ResourceNotFoundError, ResourceModifiedError):
                pass  # gone already, or written again since: not stale any more
    return removed

class StateConflict(SafeShareError):
    """Someone else wrote this conversation's state since it was read."""

    exit_code = EXIT_STORAGE


class StorageUnavailable(SafeShareError):
    """The state store did not answer (down, slow or refusing)."""

    exit_code = EXIT_STORAGE


def _payload(value: Any) -> str:
    item = dict(value) if isinstance(value, dict) else dict(vars(value))
    item.pop("e_tag", None)
    return json.dumps(item, separators=(",", ":"))


def _etag_of(value: Any) -> str | None:
    etag = value.get("e_tag") if isinstance(value, dict) else getattr(value, "e_tag", None)
    return etag or None


class _Guarded(Storage):
    """Timeouts and error translation shared by both backends."""

    def __init__(self, max_age: float = DEFAULT_MAX_AGE, timeout: float = 5.0,
                 clock: Callable[[], float] = time.time):
        self.max_age = max_age
        self.timeout = timeout
        self.clock = clock  # seconds since the epoch; a test moves it instead of waiting out max_age

    async def _guard(self, operation: str, work: Awaitable[T]) -> T:
        try:
            return await asyncio.wait_for(work, self.timeout)
        except (StateConflict, StorageUnavailable):
            raise
        except asyncio.TimeoutError:
            log.warning("storage.timeout", extra={"operation": operation})
            raise StorageUnavailable(f"state store timed out on {operation}") from None
        except Exception as error:  # noqa: BLE001 - any backend failure means the store is unavailable
            log.warning("storage.failed", extra={"operation": operation, "error": type(error).__name__})
            raise StorageUnavailable(f"state store failed on {operation}") from None

    async def read(self, keys: list[str]) -> dict[str, Any]:
        return await self._guard("read", self._read(list(keys or [])))

    async def write(self, changes: dict[str, Any]) -> None:
        if changes:
            await self._guard("write", self._write(dict(changes)))

    async def delete(self, keys: list[str]) -> None:
        await self._guard("delete", self._delete(list(keys or [])))

    async def purge(self) -> int:
        """Remove every item older than max_age; returns how many."""
        return await self._guard("purge", self._purge())

    async def ping(self) -> None:
        await self._guard("ping", self._ping())

    async def close(self) -> None:
        pass


class SqliteStorage(_Guarded):
    """Conversation state in one SQLite file, worked on by one thread of its own.

    One thread serialises the calls (one connection, no sharing across threads) and keeps
    the event loop free: /healthz and other conversations answer while a call waits for a
    lock. `busy_timeout` bounds that wait per statement; a locked file then raises
    StorageUnavailable, and the state stays as it was.
    """

    def __init__(self, path: str | Path, max_age: float = DEFAULT_MAX_AGE, timeout: float = 5.0,
                 busy_timeout: float = 1.0, clock: Callable[[], float] = time.time):
        super().__init__(max_age, timeout, clock)
        self.path = Path(path)
        private_file(self.path)  # 0600 in a 0700 folder before SQLite opens it (bot/datafiles.py)
        self.path.chmod(0o600)  # and a file left by an older version, made private too
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="safeshare-sqlite")
        self._db = self._thread.submit(self._open, busy_timeout).result()

    def _open(self, busy_timeout: float) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=busy_timeout)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, "
                   "data TEXT NOT NULL, updated REAL NOT NULL)")
        return db

    async def _on_thread(self, work: Callable[..., T], *args) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._thread, work, *args)

    def _cutoff(self) -> float:
        return self.clock() - self.max_age

    async def _read(self, keys: list[str]) -> dict:
        return await self._on_thread(self._read_now, keys)

    def _read_now(self, keys: list[str]) -> dict:
        out = {}
        cutoff = self._cutoff()
        for key in keys:
            row = self._db.execute("SELECT etag, data, updated FROM state WHERE key = ?", (key,)).fetchone()
            if row is None:
                continue
            if row[2] < cutoff:  # too old: gone (a write only when there is something to remove)
                self._db.execute("DELETE FROM state WHERE key = ? AND etag = ?", (key, row[0]))
                continue
            out[key] = {**json.loads(row[1]), "e_tag": row[0]}
        return out

    async def _write(self, changes: dict) -> None:
        await self._on_thread(self._write_now, changes)

    def _write_now(self, changes: dict) -> None:
        now = self.clock()
        for key, value in changes.items():
            etag, data, fresh = _etag_of(value), _payload(value), uuid.uuid4().hex
            if etag == "*":
                self._db.execute("INSERT OR REPLACE INTO state VALUES (?, ?, ?, ?)", (key, fresh, data, now))
                continue
            if etag:
                cursor = self._db.execute("UPDATE state SET etag = ?, data = ?, updated = ? WHERE key = ? AND etag = ?",
                                          (fresh, data, now, key, etag))
            else:
                cursor = self._db.execute("INSERT INTO state VALUES (?, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
                                          (key, fresh, data, now))
            if cursor.rowcount != 1:
                raise StateConflict("the conversation's state changed since it was read")

    async def _delete(self, keys: list[str]) -> None:
        await self._on_thread(self._db.executemany, "DELETE FROM state WHERE key = ?", [(k,) for k in keys])

    async def _purge(self) -> int:
        return await self._on_thread(
            lambda: self._db.execute("DELETE FROM state WHERE updated < ?", (self._cutoff(),)).rowcount)

    async def _ping(self) -> None:
        # Reads the file's schema, so a store locked by another process is reported, unlike SELECT 1.
        await self._on_thread(lambda: self._db.execute("SELECT count(*) FROM sqlite_master").fetchone())

    async def close(self) -> None:
        await self._on_thread(self._db.close)
        self._thread.shutdown(wait=False)


class BlobContainer:
    """One Azure Blob Storage container, through the azure-storage-blob async client, created on first use."""

    def __init__(self, connection_string: str, name: str, timeout: float, retries: int):
        from azure.storage.blob.aio import ContainerClient

        self.client = ContainerClient.from_connection_string(
            connection_string, name, retry_total=retries, retry_backoff_factor=0.2,
            connection_timeout=timeout, read_timeout=timeout)
        self._created = False

    async def ready(self):
        """The container client, after making sure the container exists."""
        if not self._created:
            from azure.core.exceptions import ResourceExistsError

            try:
                await self.client.create_container()
            except ResourceExistsError:
                pass
            self._created = True
        return self.client

    async def close(self) -> None:
        await self.client.close()


class BlobStorage(_Guarded):
    """One blob per conversation in one container; ETags are the blobs' own.

    Each blob's metadata says when it was written, by our clock (to the millisecond, where the
    blob's Last-Modified has whole seconds); a blob without it falls back on Last-Modified.
    """

    def __init__(self, connection_string: str, container: str = "safeshare-state",
                 max_age: float = DEFAULT_MAX_AGE, timeout: float = 5.0, clock: Callable[[], float] = time.time):
        super().__init__(max_age, timeout, clock)
        self._store = BlobContainer(connection_string, container, timeout, retries=1)
        self._container = self._store.client
        self._blobs: OrderedDict[str, Any] = OrderedDict()

    @staticmethod
    def _name(key: str) -> str:
        return quote(key, safe="")

    def _blob(self, key: str):
        """A client per conversation, kept for the next turn (building one costs about 0.5 ms)."""
        blob = self._blobs.pop(key, None)
        if blob is None:
            blob = self._container.get_blob_client(self._name(key))
        self._blobs[key] = blob
        if len(self._blobs) > 256:  # conversations mid-turn at once; each client is ~25 KB
            self._blobs.popitem(last=False)
        return blob

    def _expired(self, metadata: dict[str, str] | None, last_modified: dt.datetime | None) -> bool:
        try:
            written = float((metadata or {})["written"])
        except (KeyError, ValueError):
            if last_modified is None:
                return False
            written = last_modified.timestamp()
        return self.clock() - written > self.max_age

    async def _read(self, keys: list[str]) -> dict:
        from azure.core import MatchConditions
        from azure.core.exceptions import ResourceModifiedError, ResourceNotFoundError

        await self._store.ready()
        out = {}
        for key in keys:
            blob = self._blob(key)
            try:
                downloader = await blob.download_blob()
                data = await downloader.readall()
            except ResourceNotFoundError:
                continue
            props = downloader.properties
            if self._expired(props.metadata, props.last_modified):
                try:
                    await blob.delete_blob(etag=props.etag, match_condition=MatchConditions.IfNotModified)
                except (ResourceNotFoundError, ResourceModifiedError):
                    pass
                continue
            out[key] = {**json.loads(data), "e_tag": props.etag}
        return out

    async def _write(self, changes: dict) -> None:
        from azure.core import MatchConditions
        from azure.core.exceptions import ResourceExistsError, ResourceModifiedError, ResourceNotFoundError

        await self._store.ready()
        for key, value in changes.items():
            blob = self._blob(key)
            etag, data = _etag_of(value), _payload(value).encode()
            written = {"written": f"{self.clock():.3f}"}
            try:
                if etag == "*":
                    await blob.upload_blob(data, overwrite=True, metadata=written)
                elif etag:
                    await blob.upload_blob(data, overwrite=True, metadata=written, etag=etag,
                                           match_condition=MatchConditions.IfNotModified)
                else:
                    await blob.upload_blob(data, overwrite=False, metadata=written)
            except (ResourceExistsError, ResourceModifiedError, ResourceNotFoundError):
                raise StateConflict("the conversation's state changed since it was read") from None

    async def _delete(self, keys: list[str]) -> None:
        from azure.core.exceptions import ResourceNotFoundError

        await self._store.ready()
        for key in keys:
            try:
                await self._container.delete_blob(self._name(key))
            except ResourceNotFoundError:
                pass

    async def _purge(self) -> int:
        await self._store.ready()
        return await delete_blobs(self._container, lambda item: self._expired(item.metadata, item.last_modified))

    async def _ping(self) -> None:
        await self._store.ready()
        await self._container.get_container_properties()

    async def close(self) -> None:
        await self._store.close()


def storage_from(config) -> _Guarded:
    """The backend the configuration names (see bot/config.py)."""
    max_age = config.STATE_MAX_AGE_HOURS * 3600.0
    if config.STORAGE == "blob":
        if not config.AZURE_STORAGE_CONNECTION_STRING:
            raise ConfigError("SAFESHARE_STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING")
        return BlobStorage(config.AZURE_STORAGE_CONNECTION_STRING, config.STATE_CONTAINER, max_age)
    return SqliteStorage(state_file(config), max_age)


def state_file(config) -> str:
    """SAFESHARE_STATE_FILE, else state.sqlite3 in the user's data folder: the same file wherever
    serve, chat or purge is run from (a daily purge must not find an empty file in another folder)."""
    return config.STATE_FILE or str(data_folder() / "state.sqlite3")
