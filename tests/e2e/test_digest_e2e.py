"""End to end: what subscribers receive through the fake Bot API in each mode, and /subscribe by city name.

The minute tick (Broadcaster.run_due) and `kzru-bot broadcast --date` (Broadcaster.broadcast_date,
which the command runs) must send the same message to the same chat for the same date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from botharness import real_store, running_bot
from factories import make_command_update, make_user
from fakebotapi import FakeBotAPI
from telegram import Bot

from bot.anniversaries import build_digest, fact_of_the_day, next_anniversary, on_day
from bot.dates import format_month_day
from bot.delivery import Broadcaster
from bot.storage import Repository
from bot.store import FactStore
from bot.subscription import Mode, Subscription
from handlers.digest import make_renderer
from handlers.sender import PTBSender

NINE = dt.time(9, 0)


def quiet_day(store: FactStore, start: dt.date, weekday: int | None = None) -> dt.date:
    """The first day from `start` without anniversaries (whose whole week is empty, for a Monday)."""
    day = start
    while True:
        if weekday is None and not on_day(store, day):
            return day
        if weekday is not None and day.weekday() == weekday and not any(
                on_day(store, day + dt.timedelta(days=i)) for i in range(7)):
            return day
        day += dt.timedelta(days=1)


def tick_instant(day: dt.date) -> dt.datetime:
    """09:30 in Almaty (UTC+5) on `day`: a 09:00 subscription there is due."""
    return dt.datetime.combine(day, dt.time(4, 30), tzinfo=dt.UTC)


async def deliver(fake_api: FakeBotAPI, db: Path, subs: list[Subscription], day: dt.date, via_tick: bool) -> None:
    store = real_store()
    repo = await Repository.open(db)
    try:
        for sub in subs:
            await repo.upsert_subscription(sub)
        async with Bot(fake_api.token, base_url=fake_api.base_url) as bot:
            broadcaster = Broadcaster(repo, store, PTBSender(bot), make_renderer(store.sources), rate_per_second=100)
            summary = await (broadcaster.run_due(tick_instant(day)) if via_tick else broadcaster.broadcast_date(day))
        assert summary.failed == 0 and summary.unknown == 0
    finally:
        await repo.close()


def sub(chat_id: int, mode: Mode, lang: str) -> Subscription:
    return Subscription(chat_id, None, NINE, "Asia/Almaty", mode, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "fact_label", "next_label"), [
    ("ru", "Факт дня:", "Ближайшая годовщина"),
    ("kk", "Күн дерегі:", "Келесі атаулы дата"),
])
async def test_daily_on_a_day_without_anniversaries_brings_a_fact_of_the_day_and_the_next_anniversary(
        fake_api: FakeBotAPI, tmp_path: Path, lang: str, fact_label: str, next_label: str) -> None:
    store = real_store()
    day = quiet_day(store, dt.date(2026, 3, 1))
    await deliver(fake_api, tmp_path / "d.sqlite3", [sub(601, "daily", lang), sub(602, "daily", lang)], day, via_tick=True)
    digest = build_digest(store, day, "daily")
    upcoming = next_anniversary(store, day)
    assert digest is not None and upcoming is not None
    for chat_id in (601, 602):
        [text] = fake_api.sent_texts(chat_id)
        fact = fact_of_the_day(digest, chat_id)
        assert fact is not None
        assert fact_label in text and fact.title[lang] in text.replace("&#x27;", "'").replace("&quot;", '"')
        assert next_label in text and format_month_day(upcoming[0].month, upcoming[0].day, lang) in text
        assert "[1]" in text and "\n[1] " in text, "the fact of the day is cited and the source listed"


async def test_daily_facts_of_the_day_do_not_repeat_over_a_fortnight(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    store = real_store()
    day, seen = dt.date(2026, 1, 1), []
    for _ in range(14):
        day = quiet_day(store, day)
        await deliver(fake_api, tmp_path / "d.sqlite3", [sub(611, "daily", "en")], day, via_tick=False)
        day += dt.timedelta(days=1)
    texts = fake_api.sent_texts(611)
    assert len(texts) == 14
    seen = [line for text in texts for line in text.split("\n") if line.startswith("<b>Fact of the day:</b>")]
    assert len(seen) == 14 and len(set(seen)) == 14


@pytest.mark.parametrize(("lang", "none_text"), [("en", "No anniversaries this week."),
                                                 ("ru", "На этой неделе годовщин нет.")])
async def test_weekly_on_mondays_names_the_week_or_says_it_has_none(fake_api: FakeBotAPI, tmp_path: Path,
                                                                     lang: str, none_text: str) -> None:
    store = real_store()
    empty_monday = quiet_day(store, dt.date(2026, 1, 5), weekday=0)
    busy_monday = dt.date(2026, 10, 19)  # the week of 22 October
    for n, day in enumerate((empty_monday, busy_monday, busy_monday + dt.timedelta(days=1))):
        await deliver(fake_api, tmp_path / f"w{n}.sqlite3", [sub(621, "weekly", lang)], day, via_tick=True)
    texts = fake_api.sent_texts(621)
    assert len(texts) == 2, "nothing on a Tuesday"
    empty, busy = texts
    assert none_text in empty
    upcoming = next_anniversary(store, empty_monday + dt.timedelta(days=6))
    assert upcoming is not None and format_month_day(upcoming[0].month, upcoming[0].day, lang) in empty
    assert none_text not in busy and "1992" in busy and format_month_day(10, 22, lang) in busy


@pytest.mark.parametrize("mode", ["daily", "weekly", "anniversaries"])
async def test_broadcast_date_sends_what_the_tick_sends(fake_api: FakeBotAPI, tmp_path: Path, mode: Mode) -> None:
    store = real_store()
    days = [quiet_day(store, dt.date(2026, 4, 1)), dt.date(2026, 10, 22), dt.date(2026, 10, 19)]
    for day in days:
        for lang in ("kk", "ru"):
            chat_id = 700 + days.index(day) * 10 + ("kk", "ru").index(lang)
            one = sub(chat_id, mode, lang)
            await deliver(fake_api, tmp_path / f"tick{chat_id}.sqlite3", [one], day, via_tick=True)
            await deliver(fake_api, tmp_path / f"cli{chat_id}.sqlite3", [one], day, via_tick=False)
            texts = fake_api.sent_texts(chat_id)
            assert len(texts) in (0, 2) and (not texts or texts[0] == texts[1])
    assert fake_api.sent_texts(710) or mode == "weekly", "22 October has an anniversary"


async def test_subscribe_with_a_city_name_in_russian_and_kazakh(fake_api: FakeBotAPI, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZRU_SEMANTIC", "0")  # no question is asked here; spare the model load
    cases = [(641, "ru", "8:30 Москва", "Europe/Moscow"), (642, "kk", "8:30 Мәскеу", "Europe/Moscow"),
             (643, "ru", "Новосибирск 08:30", "Asia/Novosibirsk"), (644, "kk", "8:30 Oskemen", "Asia/Almaty"),
             (645, "en", "8:30 Nizhny Novgorod", "Europe/Moscow")]
    async with running_bot(fake_api, tmp_path) as app:
        for chat_id, lang, args, _ in cases:
            fake_api.push_update(make_command_update("/subscribe", args, user=make_user(chat_id, language_code=lang)))
        for chat_id, *_ in cases:
            await fake_api.wait_for("sendMessage", lambda c, chat_id=chat_id: c.params.get("chat_id") == chat_id)
        repo: Repository = app.bot_data.services.repo
        stored = {chat_id: await repo.get_subscription(chat_id) for chat_id, *_ in cases}
    for chat_id, _, _, zone in cases:
        got = stored[chat_id]
        assert got is not None and (got.tz, got.time) == (zone, dt.time(8, 30))
    assert "08:30" in fake_api.sent_texts(641)[0] and "08:30" in fake_api.sent_texts(642)[0]
