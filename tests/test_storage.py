"""Conversation state stores: the same contract for SQLite and Azure Blob Storage (Azurite)."""
from __future__ import annotations

import asyncio
import time

import pytest

from bot.storage import BlobStorage, SqliteStorage, StateConflict, StorageUnavailable

from .azurite import Azurite, free_port


@pytest.fixture(scope="module")
def azurite(tmp_path_factory):
    if not __import__("shutil").which("azurite-blob") and not __import__("os").environ.get("CI"):
        pytest.skip("Azurite is not installed (npm install -g azurite)")
    server = Azurite(tmp_path_factory.mktemp("azurite")).start()
    yield server
    server.stop()


_containers = iter(range(10**6))


@pytest.fixture(params=["sqlite", "blob"])
async def store(request, tmp_path):
    def make(**options):
        if request.param == "sqlite":
            return SqliteStorage(tmp_path / "state.sqlite3", **options)
        server = request.getfixturevalue("azurite")
        return BlobStorage(server.connection_string, f"test-{next(_containers)}", **options)
    made = []

    def factory(**options):
        made.append(make(**options))
        return made[-1]
    yield factory
    for s in made:
        await s.close()


async def test_create_read_conditional_write_delete(store):
    s = store()
    assert await s.read(["conv/1"]) == {}
    await s.write({"conv/1": {"safeshare": {"check": None}}})
    with pytest.raises(StateConflict):  # created by someone else meanwhile
        await s.write({"conv/1": {"safeshare": {"check": "mine"}}})
    first = (await s.read(["conv/1"]))["conv/1"]
    assert first["safeshare"] == {"check": None} and first["e_tag"]
    await s.write({"conv/1": {"safeshare": {"check": "a"}, "e_tag": first["e_tag"]}})
    with pytest.raises(StateConflict):  # written with a stale ETag: never a silent overwrite
        await s.write({"conv/1": {"safeshare": {"check": "b"}, "e_tag": first["e_tag"]}})
    assert (await s.read(["conv/1"]))["conv/1"]["safeshare"] == {"check": "a"}
    await s.write({"conv/1": {"safeshare": {"check": "forced"}, "e_tag": "*"}})
    assert (await s.read(["conv/1"]))["conv/1"]["safeshare"] == {"check": "forced"}
    await s.delete(["conv/1", "never-there"])
    assert await s.read(["conv/1"]) == {}
    await s.ping()


async def test_old_state_is_dropped_and_purged(store):
    now = [time.time()]
    s = store(max_age=3600, clock=lambda: now[0])
    await s.write({"old-1": {"v": 1}, "old-2": {"v": 2}})
    now[0] += 3599
    await s.write({"new": {"v": 3}})
    assert set(await s.read(["old-1", "old-2", "new"])) == {"old-1", "old-2", "new"}  # not yet too old
    now[0] += 2
    assert await s.read(["old-1"]) == {}  # too old: treated as absent, and removed
    assert await s.purge() == 1  # old-2
    assert set((await s.read(["old-1", "old-2", "new"]))) == {"new"}


async def test_one_of_two_racing_writes_wins(store):
    s = store()
    await s.write({"race": {"n": 0}})
    etag = (await s.read(["race"]))["race"]["e_tag"]
    results = await asyncio.gather(*(s.write({"race": {"n": i, "e_tag": etag}}) for i in (1, 2)),
                                   return_exceptions=True)
    assert sorted(type(r).__name__ for r in results) == ["NoneType", "StateConflict"]


async def test_an_unreachable_blob_store_fails_fast_and_clearly():
    port = free_port()  # nothing listens here
    s = BlobStorage(f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;"
                    f"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;", timeout=2)
    started = time.monotonic()
    with pytest.raises(StorageUnavailable) as caught:
        await s.read(["conv"])
    assert time.monotonic() - started < 5
    assert "devstoreaccount1" not in str(caught.value) and str(port) not in str(caught.value)
    await s.close()


def test_sqlite_file_is_private(tmp_path):
    s = SqliteStorage(tmp_path / "state.sqlite3")
    assert (tmp_path / "state.sqlite3").stat().st_mode & 0o077 == 0
    asyncio.run(s.close())


async def test_the_state_file_and_its_wal_and_shm_are_0600_under_umask_022(tmp_path):
    """Conversation state is personal data: no moment where another user on the machine can read it."""
    import os
    import stat

    old = os.umask(0o022)
    try:
        path = tmp_path / "state.sqlite3"
        store = SqliteStorage(path)
        await store.write({"conv": {"check": {"step": 1}}})
        await store.read(["conv"])
        files = [path, tmp_path / "state.sqlite3-wal", tmp_path / "state.sqlite3-shm"]
        assert all(f.exists() for f in files)
        assert [oct(stat.S_IMODE(f.stat().st_mode)) for f in files] == ["0o600"] * 3
        await store.close()
        existing = tmp_path / "old.sqlite3"
        existing.touch(mode=0o644)
        store = SqliteStorage(existing)  # one made by an earlier version is tightened
        await store.write({"conv": {"v": 1}})
        assert stat.S_IMODE(existing.stat().st_mode) == 0o600
        assert stat.S_IMODE((tmp_path / "old.sqlite3-wal").stat().st_mode) == 0o600
        await store.close()
    finally:
        os.umask(old)
