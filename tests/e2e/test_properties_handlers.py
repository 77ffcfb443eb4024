"""Property tests on the Telegram handlers: random update shapes through the fake Bot API never reach the error handler.

Why: Telegram sends far more shapes than a bot is written for (channel posts, edits, messages
without `from`, forged callback data, membership changes). Each must be handled or ignored
quietly; an exception would mean a lost answer and an error message to the user.

One bot serves every generated example: it runs on an event loop owned by this module, and each
example runs that loop until the bot has processed what the example pushed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Iterator
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from botharness import running_bot
from factories import (
    BOT_USERNAME,
    make_bot_user,
    make_callback_query_update,
    make_channel_post_update,
    make_chat,
    make_command_update,
    make_edited_message_update,
    make_inline_query_update,
    make_message,
    make_photo_update,
    make_sticker_update,
    make_text_update,
    make_update,
    make_user,
    make_voice_update,
    utf16_len,
)
from fakebotapi import FakeBotAPI, Fault
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import PIECE, QUESTION
from telegram import Update
from telegram.ext import Application

from handlers.registry import menu

T = TypeVar("T")
Json = dict[str, Any]

GROUP = make_chat(-100600, "supergroup", title="Fuzz group")
FORUM = make_chat(-100601, "supergroup", title="Fuzz forum", is_forum=True)
CHANNEL = make_chat(-100602, "channel", title="Fuzz channel")
SMALL_GROUP = make_chat(-600, "group", title="Old group")
CHATS = [GROUP, FORUM, SMALL_GROUP]
ADMIN_ID = 9_001
NORMAL_USER = 9_999


class ErrorRecords(logging.Handler):
    """Keeps every warning or error logged by the bot's error handler or by PTB itself."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(("kzru", "telegram")):
            self.records.append(record)


class BotOnItsOwnLoop:
    """The real Application polling the fake server, driven one example at a time."""

    def __init__(self, tmp_path: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self.api = FakeBotAPI(username=BOT_USERNAME)
        self.tmp_path = tmp_path
        self.errors = ErrorRecords()
        self._bot: AbstractAsyncContextManager[Application] | None = None  # type: ignore[type-arg]
        self.app: Application | None = None  # type: ignore[type-arg]

    def run(self, coro: Awaitable[T]) -> T:
        return self.loop.run_until_complete(coro)

    async def start(self) -> None:
        await self.api.start()
        self.api.set_chat_admins(GROUP["id"], [ADMIN_ID])
        self.api.set_chat_admins(FORUM["id"], [ADMIN_ID])
        self._bot = running_bot(self.api, self.tmp_path)
        self.app = await self._bot.__aenter__()
        assert self.app.updater is not None
        # Every update type, as `kzru-bot run` asks for (the harness leaves some out).
        await self.app.updater.stop()
        await self.app.updater.start_polling(poll_interval=0.0, timeout=1, allowed_updates=Update.ALL_TYPES)
        logging.getLogger().addHandler(self.errors)

    async def stop(self) -> None:
        logging.getLogger().removeHandler(self.errors)
        if self._bot is not None:
            await self._bot.__aexit__(None, None, None)
        await self.api.stop()

    async def feed(self, updates: list[Json]) -> None:
        """Push the updates and return once the bot has fetched and fully processed them."""
        assert self.app is not None
        self.api.push_updates(updates)
        for _ in range(1000):
            if self.api.pending_updates == 0:
                break
            await asyncio.sleep(0.005)
        else:
            raise AssertionError(f"the bot never fetched the updates: {self.api.describe_calls()}")
        await asyncio.wait_for(self.app.update_queue.join(), 10)


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotOnItsOwnLoop]:
    runner = BotOnItsOwnLoop(tmp_path_factory.mktemp("fuzz"))
    runner.run(runner.start())
    try:
        yield runner
    finally:
        runner.run(runner.stop())
        runner.loop.close()


TEXT = st.one_of(PIECE, QUESTION, st.text(max_size=50))
USERS = st.builds(make_user, st.integers(min_value=1_000, max_value=1_040) | st.just(ADMIN_ID),
                  st.sampled_from(["kk", "ru", "en", "de", "", "zz-ZZ"]))
ANY_CHAT = st.sampled_from(CHATS)
PRIVATE_COMMANDS = [c.name for c in menu("private")]
COMMAND_NAMES = st.one_of(st.sampled_from([*PRIVATE_COMMANDS, "stats", "broadcast_status", "START", "ask_", "x"]),
                          st.from_regex(r"[A-Za-z0-9_]{1,32}", fullmatch=True))
