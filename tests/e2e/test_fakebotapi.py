"""Self-tests: a real PTB Application talks to FakeBotAPI over HTTP.

Why: the fake is only useful if PTB accepts its answers (from_dict field names) and maps
its failures to the same exceptions real Telegram failures produce.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import functools
import importlib.util
import io
import struct
import zlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from factories import (
    BOT_USERNAME,
    GROUP_ANONYMOUS_BOT_ID,
    make_anonymous_admin_update,
    make_callback_query_update,
    make_channel_post_update,
    make_chat,
    make_command_update,
    make_edited_message_update,
    make_inline_query_update,
    make_photo_update,
    make_sticker_update,
    make_text_update,
    make_user,
    make_voice_update,
)
from fakebotapi import Call, FakeBotAPI, Fault
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatMemberStatus
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

# PTB 22.8 itself reads RetryAfter.retry_after in RetryAfter.__init__, which emits this warning
# for every 429 unless PTB_TIMEDELTA=1; it is PTB noise, not something these tests do.
pytestmark = pytest.mark.filterwarnings("ignore:.*`retry_after` will be of type:DeprecationWarning")


def _request() -> HTTPXRequest:
    """Timeouts far above any answer of the fake, however loaded the machine: only a hang reaches them."""
    return HTTPXRequest(connect_timeout=10.0, read_timeout=10.0, write_timeout=10.0, pool_timeout=10.0)


def build_app(api: FakeBotAPI, token: str) -> Application:  # type: ignore[type-arg]
    """A PTB Application pointed at the fake."""
    return (
        ApplicationBuilder()
        .token(token)
        .base_url(api.base_url)
        .request(_request())
        .get_updates_request(_request())
        .build()
    )


@asynccontextmanager
async def running(app: Application) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Run ``app`` in polling mode for the duration of the block, then stop cleanly."""
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Replies with the same text, as a reply, with an inline button."""
    assert update.effective_message is not None and update.effective_message.text is not None
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("again", callback_data="again")]])
    await update.effective_message.reply_text(
        update.effective_message.text, reply_markup=markup, do_quote=True
    )


def _png(width: int, height: int) -> bytes:
    """A valid tiny PNG, so the fake can read its dimensions."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------- end to end


async def test_text_update_gets_reply(fake_api: FakeBotAPI, token: str) -> None:
    app = build_app(fake_api, token)
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    user = make_user(501, language_code="kk", first_name="Айгүл")
    async with running(app):
        update = make_text_update("Сәлем! 👋", user=user)
        fake_api.push_update(update)
        [call] = await fake_api.wait_for("sendMessage")
    assert call.ok and call.delivered
    assert call.params["chat_id"] == 501
    assert call.params["text"] == "Сәлем! 👋"
    assert call.params["reply_markup"] == {"inline_keyboard": [[{"text": "again", "callback_data": "again"}]]}
    assert call.params["reply_parameters"]["message_id"] == update["message"]["message_id"]
    assert call.result["reply_to_message"]["message_id"] == update["message"]["message_id"]
    assert call.result["chat"]["type"] == "private" and call.result["from"]["username"] == BOT_USERNAME
    assert fake_api.sent_texts(501) == ["Сәлем! 👋"]
    assert fake_api.sent_count(501) == 1
    # PTB bootstrapped the way it does against Telegram
    assert fake_api.calls_of("getMe") and fake_api.calls_of("deleteWebhook")
    assert fake_api.pending_updates == 0


async def test_command_in_group_and_message_ids(fake_api: FakeBotAPI, token: str) -> None:
    seen: list[list[str]] = []

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append(list(context.args or []))
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, "one", message_thread_id=7)
        await context.bot.send_message(update.effective_chat.id, "two")

    app = build_app(fake_api, token)
    app.add_handler(CommandHandler("start", start))
    group = make_chat(-1001234, "supergroup", "Forum", is_forum=True)
    async with running(app):
        fake_api.push_update(make_command_update("start", "a b", chat=group, bot_username=BOT_USERNAME))
        one, two = await fake_api.wait_for("sendMessage", count=2)
    assert seen == [["a", "b"]]
    assert one.result["chat"] == group
    assert one.result["message_thread_id"] == 7 and one.result["is_topic_message"] is True
    assert two.result["message_id"] == one.result["message_id"] + 1


