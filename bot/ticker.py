"""The minute tick's loop: fires by the monotonic clock, never by the wall clock.

Why not PTB's JobQueue: APScheduler schedules its runs on the wall clock, so a clock stepped back
delays every run by the step (4 minutes back: deliveries 5 minutes late; an hour back: none for
an hour), and its shutdown waits for a running job, however long a delivery takes. Here each
pause is a monotonic sleep, and the step itself reads the wall clock to decide what is due, so a
step of the wall clock either way delays nothing by more than an interval. Stopping cancels the
running step at once (the delivery gives back what it did not send).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

from bot.throttle import Clock, Sleep

log = logging.getLogger(__name__)


class Ticker:
    """Runs `step` `first` seconds after start, then every `interval` seconds, one run at a time.

    A step that overruns its interval is followed by the next one at once, never by a burst of
    the runs it missed.
    """

    def __init__(
        self,
        step: Callable[[], Awaitable[object]],
        interval: float = 60.0,
        first: float = 5.0,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.step = step
        self.interval = interval
        self.first = first
        self.clock = clock
        self.sleep = sleep
        self.task: asyncio.Task[None] | None = None

    def start(self) -> asyncio.Task[None]:
        self.task = asyncio.create_task(self.run(), name="minute-tick")
        return self.task

    async def run(self) -> None:
        due = self.clock() + self.first
        while True:
            await self.sleep(max(0.0, due - self.clock()))
            try:
                await self.step()
            except Exception:
                log.exception("the minute tick failed; the next one runs as usual")
            due = max(due + self.interval, self.clock())

    def cancel(self) -> None:
        """Stop at once (safe to call from a signal handler); `stopped()` waits for the step to wind up."""
        if self.task is not None:
            self.task.cancel()

    async def stopped(self) -> None:
        """Cancel, and wait until the running step (if any) has settled what it claimed."""
        if self.task is None:
            return
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task
