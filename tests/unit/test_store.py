"""The fact store's lookups over the real data, and PartialDate parsing."""

from __future__ import annotations

import datetime as dt

import pytest
from test_loader import real_store  # one load of the real data for both modules

from bot.model import KINDS, Fact, PartialDate
from bot.store import FactStore

FRIENDSHIP = "tr-friendship-treaty-1992"
DIPLOMATIC = "ev-diplomatic-relations-1992"  # data/events.yaml, date "1992-10-22"
TURNOVER_2011 = "td-trade-turnover-2011"  # data/trade.yaml, date "2011"
MEDVEDEV_2008 = "vi-medvedev-first-trip-2008"  # data/visits.yaml, date "2008-05"


@pytest.fixture
def store() -> FactStore:
    return real_store()


def ids(facts: tuple[Fact, ...]) -> set[str]:
    return {f.id for f in facts}


def day_ids(store: FactStore, month: int, day: int) -> dict[str, PartialDate]:
    return {fact.id: date for fact, date in store.on_day(month, day)}


# --- lookups ----------------------------------------------------------------------------------


def test_get_by_id(store: FactStore) -> None:
    fact = store.get(DIPLOMATIC)
    assert fact is not None
    assert fact.id == DIPLOMATIC and fact.kind == "event"
    assert fact.date == PartialDate(1992, 10, 22)
    assert store.get("no-such-fact") is None
    assert all(store.get(f.id) is f for f in store.facts)


def test_by_kind(store: FactStore) -> None:
    treaties = store.by_kind("treaty")
    assert treaties and FRIENDSHIP in ids(treaties)
    assert all(f.kind == "treaty" for f in treaties)
    assert store.by_kind("no-such-kind") == ()
    # the kinds partition the facts
    assert sum(len(store.by_kind(k)) for k in KINDS) == len(store)
    assert set().union(*(ids(store.by_kind(k)) for k in KINDS)) == ids(store.facts)


def test_treaties_are_dated_documents_not_catch_alls(store: FactStore) -> None:
    """/treaties lists treaties, agreements, declarations: each one document, dated by its source."""
    treaties = store.by_kind("treaty")
    assert all(f.when is not None for f in treaties), [f.id for f in treaties if f.when is None]
    catch_alls = {"tr-ministry-agreements-1992", "tr-documents-since-independence", "tr-baikonur-agreement-balancing"}
    assert catch_alls <= ids(store.facts) and not catch_alls & ids(treaties)


def test_by_year(store: FactStore) -> None:
    facts_2011 = store.by_year(2011)
    assert TURNOVER_2011 in ids(facts_2011)
    assert all(2011 in f.years for f in facts_2011)
    assert FRIENDSHIP in ids(store.by_year(1992))
    assert store.by_year(1066) == ()
    assert list(store.years()) == sorted(set(store.years()))


def test_by_year_covers_a_whole_period(store: FactStore) -> None:
    periods = [f for f in store.facts if f.start and f.end and f.end.year - f.start.year >= 2]
    assert periods, "the data has multi-year periods"
    for fact in periods:
        assert fact.start is not None and fact.end is not None
        for year in range(fact.start.year, fact.end.year + 1):
            assert fact in store.by_year(year), (fact.id, year)


def test_in_years(store: FactStore) -> None:
    found = store.in_years(2011, 2011)
    assert ids(found) == ids(store.by_year(2011))
    span = store.in_years(1991, 1993)
    assert FRIENDSHIP in ids(span) and DIPLOMATIC in ids(span)
    assert len(span) == len(ids(span))


def test_facts_are_in_timeline_order(store: FactStore) -> None:
    dated = [f.when for f in store.facts if f.when]
    keys = [(d.year, d.month or 0, d.day or 0) for d in dated]
    assert keys == sorted(keys)
    # undated facts come last
    first_undated = next((i for i, f in enumerate(store.facts) if f.when is None), len(store))
    assert all(f.when is None for f in store.facts[first_undated:])