async def test_callback_query_answered_and_edited(fake_api: FakeBotAPI, token: str) -> None:
    errors: list[BadRequest] = []

    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("ok")
        try:
            await query.edit_message_text("Chosen: " + str(query.data))
        except BadRequest as exc:
            errors.append(exc)

    app = build_app(fake_api, token)
    app.add_handler(CallbackQueryHandler(on_button))
    update = make_callback_query_update("lang:kk")
    async with running(app):
        fake_api.push_update(update)
        [answer] = await fake_api.wait_for("answerCallbackQuery")
        [edit] = await fake_api.wait_for("editMessageText")
        # same button again -> same text -> Telegram's "message is not modified"
        fake_api.push_update(
            make_callback_query_update("lang:kk", message=update["callback_query"]["message"])
        )
        await fake_api.wait_for("editMessageText", count=2)
    assert answer.ok and answer.params["callback_query_id"] == update["callback_query"]["id"]
    assert answer.params["text"] == "ok"
    assert edit.ok and edit.result["text"] == "Chosen: lang:kk" and "edit_date" in edit.result
    # PTB strips "Bad Request: " and capitalises: "Message is not modified: ..."
    assert len(errors) == 1 and errors[0].message.startswith("Message is not modified")


async def test_inline_query_answered(fake_api: FakeBotAPI, token: str) -> None:
    async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.inline_query is not None
        q = update.inline_query.query
        await update.inline_query.answer(
            [InlineQueryResultArticle(id="1", title=q, input_message_content=InputTextMessageContent(q))],
            cache_time=0,
        )

    app = build_app(fake_api, token)
    app.add_handler(InlineQueryHandler(inline))
    update = make_inline_query_update("Абай")
    async with running(app):
        fake_api.push_update(update)
        [call] = await fake_api.wait_for("answerInlineQuery")
    assert call.ok
    assert call.params["inline_query_id"] == update["inline_query"]["id"]
    assert call.params["results"][0]["title"] == "Абай"
    assert call.params["results"][0]["input_message_content"]["message_text"] == "Абай"


async def test_send_photo_bytes_upload_and_reuse_file_id(fake_api: FakeBotAPI, token: str) -> None:
    png = _png(40, 30)
    async with Bot(token, base_url=fake_api.base_url, request=_request()) as bot:
        msg = await bot.send_photo(77, photo=png, caption="<b>Chart</b>", parse_mode="HTML")
        again = await bot.send_photo(77, photo=msg.photo[-1].file_id)
        with pytest.raises(BadRequest, match="(?i)wrong file identifier"):
            await bot.send_photo(77, photo="never-uploaded")
    [first, second, unknown] = fake_api.calls_of("sendPhoto")
    assert first.files["photo"].data == png and first.params["caption"] == "<b>Chart</b>"
    assert msg.caption == "Chart"
    assert (msg.photo[-1].width, msg.photo[-1].height) == (40, 30)
    assert second.params["photo"] == msg.photo[-1].file_id
    assert again.photo[-1].file_id == msg.photo[-1].file_id
    assert unknown.status == 400


async def test_multipart_json_fields_are_decoded(fake_api: FakeBotAPI, token: str) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Ссылка", url="https://example.org")]])
    async with Bot(token, base_url=fake_api.base_url, request=_request()) as bot:
        msg = await bot.send_document(
            -100500,
            document=io.BytesIO(b"x,y\n1,2\n"),
            filename="t.csv",
            reply_markup=markup,
            message_thread_id=3,
        )
    [call] = fake_api.calls_of("sendDocument")
    assert call.params["reply_markup"] == {
        "inline_keyboard": [[{"text": "Ссылка", "url": "https://example.org"}]]
    }
    assert call.params["chat_id"] == -100500 and call.params["message_thread_id"] == 3
    assert msg.document is not None and msg.document.file_name == "t.csv"
    assert msg.chat.type == "supergroup"


