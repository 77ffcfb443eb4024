"""End to end: what subscribers receive through the fake Bot API in each mode, and /subscribe by city name.

The minute tick (Broadcaster.run_due) and `kzru-bot broadcast --date` (Broadcaster.broadcast_date,
which the command runs) must send the same message to the same chat for the same date.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import Any

import pytest
from botharness import real_store, running_bot
from factories import BOT_ID, make_callback_query_update, make_chat, make_command_update, make_message, make_user
from fakebotapi import Call, FakeBotAPI
from telegram import Bot

from bot.anniversaries import build_digest, fact_of_the_day, next_anniversary, on_day
from bot.dates import format_month_day
from bot.delivery import Broadcaster
from bot.i18n import t
from bot.storage import Repository
from bot.store import FactStore
from bot.subscription import Mode, Subscription
from handlers.callbacks import OpenFact
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
    seen = [text.split("<b>Fact of the day:</b>\n1. ", 1)[1].split("\n", 1)[0] for text in texts]
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
            sent = [(c.params["text"], c.params.get("reply_markup")) for c in fake_api.calls_of("sendMessage")
                    if c.chat_id == chat_id]
            expected = 0 if build_digest(store, day, mode) is None else 2  # the store says whether the day has a message
            assert len(sent) == expected and (not sent or sent[0] == sent[1]), "the same text and the same buttons"
            assert not sent or "inline_keyboard" in (sent[0][1] or {})
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


def keyboard_of(call: Call) -> list[list[dict[str, Any]]]:
    return list((call.params.get("reply_markup") or {}).get("inline_keyboard", []))


async def press(api: FakeBotAPI, delivered: Call, label: str, user: dict[str, Any], chat: dict[str, Any]) -> int:
    """Tap the button labelled `label` under the delivered message, as `user` in `chat`."""
    data = next(b["callback_data"] for row in keyboard_of(delivered) for b in row if b["text"] == label)
    message = make_message(str(delivered.params["text"]), user={"id": BOT_ID, "is_bot": True, "first_name": "kzru"},
                           chat=chat, message_id=delivered.result["message_id"],
                           reply_markup=delivered.params.get("reply_markup"))
    mark = api.mark()
    api.push_update(make_callback_query_update(data, message=message, user=user))
    return mark


@pytest.mark.parametrize(("lang", "chat_id"), [("kk", 651), ("ru", 652), ("ru", -100653)])
async def test_the_delivered_message_has_number_buttons_that_open_the_fact_and_a_settings_button(
        fake_api: FakeBotAPI, tmp_path: Path, lang: str, chat_id: int) -> None:
    """22 October: the message under its anniversary lines has "1 …" and ⚙; a number opens that line's
    fact card with its citations, in the subscription's language; ⚙ shows the chat's settings (in a
    group only to an admin: a member is told only admins change them)."""
    day = dt.date(2026, 10, 22)
    store = real_store()
    digest = build_digest(store, day, "anniversaries")
    assert digest is not None and digest.items
    group = chat_id < 0
    user = make_user(abs(chat_id) % 1000 + 7000, language_code=lang)
    chat = make_chat(chat_id, "supergroup", title="Class") if group else make_chat(user["id"], "private")
    if not group:
        chat_id = user["id"]
    one = Subscription(chat_id, None, NINE, "Asia/Almaty", "anniversaries", lang,  # type: ignore[arg-type]
                       chat_type="supergroup" if group else "private")
    now = tick_instant(day)
    async with running_bot(fake_api, tmp_path, now=lambda: now, tick=False, KZRU_SEMANTIC="0") as app:
        services = app.bot_data.services
        await services.repo.upsert_subscription(one)
        await services.set_chat_language(chat_id, lang)
        summary = await services.broadcaster.run_due(now)
        assert summary.sent == 1
        [delivered] = [c for c in fake_api.calls_of("sendMessage") if c.chat_id == chat_id]
        rows = keyboard_of(delivered)
        numbers = [b for row in rows[:-1] for b in row]
        assert [b["text"] for b in numbers] == [str(n) for n in range(1, len(digest.items) + 1)]
        assert [b["text"] for b in rows[-1]] == [t(lang, "digest.settings")]
        text = str(delivered.params["text"])
        for n, item in enumerate(digest.items, start=1):
            assert f"\n{n}. <b>{item.date.year}</b> — " in text and escape(item.fact.title[lang]) in text
            assert OpenFact.decode(numbers[n - 1]["callback_data"]) == OpenFact(item.fact.id, lang, "cyrl")

        if group:
            fake_api.set_chat_admins(chat_id, [999])
            mark = await press(fake_api, delivered, t(lang, "digest.settings"), user, chat)
            [refused] = await fake_api.wait_for("answerCallbackQuery", since=mark)
            assert refused.params.get("text") == t(lang, "sub.admins_only") and refused.params.get("show_alert")
            fake_api.set_chat_admins(chat_id, [999, user["id"]])

        mark = await press(fake_api, delivered, "1", user, chat)
        [card] = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == chat_id, since=mark)
        card_text = str(card.params["text"])
        assert escape(digest.items[0].fact.title[lang]) in card_text
        assert "[1]" in card_text and escape(t(lang, "answer.sources")) in card_text, "the card carries its citations"

        mark = await press(fake_api, delivered, t(lang, "digest.settings"), user, chat)
        [menu] = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == chat_id, since=mark)
        labels = [[b["text"] for b in row] for row in keyboard_of(menu)]
        assert labels[0] == [t(lang, "settings.row.mode")] and f"✓ {t(lang, 'settings.mode.anniversaries')}" in labels[1]
        assert "✓ 09:00" in labels[3] and labels[-1] == [t(lang, "settings.unsubscribe")]
        assert len([c for c in fake_api.calls_of("sendMessage") if c.chat_id == chat_id]) == 3, "the delivered one stays"
