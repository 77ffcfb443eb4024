"""The pure rules of delivery: the retry policy's steps, and which local dates are due at a tick."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.delivery import due_dates
from bot.outcomes import RetryPolicy, SendOutcome, Step, Tries
from bot.subscription import Subscription

UTC = dt.UTC


def sub(time: str = "09:00", tz: str = "UTC") -> Subscription:
    return Subscription(chat_id=1, thread_id=None, time=dt.time.fromisoformat(time), tz=tz, mode="daily", lang="en",
                        chat_type="private")


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, second, tzinfo=UTC)


def test_sent_moves_on_and_blocked_or_unknown_end_the_chat() -> None:
    policy = RetryPolicy()
    assert policy.decide(SendOutcome.sent(), Tries()).step is Step.NEXT_PART
    assert policy.decide(SendOutcome.blocked("bot was blocked"), Tries()).status == "blocked"
    doubt = policy.decide(SendOutcome.unknown("read timeout"), Tries())
    assert (doubt.step, doubt.status) == (Step.END, "unknown"), "a send in doubt is never repeated"
    assert policy.decide(SendOutcome.bad_request("chat not found"), Tries()).step is Step.GIVE_UP


def test_transient_failures_back_off_doubling_then_give_up() -> None:
    policy, tries = RetryPolicy(max_attempts=4, backoff=0.5), Tries()
    steps = [policy.decide(SendOutcome.transient("502"), tries) for _ in range(4)]
    assert [s.step for s in steps] == [Step.BACKOFF] * 3 + [Step.GIVE_UP]
    assert [s.wait for s in steps[:3]] == [0.5, 1.0, 2.0]
    assert steps[-1].why == "502"


def test_flood_control_pauses_as_asked_until_the_limit() -> None:
    policy, tries = RetryPolicy(max_flood_waits=2), Tries()
    steps = [policy.decide(SendOutcome.retry(7), tries) for _ in range(3)]
    assert [(s.step, s.wait) for s in steps[:2]] == [(Step.PAUSE, 7.0)] * 2
    assert (steps[2].step, steps[2].why) == (Step.GIVE_UP, "flood control")


def test_a_migration_loop_is_cut() -> None:
    policy, tries = RetryPolicy(max_migrations=1), Tries()
    first = policy.decide(SendOutcome.migrated(-100), tries)
    assert (first.step, first.new_chat_id) == (Step.MOVE, -100)
    assert policy.decide(SendOutcome.migrated(-200), tries).step is Step.GIVE_UP


def test_today_is_due_once_its_time_has_come() -> None:
    assert due_dates(sub(), at(10, 8, 59), None) == []
    assert due_dates(sub(), at(10, 9, 0), None) == [dt.date(2026, 3, 10)]
    assert due_dates(sub(), at(10, 23, 0), at(10, 22, 59)) == [dt.date(2026, 3, 10)]


@pytest.mark.parametrize("previous", [at(10, 23, 58), at(10, 23, 0), at(10, 12, 0)])
def test_a_forward_jump_over_midnight_keeps_the_skipped_day(previous: dt.datetime) -> None:
    """The chat's 23:59 fell between the previous tick and this one, which is already tomorrow."""
    assert due_dates(sub("23:59"), at(11, 0, 59), previous) == [dt.date(2026, 3, 10)]


def test_no_day_is_caught_up_whose_time_had_passed_before_the_previous_tick() -> None:
    """Subscribing just after midnight to a late time does not bring yesterday's message."""
    assert due_dates(sub("22:00"), at(11, 0, 0, 30), at(10, 23, 59, 40)) == []
    assert due_dates(sub("22:00"), at(11, 0, 0, 30), None) == [], "a bot started after midnight does not look back"
    assert due_dates(sub("23:59"), at(12, 0, 1), at(10, 23, 0)) == [], "only the local date just passed"


def test_a_step_back_over_midnight_offers_only_dates_already_due() -> None:
    """Back from 00:10 to 23:10 the day before: yesterday (already served by then) is the only date."""
    assert due_dates(sub("09:00"), at(10, 23, 10), at(11, 0, 10)) == [dt.date(2026, 3, 10)]
    assert due_dates(sub("23:30"), at(10, 23, 10), at(11, 0, 10)) == []


def test_dates_are_the_chats_local_ones() -> None:
    almaty = sub("00:30", "Asia/Almaty")  # UTC+5
    assert due_dates(almaty, at(10, 19, 31), at(10, 19, 29)) == [dt.date(2026, 3, 11)]
