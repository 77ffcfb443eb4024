"""End to end: conversation with the real PTB Application against the fake Bot API on 127.0.0.1.

Small talk, follow-ups that lean on the previous answer (in a private chat for CONTEXT_TTL; in a
group only by replying to one of the bot's answers), and a Latin-script Kazakh question answered
in Latin script. Every wait is for a call the fake server recorded; nothing sleeps for a result.
"""

from __future__ import annotations

import asyncio
import re
from html import escape
from pathlib import Path
from typing import Any

import pytest
from botharness import running_bot
from factories import (
    BOT_USERNAME,
    make_bot_user,
    make_chat,
    make_command_update,
    make_message,
    make_text_update,
    make_update,
    make_user,
)
from fakebotapi import Call, FakeBotAPI
from fakeclock import FakeClock

import handlers.ask
from bot.i18n import catalogue, t
from handlers.ask import CONTEXT_TTL

GROUP = make_chat(-100999, "supergroup", title="Conversation")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
TRADE_2011_RU = "Каким был товарооборот Казахстана и России в 2011 году?"


def decline_texts() -> set[str]:
    """Every way the bot says it cannot answer, in every language (as sent: HTML-escaped)."""
    return {escape(t(lang, key)) for lang in ("kk", "ru", "en") for key in ("answer.decline", "followup.unresolved")}


def is_decline(text: str) -> bool:
    return any(d in text for d in decline_texts())


def body(text: str) -> str:
    """An answer without its list of sources (which follows a blank line)."""
    return text.split("\n\n", 1)[0]


def numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


class Chat:
    """One private chat with the bot: send a text, get the bot's reply to it."""

    def __init__(self, api: FakeBotAPI, user_id: int, language_code: str) -> None:
        self.api = api
        self.user = make_user(user_id, language_code=language_code)
        self.id = user_id

    async def ask(self, text: str) -> str:
        since = self.api.mark()
        self.api.push_update(make_text_update(text, user=self.user))
        call = (await self.api.wait_for("sendMessage", lambda c: c.chat_id == self.id, since=since))[0]
        assert call.ok, call.short()
        return str(call.params["text"])


async def in_group(api: FakeBotAPI, update: dict[str, Any]) -> Call:
    """Push a group update and wait for the bot's next message in the group."""
    since = api.mark()
    api.push_update(update)
    call = (await api.wait_for("sendMessage", lambda c: c.chat_id == GROUP["id"], since=since))[0]
    assert call.ok, call.short()
    return call


def bot_message(call: Call) -> dict[str, Any]:
    """The message the bot sent with `call`, as it appears in a user's reply to it."""
    return make_message(str(call.params["text"]), user=make_bot_user(), chat=GROUP, message_id=call.result["message_id"],
                        entities=[])


def reply_to(call: Call, text: str, user: dict[str, Any]) -> dict[str, Any]:
    return make_update("message", make_message(text, user=user, chat=GROUP, reply_to=bot_message(call)))


