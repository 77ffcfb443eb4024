"""The use cases that read and write the database, on a real SQLite file: subscribing, the settings
buttons, unsubscribing, the chat's language, and the operators' counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.model import Fact, PartialDate
from bot.schedule import ScheduleError
from bot.storage import Repository
from bot.store import FactStore
from bot.subscription import Subscription
from bot.usecases import language, operators, subscriptions

NOON_ALMATY = dt.datetime(2026, 3, 10, 7, 0, tzinfo=dt.UTC)  # 12:00 in Asia/Almaty (UTC+5)


@pytest.fixture
async def repo(db_path: Path) -> AsyncIterator[Repository]:
    repository = await Repository.open(db_path)
    yield repository
    await repository.close()


@pytest.fixture
def store() -> FactStore:
    names = {"kk": "x", "ru": "x", "en": "x"}
    return FactStore([Fact(id="treaty", kind="treaty", title=names, text=names, date=PartialDate.parse("1992-03-12"))], {})


async def subscribe(repo: Repository, store: FactStore, *args: str, chat_id: int = 1, lang: str = "ru",
                    now: dt.datetime = NOON_ALMATY) -> subscriptions.SubscriptionView:
    return await subscriptions.subscribe(repo, store, now, chat_id=chat_id, thread_id=None, chat_type="private",
                                         lang=lang, args=args, default_tz="Asia/Almaty")


async def test_subscribe_takes_the_defaults_then_keeps_what_the_chat_chose(repo: Repository, store: FactStore) -> None:
    first = await subscribe(repo, store)
    assert first.created
    assert (first.sub.time, first.sub.tz, first.sub.mode, first.sub.lang) == (dt.time(9, 0), "Asia/Almaty",
                                                                              "anniversaries", "ru")
    assert first.next_at == dt.datetime(2026, 3, 12, 9, 0, tzinfo=first.next_at.tzinfo), "the next anniversary"
    again = await subscribe(repo, store, "Europe/Moscow", "8:30")
    assert not again.created and (again.sub.time, again.sub.tz) == (dt.time(8, 30), "Europe/Moscow")
    third = await subscribe(repo, store, "10:15")
    assert (third.sub.time, third.sub.tz) == (dt.time(10, 15), "Europe/Moscow"), "the zone stays"
    assert await repo.get_subscription(1) == third.sub


async def test_subscribe_refuses_what_it_cannot_read_and_stores_nothing(repo: Repository, store: FactStore) -> None:
    with pytest.raises(ScheduleError) as bad:
        await subscribe(repo, store, "25:61")
    assert bad.value.code == "bad_time"
    with pytest.raises(ScheduleError):
        await subscribe(repo, store, "Mars/Base")
    assert await repo.get_subscription(1) is None


async def test_a_time_passed_today_unserved_is_shown_as_the_next_tick(repo: Repository) -> None:
    names = {"kk": "x", "ru": "x", "en": "x"}
    today = FactStore([Fact(id="today", kind="event", title=names, text=names, date=PartialDate.parse("1995-03-10"))], {})
    view = await subscribe(repo, today, "09:00")
    assert view.next_at is not None and view.next_at.astimezone(dt.UTC) == NOON_ALMATY + dt.timedelta(minutes=1)


async def test_settings_buttons_change_one_thing_and_turn_the_subscription_on(repo: Repository,
                                                                              store: FactStore) -> None:
    assert await subscriptions.change_setting(repo, store, NOON_ALMATY, 1, "mode", "daily") is None, "no subscription"
    await subscribe(repo, store)
    assert await subscriptions.unsubscribe(repo, 1) == "stopped"
    view = await subscriptions.change_setting(repo, store, NOON_ALMATY, 1, "mode", "daily")
    assert view is not None and view.sub.mode == "daily" and view.sub.active and view.resumed and view.catch_up
    assert view.next_at is not None and view.next_at.astimezone(dt.UTC) == NOON_ALMATY + dt.timedelta(minutes=1), \
        "daily, today's 9:00 passed unserved: the next tick catches up"
    view = await subscriptions.change_setting(repo, store, NOON_ALMATY, 1, "time", "0700")
    assert view is not None and view.sub.time == dt.time(7, 0) and not view.resumed, "it was already on"
    view = await subscriptions.change_setting(repo, store, NOON_ALMATY, 1, "tz", "UTC")
    assert view is not None and view.sub.tz == "UTC"
    view = await subscriptions.change_setting(repo, store, NOON_ALMATY, 1, "lang", "kk")
    assert view is not None and view.sub.lang == "kk" and await repo.get_language(1) == "kk"
    for field, value in (("mode", "hourly"), ("time", "9999"), ("tz", "Mars/Base"), ("lang", "de"), ("colour", "red")):
        with pytest.raises(ScheduleError):
            await subscriptions.change_setting(repo, store, NOON_ALMATY, 1, field, value)
    assert await repo.get_subscription(1) == view.sub, "a refused button changes nothing"


async def test_unsubscribe_keeps_the_settings(repo: Repository, store: FactStore) -> None:
    assert await subscriptions.unsubscribe(repo, 1) == "none", "nothing to stop"
    await subscribe(repo, store, "07:45")
    assert await subscriptions.unsubscribe(repo, 1) == "stopped"
    assert await subscriptions.unsubscribe(repo, 1) == "already"
    view = await subscriptions.current(repo, store, NOON_ALMATY, 1)
    assert view is not None and not view.sub.active and view.sub.time == dt.time(7, 45) and view.next_at is None
    assert await subscriptions.current(repo, store, NOON_ALMATY, 2) is None


async def test_changing_the_language_rewrites_an_active_subscription_only(repo: Repository, store: FactStore) -> None:
    await subscribe(repo, store, chat_id=1, lang="ru")
    await subscribe(repo, store, chat_id=2, lang="ru")
    await subscriptions.unsubscribe(repo, 2)
    await language.set_language(repo, 1, "kk")
    await language.set_language(repo, 2, "en")
    await language.set_language(repo, 3, "en")
    assert [await repo.get_language(c) for c in (1, 2, 3)] == ["kk", "en", "en"]
    one, two = await repo.get_subscription(1), await repo.get_subscription(2)
    assert one is not None and one.lang == "kk"
    assert two is not None and two.lang == "ru" and not two.active, "a stopped subscription is left as it was"
    assert await repo.get_subscription(3) is None
    with pytest.raises(ValueError):
        await language.set_language(repo, 1, "de")


async def test_operator_counts(repo: Repository, store: FactStore) -> None:
    for chat_id, tz, at in ((1, "Asia/Almaty", "09:00"), (2, "Asia/Almaty", "18:00"), (3, "Europe/Moscow", "06:00"),
                            (4, "Asia/Almaty", "08:00")):
        await subscribe(repo, store, tz, at, chat_id=chat_id, lang="kk" if chat_id == 4 else "ru")
    await repo.upsert_subscription(Subscription(5, None, dt.time(9), "Nowhere/Gone", "daily", "en"))
    today = dt.date(2026, 3, 10)
    assert await repo.claim_delivery(1, today)
    assert await repo.claim_delivery(4, today - dt.timedelta(days=1))

    stats = await operators.stats(repo, store, today)
    assert (stats.active, stats.served_today, stats.served_yesterday) == (5, 1, 1)
    assert stats.langs == {"ru": 3, "kk": 1, "en": 1} and stats.modes == {"anniversaries": 4, "daily": 1}
    assert stats.chat_types == {"private": 5} and (stats.facts, stats.sources) == (1, 0)

    status = await operators.broadcast_status(repo, NOON_ALMATY)
    # chat 1 served; 3 (06:00, now 10:00 in Moscow) and 4 (08:00) due and unserved; 2 (18:00) later; 5 unusable
    assert status == operators.BroadcastStatus(served=1, due=2, later=1, broken=1)
