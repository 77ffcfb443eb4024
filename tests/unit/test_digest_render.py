"""The "on this day" message text: one line per anniversary, round ones marked, citations numbered."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.anniversaries import build_digest, fact_of_the_day
from bot.model import Citation, Fact, PartialDate, Source
from bot.store import FactStore
from handlers.digest import digest_html, one_line

SOURCE = Source("s1", "s1.txt", {"kk": "Мақала", "ru": "Статья", "en": "Article"}, None, "Pub", "2024", None, None, "ru", "news")


def fact(fid: str, date: str, text: str) -> Fact:
    return Fact(id=fid, kind="event", title={"kk": f"{fid} kk", "ru": f"{fid} ru", "en": f"{fid} en"},
                text={"kk": text, "ru": text, "en": text}, cite=(Citation("s1", 3),), date=PartialDate.parse(date))


@pytest.fixture
def store() -> FactStore:
    return FactStore([fact("ties", "1992-10-22", "Relations were set up in 1992. A second sentence."),
                      fact("visit", "2001-10-22", "A visit took place on 22 October 2001 in Moscow.")], [SOURCE])


def test_each_anniversary_has_years_a_round_mark_one_line_and_a_citation(store: FactStore) -> None:
    digest = build_digest(store, dt.date(2026, 10, 22), "anniversaries")
    assert digest is not None
    html = digest_html(digest, "en", store.sources, chat_id=1)
    assert "<b>1992</b> — 34 years ago: ties en [1]" in html
    assert "<b>2001</b> — 25 years ago 🎉 <b>round anniversary</b>: visit en [1]" in html
    assert "   Relations were set up in 1992.\n" in html and "A second sentence" not in html
    assert html.count("\n[1] ") == 1 and "Article" in html.rsplit("\n[1] ", 1)[1], "one source, listed once"


def test_ru_years_and_round_mark(store: FactStore) -> None:
    digest = build_digest(store, dt.date(2026, 10, 22), "daily")
    assert digest is not None
    html = digest_html(digest, "ru", store.sources, chat_id=1)
    assert "34 года назад" in html and "25 лет назад 🎉 <b>круглая дата</b>" in html


@pytest.mark.parametrize(("lang", "none", "label", "next_day"), [
    ("en", "No anniversaries today.", "Fact of the day:", "Next anniversary: 22 October, in 1 days:"),
    ("kk", "Бүгін атаулы дата жоқ.", "Күн дерегі:", "Келесі атаулы дата — 22 қазан, 1 күннен кейін:"),
])
def test_a_quiet_day_has_the_fact_of_the_day_and_the_next_anniversary(store: FactStore, lang: str, none: str,
                                                                      label: str, next_day: str) -> None:
    digest = build_digest(store, dt.date(2026, 10, 21), "daily")
    assert digest is not None
    html = digest_html(digest, lang, store.sources, chat_id=7)
    chosen = fact_of_the_day(digest, 7)
    assert chosen is not None
    assert none in html and f"<b>{label}</b> {chosen.title[lang]}" in html and next_day in html
    assert "[1]" in html and html.count("\n[1] ") == 1, "one source, numbered once"


def test_an_empty_week_says_so(store: FactStore) -> None:
    digest = build_digest(store, dt.date(2026, 3, 9), "weekly")
    assert digest is not None
    html = digest_html(digest, "ru", store.sources, chat_id=1)
    assert "9 марта 2026 г. – 15 марта 2026 г." in html and "На этой неделе годовщин нет." in html
    assert "Ближайшая годовщина — 22 октября" in html


@pytest.mark.parametrize(("text", "line"), [
    ("6 июля 1998 г. Президенты подписали соглашение. Второе.", "6 июля 1998 г. Президенты подписали соглашение."),
    ("Қ. Тоқаев 2019 ж. Мәскеуге барды. Екінші.", "Қ. Тоқаев 2019 ж. Мәскеуге барды."),
    ("No end", "No end"),
    ("x" * 300, "x" * 239 + "…"),
])
def test_one_line_is_the_first_sentence(text: str, line: str) -> None:
    assert one_line(text) == line
