"""End to end: the real PTB Application against the fake Bot API on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import botharness
import pytest
from botharness import real_store, running_bot
from factories import (
    BOT_ID,
    BOT_USERNAME,
    make_callback_query_update,
    make_chat,
    make_command_update,
    make_edited_message_update,
    make_inline_query_update,
    make_message,
    make_sticker_update,
    make_text_update,
    make_update,
    make_user,
)
from fakebotapi import FakeBotAPI

from bot.model import PartialDate
from bot.schedule import zone
from bot.store import FactStore
from bot.usecases.browse import day_view
from handlers.render import day_html

GROUP = make_chat(-100777, "supergroup", title="Researchers")


def sent_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [str(c.params.get("text", "")) for c in api.calls_of("sendMessage") if c.params.get("chat_id") == chat_id]


async def test_start_greets_in_each_language_and_registers_menus(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with running_bot(fake_api, tmp_path):
        menus = await fake_api.wait_for("setMyCommands", count=7)
        assert {c.params.get("language_code") for c in menus} >= {"kk", "ru", "en"}
        assert fake_api.calls_of("setMyDescription")
        for uid, code, word in ((11, "kk", "Сәлем"), (12, "ru", "Здравствуйте"), (13, "en", "Hello"), (14, "de", "Hello")):
            fake_api.push_update(make_command_update("/start", user=make_user(uid, language_code=code)))
            call = (await fake_api.wait_for("sendMessage", lambda c, u=uid: c.params.get("chat_id") == u))[0]
            assert word.lower() in str(call.params["text"]).lower()
            buttons = call.params["reply_markup"]["inline_keyboard"]
            assert len(buttons) >= 4


async def test_example_buttons_answer_their_question(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(15, language_code="ru")
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_command_update("/start", user=user))
        greeting = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 15))[0]
        rows = greeting.params["reply_markup"]["inline_keyboard"]
        msg = make_message(str(greeting.params["text"]), user={"id": BOT_ID, "is_bot": True, "first_name": "kzru"},
                           chat=make_chat(15, "private"), message_id=greeting.result["message_id"])
        for row in rows[:2]:
            fake_api.push_update(make_callback_query_update(row[0]["callback_data"], message=msg, user=user))
        answers = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 15, count=3)
    assert "22 октября 1992" in str(answers[1].params["text"]) + str(answers[2].params["text"])
    assert all("[1]" in str(a.params["text"]) for a in answers[1:]), "each example is answered with citations"


async def test_lang_choice_is_stored_and_wins_over_language_code(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """/lang → buttons; the choice is stored per chat, /help follows it, a clear question keeps its own language."""
    user = make_user(16, language_code="en")
    async with running_bot(fake_api, tmp_path) as app:
        fake_api.push_update(make_command_update("/lang", user=user))
        prompt = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 16))[0]
        buttons = [b["callback_data"] for row in prompt.params["reply_markup"]["inline_keyboard"] for b in row]
        kk_button = next(b for b in buttons if ":kk:" in b)
        msg = make_message(str(prompt.params["text"]), user={"id": BOT_ID, "is_bot": True, "first_name": "kzru"},
                           chat=make_chat(16, "private"), message_id=prompt.result["message_id"])
        fake_api.push_update(make_callback_query_update(kk_button, message=msg, user=user))
        await fake_api.wait_for("answerCallbackQuery")
        assert await app.bot_data.services.repo.get_language(16) == "kk"
        fake_api.push_update(make_command_update("/help", user=user))
        fake_api.push_update(make_command_update("/sources", user=user))
        fake_api.push_update(make_text_update("When was the Baikonur lease signed?", user=user))
        # Replies are matched by what they hold, not by position: updates run concurrently, and
        # the language confirmation may still be on its way when /help is pushed.
        calls = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 16 and (
            "/subscribe" in str(c.params["text"]) or "Sputnik" in str(c.params["text"])
            or "1994" in str(c.params["text"])), count=3)
    texts = [str(c.params["text"]) for c in calls]
    help_text = next(x for x in texts if "/subscribe" in x)
    sources = next(x for x in texts if "Sputnik" in x and "/subscribe" not in x)
    answer = next(x for x in texts if "Baikonur" in x and "1994" in x)
    assert "/subscribe" in help_text and "қалай" in help_text.lower()
    assert sources.count("http") >= 2 and "Sputnik" in sources
    assert "1994" in answer and "Baikonur" in answer and "[1]" in answer


async def test_fact_and_today_cite_their_sources(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(17, language_code="ru")
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_command_update("/fact", user=user))
        fake_api.push_update(make_command_update("/date", "22.10", user=user))
        calls = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 17, count=2)
    fact, day = (str(c.params["text"]) for c in calls)
    assert "[1]" in fact
    assert "1992" in day and ("лет назад" in day or "года назад" in day or "год назад" in day)


async def test_questions_in_each_language_and_script(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    cases = [
        (21, "When were diplomatic relations between Kazakhstan and Russia established?", ["22 October 1992"]),
        (22, "Когда были установлены дипломатические отношения?", ["22 октября 1992"]),
        (23, "Қазақстан мен Ресей арасында дипломатиялық қатынастар қашан орнады?", ["22 қазан 1992"]),
        (24, "Qazaqstan men Resei diplomatiyalyq qatynastary qaşan ornady", ["22 qazan 1992"]),
        (25, "Байконур жалға беру келисими кашан", ["1994"]),
    ]
    async with running_bot(fake_api, tmp_path):
        for uid, question, wants in cases:
            fake_api.push_update(make_text_update(question, user=make_user(uid, language_code="en")))
            call = (await fake_api.wait_for("sendMessage", lambda c, u=uid: c.params.get("chat_id") == u))[0]
            text = str(call.params["text"])
            assert call.params.get("parse_mode") == "HTML"
            for want in wants:
                assert want in text, text
            assert "[1]" in text


async def test_group_silence_mention_reply_and_ask_command(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    member = make_user(31, language_code="en")
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_text_update("When was the Baikonur lease signed?", user=member, chat=GROUP))
        fake_api.push_update(make_text_update(f"@{BOT_USERNAME} baikonur lease", user=member, chat=GROUP))
        call = (await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == GROUP["id"]))[0]
        assert "1994" in str(call.params["text"])
        assert call.params.get("reply_parameters"), "group answers quote the question"
        assert len(sent_to(fake_api, GROUP["id"])) == 1, "plain conversation gets no answer"
        bot_msg = make_message("earlier answer", user={"id": BOT_ID, "is_bot": True, "first_name": "kzru"}, chat=GROUP)
        fake_api.push_update(make_update("message", make_message("and the border length?", user=member, chat=GROUP,
                                                                  reply_to=bot_msg)))
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == GROUP["id"], count=2)
        fake_api.push_update(make_command_update("/ask", "trade 2011", user=member, chat=GROUP, bot_username=BOT_USERNAME))
        calls = await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == GROUP["id"], count=3)
        assert "23.8" in str(calls[-1].params["text"])


async def test_forum_topic_answer_stays_in_topic(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    forum = make_chat(-100888, "supergroup", title="Forum", is_forum=True)
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_command_update("/ask", "baikonur lease", chat=forum, thread_id=77))
        call = (await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == forum["id"]))[0]
        assert call.params.get("message_thread_id") == 77


async def test_inline_query_cards_and_empty_query(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_inline_query_update("border length", user=make_user(41, language_code="ru")))
        call = (await fake_api.wait_for("answerInlineQuery"))[0]
        results = call.params["results"]
        assert 1 <= len(results) <= 10
        card = str(results[0]["input_message_content"]["message_text"]).replace(" ", "").replace(",", "")
        assert "7591" in card and "7200" in card, card
        fake_api.push_update(make_inline_query_update("", user=make_user(42)))
        calls = await fake_api.wait_for("answerInlineQuery", count=2)
        assert isinstance(calls[1].params["results"], list)


async def test_paging_edits_the_message_and_opens_cards(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(51)
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_command_update("/treaties", user=user))
        first = (await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 51))[0]
        rows = first.params["reply_markup"]["inline_keyboard"]
        next_data = [b["callback_data"] for b in rows[-1] if b["text"] == "▶"][0]
        msg = make_message(str(first.params["text"]), user={"id": BOT_ID, "is_bot": True, "first_name": "kzru"},
                           chat=make_chat(51, "private"), message_id=first.result["message_id"])
        fake_api.push_update(make_callback_query_update(next_data, message=msg, user=user))
        edit = (await fake_api.wait_for("editMessageText"))[0]
        assert edit.params["message_id"] == first.result["message_id"]
        assert "2/" in str(edit.params["reply_markup"])
        card_data = edit.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        assert len(card_data.encode()) <= 64
        fake_api.push_update(make_callback_query_update(card_data, message=msg, user=user))
        card = (await fake_api.wait_for("editMessageText", count=2))[1]
        assert "[1]" in str(card.params["text"])
        fake_api.push_update(make_callback_query_update("forged:data:here", message=msg, user=user))
        answers = await fake_api.wait_for("answerCallbackQuery", count=3)
        assert "expired" in str(answers[-1].params.get("text", "")).lower()
        fake_api.push_update(make_callback_query_update("p:t:-:1", message=msg, user=user))  # the unversioned layout
        answers = await fake_api.wait_for("answerCallbackQuery", count=4)
        assert "expired" in str(answers[-1].params.get("text", "")).lower(), "a stale button fails politely"
        assert len(fake_api.calls_of("editMessageText")) == 2, "and changes nothing"
    for call in (first, edit, card):  # the application's Defaults, filled in by PTB on every request
        assert call.params.get("parse_mode") == "HTML"
        assert call.params.get("link_preview_options") == {"is_disabled": True}


async def test_trade_chart_drawn_once_then_file_id_reused(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_command_update("/trade", user=make_user(61)))
        photo = (await fake_api.wait_for("sendPhoto"))[0]
        assert "23.8" in " ".join(sent_to(fake_api, 61))
        fake_api.push_update(make_command_update("/trade", user=make_user(62)))
        second = (await fake_api.wait_for("sendPhoto", count=2))[1]
        assert isinstance(second.params["photo"], str), "the second chart reuses Telegram's file_id"
        assert photo.params["photo"] != second.params["photo"]


async def test_bad_inputs_get_short_replies_never_errors(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(71, language_code="ru")
    async with running_bot(fake_api, tmp_path):
        for command, args in (("/date", "31.02"), ("/trade", "abc"), ("/visits", "3000"), ("/ask", ""), ("/date", "17 бананов")):
            fake_api.push_update(make_command_update(command, args, user=user))
        fake_api.push_update(make_sticker_update(user=user))
        fake_api.push_update(make_text_update("x" * 5000, user=user))
        fake_api.push_update(make_text_update("🙂🙂 \u202e\u0000\u200b", user=user))
        calls = await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 71, count=8)
        texts = [str(c.params["text"]) for c in calls]
        assert all(len(t) < 600 for t in texts[:5])
        assert sum("/date 22.10" in t for t in texts) == 2, "both days that are not days are explained"
        assert not any("went wrong" in t.lower() or "пошло не так" in t.lower() for t in texts)


async def test_edited_question_edits_the_answer(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(81)
    chat = make_chat(81, "private")
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_update("message", make_message("trade 2010", user=user, chat=chat, message_id=500)))
        first = (await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 81))[0]
        fake_api.push_update(make_edited_message_update("trade 2011", user=user, chat=chat, message_id=500))
        edit = (await fake_api.wait_for("editMessageText"))[0]
        assert edit.params["message_id"] == first.result["message_id"]
        assert "23.8" in str(edit.params["text"])


async def test_an_edit_that_keeps_the_answer_sends_nothing_new(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(82)
    chat = make_chat(82, "private")
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_update("message", make_message("trade 2011", user=user, chat=chat, message_id=600)))
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 82)
        fake_api.push_update(make_edited_message_update("trade 2011!", user=user, chat=chat, message_id=600))
        await fake_api.wait_for("editMessageText", lambda c: c.params.get("chat_id") == 82)
        fake_api.push_update(make_update("message", make_message("baikonur lease", user=user, chat=chat, message_id=601)))
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 82, count=2)
        sent = [c for c in fake_api.calls_of("sendMessage") if c.params.get("chat_id") == 82]
        assert len(sent) == 2
        assert "Baikonur" in str(sent[1].params["text"])


def crowded_store(month: int, day: int, extra: int) -> FactStore:
    """The real facts plus `extra` copies of dated ones moved to one day, so that day's message is long."""
    store = real_store()
    dated = [f for f in store.facts if f.date is not None and not f.claims][:extra]
    copies = [dataclasses.replace(f, id=f"{f.id}-copy", date=PartialDate(f.date.year, month, day), start=None, end=None)
              for f in dated if f.date is not None]
    return FactStore([*store.facts, *copies], store.sources.values())