# --------------------------------------------------------------------------- error mapping


async def test_scripted_errors_map_to_ptb_exceptions(fake_api: FakeBotAPI, token: str) -> None:
    fake_api.script(
        "sendmessage",  # case-insensitive
        Fault.error(429, retry_after=7),
        Fault.error(403),
        Fault.error(500),
        Fault.error(502),
        Fault.raw(502, "<html><body>502 Bad Gateway</body></html>"),
    )
    async with Bot(token, base_url=fake_api.base_url, request=_request()) as bot:
        with pytest.raises(RetryAfter) as retry:
            await bot.send_message(1, "x")
        with pytest.raises(Forbidden, match="(?i)blocked"):
            await bot.send_message(1, "x")
        with pytest.raises(NetworkError, match="(?i)Internal Server Error") as five_hundred:
            await bot.send_message(1, "x")
        with pytest.raises(NetworkError, match="(?i)Bad Gateway"):
            await bot.send_message(1, "x")
        with pytest.raises(NetworkError, match=r"Bad Gateway \(502\)"):
            await bot.send_message(1, "x")
        fake_api.migrate_chat(-5, -1009999)
        with pytest.raises(ChatMigrated) as migrated:
            await bot.send_message(-5, "x")
        ok = await bot.send_message(1, "finally")
    # PTB 22.8 keeps a timedelta; .retry_after is int (with a PTBDeprecationWarning) unless PTB_TIMEDELTA=1
    assert retry.value._retry_after.total_seconds() == 7
    assert migrated.value.new_chat_id == -1009999
    assert not isinstance(five_hundred.value, TimedOut)
    assert ok.message_id == 1  # failed sends consumed no message ids
    assert [c.status for c in fake_api.calls_of("sendMessage")] == [429, 403, 500, 502, 502, 400, 200]
    assert fake_api.sent_texts(1) == ["finally"]
    assert fake_api.stats()["too_many_requests"] == 1


async def test_drop_and_delay_map_to_network_errors(fake_api: FakeBotAPI, token: str) -> None:
    # The fake's delays are far from the client's read timeouts both ways (0.2 s against 10 s; an hour
    # against 0.3 s), so which call succeeds or times out cannot depend on how loaded the machine is.
    fake_api.script("sendMessage", Fault.drop(), Fault.delay(0.2), Fault.sent_then_drop(), Fault.delay(3600))
    async with Bot(token, base_url=fake_api.base_url, request=_request()) as bot:
        with pytest.raises(NetworkError) as dropped:
            await bot.send_message(1, "a")
        slow_ok = await bot.send_message(1, "b")  # delayed below the read timeout: fine
        with pytest.raises(NetworkError):
            await bot.send_message(1, "c")  # delivered, but the answer was lost
        with pytest.raises(TimedOut):
            await bot.send_message(1, "d", read_timeout=0.3)
    assert not isinstance(dropped.value, TimedOut)
    assert "RemoteProtocolError" in dropped.value.message
    assert slow_ok.text == "b"
    # a was not delivered; c was (outcome unknown to the bot); d is still held by the server
    assert fake_api.sent_texts(1) == ["b", "c"]
    assert [c.delivered for c in fake_api.calls_of("sendMessage")] == [False, True, True]


async def test_validation_errors_like_telegram(fake_api: FakeBotAPI, token: str) -> None:
    async with Bot(token, base_url=fake_api.base_url, request=_request()) as bot:
        with pytest.raises(BadRequest, match="(?i)message text is empty"):
            await bot.send_message(1, "  ")
        with pytest.raises(BadRequest, match="(?i)message is too long"):
            await bot.send_message(1, "я" * 4097)
        await bot.send_message(1, "я" * 4096)
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(1, "<b>bold", parse_mode="HTML")
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(1, "1 < 2 <br>", parse_mode="HTML")
        with pytest.raises(BadRequest, match="(?i)unsupported parse_mode"):
            await bot.send_message(1, "Version 1.0!", parse_mode="MarkdownV2")
        ok = await bot.send_message(1, "<b>Version</b> 1.0 &lt;beta&gt;", parse_mode="HTML")
        assert ok.text == "Version 1.0 <beta>"
        with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
            await bot.send_message(
                1,
                "x",
                reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="x" * 65)]]),
            )
        fake_api.block_chat(2)
        with pytest.raises(Forbidden):
            await bot.send_message(2, "hi")
        with pytest.raises(BadRequest, match="(?i)message to edit not found"):
            await bot.edit_message_text("new", 1, ok.message_id + 100)
        with pytest.raises(BadRequest, match="(?i)message is not modified"):
            await bot.edit_message_text("Version 1.0 <beta>", 1, ok.message_id)


