"""Failures injected on purpose: scripted one-shot faults, seeded random ones, and the send limits.

Why: PTB's error mapping, the bot's retries and its idempotency must be tested against the failure
shapes Telegram actually produces (429 with retry_after, 5xx, HTML error pages, lost answers),
reproducibly, which the real Telegram never allows.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fakebotapi.wire import TelegramAPIError, bad_request, norm_chat

_DEFAULT_DESCRIPTIONS: dict[int, str] = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    429: "Too Many Requests: retry after {retry_after}",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


@dataclass(frozen=True, slots=True)
class Fault:
    """A one-shot failure injected into the answer of one request."""

    kind: str  # "error" | "delay" | "drop" | "sent_then_drop" | "raw"
    code: int = 0
    description: str | None = None
    retry_after: int | None = None
    seconds: float = 0.0
    body: bytes = b""
    content_type: str = "text/html"

    @classmethod
    def error(cls, code: int, description: str | None = None, retry_after: int | None = None) -> Fault:
        """Answer with a Telegram error JSON (429 gets retry_after=1 unless given)."""
        if code == 429 and retry_after is None:
            retry_after = 1
        return cls("error", code, description, retry_after)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait, then answer normally (use > client read timeout to provoke TimedOut)."""
        return cls("delay", seconds=seconds)

    @classmethod
    def drop(cls) -> Fault:
        """Read the request, then close the connection without answering; nothing delivered."""
        return cls("drop")

    @classmethod
    def sent_then_drop(cls) -> Fault:
        """Process normally (message delivered), then drop: the 'outcome unknown' case."""
        return cls("sent_then_drop")

    @classmethod
    def raw(cls, status: int, body: bytes | str = b"", content_type: str = "text/html") -> Fault:
        """Answer with an arbitrary body, e.g. nginx's HTML 502 page."""
        data = body.encode() if isinstance(body, str) else body
        return cls("raw", code=status, body=data, content_type=content_type)

    def label(self) -> str:
        """Short name used in Call.fault and listings."""
        if self.kind in ("error", "raw"):
            return f"{self.kind}:{self.code}"
        if self.kind == "delay":
            return f"delay:{self.seconds:g}s"
        return self.kind

    def to_error(self) -> TelegramAPIError:
        """The TelegramAPIError for an ``error`` fault."""
        params = {"retry_after": self.retry_after} if self.retry_after is not None else {}
        desc = self.description if self.description is not None else _DEFAULT_DESCRIPTIONS.get(self.code, f"Error {self.code}")
        return TelegramAPIError(self.code, desc.format(retry_after=self.retry_after), params)


def fault_from_kind(kind: str, slow_seconds: float) -> Fault:
    """A random fault by name: an HTTP code ("429", "500", ...), "slow" or "drop"."""
    if kind == "slow":
        return Fault.delay(slow_seconds)
    if kind == "drop":
        return Fault.drop()
    if kind.isdigit():
        return Fault.error(int(kind))
    raise ValueError(f"unknown fault kind {kind!r}")


@dataclass(slots=True)
class _RandomFaults:
    rate: float
    kinds: tuple[str, ...]
    rng: random.Random
    methods: frozenset[str] | None
    slow_seconds: float


class FaultPlan:
    """Which fault (if any) the next call of a method gets: scripted ones first, then random ones."""

    def __init__(self) -> None:
        self._scripted: dict[str, deque[Fault]] = defaultdict(deque)
        self._random: _RandomFaults | None = None

    def script(self, method: str, faults: Iterable[Fault]) -> None:
        self._scripted[method].extend(faults)

    def randomly(self, rate: float | None, kinds: Sequence[str], seed: int, methods: frozenset[str] | None,
                 slow_seconds: float) -> None:
        if rate is None or rate <= 0:
            self._random = None
            return
        for kind in kinds:
            fault_from_kind(kind, slow_seconds)  # validate early
        self._random = _RandomFaults(rate, tuple(kinds), random.Random(seed), methods, slow_seconds)

    def next(self, method: str) -> Fault | None:
        queue = self._scripted.get(method)
        if queue:
            return queue.popleft()
        rnd = self._random
        if rnd is None or (method == "getUpdates" if rnd.methods is None else method not in rnd.methods):
            return None
        if rnd.rng.random() >= rnd.rate:
            return None
        return fault_from_kind(rnd.rng.choice(rnd.kinds), rnd.slow_seconds)


class SendLimits:
    """Chats that blocked the bot or migrated, and an optional server-side send rate limit."""

    def __init__(self) -> None:
        self.clock: Callable[[], float] = time.monotonic
        """Seconds for the rate window; a test may freeze it so that no send leaves the window."""
        self.rate_limit: int | None = None
        self._window: deque[float] = deque()
        self.blocked: set[int] = set()
        self.migrated: dict[int, int] = {}

    def limit_rate(self, per_second: int | None) -> None:
        self.rate_limit = per_second
        self._window.clear()

    def check_chat(self, params: dict[str, Any]) -> None:
        """Telegram's answer to a send to a chat that blocked the bot or became a supergroup."""
        key = norm_chat(params.get("chat_id"))
        if key is None:
            raise bad_request("chat_id is empty")
        if key in self.blocked:
            raise TelegramAPIError(403, "Forbidden: bot was blocked by the user")
        new_id = self.migrated.get(key)
        if new_id is not None:
            raise TelegramAPIError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                                   {"migrate_to_chat_id": new_id})

    def check_rate(self) -> bool:
        """Count one send in the sliding second; False (not counted) when it is over the limit."""
        if self.rate_limit is None:
            return True
        now = self.clock()
        while self._window and self._window[0] <= now - 1.0:
            self._window.popleft()
        if len(self._window) >= self.rate_limit:
            return False
        self._window.append(now)
        return True