async def test_small_talk_in_each_language_gets_a_friendly_reply_without_citations(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    cases = [(1101, "ru", "привет"), (1102, "kk", "сәлем"), (1103, "en", "thanks")]
    async with running_bot(fake_api, tmp_path):
        for uid, lang, text in cases:
            reply = await Chat(fake_api, uid, lang).ask(text)
            assert not is_decline(reply), (text, reply)
            assert "[1]" not in reply, (text, reply)
            small_talk = {escape(v) for k, v in catalogue(lang).items() if k.startswith("smalltalk.")}
            assert reply in small_talk, f"{text!r} should get small talk in {lang}, got {reply!r}"


async def test_private_follow_up_leans_on_the_previous_answer(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with running_bot(fake_api, tmp_path):
        chat = Chat(fake_api, 1201, "ru")
        first = await chat.ask(TRADE_2011_RU)
        assert "2011" in first and "[1]" in first, first
        follow_up = await chat.ask("а в 2010?")
        assert not is_decline(follow_up), follow_up
        assert "2010" in body(follow_up) and "15" in numbers(body(follow_up)), follow_up
        assert "млрд" in body(follow_up) and "[1]" in follow_up, follow_up

        stranger = await Chat(fake_api, 1202, "ru").ask("а в 2010?")
        assert escape(t("ru", "followup.unresolved")) in stranger, "another chat has nothing to lean on"


async def test_private_context_expires_after_the_ttl(fake_api: FakeBotAPI, tmp_path: Path, clock: FakeClock) -> None:
    async with running_bot(fake_api, tmp_path) as app:
        app.bot_data.services.clock = clock
        chat = Chat(fake_api, 1301, "en")
        assert "23.8" in await chat.ask("What was the trade turnover between Kazakhstan and Russia in 2011?")
        clock.now += CONTEXT_TTL - 1
        within = await chat.ask("and in 2010?")
        assert "2010" in body(within) and "15" in numbers(body(within)), within
        clock.now += CONTEXT_TTL + 1
        expired = await chat.ask("and in 2012?")
        assert escape(t("en", "followup.unresolved")) in expired, "a quarter of an hour later the context is gone"


async def test_group_follow_up_only_by_replying_to_the_bots_answer(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    member = make_user(1401, language_code="en")
    async with running_bot(fake_api, tmp_path):
        trade = await in_group(fake_api, make_command_update("/ask", "trade 2011", user=member, chat=GROUP,
                                                             bot_username=BOT_USERNAME))
        assert "23.8" in str(trade.params["text"])
        baikonur = await in_group(fake_api, make_text_update(f"@{BOT_USERNAME} When was the Baikonur lease signed?",
                                                             user=member, chat=GROUP))
        assert "1994" in str(baikonur.params["text"])

        # Not addressed to the bot: silence. The reply pushed after it is what the bot answers next.
        fake_api.push_update(make_text_update("and in 2010?", user=member, chat=GROUP))
        follow_up = await in_group(fake_api, reply_to(trade, "and in 2010?", member))
        text = str(follow_up.params["text"])
        assert not is_decline(text), text
        assert "2010" in body(text) and "15" in numbers(body(text)) and "billion" in body(text), \
            "the reply leans on the answer it replies to (trade), not on the group's last answer (Baikonur)"
        assert len(fake_api.sent_texts(GROUP["id"])) == 3, "the plain group message got no answer"

        # A reply to the follow-up's answer leans on it in turn.
        again = await in_group(fake_api, reply_to(follow_up, "and in 2011?", member))
        assert "23.8" in body(str(again.params["text"]))


async def test_group_reply_that_arrives_before_the_answers_send_returns_still_leans_on_it(
        fake_api: FakeBotAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Telegram has the answer (and its id) before the handler learns that id: a reply to it in that
    window waits for the send under way instead of standing alone. Events order it, no sleeps."""
    released, waiting = asyncio.Event(), asyncio.Event()
    send, sends_done = handlers.ask.reply, handlers.ask._sends_done

    async def slow_to_return(*args: Any, **kwargs: Any) -> Any:
        sent = await send(*args, **kwargs)
        await released.wait()
        return sent

    async def watched(chat_data: dict[object, object]) -> None:
        waiting.set()
        await sends_done(chat_data)

    monkeypatch.setattr(handlers.ask, "reply", slow_to_return)
    monkeypatch.setattr(handlers.ask, "_sends_done", watched)
    member = make_user(1451, language_code="en")
    async with running_bot(fake_api, tmp_path):
        trade = await in_group(fake_api, make_command_update("/ask", "trade 2011", user=member, chat=GROUP,
                                                             bot_username=BOT_USERNAME))
        since = fake_api.mark()
        fake_api.push_update(reply_to(trade, "and in 2010?", member))
        await asyncio.wait_for(waiting.wait(), timeout=5)
        released.set()
        follow_up = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == GROUP["id"], since=since))[0]
    text = str(follow_up.params["text"])
    assert "2010" in body(text) and "15" in numbers(body(text)), text


async def test_group_reply_to_an_unknown_bot_message_stands_alone(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    member = make_user(1501, language_code="en")
    async with running_bot(fake_api, tmp_path):
        await in_group(fake_api, make_command_update("/ask", "trade 2011", user=member, chat=GROUP,
                                                     bot_username=BOT_USERNAME))
        unknown = make_message("an answer from before a restart", user=make_bot_user(), chat=GROUP, message_id=99999)
        call = await in_group(fake_api, make_update("message", make_message("and in 2010?", user=member, chat=GROUP,
                                                                            reply_to=unknown)))
        assert escape(t("en", "followup.unresolved")) in str(call.params["text"]), \
            "only the answer replied to carries context, not the group's last answer"


async def test_latin_script_kazakh_question_is_answered_in_latin_script(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with running_bot(fake_api, tmp_path):
        chat = Chat(fake_api, 1601, "en")
        reply = await chat.ask("2011 jyly Qazaqstan men Resei arasyndağy sauda ainalymy qanşa boldy")
        assert "2011" in body(reply) and "23,8" in body(reply), reply
        assert not CYRILLIC.search(body(reply)), reply
        assert "[1]" in reply
        follow_up = await chat.ask("al 2010 jyly she?")
        assert "2010" in body(follow_up) and "15" in numbers(body(follow_up)), follow_up
        assert not CYRILLIC.search(body(follow_up)), "a Latin follow-up is answered in Latin too"
