"""The "on this day" message text: one line per anniversary, round ones marked, citations numbered."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.anniversaries import build_digest, fact_of_the_day
from bot.i18n import t
from bot.model import Citation, Fact, PartialDate, Source
from bot.outgoing import ShowFact, ShowSettings
from bot.sentences import first_sentence
from bot.store import FactStore
from bot.subscription import Subscription
from handlers.digest import MAX_NUMBERED, ONE_LINE, digest_html, make_renderer

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
    assert none in html and f"<b>{label}</b>\n1. {chosen.title[lang]}\n" in html and next_day in html
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
    assert first_sentence(text, ONE_LINE) == line


def numbered(text: str) -> list[str]:
    """A message's numbered lines, by their number."""
    found = re.findall(r"^(\d+)\. (.+)$", text, flags=re.M)
    assert [int(n) for n, _ in found] == list(range(1, len(found) + 1))
    return [line for _, line in found]


@pytest.mark.parametrize(("day", "lang"), [(dt.date(2026, 10, 22), "ru"), (dt.date(2026, 10, 21), "kk")])
def test_button_n_opens_the_fact_of_line_n_and_settings_come_last(store: FactStore, day: dt.date, lang: str) -> None:
    digest = build_digest(store, day, "daily")
    assert digest is not None
    [part] = make_renderer(store.sources)(Subscription(7, None, dt.time(9), "UTC", "daily", lang), digest)  # type: ignore[arg-type]
    *numbers, settings = part.keyboard
    buttons = [b for row in numbers for b in row]
    assert [b.label for b in buttons] == [str(n) for n in range(1, len(buttons) + 1)] and buttons
    titles = {f.id: f.title[lang] for f in store.facts}
    actions = [b.action for b in buttons]
    assert all(isinstance(a, ShowFact) and a.lang == lang for a in actions)
    lines = numbered(part.text)
    assert len(lines) == len(actions)
    for line, action in zip(lines, actions, strict=True):
        assert isinstance(action, ShowFact) and re.search(rf"(^| ){re.escape(titles[action.fact_id])}( \[|$)", line)
    assert [(b.label, b.action) for b in settings] == [(t(lang, "digest.settings"), ShowSettings())]


def test_a_long_message_carries_its_buttons_on_the_last_part_only() -> None:
    long = "A very long first sentence about the relations " + "and more words " * 14 + "ends here. Second one."
    many = FactStore([fact(f"f{n}", f"{1950 + n}-10-22", long) for n in range(60)], [SOURCE])
    digest = build_digest(many, dt.date(2026, 10, 22), "anniversaries")
    assert digest is not None
    parts = make_renderer(many.sources)(Subscription(7, None, dt.time(9), "UTC", "anniversaries", "en"), digest)
    assert len(parts) > 1 and all(len(p.text) <= 4096 for p in parts)
    assert all(p.keyboard == () for p in parts[:-1])
    fact_buttons = [b for row in parts[-1].keyboard for b in row if isinstance(b.action, ShowFact)]
    assert len(fact_buttons) == MAX_NUMBERED and all(len(row) <= 8 for row in parts[-1].keyboard)
    text = "\n".join(p.text for p in parts)
    assert f"\n{MAX_NUMBERED}. " in text and f"\n{MAX_NUMBERED + 1}. " not in text and text.count("\n• ") == 60 - MAX_NUMBERED


def test_first_sentence_skips_abbreviations_and_initials() -> None:
    text = "В 1994 г. Н. Назарбаев посетил Москву. Было подписано 22 документа."
    assert first_sentence(text, 200) == "В 1994 г. Н. Назарбаев посетил Москву."
    assert first_sentence(text, 20).endswith("…") and len(first_sentence(text, 20)) == 20
