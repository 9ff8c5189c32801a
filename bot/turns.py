"""Every turn has a deadline, and shutdown ends the turns still running, cleanly.

A turn that runs past TURN_SECONDS (a stalled download, a slow connector)
is stopped: its work folder goes with it (the `with` blocks that made it
unwind), and the user is told, in the same conversation, that nothing was
kept and to send it again. The default is below the 30 s a container
platform gives a process between SIGTERM and SIGKILL, as the README says.

On SIGTERM aiohttp stops accepting, then calls on_shutdown, where each turn
still running gets at most DRAIN_SECONDS more, then the same stop and message
(saying SafeShare is restarting). So the process exits in about
DRAIN_SECONDS + NOTICE_SECONDS, however long a download would have taken.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

DRAIN_SECONDS = 5.0  # what a turn in flight still gets after SIGTERM (a quick answer finishes)
NOTICE_SECONDS = 5.0  # for the "stopped" message to reach the connector
SHUTDOWN_SECONDS = 20.0  # aiohttp's own backstop (shutdown_timeout): then it cancels outright


class Turns:
    """The turns in flight, each under its deadline."""

    def __init__(self, deadline: float, drain: float = DRAIN_SECONDS):
        self.deadline = deadline
        self.drain = drain
        self.closing = False
        self._scopes: set[asyncio.Timeout] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    def __len__(self) -> int:
        return len(self._scopes)

    async def run(self, context, logic: Callable[[object], Awaitable[None]]) -> None:
        """Run logic(context) within the deadline; past it (or at shutdown) stop it and tell the user."""
        scope = asyncio.timeout(self.deadline if not self.closing else self.drain)
        try:
            async with scope:
                self._scopes.add(scope)
                self._idle.clear()
                try:
                    await logic(context)
                finally:
                    self._scopes.discard(scope)
                    if not self._scopes:
                        self._idle.set()
        except TimeoutError:
            if not scope.expired():
                raise  # somebody else's timeout: not ours to explain
            await self._tell(context)

    async def _tell(self, context) -> None:
        from botbuilder.schema import Activity, ActivityTypes

        if self.closing:
            log.warning("turn.stopped", extra={"reason": "shutdown"})
            text = ("SafeShare is restarting, so I stopped what I was doing for your last message. Nothing was kept. "
                    "Please send it again in a minute.")
        else:
            log.warning("turn.stopped", extra={"reason": "deadline", "s": self.deadline})
            text = (f"That took more than {self.deadline:g} seconds, so I stopped. Nothing was kept. Please send it "
                    "again; if it was a large file, try a smaller one or send it again in a few minutes.")
        try:
            async with asyncio.timeout(NOTICE_SECONDS):
                await context.send_activity(Activity(type=ActivityTypes.message, text=text))
        except Exception as error:  # noqa: BLE001 - the connector may be the slow part; the stop is logged above
            log.warning("turn.stop_not_told", extra={"error": type(error).__name__})

    async def close(self) -> None:
        """Shutdown: no new turns; those in flight get `drain` seconds more, then are stopped."""
        self.closing = True
        if not self._scopes:
            return
        log.info("turns.draining", extra={"count": len(self._scopes)})
        until = asyncio.get_running_loop().time() + self.drain
        for scope in list(self._scopes):
            when = scope.when()
            if when is None or when > until:
                scope.reschedule(until)
        await self._idle.wait()