def test_on_day_diplomatic_relations(store: FactStore) -> None:
    assert day_ids(store, 10, 22)[DIPLOMATIC] == PartialDate(1992, 10, 22)


def test_on_day_friendship_treaty_under_both_claimed_dates(store: FactStore) -> None:
    assert day_ids(store, 5, 25)[FRIENDSHIP] == PartialDate(1992, 5, 25)
    assert day_ids(store, 10, 20)[FRIENDSHIP] == PartialDate(1992, 10, 20)


def test_on_day_empty_day(store: FactStore) -> None:
    empty = [(m, d) for m in range(1, 13) for d in range(1, 29) if (m, d) not in store.anniversary_days()]
    assert empty, "some day of the year has no anniversary"
    assert store.on_day(*empty[0]) == ()


def test_month_or_year_dates_never_fall_on_a_day(store: FactStore) -> None:
    medvedev = store.get(MEDVEDEV_2008)
    assert medvedev is not None and medvedev.date == PartialDate(2008, 5)
    assert medvedev.anniversary_dates == ()
    vague = {f.id for f in store.facts if not f.anniversary_dates}
    assert MEDVEDEV_2008 in vague and TURNOVER_2011 in vague
    for month, day in store.anniversary_days():
        for fact, date in store.on_day(month, day):
            assert fact.id not in vague
            assert date.precision == "day" and date.month_day == (month, day)
    # and not on any other calendar day either, including days without anniversaries
    for month in range(1, 13):
        for day in range(1, 32):
            assert not {f.id for f, _ in store.on_day(month, day)} & vague


def test_anniversary_days(store: FactStore) -> None:
    days = store.anniversary_days()
    assert list(days) == sorted(set(days))
    assert (5, 25) in days and (10, 20) in days and (10, 22) in days
    for month, day in days:
        dt.date(2024, month, day)  # a real calendar day (2024 is a leap year)
        assert store.on_day(month, day)
    expected = {d.month_day for f in store.facts for d in f.anniversary_dates}
    assert set(days) == expected


# --- PartialDate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("1992", PartialDate(1992), "year"),
        ("2008-05", PartialDate(2008, 5), "month"),
        ("1992-10-22", PartialDate(1992, 10, 22), "day"),
        ("2024-02-29", PartialDate(2024, 2, 29), "day"),
        ("2000-02-29", PartialDate(2000, 2, 29), "day"),
        ("1511", PartialDate(1511), "year"),
    ],
)
def test_parse_good(text: str, expected: PartialDate, precision: str) -> None:
    date = PartialDate.parse(text)
    assert date == expected
    assert date.precision == precision
    assert date.iso() == text
    assert date.month_day == ((date.month, date.day) if precision == "day" else None)


@pytest.mark.parametrize(
    "text",
    [
        "2023-02-29",  # Feb 29 on a non-leap year
        "1900-02-29",  # century, not a leap year
        "1992-13-40",
        "1992-02-30",
        "1992-04-31",
        "1992-00-10",
        "1992-10-00",
        "1992-13",
        "1992-00",
        "92",
        "19920",
        "1992-1",
        "1992-1-5",
        "1992-10-5",
        "1992-10-22-01",
        "1992/10/22",
        "22.10.1992",
        "1992-10-22T00:00",
        " 1992",
        "-1992",
        "199x",
        "",
        "--",
    ],
)
def test_parse_bad(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_ordering_within_one_precision() -> None:
    assert PartialDate(1992, 5, 25) < PartialDate(1992, 10, 20) < PartialDate(1993, 1, 1)
    assert PartialDate(1992) < PartialDate(1993)
    assert PartialDate(1992, 5, 25) < PartialDate(1993)
def test_ordering_across_precisions_in_one_year() -> None:
    assert PartialDate(1992) <= PartialDate(1992, 10)
