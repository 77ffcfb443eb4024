"""Rate limits for talking to Telegram: a global token bucket and per-chat sliding windows.

Both take an injectable monotonic clock and sleep so tests run on a fake clock in no real time.
We keep our own limiter rather than PTB's AIORateLimiter because its flood-control halt is
released before retry_after has elapsed in 22.8 (python-telegram-bot issue 5338).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Hashable

Clock = Callable[[], float]
_EPSILON = 1e-9
Sleep = Callable[[float], Awaitable[None]]


class RateLimiter:
    """Token bucket: `rate_per_second` on average, after a burst of at most `burst` at once.

    Any window of T seconds sees at most burst + rate * T acquisitions, so the default burst
    of a fifth of a second's worth keeps 25/s under Telegram's 30 messages in any one second.
    Acquirers are served in arrival order (the lock is FIFO). pause() holds every acquirer,
    waiting or future, until the pause has really ended, and restarts with an empty bucket
    so the moment after a 429 is not a burst.
    """

    def __init__(
        self,
        rate_per_second: float,
        burst: float | None = None,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if rate_per_second <= 0:
            raise ValueError("rate_per_second must be positive")
        self.rate = rate_per_second
        # A fifth of a second's worth, but at most a twentieth above 100/s: 900/s plus its burst
        # must stay under a 1000-per-second limit, as 25/s plus 5 stays under Telegram's 30.
        wanted = burst if burst is not None else min(rate_per_second / 5, max(5.0, rate_per_second / 20))
        self.capacity = max(1.0, min(wanted, rate_per_second))
        self._clock = clock
        self._sleep = sleep
        self._tokens = self.capacity
        self._updated = clock()
        self._paused_until = -math.inf
        self._lock = asyncio.Lock()

    @property
    def paused_until(self) -> float:
        """The clock reading before which nobody gets a token (-inf when not paused)."""
        return self._paused_until

    def pause(self, seconds: float) -> None:
        """Stop all sending for `seconds` from now (a 429's retry_after); pauses only extend."""
        until = self._clock() + max(0.0, seconds)
        if until > self._paused_until:
            self._paused_until = until
            self._tokens = 0.0
            self._updated = until

    async def wait_out_pause(self) -> None:
        """Wait while a pause lasts, without taking a token.

        Why: a sender that got its token before another sender's 429 must still not send
        during the pause; called right before sending.
        """
        while (now := self._clock()) < self._paused_until:
            await self._sleep(self._paused_until - now)

    async def acquire(self) -> None:
        """Wait for a token; returns only outside any pause."""
        async with self._lock:
            while True:
                now = self._clock()
                if now < self._paused_until:
                    await self._sleep(self._paused_until - now)
                    continue
                if now > self._updated:
                    self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.rate)
                    self._updated = now
                # The epsilon stops float rounding (0.9999999...) from turning into endless tiny sleeps.
                if self._tokens >= 1.0 - _EPSILON:
                    self._tokens = max(0.0, self._tokens - 1.0)
                    return
                await self._sleep((1.0 - self._tokens) / self.rate)


class WindowLimiter:
    """At most `max_events` per key in any `window_seconds` (e.g. 20 messages a minute per group).

    Memory stays bounded: at most `max_keys` keys are kept; keys whose events have all left
    the window go first, and past that the least recently used key is forgotten.
    """

    def __init__(
        self,
        max_events: int,
        window_seconds: float,
        *,
        max_keys: int = 10_000,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if max_events < 1 or window_seconds <= 0 or max_keys < 1:
            raise ValueError("max_events, window_seconds and max_keys must be positive")
        self.max_events = max_events
        self.window = window_seconds
        self.max_keys = max_keys
        self._clock = clock
        self._sleep = sleep
        self._events: OrderedDict[Hashable, deque[float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._events)

    def _recent(self, key: Hashable, now: float) -> deque[float]:
        events = self._events.get(key)
        if events is None:
            self._evict(now)
            events = deque(maxlen=self.max_events)
            self._events[key] = events
        else:
            self._events.move_to_end(key)
        horizon = now - self.window
        while events and events[0] <= horizon:
            events.popleft()
        return events

    def _evict(self, now: float) -> None:
        """Make room for one more key: drop every expired key, then the least recently used."""
        if len(self._events) < self.max_keys:
            return
        horizon = now - self.window
        for key in [k for k, ev in self._events.items() if not ev or ev[-1] <= horizon]:
            del self._events[key]
        while len(self._events) >= self.max_keys:
            self._events.popitem(last=False)

    def try_acquire(self, key: Hashable) -> bool:
        """Record an event for `key` if the window has room; never waits."""
        now = self._clock()
        events = self._recent(key, now)
        if len(events) < self.max_events:
            events.append(now)
            return True
        return False

    def retry_in(self, key: Hashable) -> float:
        """Seconds until `key` has room again (0 if it has room now)."""
        now = self._clock()
        events = self._recent(key, now)
        if len(events) < self.max_events:
            return 0.0
        return max(0.0, events[0] + self.window - now)

    async def acquire(self, key: Hashable) -> None:
        """Wait until `key` has room, then record the event."""
        while not self.try_acquire(key):
            await self._sleep(max(self.retry_in(key), 1e-3))


INLINE_PER_MINUTE = 120
"""Inline queries per user a minute: each keystroke of `@bot question` is one, so a person typing
three questions in a minute stays well inside; a script gets two answers a second at most."""
BUTTONS_PER_MINUTE = 60
"""Button presses per user a minute: one a second for a whole minute is more than anyone paging by
hand; 1,000 scripted presses cost at most this many edits a minute."""
TAP_WARN_EVERY = 60.0


class TapLimits:
    """Per-user limits for inline queries and button presses, which cost an answer or an edit each
    without being a message: over the limit an inline query is dropped, and a press is dropped
    too, except for one notice (a toast) per user each TAP_WARN_EVERY seconds."""

    def __init__(self, inline_per_minute: int = INLINE_PER_MINUTE, buttons_per_minute: int = BUTTONS_PER_MINUTE,
                 *, clock: Clock = time.monotonic, warn_every: float = TAP_WARN_EVERY, max_users: int = 10_000) -> None:
        self._clock = clock
        self.warn_every = warn_every
        self.inline = WindowLimiter(inline_per_minute, 60.0, max_keys=max_users, clock=clock)
        self.buttons = WindowLimiter(buttons_per_minute, 60.0, max_keys=max_users, clock=clock)
        self.max_users = max_users
        self._warned: OrderedDict[Hashable, float] = OrderedDict()

    def inline_query(self, user_id: int) -> bool:
        """Whether to answer this inline query."""
        return self.inline.try_acquire(user_id)

    def button(self, user_id: int) -> str:
        """"ok" to handle the press, "warn" to only tell the user to slow down, "drop" to ignore it."""
        if self.buttons.try_acquire(user_id):
            return "ok"
        now = self._clock()
        last = self._warned.get(user_id)
        if last is not None and now - last < self.warn_every:
            return "drop"
        self._warned[user_id] = now
        self._warned.move_to_end(user_id)
        while len(self._warned) > self.max_users:
            self._warned.popitem(last=False)
        return "warn"
