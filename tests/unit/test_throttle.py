"""The limiters on a fake clock: rates hold, a pause holds everyone until it really ends."""

from __future__ import annotations

import asyncio

import pytest
from fakeclock import FakeClock

from bot.throttle import RateLimiter, TapLimits, WindowLimiter


async def test_rate_limiter_burst_then_the_rate(clock: FakeClock) -> None:
    limiter = RateLimiter(10, burst=10, clock=clock, sleep=clock.sleep)
    times = []
    for _ in range(30):
        await limiter.acquire()
        times.append(clock.now)
    assert times[:10] == [0.0] * 10
    assert times[-1] == pytest.approx(2.0)
    gaps = [b - a for a, b in zip(times[10:], times[11:], strict=False)]
    assert all(gap == pytest.approx(0.1) for gap in gaps)


async def test_default_burst_keeps_any_second_under_rate_plus_burst(clock: FakeClock) -> None:
    limiter = RateLimiter(25, clock=clock, sleep=clock.sleep)
    assert limiter.capacity == 5
    times = []
    for _ in range(100):
        await limiter.acquire()
        times.append(clock.now)
    for start in times:
        assert len([t for t in times if start <= t < start + 1.0 - 1e-9]) <= 30
    assert times[-1] == pytest.approx(95 / 25)


async def test_rate_limiter_refills_while_idle_but_not_beyond_burst(clock: FakeClock) -> None:
    limiter = RateLimiter(5, burst=5, clock=clock, sleep=clock.sleep)
    for _ in range(5):
        await limiter.acquire()
    clock.now += 100.0
    for _ in range(5):
        await limiter.acquire()
    assert clock.now == 100.0
    await limiter.acquire()
    assert clock.now == pytest.approx(100.2)


async def test_concurrent_acquirers_share_the_rate(clock: FakeClock) -> None:
    limiter = RateLimiter(4, burst=4, clock=clock, sleep=clock.sleep)
    times: list[float] = []

    async def one() -> None:
        await limiter.acquire()
        times.append(clock.now)

    await asyncio.gather(*(one() for _ in range(12)))
    assert len(times) == 12 and max(times) == pytest.approx(2.0)


async def test_pause_holds_every_acquirer_until_it_ends(clock: FakeClock) -> None:
    limiter = RateLimiter(100, clock=clock, sleep=clock.sleep)
    await limiter.acquire()
    limiter.pause(5.0)
    times: list[float] = []

    async def one() -> None:
        await limiter.acquire()
        times.append(clock.now)

    await asyncio.gather(*(one() for _ in range(3)))
    assert len(times) == 3 and min(times) >= 5.0
    assert limiter.paused_until == 5.0


async def test_pause_arriving_while_waiting_for_a_token_is_honoured(clock: FakeClock) -> None:
    real_sleep = clock.sleep
    limiter = RateLimiter(1, clock=clock, sleep=real_sleep)
    await limiter.acquire()  # bucket now empty: the next acquirer sleeps one second

    async def sleep_then_429(seconds: float) -> None:
        await real_sleep(seconds)
        if clock.now < 2.0:
            limiter.pause(10.0)  # a 429 reported by someone else while we slept

    limiter._sleep = sleep_then_429
    await limiter.acquire()
    assert clock.now >= 11.0


async def test_a_token_taken_before_a_pause_still_waits_it_out(clock: FakeClock) -> None:
    limiter = RateLimiter(10, clock=clock, sleep=clock.sleep)
    await limiter.acquire()  # this sender has its token...
    limiter.pause(3.0)  # ...when another sender's 429 arrives
    await limiter.wait_out_pause()
    assert clock.now == 3.0
    await limiter.wait_out_pause()
    assert clock.now == 3.0, "outside a pause it returns at once"


async def test_pause_only_extends(clock: FakeClock) -> None:
    limiter = RateLimiter(10, clock=clock, sleep=clock.sleep)
    limiter.pause(5.0)
    limiter.pause(1.0)
    await limiter.acquire()
    assert clock.now >= 5.0


