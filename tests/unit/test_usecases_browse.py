"""The browse use cases and the answer-language policy, as pure functions of a small fact store."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.model import Fact, PartialDate
from bot.store import FactStore
from bot.usecases import browse
from bot.usecases.browse import ALL, GROUP_SUMMARY, PAGE_SIZE, ListLink
from bot.usecases.language import answer_language, chat_language, question_language


def fact(fid: str, kind: str, date: str | None) -> Fact:
    names = {"kk": fid, "ru": fid, "en": fid}
    return Fact(id=fid, kind=kind, title=names, text=names, date=PartialDate.parse(date) if date else None)


@pytest.fixture
def store() -> FactStore:
    visits = [fact(f"visit-{y}", "visit", f"{y}-03-0{1 + y % 5}") for y in range(1992, 2006)]
    return FactStore([
        fact("treaty-a", "treaty", "1992-05-25"), fact("treaty-b", "treaty", "1998-07-06"),
        fact("undated", "event", None), fact("leap", "event", "2000-02-29"), *visits,
    ], {})


def test_lists_hold_their_kind_a_year_or_a_decade(store: FactStore) -> None:
    assert [f.id for f in browse.list_facts(store, "t", ALL)] == ["treaty-a", "treaty-b"]
    assert [f.id for f in browse.list_facts(store, "v", "1995")] == ["visit-1995"]
    assert len(browse.list_facts(store, "v", ALL)) == 14
    decade = {f.id for f in browse.list_facts(store, "tl", "1990s")}
    assert decade == {"treaty-a", "treaty-b", *(f"visit-{y}" for y in range(1992, 2000))}
    assert "undated" not in {f.id for f in browse.list_facts(store, "tl", ALL)}
    assert browse.list_facts(store, "zz", ALL) == []


@pytest.mark.parametrize(("text", "expected"), [
    (None, ALL), ("-", ALL), ("1990s", "1990s"), ("1990-е", "1990s"), ("1990 жж".replace(" ", ""), "1990s"),
    ("1990", "1990"), ("١٩٩٠s", None), ("²⁰⁰⁸", None), ("abc", None), ("1400", None), ("2100", None),
])
def test_timeline_argument(text: str | None, expected: str | None) -> None:
    assert browse.timeline_arg(text) == expected


@pytest.mark.parametrize(("text", "expected"), [(None, ALL), ("2008", "2008"), ("1990s", None), ("٢٠٠٨", "2008")])
def test_visits_argument(text: str | None, expected: str | None) -> None:
    assert browse.visits_arg(text) == expected


def test_pages_are_clamped_to_the_list(store: FactStore) -> None:
    page = browse.list_page(store, "v", ALL, 99)
    assert (page.page, page.pages, page.total) == (2, 3, 14)
    assert len(page.facts) == 14 - 2 * PAGE_SIZE
    assert browse.list_page(store, "t", ALL, -1).page == 0


def test_groups_get_a_summary_of_long_lists_and_a_link(store: FactStore) -> None:
    view = browse.show_list(store, "v", ALL, in_group=True)
    assert len(view.summary) == GROUP_SUMMARY and view.first_page is None and view.link_payload == "v"
    assert browse.show_list(store, "tl", "1990s", in_group=True).link_payload == "tl_1990s"
    private = browse.show_list(store, "v", ALL, in_group=False)
    assert not private.summary and private.first_page is not None and private.first_page.pages == 3
    short = browse.show_list(store, "t", ALL, in_group=True)
    assert not short.summary and short.first_page is not None
    empty = browse.show_list(store, "v", "2050", in_group=False)
    assert empty.total == 0 and empty.first_page is None


def test_deep_links_open_our_lists_and_facts_only(store: FactStore) -> None:
    assert browse.deep_link(store, "t") == ListLink("t", ALL)
    assert browse.deep_link(store, "v_2001") == ListLink("v", "2001")
    assert browse.deep_link(store, "tl_1990s") == ListLink("tl", "1990s")
    assert browse.deep_link(store, "f_treaty_a") == store.get("treaty-a")
    for foreign in ("v_abc", "tl_x" * 20, "f_nothing", "zz", ""):
        assert browse.deep_link(store, foreign) is None


def test_a_day_shows_its_anniversaries_or_the_next_day_with_some(store: FactStore) -> None:
    day = browse.day_view(store, dt.date(2026, 5, 25))
    assert [i.fact.id for i in day.items] == ["treaty-a"] and day.upcoming is None
    quiet = browse.day_view(store, dt.date(2026, 5, 26))
    assert quiet.items == () and quiet.upcoming is not None and quiet.upcoming[0] == dt.date(2026, 7, 6)


@pytest.mark.parametrize(("text", "today", "expected"), [
    ("25.05", dt.date(2026, 1, 1), dt.date(2026, 5, 25)),
    ("7/10", dt.date(2026, 1, 1), dt.date(2026, 10, 7)),
    ("29.02", dt.date(2029, 6, 1), dt.date(2032, 2, 29)),  # the first leap year from today's
    ("29.02", dt.date(2028, 6, 1), dt.date(2028, 2, 29)),
    ("31.02", dt.date(2026, 1, 1), None), ("32.01", dt.date(2026, 1, 1), None),
    ("", dt.date(2026, 3, 4), dt.date(2026, 3, 4)),  # no argument: today
    ("17 декабря", dt.date(2026, 1, 1), dt.date(2026, 12, 17)), ("17 желтоқсан", dt.date(2026, 1, 1), dt.date(2026, 12, 17)),
    ("17 Dec", dt.date(2026, 1, 1), dt.date(2026, 12, 17)), ("1.1.1", dt.date(2026, 1, 1), None),
    ("17 бананов", dt.date(2026, 1, 1), None),
])
def test_date_argument_relative_to_the_bots_today(text: str, today: dt.date, expected: dt.date | None) -> None:
    assert browse.parse_day(text, today) == expected


def test_random_fact_uses_the_chooser_it_is_given(store: FactStore) -> None:
    assert browse.random_fact(store, lambda facts: facts[-1]) == store.facts[-1]


def test_answers_follow_a_clear_question_language_else_the_chats() -> None:
    assert question_language("Когда был подписан договор?") == "ru"
    assert question_language("договор") is None, "one word does not show its language"
    assert answer_language("When  was the treaty signed?", "kk") == "en"
    assert answer_language("?", "kk") == "kk"
    assert chat_language("kk", "ru-RU") == "kk" and chat_language(None, "ru-RU") == "ru"
    assert chat_language(None, "de") == "en"
