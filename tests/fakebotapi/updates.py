"""The queue of updates the bot fetches with getUpdates: offsets, allowed_updates and long polling.

Why: the bot must be driven through real long polling, and a pushed update must end a waiting
poll at once, so tests wait for replies instead of for poll intervals.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

from fakebotapi.wire import Drop

MAX_POLL_TIMEOUT = 2.0
"""Seconds a long poll is held at most, whatever the client asked: stopping never waits longer."""


class UpdateQueue:
    """Updates not yet confirmed by an offset, and the long polls waiting for one."""

    def __init__(self) -> None:
        self._seq = 0
        self._queue: deque[tuple[int, str, dict[str, Any]]] = deque()
        self._pollers: set[asyncio.Future[None]] = set()
        self.allowed: frozenset[str] | None = None
        self.closing = False
        """Set by stop(): pending polls answer [] at once."""
        self.cut = False
        """Set by go_down(): pending polls lose their connection."""

    def __len__(self) -> int:
        return len(self._queue)

    @property
    def polls_waiting(self) -> int:
        """Long polls held open right now."""
        return len(self._pollers)

    def push(self, update: dict[str, Any]) -> tuple[int, str, dict[str, Any]]:
        """Queue an update (assigning update_id if missing); returns (id, kind, update)."""
        data = dict(update)
        if "update_id" in data:
            self._seq = max(self._seq, int(data["update_id"]))
        else:
            self._seq += 1
            data["update_id"] = self._seq
        kind = next((k for k in data if k != "update_id"), "")
        self._queue.append((int(data["update_id"]), kind, data))
        self.wake()
        return self._queue[-1]

    def clear(self) -> None:
        self._queue.clear()

    def wake(self) -> None:
        for fut in self._pollers:
            if not fut.done():
                fut.set_result(None)
        self._pollers.clear()

    def _collect(self, offset: Any, limit: int) -> list[dict[str, Any]]:
        if offset is not None:
            while self._queue and self._queue[0][0] < int(offset):
                self._queue.popleft()
        wanted = [data for _uid, kind, data in self._queue if self.allowed is None or kind in self.allowed]
        return wanted[:limit]

    async def get(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        """getUpdates: confirm up to ``offset``, then answer at once or hold the poll until an update or the timeout."""
        limit = max(1, min(100, int(p.get("limit") or 100)))
        timeout = max(0.0, min(float(p.get("timeout") or 0), MAX_POLL_TIMEOUT))
        allowed = p.get("allowed_updates")
        if isinstance(allowed, list):
            self.allowed = frozenset(allowed) if allowed else None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if self.cut:
                raise Drop()
            batch = self._collect(p.get("offset"), limit)
            remaining = deadline - loop.time()
            if batch or self.closing or remaining <= 0:
                return batch
            fut: asyncio.Future[None] = loop.create_future()
            self._pollers.add(fut)
            try:
                await asyncio.wait((fut,), timeout=remaining)
            finally:
                self._pollers.discard(fut)
