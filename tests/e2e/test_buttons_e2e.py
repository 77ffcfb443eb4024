"""End to end, what users see on buttons: numbered "See also" / "Perhaps you meant" lines that open
their fact, lists shown once, /settings, /date ◀ ▶, /fact, /lang and the inline query's button,
in more than one language, through the real PTB Application and the fake Bot API."""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from pathlib import Path
from typing import Any

from botharness import running_bot
from factories import (
    BOT_ID,
    make_callback_query_update,
    make_chat,
    make_command_update,
    make_inline_query_update,
    make_message,
    make_text_update,
    make_user,
)
from fakebotapi import Call, FakeBotAPI

from bot.i18n import t
from bot.storage import Repository
from bot.zones import zone_label

Json = dict[str, Any]
NOON_ALMATY = dt.datetime(2026, 12, 17, 7, 0, tzinfo=dt.UTC)
"""12:00 on 17 December 2026 in Asia/Almaty: the pinned wall clock of the tests that need one."""


def buttons(call: Call) -> list[Json]:
    markup = call.params.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def labels(call: Call) -> list[str]:
    return [b["text"] for b in buttons(call)]


def text_of(call: Call) -> str:
    return str(call.params.get("text", ""))


def bot_message(call: Call, chat: Json) -> Json:
    """The message a sent (or edited) call made, as a callback query carries it."""
    return make_message(text_of(call), user={"id": BOT_ID, "is_bot": True, "first_name": "kzru"}, chat=chat,
                        message_id=call.result["message_id"], reply_markup=call.params.get("reply_markup"))


async def tap(api: FakeBotAPI, call: Call, label: str, user: Json, chat: Json | None = None) -> int:
    """Press the button labelled `label` on the message `call` sent; returns a mark for waiting."""
    chat = chat or make_chat(user["id"], "private")
    data = next(b["callback_data"] for b in buttons(call) if b["text"] == label)
    mark = api.mark()
    api.push_update(make_callback_query_update(data, message=bot_message(call, chat), user=user))
    return mark


async def said(api: FakeBotAPI, chat_id: int, update: Json) -> Call:
    mark = api.mark()
    api.push_update(update)
    return (await api.wait_for("sendMessage", lambda c: c.chat_id == chat_id, since=mark))[0]


async def test_see_also_and_suggestions_are_numbered_lines_whose_buttons_open_the_fact(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    en, ru = make_user(501, language_code="en"), make_user(502, language_code="ru")
    async with running_bot(fake_api, tmp_path):
        answer = await said(fake_api, 501, make_text_update("trade 2011", user=en))
        text = text_of(answer)
        assert "See also:" in text and "\n1. Growth of Kazakhstan–Russia trade turnover in 2011 [1]" in text
        assert labels(answer) == ["1", "👍", "👎"], "one small button per numbered line, then the rating"
        mark = await tap(fake_api, answer, "1", en)
        [card] = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 501, since=mark)
        assert "<b>Growth of Kazakhstan–Russia trade turnover in 2011</b>" in text_of(card)
        assert "[1]" in text_of(card) and "Sources:" in text_of(card), "the card carries its citations"

        mark = await tap(fake_api, answer, "👍", en)
        [rated] = await fake_api.wait_for("editMessageReplyMarkup", since=mark)
        assert labels(rated) == ["1", "👍 1", "👎"], "rating redraws only its own row"

        decline = await said(fake_api, 502, make_text_update("Вступит ли Казахстан в БРИКС к 2030 году?", user=ru))
        text = text_of(decline)
        assert "Возможно, вы имели в виду:" in text
        numbered = re.findall(r"^(\d)\. (.+)$", text, flags=re.M)
        assert [n for n, _ in numbered] == ["1", "2", "3"] and labels(decline) == ["1", "2", "3", "👍", "👎"]
        mark = await tap(fake_api, decline, "2", ru)
        [card] = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 502, since=mark)
        title = numbered[1][1]
        assert f"<b>{title}" in text_of(card) and "Источники:" in text_of(card) and "[1]" in text_of(card)