def test_rate_limiter_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        RateLimiter(0)


async def test_window_limiter_per_key(clock: FakeClock) -> None:
    window = WindowLimiter(3, 60.0, clock=clock, sleep=clock.sleep)
    assert [window.try_acquire("a") for _ in range(4)] == [True, True, True, False]
    assert window.try_acquire("b")
    assert window.retry_in("a") == pytest.approx(60.0)
    clock.now = 30.0
    assert not window.try_acquire("a")
    clock.now = 60.0
    assert window.try_acquire("a")


async def test_window_limiter_acquire_waits_for_room(clock: FakeClock) -> None:
    window = WindowLimiter(20, 60.0, clock=clock, sleep=clock.sleep)
    times = []
    for _ in range(45):
        await window.acquire(-100)
        times.append(clock.now)
    assert times[19] == 0.0
    assert times[20] >= 60.0 and times[40] >= 120.0
    for start in times:
        assert len([t for t in times if start <= t < start + 60.0]) <= 20


async def test_window_limiter_memory_is_bounded(clock: FakeClock) -> None:
    window = WindowLimiter(2, 10.0, max_keys=100, clock=clock, sleep=clock.sleep)
    for key in range(1000):
        assert window.try_acquire(key)
        clock.now += 0.001
    assert len(window) <= 100
    assert window.try_acquire(999) and not window.try_acquire(999)  # recent keys are kept
    clock.now += 20.0
    for key in range(1000, 1100):
        window.try_acquire(key)
    assert len(window) <= 100


def test_a_person_typing_inline_queries_is_never_limited(clock: FakeClock) -> None:
    """One inline query per keystroke: three 40-letter questions typed at 4 letters a second in a minute."""
    taps = TapLimits(clock=clock)
    answered = 0
    for _ in range(3):
        for _ in range(40):
            answered += taps.inline_query(7)
            clock.now += 0.25
        clock.now += 10
    assert answered == 120


def test_a_flood_of_inline_queries_is_cut_to_the_limit_per_minute(clock: FakeClock) -> None:
    taps = TapLimits(inline_per_minute=120, clock=clock)
    answered = 0
    for _ in range(6000):  # 100 a second for a minute
        answered += taps.inline_query(7)
        clock.now += 0.01
    assert answered <= 120 + 1
    assert taps.inline_query(8), "another user is not held back"


def test_a_thousand_paging_presses_give_at_most_a_minute_s_worth_of_edits_and_one_notice(clock: FakeClock) -> None:
    taps = TapLimits(buttons_per_minute=60, clock=clock)
    verdicts = []
    for _ in range(1000):  # 20 presses a second for 50 s
        verdicts.append(taps.button(9))
        clock.now += 0.05
    assert verdicts.count("ok") == 60
    assert verdicts.count("warn") == 1
    assert verdicts[60] == "warn"


def test_pressing_by_hand_is_never_limited(clock: FakeClock) -> None:
    """Exploring the menus: a press every 1.5 s for ten minutes."""
    taps = TapLimits(clock=clock)
    verdicts = []
    for _ in range(400):
        verdicts.append(taps.button(9))
        clock.now += 1.5
    assert verdicts == ["ok"] * 400


def test_the_notice_comes_again_after_a_minute_and_presses_pass_again(clock: FakeClock) -> None:
    taps = TapLimits(buttons_per_minute=5, warn_every=60.0, clock=clock)
    assert [taps.button(1) for _ in range(7)] == ["ok"] * 5 + ["warn", "drop"]
    clock.now += 30
    assert taps.button(1) == "drop"
    clock.now += 31
    assert taps.button(1) == "ok", "the window has moved on"


def test_tap_limits_keep_bounded_memory(clock: FakeClock) -> None:
    taps = TapLimits(buttons_per_minute=1, max_users=100, clock=clock)
    for user in range(1000):
        taps.button(user)
        taps.button(user)
        taps.inline_query(user)
    assert len(taps.buttons) <= 100 and len(taps.inline) <= 100 and len(taps._warned) <= 100