async def test_wrong_token_and_unknown_method(fake_api: FakeBotAPI) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{fake_api.base_url}999:wrong/getMe") as resp:
            assert resp.status == 401
            assert await resp.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        async with session.post(f"{fake_api.base_url}{fake_api.token}/noSuchMethod", json={}) as resp:
            assert resp.status == 404
            assert (await resp.json())["error_code"] == 404
        async with session.get(f"{fake_api.base_url}{fake_api.token}/GETME") as resp:
            body = await resp.json()
            assert body["ok"] and body["result"]["username"] == BOT_USERNAME
        async with session.post(
            f"{fake_api.base_url}{fake_api.token}/sendMessage",
            json={"chat_id": "42", "text": "123", "reply_markup": '{"inline_keyboard": []}'},
        ) as resp:
            assert (await resp.json())["ok"]
    [call] = fake_api.calls_of("sendMessage")
    assert call.params == {"chat_id": 42, "text": "123", "reply_markup": {"inline_keyboard": []}}
    bad = Bot("999:wrong", base_url=fake_api.base_url, request=_request())
    with pytest.raises(InvalidToken):
        await bot_initialize(bot=bad)


async def bot_initialize(bot: Bot) -> None:
    """Initialize (calls getMe) and always shut the client down."""
    try:
        await bot.initialize()
    finally:
        await bot.shutdown()


# --------------------------------------------------------------------------- outage & rate limit


async def test_outage_and_polling_resumes(fake_api: FakeBotAPI, token: str) -> None:
    app = build_app(fake_api, token)
    app.add_handler(MessageHandler(filters.TEXT, echo))
    async with running(app):
        fake_api.push_update(make_text_update("before", user=make_user(11)))
        await fake_api.wait_for("sendMessage")
        url = fake_api.base_url
        await until(lambda: fake_api.polls_waiting > 0)
        mark = fake_api.mark()
        await fake_api.go_down()  # cuts the poll the updater holds open
        with pytest.raises(NetworkError):
            await app.bot.send_message(11, "during outage")
        [cut] = await fake_api.wait_for("getUpdates", since=mark)
        await fake_api.come_back()
        assert fake_api.base_url == url
        fake_api.push_update(make_text_update("after", user=make_user(11)))
        await fake_api.wait_for("sendMessage", predicate=lambda c: c.params["text"] == "after")
    assert cut.status == 0, "the held poll lost its connection"
    assert fake_api.sent_texts(11) == ["before", "after"]


async def test_rate_limiter_answers_429(fake_api: FakeBotAPI, token: str) -> None:
    fake_api.limits.clock = lambda: 100.0  # no send ever leaves the window, however slow the machine
    fake_api.limit_send_rate(5)
    async with Bot(token, base_url=fake_api.base_url, request=_request()) as bot:
        results = await asyncio.gather(
            *(bot.send_message(100 + i, f"m{i}") for i in range(8)), return_exceptions=True
        )
        limited = [r for r in results if isinstance(r, RetryAfter)]
        assert len(limited) == 3
        fake_api.limit_send_rate(None)
        await bot.send_message(1, "unlimited")
    stats = fake_api.stats()
    assert stats["rate_limited"] == 3 and stats["delivered_messages"] == 6
    assert sum(fake_api.sent_counts().values()) == 6


