"""The minute tick's loop on a fake monotonic clock (it never reads the wall clock; the tick with
wall-clock steps is in integration/test_delivery.py)."""

from __future__ import annotations

import asyncio

from fakeclock import FakeClock

from bot.ticker import Ticker


async def run_ticks(ticker: Ticker, count: int, fired: list[float]) -> None:
    """Run the ticker until it has fired `count` times, then stop it."""
    done = asyncio.Event()
    step = ticker.step

    async def counting() -> object:
        result = await step()
        if len(fired) >= count:
            done.set()
        return result

    ticker.step = counting
    ticker.start()
    await asyncio.wait_for(done.wait(), 10)
    await ticker.stopped()


async def test_fires_every_interval_of_the_monotonic_clock() -> None:
    clock = FakeClock()
    fired: list[float] = []

    async def step() -> None:
        fired.append(clock.now)

    await run_ticks(Ticker(step, 60.0, 5.0, clock=clock, sleep=clock.sleep), 5, fired)
    assert fired[:5] == [5.0, 65.0, 125.0, 185.0, 245.0]


async def test_a_step_that_overruns_is_followed_at_once_without_a_burst() -> None:
    clock = FakeClock()
    fired: list[float] = []

    async def step() -> None:
        fired.append(clock.now)
        if len(fired) == 2:
            clock.now += 150.0  # a delivery that took two and a half minutes

    await run_ticks(Ticker(step, 60.0, 5.0, clock=clock, sleep=clock.sleep), 4, fired)
    assert fired[:4] == [5.0, 65.0, 215.0, 275.0]


async def test_a_failing_step_is_logged_and_the_next_runs() -> None:
    clock = FakeClock()
    fired: list[float] = []

    async def step() -> None:
        fired.append(clock.now)
        if len(fired) == 1:
            raise RuntimeError("database locked")

    await run_ticks(Ticker(step, 60.0, 0.0, clock=clock, sleep=clock.sleep), 2, fired)
    assert fired[:2] == [0.0, 60.0]


async def test_stopping_cancels_the_running_step_at_once() -> None:
    started, cancelled = asyncio.Event(), asyncio.Event()

    async def step() -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        finally:
            cancelled.set()

    clock = FakeClock()
    ticker = Ticker(step, 60.0, 0.0, clock=clock, sleep=clock.sleep)
    ticker.start()
    await asyncio.wait_for(started.wait(), 10)
    await asyncio.wait_for(ticker.stopped(), 10)
    assert cancelled.is_set() and ticker.task is not None and ticker.task.done()
