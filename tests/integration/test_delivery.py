"""The Broadcaster on real SQLite files with fake senders. (PTBSender's error mapping is in unit/test_sender.py
and e2e/test_aiohttp_sender.py.)"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from fakeclock import FakeClock

from bot.anniversaries import Digest
from bot.delivery import Broadcaster, RetryPolicy, SendOutcome, Summary
from bot.model import Fact, PartialDate
from bot.outgoing import ButtonIntent, Keyboard, Part, ShowFact, ShowSettings
from bot.storage import Repository
from bot.store import FactStore
from bot.subscription import Subscription
from bot.ticker import Ticker

SAT = dt.date(2024, 5, 25)  # has anniversaries
FRI = dt.date(2024, 5, 24)  # has none
MON = dt.date(2024, 5, 20)  # week holds SAT's anniversaries
TUE = dt.date(2024, 5, 21)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.UTC)




class FakeSender:
    """Answers from a per-chat script (SENT once the script runs out) and records every call."""

    def __init__(self, clock: FakeClock, script: dict[int, list[SendOutcome]] | None = None) -> None:
        self.clock = clock
        self.script = script or {}
        self.calls: list[tuple[int, int | None, str, float]] = []
        self.keyboards: list[Keyboard] = []
        """The buttons of each call, in the order of `calls`."""

    async def send(self, chat_id: int, thread_id: int | None, text: str, keyboard: Keyboard = ()) -> SendOutcome:
        self.calls.append((chat_id, thread_id, text, self.clock.now))
        self.keyboards.append(keyboard)
        queue = self.script.get(chat_id)
        return queue.pop(0) if queue else SendOutcome.sent()

    def chats(self) -> list[int]:
        return [call[0] for call in self.calls]


def fact(fid: str, date: str) -> Fact:
    return Fact(id=fid, kind="event", title={"en": fid}, text={"en": ""}, date=PartialDate.parse(date))


def sub(chat_id: int, mode: str = "daily", time: dt.time = dt.time(9, 0), **more: Any) -> Subscription:
    return Subscription(
        chat_id=chat_id,
        thread_id=more.pop("thread_id", None),
        time=time,
        tz=more.pop("tz", "UTC"),
        mode=mode,  # type: ignore[arg-type]
        lang=more.pop("lang", "en"),
        chat_type=more.pop("chat_type", "private" if chat_id > 0 else "group"),
    )


class Renderer:
    """Records each digest and renders one part per item (or a fixed list of parts)."""

    def __init__(self, parts: Sequence[str | Part] | None = None) -> None:
        self.parts = parts
        self.digests: list[Digest] = []

    def __call__(self, subscription: Subscription, digest: Digest) -> list[str | Part]:
        self.digests.append(digest)
        if self.parts is not None:
            return list(self.parts)
        names = ",".join(item.fact.id for item in digest.items) or "none"
        return [f"{subscription.lang}|{digest.mode}|{digest.local_date}|{names}"]


@pytest.fixture
def store() -> FactStore:
    return FactStore([fact("treaty", "1992-05-25"), fact("visit", "2000-05-25")], [])






@pytest.fixture
async def repo(db_path: Path) -> AsyncIterator[Repository]:
    repository = await Repository.open(db_path)
    yield repository
    await repository.close()


Make = Callable[..., tuple[Broadcaster, FakeSender, Renderer]]


@pytest.fixture
def make(repo: Repository, store: FactStore, clock: FakeClock) -> Make:
    def build(
        script: dict[int, list[SendOutcome]] | None = None,
        parts: Sequence[str | Part] | None = None,
        repository: Repository | None = None,
        **options: Any,
    ) -> tuple[Broadcaster, FakeSender, Renderer]:
        sender = FakeSender(clock, script)
        render = Renderer(parts)
        broadcaster = Broadcaster(repository or repo, store, sender, render, clock=clock, sleep=clock.sleep, **options)
        return broadcaster, sender, render

    return build


async def subscribe(repo: Repository, *subs: Subscription) -> None:
    for s in subs:
        await repo.upsert_subscription(s)


async def test_each_chat_gets_the_day_once_across_runs(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1), sub(2, lang="ru"), sub(-3))
    broadcaster, sender, _ = make()
    assert (await broadcaster.run_due(at(SAT, 8, 59))) == Summary()
    assert sender.calls == []
    first = await broadcaster.run_due(at(SAT, 9, 0))
    assert first.sent == 3 and sorted(sender.chats()) == [-3, 1, 2]
    assert ("ru|daily|2024-05-25|treaty,visit") in [c[2] for c in sender.calls]
    again = await broadcaster.run_due(at(SAT, 9, 1))
    later = await broadcaster.run_due(at(SAT, 23, 59))
    assert again == Summary() and later == Summary() and len(sender.calls) == 3
    for chat_id in (1, 2, -3):
        assert await repo.delivery_status(chat_id, SAT) == "sent"
    nxt = await broadcaster.run_due(at(SAT + dt.timedelta(days=1), 9, 0))
    assert nxt.sent == 3 and len(sender.calls) == 6


async def test_overlapping_runs_still_send_once(repo: Repository, make: Make) -> None:
    await subscribe(repo, *(sub(i) for i in range(1, 11)))
    broadcaster, sender, _ = make()
    other, other_sender, _ = make()
    results = await asyncio.gather(broadcaster.run_due(at(SAT, 10)), other.run_due(at(SAT, 10)))
    assert sum(r.sent for r in results) == 10
    assert sorted(sender.chats() + other_sender.chats()) == list(range(1, 11))


async def test_catch_up_later_the_same_day_never_the_next(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1, time=dt.time(9, 0), tz="Asia/Almaty"))
    broadcaster, sender, _ = make()
    # bot down all of the 24th local; it comes back at 00:30 local on the 25th: nothing for the 24th
    summary = await broadcaster.run_due(dt.datetime(2024, 5, 24, 19, 30, tzinfo=dt.UTC))
    assert summary == Summary() and sender.calls == []
    summary = await broadcaster.run_due(dt.datetime(2024, 5, 25, 10, 0, tzinfo=dt.UTC))  # 15:00 local
    assert summary.sent == 1 and "2024-05-25" in sender.calls[0][2]


async def test_anniversaries_mode_skips_an_empty_day_once(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1, mode="anniversaries"), sub(2, mode="anniversaries"))
    broadcaster, sender, render = make()
    first = await broadcaster.run_due(at(FRI, 9))
    assert first.skipped == 2 and first.sent == 0 and sender.calls == []
    assert await repo.delivery_status(1, FRI) == "skipped"
    assert (await broadcaster.run_due(at(FRI, 9, 1))) == Summary()
    assert render.digests == []
    sat = await broadcaster.run_due(at(SAT, 9))
    assert sat.sent == 2


async def test_daily_mode_names_the_next_anniversary(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1, mode="daily"))
    broadcaster, sender, render = make()
    summary = await broadcaster.run_due(at(dt.date(2024, 5, 22), 9))
    assert summary.sent == 1 and len(sender.calls) == 1
    digest = render.digests[0]
    assert digest.items == () and digest.upcoming is not None
    day, days_away, items = digest.upcoming
    assert (day, days_away, [i.fact.id for i in items]) == (SAT, 3, ["treaty", "visit"])


async def test_weekly_mode_sends_on_mondays_only(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1, mode="weekly"))
    broadcaster, sender, render = make()
    tuesday = await broadcaster.run_due(at(TUE, 9))
    assert tuesday.skipped == 1 and sender.calls == []
    monday = await broadcaster.run_due(at(MON, 9))
    assert monday.sent == 1
    assert sender.calls[0][2] == "en|weekly|2024-05-20|treaty,visit"
    assert [i.on for i in render.digests[0].items] == [SAT, SAT]


async def test_blocked_chat_is_deactivated_and_kept(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1), sub(2))
    broadcaster, sender, _ = make({1: [SendOutcome.blocked("bot was blocked by the user")]})
    summary = await broadcaster.run_due(at(SAT, 9))
    assert (summary.blocked, summary.sent) == (1, 1)
    kept = await repo.get_subscription(1)
    assert kept is not None and not kept.active
    assert await repo.delivery_status(1, SAT) == "blocked"
    await broadcaster.run_due(at(SAT + dt.timedelta(days=1), 9))
    assert sender.chats().count(1) == 1 and sender.chats().count(2) == 2


async def test_migrated_group_is_moved_and_sent_to_its_new_id(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(-100, chat_type="group", thread_id=None))
    broadcaster, sender, _ = make({-100: [SendOutcome.migrated(-1001)]})
    summary = await broadcaster.run_due(at(SAT, 9))
    assert (summary.migrated, summary.sent) == (1, 1)
    assert sender.chats() == [-100, -1001]
    assert await repo.get_subscription(-100) is None
    moved = await repo.get_subscription(-1001)
    assert moved is not None and moved.active and moved.chat_type == "supergroup"
    assert await repo.delivery_status(-1001, SAT) == "sent"
    assert await repo.delivery_status(-100, SAT) is None
    assert (await broadcaster.run_due(at(SAT, 9, 5))) == Summary()
    assert sender.chats() == [-100, -1001]


async def test_migration_into_an_already_served_chat_sends_nothing_more(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(-100), sub(-1001))
    broadcaster, sender, _ = make({-100: [SendOutcome.migrated(-1001)]}, concurrency=1)
    summary = await broadcaster.run_due(at(SAT, 9))
    assert sender.chats() == [-1001, -100]
    assert summary.migrated == 1 and summary.sent == 1
    assert await repo.delivery_status(-1001, SAT) == "sent"
    assert [s.chat_id for s in await repo.active_subscriptions()] == [-1001]


async def test_429_pauses_everyone_for_retry_after(repo: Repository, make: Make, clock: FakeClock) -> None:
    await subscribe(repo, sub(1), sub(2))
    broadcaster, sender, _ = make({1: [SendOutcome.retry(3.0)]}, concurrency=1)
    summary = await broadcaster.run_due(at(SAT, 9))
    assert (summary.sent, summary.retried_429, summary.failed) == (2, 1, 0)
    (first, retried, other) = sender.calls
    assert first[0] == 1 and retried[0] == 1 and other[0] == 2
    assert retried[3] >= first[3] + 3.0
    assert other[3] >= first[3] + 3.0
    assert await repo.delivery_status(1, SAT) == "sent"


async def test_endless_429_gives_up_as_failed(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1))
    broadcaster, sender, _ = make({1: [SendOutcome.retry(0.1)] * 50}, retry=RetryPolicy(max_flood_waits=4))
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.failed == 1 and summary.retried_429 == 5 and len(sender.calls) == 5
    assert await repo.delivery_status(1, SAT) == "failed"


async def test_transient_errors_back_off_then_fail_and_later_runs_retry_a_few_times(
    repo: Repository, make: Make, clock: FakeClock
) -> None:
    await subscribe(repo, sub(1))
    broadcaster, sender, _ = make({1: [SendOutcome.transient("502")] * 100}, retry=RetryPolicy(max_attempts=5, backoff=0.5))
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.failed == 1 and len(sender.calls) == 5
    assert [s for s in clock.sleeps if s in (0.5, 1.0, 2.0, 4.0)] == [0.5, 1.0, 2.0, 4.0]
    assert await repo.delivery_status(1, SAT) == "failed"
    assert await repo.served_chat_ids(SAT) == set()
    await broadcaster.run_due(at(SAT, 9, 1))
    await broadcaster.run_due(at(SAT, 9, 2))
    assert len(sender.calls) == 15
    assert (await broadcaster.run_due(at(SAT, 9, 3))) == Summary()
    assert len(sender.calls) == 15


async def test_transient_error_then_success(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1))
    broadcaster, sender, _ = make({1: [SendOutcome.transient(), SendOutcome.transient()]})
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.sent == 1 and len(sender.calls) == 3
    assert await repo.delivery_status(1, SAT) == "sent"


async def test_unknown_outcome_is_never_retried(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1))
    broadcaster, sender, _ = make({1: [SendOutcome.unknown("read timeout")]})
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.unknown == 1 and len(sender.calls) == 1
    assert await repo.delivery_status(1, SAT) == "unknown"
    await broadcaster.run_due(at(SAT, 12))
    assert len(sender.calls) == 1


async def test_sender_exception_counts_as_in_doubt(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1))
    broadcaster, sender, _ = make()

    async def explode(chat_id: int, thread_id: int | None, text: str) -> SendOutcome:
        raise RuntimeError("boom")

    sender.send = explode  # type: ignore[method-assign]
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.unknown == 1
    assert await repo.delivery_status(1, SAT) == "unknown"


async def test_bad_request_fails(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1))
    broadcaster, sender, _ = make({1: [SendOutcome.bad_request("can't parse entities")]})
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.failed == 1 and len(sender.calls) == 1
    assert await repo.delivery_status(1, SAT) == "failed"


async def test_failed_later_part_still_counts_as_served(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1), sub(2))
    script = {1: [SendOutcome.sent(), SendOutcome.bad_request("too long")], 2: [SendOutcome.sent()] * 3}
    broadcaster, sender, _ = make(script, parts=["one", "two", "three"])
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.sent == 2 and summary.failed == 0
    assert [c[2] for c in sender.calls if c[0] == 1] == ["one", "two"]
    assert [c[2] for c in sender.calls if c[0] == 2] == ["one", "two", "three"]
    assert await repo.delivery_status(1, SAT) == "sent"
    await broadcaster.run_due(at(SAT, 10))
    assert len(sender.calls) == 5


async def test_the_buttons_go_with_the_last_part_even_when_it_is_retried(repo: Repository, make: Make) -> None:
    """A renderer's button intents reach the Sender with their part only; a part without any is sent
    as plain text (a Sender that knows no keyboard still works)."""
    await subscribe(repo, sub(1), sub(2))
    keyboard = ((ButtonIntent("1", ShowFact("treaty", "en")),), (ButtonIntent("⚙", ShowSettings()),))
    script = {1: [SendOutcome.sent(), SendOutcome.transient("502")]}
    broadcaster, sender, _ = make(script, parts=["one", "", Part("two", keyboard)])
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.sent == 2 and summary.failed == 0
    sent = [(c[0], c[2], k) for c, k in zip(sender.calls, sender.keyboards, strict=True)]
    assert [(text, k) for chat, text, k in sent if chat == 1] == [("one", ()), ("two", keyboard), ("two", keyboard)]
    assert [(text, k) for chat, text, k in sent if chat == 2] == [("one", ()), ("two", keyboard)]


async def test_forum_topic_is_kept(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(-500, thread_id=12, chat_type="supergroup"))
    broadcaster, sender, _ = make()
    await broadcaster.run_due(at(SAT, 9))
    assert sender.calls[0][:2] == (-500, 12)


async def test_a_crash_between_claim_and_finish_never_sends_twice(db_path: Path, store: FactStore, clock: FakeClock) -> None:
    before = await Repository.open(db_path)
    await subscribe(before, sub(1), sub(2), sub(3))
    assert await before.claim_delivery(2, SAT)  # the process died right after this claim
    await before.close()

    after = await Repository.open(db_path)
    try:
        sender = FakeSender(clock)
        broadcaster = Broadcaster(after, store, sender, Renderer(), clock=clock, sleep=clock.sleep)
        summary = await broadcaster.run_due(at(SAT, 9, 30))
        assert sorted(sender.chats()) == [1, 3] and summary.sent == 2
        assert await after.delivery_status(2, SAT) == "claimed"
        await broadcaster.broadcast_date(SAT)
        assert sorted(sender.chats()) == [1, 3]
    finally:
        await after.close()


async def test_broadcast_date_sends_now_to_everyone_not_served(repo: Repository, make: Make) -> None:
    await subscribe(repo, *(sub(i, time=dt.time(23, 0)) for i in range(1, 6)))
    assert await repo.claim_delivery(5, SAT)
    await repo.claim_deliveries([], [(5, SAT, "sent")])
    broadcaster, sender, _ = make()
    seen: list[tuple[int, int]] = []
    summary = await broadcaster.broadcast_date(SAT, progress=lambda done, total: seen.append((done, total)))
    assert summary.sent == 4 and sorted(sender.chats()) == [1, 2, 3, 4]
    assert seen[-1] == (4, 4) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert (await broadcaster.run_due(at(SAT, 23, 30))) == Summary()
    assert len(sender.calls) == 4


async def test_broadcast_date_retries_failed_chats(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1))
    for _ in range(5):
        assert await repo.claim_delivery(1, SAT)
        await repo.claim_deliveries([], [(1, SAT, "failed")])
    broadcaster, sender, _ = make()
    assert (await broadcaster.run_due(at(SAT, 12))) == Summary()  # run_due gave up on it
    summary = await broadcaster.broadcast_date(SAT)  # the operator did not
    assert summary.sent == 1 and sender.chats() == [1]


async def test_global_rate_holds(repo: Repository, make: Make, clock: FakeClock) -> None:
    await subscribe(repo, *(sub(i) for i in range(1, 12)))
    # One worker: the fake clock jumps whenever a worker sleeps, so with many workers it would
    # count a real-time intent commit as seconds (the limiter's own tests cover concurrency).
    broadcaster, sender, _ = make(rate_per_second=5.0, concurrency=1)
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.sent == 11
    times = sorted(c[3] for c in sender.calls)
    assert times[-1] >= 2.0 - 1e-9  # 1 token of burst, then 5 a second
    for start in times:
        assert len([t for t in times if start <= t < start + 1.0 - 1e-9]) <= 6


async def test_group_window_holds(repo: Repository, make: Make, clock: FakeClock) -> None:
    await subscribe(repo, sub(-7))
    broadcaster, sender, _ = make(parts=["a", "b", "c"], group_per_minute=2)
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.sent == 1
    times = [c[3] for c in sender.calls]
    assert times[2] >= times[0] + 60.0


async def test_render_failure_is_recorded_as_failed(repo: Repository, make: Make) -> None:
    await subscribe(repo, sub(1))
    broadcaster, sender, render = make()

    def broken(subscription: Subscription, digest: Digest) -> list[str]:
        raise KeyError("missing translation")

    broadcaster.render = broken
    summary = await broadcaster.run_due(at(SAT, 9))
    assert summary.failed == 1 and sender.calls == []
    assert await repo.delivery_status(1, SAT) == "failed"


async def test_cancelled_before_its_turn_claims_nothing(repo: Repository, store: FactStore, clock: FakeClock) -> None:
    await subscribe(repo, sub(1))
    waiting = asyncio.Event()

    async def stuck(seconds: float) -> None:
        waiting.set()
        await asyncio.Event().wait()

    sender = FakeSender(clock)
    broadcaster = Broadcaster(repo, store, sender, Renderer(), clock=clock, sleep=stuck)
    broadcaster.limiter.pause(100.0)
    task = asyncio.create_task(broadcaster.run_due(at(SAT, 9)))
    await asyncio.wait_for(waiting.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert sender.calls == []
    assert await repo.delivery_status(1, SAT) is None, "the intent is written only when the send is about to go"


async def test_cancelled_while_backing_off_gives_the_claim_back(repo: Repository, store: FactStore,
                                                               clock: FakeClock) -> None:
    await subscribe(repo, sub(1))
    waiting = asyncio.Event()

    async def stuck(seconds: float) -> None:
        waiting.set()
        await asyncio.Event().wait()

    sender = FakeSender(clock, {1: [SendOutcome.transient("connect refused")]})
    broadcaster = Broadcaster(repo, store, sender, Renderer(), clock=clock, sleep=stuck)
    task = asyncio.create_task(broadcaster.run_due(at(SAT, 9)))
    await asyncio.wait_for(waiting.wait(), 10)
    assert await repo.delivery_status(1, SAT) == "claimed" and sender.chats() == [1]
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await repo.delivery_status(1, SAT) is None, "the only send surely did not leave: the claim goes back"
    summary = await broadcaster.run_due(at(SAT, 9, 1))
    assert summary.sent == 1 and sender.chats() == [1, 1]


@pytest.mark.parametrize("stop_after", [1, 7, 20])
async def test_a_cancelled_run_gives_back_every_claim_it_did_not_send(
    repo: Repository, store: FactStore, clock: FakeClock, stop_after: int
) -> None:
    """Cancelled at any point, with many workers committing intents: a row stays only for a chat
    whose request started, and each of those has its row (sent, or claimed when in flight)."""
    await subscribe(repo, *(sub(i) for i in range(1, 41)))
    enough = asyncio.Event()
    started: list[int] = []

    class Slow:
        async def send(self, chat_id: int, thread_id: int | None, text: str) -> SendOutcome:
            started.append(chat_id)
            if len(started) >= stop_after:
                enough.set()
            await asyncio.sleep(0.001)
            return SendOutcome.sent()

    broadcaster = Broadcaster(repo, store, Slow(), Renderer(), rate_per_second=10_000, clock=clock, sleep=clock.sleep)
    task = asyncio.create_task(broadcaster.broadcast_date(SAT))
    await asyncio.wait_for(enough.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    rows = {chat: await repo.delivery_status(chat, SAT) for chat in range(1, 41)}
    kept = {chat for chat, status in rows.items() if status is not None}
    assert kept == set(started), "a claim without a request went back; a request keeps its row"
    first = len(started)
    assert first < 40, "the stop came mid-run"
    summary = await broadcaster.broadcast_date(SAT)
    assert summary.sent == 40 - first and sorted(started[first:]) == sorted(set(range(1, 41)) - set(started[:first])), \
        "the rerun sends exactly the rest"


async def test_cancelled_during_a_send_keeps_the_claim(repo: Repository, store: FactStore, clock: FakeClock) -> None:
    await subscribe(repo, sub(1))
    started = asyncio.Event()

    class Hanging:
        async def send(self, chat_id: int, thread_id: int | None, text: str) -> SendOutcome:
            started.set()
            await asyncio.Event().wait()
            return SendOutcome.sent()

    broadcaster = Broadcaster(repo, store, Hanging(), Renderer(), clock=clock, sleep=clock.sleep)
    task = asyncio.create_task(broadcaster.run_due(at(SAT, 9)))
    await asyncio.wait_for(started.wait(), 2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await repo.delivery_status(1, SAT) == "claimed"
    assert await repo.served_chat_ids(SAT) == {1}


async def test_wall_clock_steps_neither_resend_nor_lose_a_day(repo: Repository, make: Make) -> None:
    """Ticks a minute apart by the monotonic clock, the wall clock stepping both ways around them."""
    await subscribe(repo, sub(1, time=dt.time(9, 0)), sub(2, time=dt.time(23, 59)))
    broadcaster, sender, _ = make()
    await broadcaster.run_due(at(SAT, 9, 0))
    assert sender.chats() == [1]
    assert await broadcaster.run_due(at(SAT, 8, 56)) == Summary(), "stepped back 4 minutes: nothing again"
    assert await broadcaster.run_due(at(SAT, 9, 1)) == Summary()
    await broadcaster.run_due(at(SAT, 23, 58))
    # An hour fast for a minute, across midnight, then corrected: chat 2's 23:59 never showed on the wall.
    fast = await broadcaster.run_due(at(SAT, 23, 59) + dt.timedelta(hours=1))
    assert fast.sent == 1 and sender.chats() == [1, 2] and await repo.delivery_status(2, SAT) == "sent"
    corrected = at(SAT, 23, 59) + dt.timedelta(seconds=30)
    assert await broadcaster.run_due(corrected) == Summary(), "back before midnight: no second message"
    await broadcaster.run_due(at(SAT + dt.timedelta(days=1), 9, 0))
    assert sender.chats() == [1, 2, 1], "the next day goes on as usual"


async def test_the_minute_tick_delivers_within_a_minute_of_the_wall_time_whatever_the_steps(
    repo: Repository, make: Make
) -> None:
    """The Ticker (monotonic) drives run_due with the wall clock; the wall clock steps back 4
    minutes, then an hour, then is corrected: the 09:00 chat is served at the first tick whose
    wall time is past 09:00, and once."""
    await subscribe(repo, sub(1, time=dt.time(9, 0)))
    broadcaster, sender, _ = make()
    monotonic = FakeClock()
    start = at(SAT, 8, 55)
    offset = dt.timedelta(0)
    steps = {2: dt.timedelta(minutes=-4), 12: dt.timedelta(hours=-1), 14: dt.timedelta(0)}
    ticks: list[tuple[dt.datetime, int]] = []
    enough = asyncio.Event()

    async def step() -> None:
        nonlocal offset
        offset = steps.get(len(ticks), offset)
        wall = start + dt.timedelta(seconds=monotonic.now) + offset
        await broadcaster.run_due(wall)
        ticks.append((wall, len(sender.calls)))
        if len(ticks) == 16:
            enough.set()

    ticker = Ticker(step, 60.0, 0.0, clock=monotonic, sleep=monotonic.sleep)
    ticker.start()
    await asyncio.wait_for(enough.wait(), 30)
    await ticker.stopped()
    first = next(i for i, (_, calls) in enumerate(ticks) if calls)
    assert ticks[first][0] >= at(SAT, 9, 0) > ticks[first - 1][0], "served at the first tick past 09:00 on the wall"
    assert ticks[first][0] - at(SAT, 9, 0) < dt.timedelta(minutes=1), "not a minute late"
    assert [calls for _, calls in ticks][-1] == 1, "the step back and the correction sent nothing again"