async def test_lists_show_each_item_once_with_its_date_once(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    en, ru = make_user(511, language_code="en"), make_user(512, language_code="ru")
    async with running_bot(fake_api, tmp_path):
        visits = await said(fake_api, 511, make_command_update("/visits", user=en))
        text = text_of(visits)
        assert "\n1. 23 July 1992 — Meeting of government delegations in Almaty\n" in text, text
        assert "Almaty, 23 July 1992" not in text and "(October 1992)" not in text, "no date said twice"
        number_row = [b["text"] for b in visits.params["reply_markup"]["inline_keyboard"][0]]
        assert number_row == ["1", "2", "3", "4", "5", "6"], "titles are not repeated as truncated buttons"

        treaties = await said(fake_api, 512, make_command_update("/treaties", user=ru))
        lines = [line for line in text_of(treaties).splitlines()[1:]]
        assert [line.split(".")[0] for line in lines] == ["1", "2", "3", "4", "5", "6"]
        assert not any(re.search(r"(\d{4}) г\. — .*\(\1\)$", line) for line in lines), lines
        mark = await tap(fake_api, treaties, "▶", ru)
        [page] = await fake_api.wait_for("editMessageText", lambda c: c.chat_id == 512, since=mark)
        assert text_of(page).splitlines()[1].startswith("7. ") and labels(page)[:6] == [str(n) for n in range(7, 13)]
        mark = await tap(fake_api, page, "7", ru)
        [card] = await fake_api.wait_for("editMessageText", lambda c: c.chat_id == 512, since=mark)
        line_seven = text_of(page).splitlines()[1]
        assert "Источники:" in text_of(card) and labels(card) == [t("ru", "button.back")], line_seven
        title_seven = line_seven.split(" — ", 1)[1]
        assert f"<b>{title_seven}" in text_of(card), "button 7 opens the fact of line 7"


def settings_rows(call: Call) -> list[list[str]]:
    return [[b["text"] for b in row] for row in call.params["reply_markup"]["inline_keyboard"]]


async def test_settings_rows_are_labelled_marked_and_unsubscribe_resume(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    ru, en = make_user(521, language_code="ru"), make_user(522, language_code="en")
    async with running_bot(fake_api, tmp_path, now=lambda: NOON_ALMATY, tick=False) as app:
        repo: Repository = app.bot_data.services.repo
        sub = await said(fake_api, 521, make_command_update("/subscribe", "08:30 Москва", user=ru))
        assert "08:30 (Москва)" in text_of(sub)
        menu = await said(fake_api, 521, make_command_update("/settings", user=ru))
        rows = settings_rows(menu)
        assert [r[0] for r in rows[0:8:2]] == ["— Что присылать —", "— Время —", "— Часовой пояс —", "— Язык —"]
        assert "✓ Годовщины" in rows[1] and "✓ 08:30" in rows[3], "a time no preset has is shown, marked"
        assert rows[3] == ["07:00", "✓ 08:30", "09:00", "12:00", "18:00", "21:00"]
        assert rows[5] == ["Алматы", zone_label("Asia/Aqtobe", "ru"), "✓ Москва", "UTC"] and "✓ Русский" in rows[7]
        assert rows[-1] == ["🔕 Отписаться"]

        mark = await tap(fake_api, menu, "🔕 Отписаться", ru)
        [stopped] = await fake_api.wait_for("editMessageText", lambda c: c.chat_id == 521, since=mark)
        stored = await repo.get_subscription(521)
        assert stored is not None and not stored.active and text_of(stopped).startswith(escape(t("ru", "sub.removed")))
        assert "🔕 Отписаться" not in labels(stopped)
        mark = await tap(fake_api, stopped, "18:00", ru)
        [resumed] = await fake_api.wait_for("editMessageText", lambda c: c.chat_id == 521, since=mark)
        [toast] = await fake_api.wait_for("answerCallbackQuery", since=mark)
        assert text_of(resumed).startswith("Подписка возобновлена.") and toast.params.get("text") == "Подписка возобновлена."
        stored = await repo.get_subscription(521)
        assert stored is not None and stored.active and stored.time == dt.time(18)

        done = await said(fake_api, 521, make_command_update("/unsubscribe", user=ru))
        again = await said(fake_api, 521, make_command_update("/unsubscribe", user=ru))
        never = await said(fake_api, 522, make_command_update("/unsubscribe", user=en))
        assert text_of(done) == text_of(again) == t("ru", "sub.removed"), "stopping twice says the same"
        assert text_of(never) == t("en", "sub.not_subscribed")

        passed = await said(fake_api, 522, make_command_update("/subscribe", "09:00 Almaty", user=en))
        assert escape(t("en", "sub.catch_up", time="12:01")) in text_of(passed), "09:00 passed, today unsent: now"
        later = await said(fake_api, 522, make_command_update("/subscribe", "21:00", user=en))
        assert "Next message: 17 December 2026, 21:00." in text_of(later)
        assert "✓ 21:00" in labels(later) and "✓ Almaty" in labels(later) and "✓ English" in labels(later)


async def test_date_reads_month_names_and_steps_a_day(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    kk, ru = make_user(531, language_code="kk"), make_user(532, language_code="ru")
    async with running_bot(fake_api, tmp_path, now=lambda: NOON_ALMATY, tick=False):
        day = await said(fake_api, 531, make_command_update("/date", "17 желтоқсан", user=kk))
        assert "17 желтоқсан" in text_of(day) and labels(day) == ["◀ 16 желтоқсан", "18 желтоқсан ▶"]
        mark = await tap(fake_api, day, "18 желтоқсан ▶", kk)
        [moved] = await fake_api.wait_for("editMessageText", lambda c: c.chat_id == 531, since=mark)
        assert "18 желтоқсан" in text_of(moved) and labels(moved) == ["◀ 17 желтоқсан", "19 желтоқсан ▶"]

        named = await said(fake_api, 532, make_command_update("/date", "17 декабря", user=ru))
        today = await said(fake_api, 532, make_command_update("/date", user=ru))
        assert "17 декабря" in text_of(named) and text_of(today) == text_of(named), "no argument: today (17.12)"
        mark = await tap(fake_api, today, "◀ 16 декабря", ru)
        [back] = await fake_api.wait_for("editMessageText", lambda c: c.chat_id == 532, since=mark)
        assert "16 декабря" in text_of(back)


async def test_fact_another_lang_edits_and_group_language_is_for_admins(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    ru, en = make_user(541, language_code="ru"), make_user(542, language_code="en")
    group = make_chat(-100541, "supergroup", title="Class")
    async with running_bot(fake_api, tmp_path) as app:
        fact = await said(fake_api, 541, make_command_update("/fact", user=ru))
        assert "[1]" in text_of(fact) and labels(fact) == ["🎲 Другой факт"]
        mark = await tap(fake_api, fact, "🎲 Другой факт", ru)
        [other] = await fake_api.wait_for("editMessageText", lambda c: c.chat_id == 541, since=mark)
        assert "Источники:" in text_of(other) and labels(other) == ["🎲 Другой факт"]

        prompt = await said(fake_api, 542, make_command_update("/lang", user=en))
        sent = len([c for c in fake_api.calls_of("sendMessage") if c.chat_id == 542])
        mark = await tap(fake_api, prompt, "Қазақша", en)
        [confirmed] = await fake_api.wait_for("editMessageText", lambda c: c.chat_id == 542, since=mark)
        assert text_of(confirmed) == t("kk", "lang.set") and "✓ Қазақша" in labels(confirmed)
        assert len([c for c in fake_api.calls_of("sendMessage") if c.chat_id == 542]) == sent, "edited, not a new message"
        assert await app.bot_data.services.repo.get_language(542) == "kk"

        fake_api.set_chat_admins(group["id"], [999])
        menu = await said(fake_api, group["id"], make_command_update("/lang", user=en, chat=group))
        mark = await tap(fake_api, menu, "Русский", en, group)
        [refused] = await fake_api.wait_for("answerCallbackQuery", since=mark)
        assert refused.params.get("text") == t("en", "lang.admins_only") and refused.params.get("show_alert")
        assert await app.bot_data.services.repo.get_language(group["id"]) is None


async def test_inline_query_with_nothing_to_show_offers_the_private_chat(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with running_bot(fake_api, tmp_path):
        for n, (query, code) in enumerate((("", "ru"), ("zzqx wvvk plonk", "en"), ("border length", "en"))):
            mark = fake_api.mark()
            fake_api.push_update(make_inline_query_update(query, user=make_user(550 + n, language_code=code)))
            [answer] = await fake_api.wait_for("answerInlineQuery", since=mark)
            button = answer.params.get("button")
            if query == "border length":
                assert answer.params["results"] and button is None, "answers need no way out"
            else:
                assert button == {"text": t(code, "inline.open_private"), "start_parameter": "inline"}, answer.params
