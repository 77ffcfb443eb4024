"""A monotonic clock for limiter tests: time moves only when something sleeps on it."""

from __future__ import annotations

import asyncio


class FakeClock:
    """Monotonic time that moves only when something sleeps on it."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)
