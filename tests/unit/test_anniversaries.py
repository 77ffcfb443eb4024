"""Anniversaries of a day and the digest each subscription mode gets."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.anniversaries import (
    Digest,
    build_digest,
    fact_of_the_day,
    fact_pool,
    has_digest,
    next_anniversary,
    next_monday,
    on_day,
)
from bot.model import Claim, Fact, PartialDate
from bot.store import FactStore


def fact(fid: str, date: str | None = None, claims: tuple[str, ...] = ()) -> Fact:
    return Fact(
        id=fid,
        kind="event",
        title={"kk": fid, "ru": fid, "en": fid},
        text={"kk": "", "ru": "", "en": ""},
        date=PartialDate.parse(date) if date else None,
        claims=tuple(Claim(date=PartialDate.parse(c), value=None, unit=None, qualifier=None, note={}, cite=()) for c in claims),
    )


@pytest.fixture
def store() -> FactStore:
    return FactStore(
        [
            fact("treaty", "1992-05-25"),
            fact("visit", "2000-05-25"),
            fact("month_only", "1995-05"),
            fact("year_only", "1995"),
            fact("leap", "1996-02-29"),
            fact("disputed", claims=("1991-12-16", "1991-12-17")),
            fact("same_day_twice", "1994-03-29", claims=("1994-03-29", "1993-03-29")),
            fact("recent", "2024-06-01"),
        ],
        [],
    )


def ids(items: tuple[object, ...]) -> list[str]:
    return [item.fact.id for item in items]  # type: ignore[attr-defined]


def test_on_day_lists_anniversaries_with_years(store: FactStore) -> None:
    items = on_day(store, dt.date(2024, 5, 25))
    assert ids(items) == ["treaty", "visit"]
    assert [(i.years_ago, i.is_round) for i in items] == [(32, False), (24, False)]
    assert all(i.on == dt.date(2024, 5, 25) for i in items)
    round_items = on_day(store, dt.date(2022, 5, 25))
    assert [(i.fact.id, i.years_ago, i.is_round) for i in round_items] == [
        ("treaty", 30, True),
        ("visit", 22, False),
    ]


def test_month_and_year_precision_never_count(store: FactStore) -> None:
    day = dt.date(2020, 1, 1)
    seen: set[str] = set()
    while day.year == 2020:
        seen.update(ids(on_day(store, day)))
        day += dt.timedelta(days=1)
    assert "month_only" not in seen and "year_only" not in seen
    assert {"treaty", "visit", "leap", "disputed", "same_day_twice"} == seen  # "recent" is in the future


def test_less_than_a_year_is_left_out(store: FactStore) -> None:
    assert on_day(store, dt.date(2024, 6, 1)) == ()
    assert [(i.years_ago, i.is_round) for i in on_day(store, dt.date(2025, 6, 1))] == [(1, False)]


def test_29_february_shows_on_28_february_in_non_leap_years(store: FactStore) -> None:
    assert ids(on_day(store, dt.date(2023, 2, 28))) == ["leap"]
    assert on_day(store, dt.date(2023, 2, 28))[0].years_ago == 27
    assert on_day(store, dt.date(2024, 2, 28)) == ()
    assert ids(on_day(store, dt.date(2024, 2, 29))) == ["leap"]
    assert ids(on_day(store, dt.date(2100, 2, 28))) == ["leap"]  # 2100 is not a leap year


def test_disputed_dates_each_remembered_and_a_fact_appears_once_a_day(store: FactStore) -> None:
    assert [i.date for i in on_day(store, dt.date(2021, 12, 16))] == [PartialDate(1991, 12, 16)]
    assert [i.date for i in on_day(store, dt.date(2021, 12, 17))] == [PartialDate(1991, 12, 17)]
    twice = on_day(store, dt.date(2024, 3, 29))
    assert ids(twice) == ["same_day_twice"]
    assert twice[0].date == PartialDate(1994, 3, 29)  # its own date wins over the claims


def test_anniversaries_mode_skips_empty_days(store: FactStore) -> None:
    assert build_digest(store, dt.date(2024, 5, 24), "anniversaries") is None
    digest = build_digest(store, dt.date(2024, 5, 25), "anniversaries")
    assert digest is not None and digest.mode == "anniversaries"
    assert ids(digest.items) == ["treaty", "visit"] and digest.upcoming is None


def test_daily_mode_names_the_next_anniversary(store: FactStore) -> None:
    digest = build_digest(store, dt.date(2024, 5, 20), "daily")
    assert isinstance(digest, Digest) and digest.items == ()
    assert digest.upcoming is not None
    day, days_away, items = digest.upcoming
    assert (day, days_away, ids(items)) == (dt.date(2024, 5, 25), 5, ["treaty", "visit"])
    today = build_digest(store, dt.date(2024, 5, 25), "daily")
    assert today is not None and today.upcoming is None and len(today.items) == 2


def test_weekly_mode_on_mondays_with_the_whole_week(store: FactStore) -> None:
    monday = dt.date(2024, 5, 20)
    digest = build_digest(store, monday, "weekly")
    assert digest is not None and ids(digest.items) == ["treaty", "visit"]
    assert all(i.on == dt.date(2024, 5, 25) for i in digest.items)
    for offset in range(1, 7):
        assert build_digest(store, monday + dt.timedelta(days=offset), "weekly") is None
    empty = build_digest(store, dt.date(2024, 7, 1), "weekly")  # a Monday, empty week: says so
    assert empty is not None and empty.items == () and empty.week_end == dt.date(2024, 7, 7)
    assert empty.upcoming is not None and empty.upcoming[:2] == (dt.date(2024, 12, 16), 162)


def test_weekly_shows_a_disputed_fact_once(store: FactStore) -> None:
    digest = build_digest(store, dt.date(2024, 12, 16), "weekly")
    assert digest is not None and ids(digest.items) == ["disputed"]


def test_weekly_across_new_year(store: FactStore) -> None:
    extra = FactStore([fact("ny", "1990-01-02"), fact("nye", "1990-12-31")], [])
    digest = build_digest(extra, dt.date(2024, 12, 30), "weekly")
    assert digest is not None
    assert [(i.fact.id, i.on, i.years_ago) for i in digest.items] == [
        ("nye", dt.date(2024, 12, 31), 34),
        ("ny", dt.date(2025, 1, 2), 35),
    ]


def test_next_anniversary(store: FactStore) -> None:
    found = next_anniversary(store, dt.date(2025, 5, 25))
    assert found is not None and found[:2] == (dt.date(2025, 6, 1), 7) and ids(found[2]) == ["recent"]
    # in 2024 "recent" is not a year old yet, so the next one is December's
    found = next_anniversary(store, dt.date(2024, 5, 25))
    assert found is not None and found[:2] == (dt.date(2024, 12, 16), 205)
    assert next_anniversary(FactStore([], []), dt.date(2024, 1, 1)) is None
    assert next_anniversary(FactStore([fact("m", "1999-05")], []), dt.date(2024, 1, 1)) is None


def test_has_digest(store: FactStore) -> None:
    assert has_digest(store, dt.date(2024, 5, 24), "daily")
    assert not has_digest(store, dt.date(2024, 5, 24), "anniversaries")
    assert has_digest(store, dt.date(2024, 5, 25), "anniversaries")
    assert has_digest(store, dt.date(2024, 5, 20), "weekly")
    assert not has_digest(store, dt.date(2024, 5, 21), "weekly")
    assert has_digest(store, dt.date(2024, 7, 1), "weekly"), "every Monday, even of an empty week"


@pytest.mark.parametrize("years", [1, 4, 5, 10, 15, 20, 25, 30, 34, 50, 100])
def test_round_is_every_fifth_year(years: int) -> None:
    store = FactStore([fact("treaty", "1992-10-22")], [])
    [item] = on_day(store, dt.date(1992 + years, 10, 22))
    assert item.years_ago == years and item.is_round == (years % 5 == 0)


def test_real_data_month_or_year_dated_facts_are_never_on_this_day() -> None:
    """Over a whole leap year and every weekly digest, only facts with a full day show up, on that day."""
    from bot.loader import default_data_dir, load_store

    real = load_store(default_data_dir())
    vague = {f.id for f in real.facts if f.date is not None and f.date.day is None and not f.claims}
    assert vague, "the data has month- and year-dated facts to check"
    day = dt.date(2028, 1, 1)
    while day.year == 2028:
        for item in on_day(real, day):
            assert item.fact.id not in vague
            assert item.date.day == day.day and item.date.month == day.month
        weekly = build_digest(real, day, "weekly")
        assert weekly is None or not {i.fact.id for i in weekly.items} & vague
        day += dt.timedelta(days=1)


def test_a_day_without_anniversaries_brings_a_fact_of_the_day_and_the_next_anniversary(store: FactStore) -> None:
    digest = build_digest(store, dt.date(2024, 5, 20), "daily")
    assert digest is not None and len(digest.pool) == len(store)
    chosen = fact_of_the_day(digest, chat_id=42)
    assert chosen is not None and chosen in store.facts
    assert fact_of_the_day(digest, chat_id=42) == chosen, "the same chat and day always get the same fact"
    busy = build_digest(store, dt.date(2024, 5, 25), "daily")
    assert busy is not None and busy.pool == () and fact_of_the_day(busy, 42) is None


@pytest.mark.parametrize("chat_id", [1, 42, -100555, 10**12])
def test_a_chat_sees_no_fact_twice_until_it_has_seen_them_all(store: FactStore, chat_id: int) -> None:
    start = dt.date(2026, 1, 5)
    seen = []
    for offset in range(len(store)):
        digest = build_digest(store, start + dt.timedelta(days=offset), "daily")
        if digest is None or digest.items:  # days with anniversaries send those instead
            continue
        chosen = fact_of_the_day(digest, chat_id)
        assert chosen is not None
        seen.append(chosen.id)
    assert len(seen) == len(set(seen)) and len(seen) > len(store) // 2


def test_fact_pool_is_all_facts_in_an_order_that_does_not_follow_the_timeline() -> None:
    from bot.loader import default_data_dir, load_store

    real = load_store(default_data_dir())
    pool = fact_pool(real)
    assert sorted(f.id for f in pool) == sorted(f.id for f in real.facts)
    assert [f.id for f in pool] != [f.id for f in real.facts]
    digest = Digest(dt.date(2026, 3, 10), "daily", (), None, pool)
    chats = {getattr(fact_of_the_day(digest, chat), "id", None) for chat in range(1, 30)}
    assert len(chats) > 10, "chats start at different places in the pool"


@pytest.mark.parametrize(
    ("day", "monday"),
    [(dt.date(2026, 3, 9), dt.date(2026, 3, 9)), (dt.date(2026, 3, 10), dt.date(2026, 3, 16)),
     (dt.date(2026, 3, 15), dt.date(2026, 3, 16)), (dt.date(2025, 12, 31), dt.date(2026, 1, 5))],
)
def test_next_monday(day: dt.date, monday: dt.date) -> None:
    assert next_monday(day) == monday
    assert next_monday(day, include_today=False) == (monday if monday != day else day + dt.timedelta(days=7))