async def test_random_faults_are_reproducible(fake_api: FakeBotAPI, token: str) -> None:
    async def run() -> list[int]:
        fake_api.clear()
        fake_api.random_faults(0.5, kinds=("429", "500", "403"), seed=3, methods=["sendMessage"])
        async with Bot(token, base_url=fake_api.base_url, request=_request()) as bot:
            for i in range(20):
                try:
                    await bot.send_message(1, str(i))
                except (RetryAfter, NetworkError, Forbidden):
                    pass
        fake_api.random_faults(None)
        return [c.status for c in fake_api.calls_of("sendMessage")]

    first, second = await run(), await run()
    assert first == second and 200 in first and len(set(first)) > 1


# --------------------------------------------------------------------------- long polling & bookkeeping


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Wait for a condition of the fake's state (polled; the timeout only guards against a hang)."""
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout)


async def test_get_updates_long_poll_offset_and_allowed_updates(
        fake_api: FakeBotAPI, token: str, monkeypatch: pytest.MonkeyPatch) -> None:
    async with Bot(token, base_url=fake_api.base_url, request=_request()) as bot:
        assert await bot.get_updates(timeout=dtm.timedelta(seconds=0.3)) == ()
        # An update pushed while a poll is held answers it with that update: the poll's timeout (an hour)
        # is far beyond the test's guard against a hang (a minute), so an answer means it was woken.
        monkeypatch.setattr("fakebotapi.updates.MAX_POLL_TIMEOUT", 3600.0)
        poll = asyncio.create_task(bot.get_updates(timeout=3600))
        await until(lambda: fake_api.polls_waiting > 0)
        fake_api.push_update(make_text_update("late"))
        got = await asyncio.wait_for(poll, 60)
        assert got[0].message is not None and got[0].message.text == "late"
        fake_api.push_update(make_inline_query_update("q"))
        fake_api.push_update(make_text_update("t"))
        only_inline = await bot.get_updates(offset=got[-1].update_id + 1, allowed_updates=["inline_query"])
        assert [u.inline_query is not None for u in only_inline] == [True]
        again = await bot.get_updates(offset=got[-1].update_id + 1, limit=1, allowed_updates=[])
        assert len(again) == 1 and again[0].inline_query is not None
        rest = await bot.get_updates(offset=again[0].update_id + 1)
        assert [u.message.text for u in rest if u.message] == ["t"]
        assert await bot.get_updates(offset=rest[-1].update_id + 1) == ()
        assert fake_api.pending_updates == 0


async def test_wait_for_timeout_lists_calls(fake_api: FakeBotAPI, token: str) -> None:
    async with Bot(token, base_url=fake_api.base_url, request=_request()) as bot:
        await bot.send_message(5, "listed")
    with pytest.raises(AssertionError, match=r"(?s)waiting for 1 x sendPhoto.*sendMessage.*listed"):
        await fake_api.wait_for("sendPhoto", timeout=0.1)  # never comes: the short timeout only ends the wait


async def test_bot_settings_and_chat_admins(fake_api: FakeBotAPI, token: str) -> None:
    group = -1004242
    fake_api.set_chat_admins(group, [10, 11])
    async with Bot(token, base_url=fake_api.base_url, request=_request()) as bot:
        me = await bot.get_me()
        assert me.supports_inline_queries and me.can_join_groups and me.username == BOT_USERNAME
        await bot.set_my_commands([BotCommand("start", "Бастау")], language_code="kk")
        assert fake_api.commands == {('{"type": "default"}', "kk"): [{"command": "start", "description": "Бастау"}]}
        with pytest.raises(BadRequest, match="(?i)BOT_COMMAND_INVALID"):
            await bot.set_my_commands([BotCommand("Start!", "x")])
        assert await bot.set_my_description("Қазақстан–Ресей", language_code="kk")
        assert await bot.set_my_short_description("KZ-RU")
        assert await bot.set_webhook("https://example.org/hook")
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates()
        assert await bot.delete_webhook()
        assert (await bot.get_chat_member(group, 11)).status == ChatMemberStatus.ADMINISTRATOR
        assert (await bot.get_chat_member(group, 12)).status == ChatMemberStatus.MEMBER
        fake_api.set_chat_admins(group, [])
        assert (await bot.get_chat_member(group, 11)).status == ChatMemberStatus.MEMBER, "asked afresh each time"
        first = await bot.send_message(group, "first")
        reply = await bot.send_message(group, "re", reply_parameters=ReplyParameters(message_id=first.message_id))
        assert reply.reply_to_message is not None and reply.reply_to_message.text == "first"
        assert reply.chat.type == "supergroup" and reply.message_id == first.message_id + 1