async def test_reply_over_4096_characters_is_split_on_lines_in_order(fake_api: FakeBotAPI, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = crowded_store(11, 9, 40)
    monkeypatch.setattr(botharness, "real_store", lambda: store)
    expected = day_html(day_view(store, real_day(11, 9)), "ru", store.sources)
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_command_update("/date", "09.11", user=make_user(91, language_code="ru")))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 91 and expected.endswith(str(c.params["text"])))
        calls = [c for c in fake_api.calls_of("sendMessage") if c.chat_id == 91]
    parts = [str(c.params["text"]) for c in calls]
    assert len(expected) > 4096 and len(parts) >= 2
    assert all(c.ok for c in calls), "Telegram accepted every part: valid HTML, within the limit"
    assert all(len(p) <= 4096 for p in parts)
    assert "\n".join(parts) == expected, "cut only between lines, nothing lost, in order"
    assert [c.result["message_id"] for c in calls] == sorted(c.result["message_id"] for c in calls)
    for part in parts:
        assert len(re.findall(r"<(b|i|a)\b", part)) == len(re.findall(r"</(b|i|a)>", part))


def real_day(month: int, day: int) -> dt.date:
    """The date /date DD.MM shows: that day in the bot's current year."""
    return dt.datetime.now(dt.UTC).astimezone(zone("Asia/Almaty")).date().replace(month=month, day=day)