ARGS = st.one_of(st.just(""), TEXT.map(lambda s: s.replace("\n", " ")[:200]),
                 st.sampled_from(["25:61", "Mars/Base", "0", "31.02", "99", "1990s", "2008", "-1", "99999999999999999999",
                                  "09:00 Europe/Moscow", "+14", "UTC-11", "1.1.1", "29.02", "00:00", "𝟐𝟎𝟏𝟏", "٢٠١١", "²⁰¹¹",
                                  "¹⁹⁹⁰s", "²³:⁰⁰", "٢٣:٠٠"]))
CALLBACK_DATA = st.one_of(
    st.text(min_size=1, max_size=64).filter(lambda s: len(s.encode()) <= 64),
    st.sampled_from(["f:bogus:t:-:0", "p:t:-:999999", "p:x:-:1", "p:v:abc:-5", "l:xx", "l:kk", "s:mode:bogus",
                     "s:time:9999", "s:tz:Mars/Base", "s:lang:en", "q:7", "q:1", "x", "f", "p:tl:1990s:1", ":::", "s:",
                     "p:t:-:²", "p:tl:¹⁹⁹⁰s:0", "p:v:²⁰⁰⁸:0", "s:time:²³⁰⁰",
                     "f1:bogus:t:-:0", "p1:t:-:999999", "p1:x:-:1", "p1:v:abc:5", "l1:xx", "l1:kk", "s1:mode:bogus",
                     "s1:time:9999", "s1:tz:Mars/Base", "s1:lang:en", "q1:7", "q1:1", "x1", "x1:", "f1", "p1:tl:1990s:1",
                     "p1:t:-:²", "p1:tl:¹⁹⁹⁰s:0", "s1:time:²³⁰⁰", "r1:1:+", "r1:²:+", "u1:h:x:0", "u1:p:-:0"]),
)


def _without_from(message: Json) -> Json:
    message.pop("from", None)
    return message


SHAPES = ("text", "command", "unknown_command", "edited", "no_from", "channel_post", "edited_channel_post", "callback",
          "inline", "entities_only", "caption", "my_chat_member", "media", "mention", "reply_to_bot", "anonymous")


@st.composite
def updates(draw: st.DrawFn, shape: str | None = None) -> Json:
    """One update of the given (else a random) shape, with random content."""
    user = draw(USERS)
    chat = draw(st.one_of(st.none(), ANY_CHAT))
    text = draw(TEXT) or "."
    shape = shape or draw(st.sampled_from(SHAPES))
    if shape == "text":
        return make_text_update(text, user=user, chat=chat)
    if shape == "command":
        name = draw(st.sampled_from(PRIVATE_COMMANDS))
        at_bot = BOT_USERNAME if chat is not None and draw(st.booleans()) else None
        return make_command_update(name, draw(ARGS), user=user, chat=chat, bot_username=at_bot)
    if shape == "unknown_command":
        return make_command_update(draw(COMMAND_NAMES), draw(ARGS), user=user, chat=chat)
    if shape == "edited":
        body = draw(st.one_of(TEXT, ARGS.map(lambda a: f"/date {a}"))) or "?"
        return make_edited_message_update(body, user=user, chat=chat, message_id=draw(st.integers(1, 50)))
    if shape == "no_from":
        return make_update("message", _without_from(make_message(text, user=user, chat=chat or GROUP)))
    if shape == "channel_post":
        return make_channel_post_update(draw(st.one_of(TEXT, st.just("/today"), st.just(f"@{BOT_USERNAME} baikonur")))
                                        or "post", chat=CHANNEL)
    if shape == "edited_channel_post":
        post = make_channel_post_update(text, chat=CHANNEL)["channel_post"]
        post["edit_date"] = post["date"] + 5
        return make_update("edited_channel_post", post)
    if shape == "callback":
        on = make_message("Choose:", user=make_bot_user(), chat=chat or make_chat(user["id"], "private"), entities=[])
        return make_callback_query_update(draw(CALLBACK_DATA), message=on, user=user)
    if shape == "inline":
        query = draw(st.one_of(TEXT, st.text(min_size=256, max_size=256), st.just("Байқоңыр " * 28)))
        return make_inline_query_update(query[:256], user=user)
    if shape == "entities_only":
        parts = draw(st.lists(st.sampled_from([f"@{BOT_USERNAME}", "@someone_else", "#hashtag", "$USD", "/start",
                                               "https://example.com/a?b=<c>", "+77001234567", "mail@example.kz"]),
                              min_size=1, max_size=6))
        body = " ".join(parts)
        kinds = {"@": "mention", "#": "hashtag", "$": "cashtag", "/": "bot_command", "h": "url", "+": "phone_number",
                 "m": "email"}
        entities, offset = [], 0
        for part in parts:
            entities.append({"type": kinds[part[0]], "offset": offset, "length": utf16_len(part)})
            offset += utf16_len(part) + 1
        return make_update("message", make_message(body, user=user, chat=chat, entities=entities))
    if shape == "caption":
        caption = (draw(TEXT) * 200)[:1024] or "caption"
        return make_photo_update(user=user, chat=chat, caption=caption)
    if shape == "my_chat_member":
        old, new = draw(st.sampled_from([("left", "member"), ("member", "kicked"), ("member", "administrator"),
                                         ("administrator", "left"), ("member", "member")]))
        target = chat or make_chat(user["id"], "private")

        def member(status: str) -> Json:
            extra = {"until_date": 0} if status == "kicked" else {}
            if status == "administrator":
                extra = {"can_be_edited": False, "is_anonymous": False, "can_manage_chat": True,
                         "can_delete_messages": True, "can_manage_video_chats": False, "can_restrict_members": False,
                         "can_promote_members": False, "can_change_info": False, "can_invite_users": True,
                         "can_post_stories": False, "can_edit_stories": False, "can_delete_stories": False}
            return {"status": status, "user": make_bot_user(), **extra}

        return make_update("my_chat_member", {"chat": target, "from": user, "date": 1_700_000_000,
                                              "old_chat_member": member(old), "new_chat_member": member(new)})
    if shape == "media":
        return draw(st.sampled_from([make_sticker_update, make_voice_update]))(user=user, chat=chat)
    if shape == "mention":
        return make_text_update(f"{text} @{BOT_USERNAME} {text}", user=user, chat=chat or GROUP)
    if shape == "reply_to_bot":
        bot_message = make_message("earlier answer", user=make_bot_user(), chat=chat or GROUP, entities=[])
        return make_update("message", make_message(text, user=user, chat=chat or GROUP, reply_to=bot_message))
    return make_command_update(draw(st.sampled_from(["subscribe", "unsubscribe", "settings", "lang"])), draw(ARGS),
                               user={"id": 1087968824, "is_bot": True, "first_name": "Group"},
                               chat=GROUP, sender_chat=GROUP)