@functools.cache
def offline_bot() -> Bot:
    """A Bot used only for de_json (constructing one costs ~60 ms: httpx + SSL context)."""
    return Bot("123456:TEST-token_abc")


def test_factories_parse_with_ptb() -> None:
    bot = offline_bot()
    group = make_chat(-1001, "supergroup", "G")
    updates = [
        make_text_update("hi @someone_else"),
        make_command_update("start", "x", bot_username=BOT_USERNAME),
        make_edited_message_update(),
        make_callback_query_update("d"),
        make_inline_query_update("q"),
        make_sticker_update(),
        make_photo_update(caption="cap"),
        make_voice_update(),
        make_channel_post_update(),
        make_anonymous_admin_update(chat=group),
    ]
    parsed = [Update.de_json({**u, "update_id": i + 1}, bot) for i, u in enumerate(updates)]
    assert parsed[0].message is not None
    assert parsed[0].message.parse_entities([MessageEntity.MENTION]) == {
        parsed[0].message.entities[0]: "@someone_else"
    }
    assert parsed[1].message is not None and parsed[1].message.text == f"/start@{BOT_USERNAME} x"
    assert parsed[1].message.entities[0].type == MessageEntity.BOT_COMMAND
    assert parsed[1].message.entities[0].length == len(f"/start@{BOT_USERNAME}")
    assert parsed[2].edited_message is not None and parsed[2].edited_message.edit_date is not None
    assert parsed[3].callback_query is not None and parsed[3].callback_query.data == "d"
    assert parsed[5].message is not None and parsed[5].message.sticker is not None
    assert parsed[6].message is not None and len(parsed[6].message.photo) == 3
    assert parsed[7].message is not None and parsed[7].message.voice is not None
    assert parsed[8].channel_post is not None and parsed[8].channel_post.from_user is None
    anon = parsed[9].message
    assert anon is not None and anon.from_user is not None and anon.from_user.id == GROUP_ANONYMOUS_BOT_ID
    assert anon.sender_chat is not None and anon.sender_chat.id == group["id"]
    assert filters.COMMAND.check_update(parsed[1])


@settings(max_examples=60, deadline=None)
@given(
    prefix=st.text(max_size=20).filter(lambda s: "@" not in s),
    name=st.from_regex(r"[a-z][a-z0-9_]{4,10}", fullmatch=True),
)
def test_mention_offsets_are_utf16(prefix: str, name: str) -> None:
    bot = offline_bot()
    text = f"{prefix} @{name} end"
    update = Update.de_json({**make_text_update(text), "update_id": 1}, bot)
    assert update.message is not None
    mentions = update.message.parse_entities([MessageEntity.MENTION])
    assert f"@{name}" in mentions.values()


def test_call_summary_is_one_line() -> None:
    call = Call("sendMessage", {"chat_id": 1, "text": "a\nb" * 200}, at=0.0, status=0, fault="drop")
    assert "\n" not in call.short() and "DROPPED" in call.short()


def _load_echo_benchmark() -> Any:
    """Import benchmarks/echo_bot.py by path (benchmarks/ is not a package)."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "echo_bot.py"
    spec = importlib.util.spec_from_file_location("echo_bot_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_measure_throughput_smoke(fake_api: FakeBotAPI, token: str) -> None:
    bench = _load_echo_benchmark()
    app = bench.build_echo_application(token, fake_api.base_url)
    result = await bench.measure_throughput(
        app, fake_api, 40, lambda i: make_text_update(f"e{i}", user=make_user(70_000 + i)), timeout=60
    )
    assert result["updates"] == 40 and len(result["latencies"]) == 40, "every update answered and measured"
    assert fake_api.sent_texts(70_039) == ["e39"]
    assert not app.running
