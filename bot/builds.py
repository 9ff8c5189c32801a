"""Package builds on a pool of their own: a few threads, a bounded queue, one package per user at a time.

py7zr and pyzipper are CPU and disk work on a thread. On the event loop's
default executor they would share its threads with everything else that
runs there, so six people packaging 90 MB files could hold up a seventh's
`help`. Here they have `workers` threads to themselves, at most `queue`
more package turns wait behind them, and a person has one package in the
making at a time: anyone over those limits is told to wait, at once,
rather than queued without end.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar
from collections.abc import AsyncIterator, Callable

log = logging.getLogger(__name__)

T = TypeVar("T")


class BuildsBusy(Exception):
    """A package cannot be started now; the message is for the user."""


class PackageBuilds:
    """A bounded pool for package builds, with a per-user limit."""

    def __init__(self, workers: int = 2, queue: int = 8):
        if workers < 1 or queue < 0:
            raise ValueError("workers must be 1 or more and queue 0 or more")
        self.workers = workers
        self.capacity = workers + queue  # package turns in progress at once: building or waiting to
        self._executor: ThreadPoolExecutor | None = None
        self._users: set[str] = set()
        self.waiting = 0  # builds handed over but not yet on a thread

    @property
    def in_progress(self) -> int:
        """Package turns holding a place (fetching their files, waiting for a thread, or building)."""
        return len(self._users)

    @contextlib.asynccontextmanager
    async def slot(self, user: str) -> AsyncIterator[None]:
        """Hold a place for `user`'s package (download and build), or raise BuildsBusy saying why not."""
        if user in self._users:
            log.info("package.busy", extra={"reason": "user"})
            raise BuildsBusy("I am still making your last package. Please wait for it (the password comes "
                             "with it), then send the next file.")
        if len(self._users) >= self.capacity:
            log.info("package.busy", extra={"reason": "queue", "count": len(self._users)})
            raise BuildsBusy("I am making packages for a lot of people just now. Nothing was kept; please "
                             "send the file again in a minute or two.")
        self._users.add(user)
        try:
            yield
        finally:
            self._users.discard(user)

    async def run(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """fn(*args, **kwargs) on a build thread.

        A thread cannot be stopped: if the turn is cancelled (its deadline, or
        shutdown) while fn runs, this waits for fn to finish before passing the
        cancellation on, so the caller's work folder is removed only once
        nothing writes to it any more. A build still waiting for a thread is
        simply dropped.
        """
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="safeshare-build")
        loop = asyncio.get_running_loop()

        def started() -> T:
            loop.call_soon_threadsafe(self._started)  # counted on the loop's thread only
            return fn(*args, **kwargs)

        self.waiting += 1
        submitted = self._executor.submit(started)
        future = asyncio.wrap_future(submitted)
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError:
            if submitted.cancel():
                self.waiting -= 1
            else:
                while not future.done():
                    with contextlib.suppress(asyncio.CancelledError):
                        await asyncio.wait([future])
                if not future.cancelled():
                    future.exception()  # retrieved: the turn is gone, the result is of no use
            raise

    def _started(self) -> None:
        self.waiting -= 1

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
