"""The record of every request: what tests wait for and assert on, and the counters benchmarks print.

Why: an end-to-end test must wait for a reply as an event (never sleep and hope), and see what
reached each chat exactly (duplicates, order, failures), however the request ended.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fakebotapi.wire import Upload, norm_chat


@dataclass(slots=True)
class Call:
    """One recorded API request.

    ``at`` is ``time.monotonic()`` when the request arrived, ``done_at`` when it was answered
    (or dropped): for benchmarks' rates, never for tests' assertions. ``status`` is the HTTP status
    sent, 0 when the connection was dropped. ``delivered`` is True when a send created a message
    (also for sent_then_drop).
    """

    method: str
    params: dict[str, Any]
    at: float
    seq: int = 0
    status: int = 200
    result: Any = None
    error: dict[str, Any] | None = None
    fault: str | None = None
    delivered: bool = False
    done_at: float = 0.0
    files: dict[str, Upload] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the client got a successful answer."""
        return self.status == 200

    @property
    def chat_id(self) -> int | None:
        """The ``chat_id`` parameter."""
        return norm_chat(self.params.get("chat_id"))

    def short(self) -> str:
        """One-line summary for assertion messages."""
        shown = {k: v for k, v in self.params.items() if k != "reply_markup"}
        text = json.dumps(shown, ensure_ascii=False, default=repr)
        if len(text) > 160:
            text = text[:157] + "..."
        outcome = "ok" if self.ok else (f"HTTP {self.status}" if self.status else "DROPPED")
        if self.fault:
            outcome += f" [{self.fault}]"
        if self.delivered and not self.ok:
            outcome += " (delivered)"
        return f"#{self.seq} {self.method} {outcome} {text}"


@dataclass(slots=True)
class _Waiter:
    method: str
    predicate: Callable[[Call], bool] | None
    count: int
    since: int
    matches: list[Call]
    future: asyncio.Future[list[Call]]


def _new_stats() -> dict[str, Any]:
    return {
        "requests": 0, "ok": 0, "errors_by_code": defaultdict(int), "too_many_requests": 0, "rate_limited": 0,
        "delivered": 0, "delivered_messages": 0, "dropped": 0, "faults_injected": 0, "updates_pushed": 0,
        "updates_served": 0, "max_in_flight": 0,
    }


class CallLog:
    """Recorded calls, the waiters on them, and what each chat received."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.by_method: dict[str, list[Call]] = defaultdict(list)
        self.waiters: list[_Waiter] = []
        self.listeners: list[Callable[[Call], None]] = []
        self.sent_texts: dict[int, list[str]] = defaultdict(list)
        self.stats: dict[str, Any] = _new_stats()

    def clear(self) -> None:
        self.calls.clear()
        self.by_method.clear()
        self.sent_texts.clear()
        self.stats = _new_stats()

    def count_error(self, code: int) -> None:
        self.stats["errors_by_code"][code] += 1
        if code == 429:
            self.stats["too_many_requests"] += 1

    def deliver(self, call: Call) -> None:
        """A send created a message: count it, and keep a sendMessage's text per chat."""
        call.delivered = True
        self.stats["delivered"] += 1
        if call.method == "sendMessage":
            key = norm_chat(call.params.get("chat_id"))
            assert key is not None
            self.stats["delivered_messages"] += 1
            self.sent_texts[key].append(str(call.params.get("text", "")))

    def record(self, call: Call) -> None:
        call.seq = len(self.calls)
        call.done_at = time.monotonic()
        self.calls.append(call)
        self.by_method[call.method].append(call)
        for waiter in self.waiters:
            if waiter.method != call.method or waiter.future.done() or call.seq < waiter.since:
                continue
            if waiter.predicate is None or waiter.predicate(call):
                waiter.matches.append(call)
                if len(waiter.matches) >= waiter.count:
                    waiter.future.set_result(waiter.matches[: waiter.count])
        for listener in list(self.listeners):
            listener(call)

    async def wait_for(self, method: str, predicate: Callable[[Call], bool] | None, count: int, timeout: float,
                       since: int) -> list[Call]:
        matches = [c for c in self.by_method.get(method, ()) if c.seq >= since and (predicate is None or predicate(c))]
        if len(matches) >= count:
            return matches[:count]
        waiter = _Waiter(method, predicate, count, since, matches, asyncio.get_running_loop().create_future())
        self.waiters.append(waiter)
        try:
            return await asyncio.wait_for(waiter.future, timeout)
        except TimeoutError:
            raise AssertionError(f"timed out after {timeout}s waiting for {count} x {method}"
                                 f" (got {len(waiter.matches)})\n{self.describe()}") from None
        finally:
            self.waiters.remove(waiter)

    def describe(self, last: int = 25) -> str:
        """Human-readable listing of the most recent calls (empty getUpdates collapsed)."""
        lines: list[str] = []
        polls = 0
        for call in self.calls[-last * 4 :]:
            if call.method == "getUpdates" and call.ok and not call.result:
                polls += 1
                continue
            lines.append("  " + call.short())
        lines = lines[-last:]
        header = f"recent calls ({len(self.calls)} total, {polls} empty getUpdates hidden):"
        return "\n".join([header, *lines]) if lines else header + "\n  (none)"