def describe(records: list[logging.LogRecord]) -> str:
    return "\n".join(f"{r.name} {r.levelname}: {r.getMessage()} {r.exc_info[1]!r}" if r.exc_info
                     else f"{r.name} {r.levelname}: {r.getMessage()}" for r in records)


FUZZ_SETTINGS = settings(deadline=None, derandomize=True, database=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_quietly_handled(bot: BotOnItsOwnLoop, batch: list[Json]) -> None:
    seen = len(bot.errors.records)
    bot.run(bot.feed(batch))
    new = bot.errors.records[seen:]
    assert not new, f"{describe(new)}\nfor updates {batch}"


def test_the_error_records_catch_a_failing_handler(bot: BotOnItsOwnLoop) -> None:
    """The oracle: a reply Telegram rejects does reach the error handler and is seen here."""
    bot.api.script("sendMessage", Fault.error(400, "Bad Request: chat not found"))
    seen = len(bot.errors.records)
    bot.run(bot.feed([make_text_update("baikonur lease", user=make_user(NORMAL_USER - 1))]))
    assert any(r.name == "kzru.errors" for r in bot.errors.records[seen:])
    del bot.errors.records[seen:]


@settings(FUZZ_SETTINGS, max_examples=12)
@given(batch=st.tuples(*(updates(shape) for shape in SHAPES)))
def test_every_update_shape_is_handled_quietly(bot: BotOnItsOwnLoop, batch: tuple[Json, ...]) -> None:
    check_quietly_handled(bot, list(batch))


@settings(FUZZ_SETTINGS, max_examples=150)
@given(batch=st.lists(updates(), min_size=1, max_size=4))
def test_random_updates_never_reach_the_error_handler(bot: BotOnItsOwnLoop, batch: list[Json]) -> None:
    check_quietly_handled(bot, batch)


def test_a_normal_question_is_still_answered_afterwards(bot: BotOnItsOwnLoop) -> None:
    """Runs after the property tests on the same bot: the fuzzing left it healthy."""
    api = bot.api
    since = api.mark()
    user = make_user(NORMAL_USER, language_code="en")
    api.push_update(make_text_update("When was the Baikonur lease signed?", user=user))
    call = bot.run(api.wait_for("sendMessage", lambda c: c.chat_id == NORMAL_USER, since=since))[0]
    assert call.ok and "1994" in str(call.params["text"])
    assert not bot.errors.records, describe(bot.errors.records)
    for method in ("answerCallbackQuery", "answerInlineQuery", "editMessageText", "getChatMember"):
        assert api.calls_of(method), f"the fuzzing never made the bot call {method}"
