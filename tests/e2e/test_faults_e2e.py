"""End to end against a faulty Bot API: 429s, 5xx, slow answers, dropped connections and outages.

Why: Telegram and the network fail routinely. The bot must answer every question exactly once
anyway (a retry that repeats an answer is as bad as a lost one) and resume polling by itself.
KZRU_SOAK=1 adds the 30-second outage (benchmarks/soak.py prints its timings).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import re
import time
from pathlib import Path

import httpx
import pytest
from botharness import running_bot
from factories import (
    make_bot_user,
    make_callback_query_update,
    make_chat,
    make_command_update,
    make_inline_query_update,
    make_message,
    make_text_update,
    make_user,
)
from fakebotapi import FakeBotAPI, Fault
from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import Application, ApplicationHandlerStop

from bot.app import USER_PER_MINUTE
from bot.i18n import t
from bot.model import LANGS
from bot.throttle import BUTTONS_PER_MINUTE, INLINE_PER_MINUTE
from handlers import common
from handlers.errors import retry_delay

QUESTIONS = [
    ("When was the Baikonur lease signed?", "1994"),
    ("trade 2011", "23.8"),
    ("When were diplomatic relations established?", "1992"),
]
GROUP = make_chat(-100700, "supergroup", title="Flaky network")
FAULTS = ("429", "500", "502", "slow", "drop")


def failures(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Crashes: handler failures the error handler logs as errors (Telegram-side trouble is a warning), and
    exceptions in the error handler itself. PTB's polling errors while the server fails are expected."""
    crashed = ("kzru", "telegram.ext.Application")
    return [r.getMessage() for r in caplog.records if r.name.startswith(crashed) and r.levelno >= logging.ERROR]


def generic_errors(api: FakeBotAPI) -> list[str]:
    apologies = {t(lang, "error.generic") for lang in LANGS}
    return [str(c.params.get("text")) for c in api.calls_of("sendMessage") if c.params.get("text") in apologies]


async def test_every_question_answered_exactly_once_despite_random_faults(
    fake_api: FakeBotAPI, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    private_users = range(8000, 8030)
    members = range(8100, 8110)
    async with running_bot(fake_api, tmp_path) as app:
        await fake_api.wait_for("setMyCommands", count=7)
        # Each kind once for certain (nginx's HTML page for the 502), then 10% of calls at random.
        fake_api.script("sendMessage", Fault.error(429), Fault.error(500), Fault.raw(502, "<html>Bad Gateway</html>"),
                        Fault.delay(0.3), Fault.drop())
        fake_api.random_faults(0.1, kinds=FAULTS, seed=11, methods=["getUpdates", "sendMessage", "getChatMember"])
        question_ids: dict[int, str] = {}
        for uid in private_users:
            for question, _ in QUESTIONS:
                fake_api.push_update(make_text_update(question, user=make_user(uid)))
        for uid in members:
            for question, want in QUESTIONS[:2]:
                update = make_command_update("/ask", question, user=make_user(uid), chat=GROUP)
                question_ids[update["message"]["message_id"]] = want
                fake_api.push_update(update)
        expected = len(private_users) * len(QUESTIONS) + len(question_ids)
        await fake_api.wait_for("sendMessage", lambda c: c.ok, count=expected, timeout=30)
        await app.update_queue.join()
        await asyncio.sleep(0.3)  # anything sent twice would arrive now
        stats = fake_api.stats()
        fake_api.random_faults(None)

    for uid in private_users:
        texts = fake_api.sent_texts(uid)
        assert len(texts) == len(set(texts)) == len(QUESTIONS), (uid, texts)
        for _, want in QUESTIONS:
            assert any(want in text for text in texts), (uid, want, texts)
    group_replies = [c for c in fake_api.calls_of("sendMessage") if c.ok and c.chat_id == GROUP["id"]]
    replied_to = [c.params["reply_parameters"]["message_id"] for c in group_replies]
    assert sorted(replied_to) == sorted(question_ids), "each group question answered once, quoting it"
    for call in group_replies:
        assert question_ids[call.params["reply_parameters"]["message_id"]] in str(call.params["text"])
    assert stats["faults_injected"] >= 10 and stats["dropped"], stats
    assert {429, 500, 502} <= set(stats["errors_by_code"]), stats
    assert not generic_errors(fake_api)
    assert not failures(caplog), failures(caplog)


async def outage_then_question(api: FakeBotAPI, outage: float, uid: int) -> float:
    """Take the server down for `outage` seconds with a question waiting; seconds from coming back to its answer."""
    await api.go_down()
    api.push_update(make_text_update(QUESTIONS[0][0], user=make_user(uid)))
    await asyncio.sleep(outage)
    await api.come_back()
    back = time.monotonic()
    await api.wait_for("sendMessage", lambda c: c.ok and c.chat_id == uid, timeout=outage + 40)
    return time.monotonic() - back


@pytest.mark.parametrize("outage", [3.0, pytest.param(30.0, marks=pytest.mark.skipif(
    os.environ.get("KZRU_SOAK") != "1", reason="the 30-second outage runs with KZRU_SOAK=1 (and benchmarks/soak.py)"))])
async def test_polling_resumes_after_an_outage(
    fake_api: FakeBotAPI, tmp_path: Path, caplog: pytest.LogCaptureFixture, outage: float
) -> None:
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_text_update(QUESTIONS[1][0], user=make_user(8200)))
        await fake_api.wait_for("sendMessage", lambda c: c.ok and c.chat_id == 8200)
        await outage_then_question(fake_api, outage, 8201)
        fake_api.push_update(make_text_update(QUESTIONS[2][0], user=make_user(8202)))
        await fake_api.wait_for("sendMessage", lambda c: c.ok and c.chat_id == 8202, timeout=10)
    assert fake_api.sent_count(8201) == 1 and QUESTIONS[0][1] in fake_api.sent_texts(8201)[0]
    assert fake_api.sent_count(8202) == 1
    assert not failures(caplog), failures(caplog)


def _caused(error: Exception, cause: BaseException) -> Exception:
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(("error", "retried"), [
    (RetryAfter(2), True),
    (NetworkError("Bad Gateway"), True),
    (_caused(NetworkError("Bad Gateway (502). Parsing the server response failed"), TelegramError("Invalid")), True),
    (_caused(NetworkError("httpx.ConnectError"), httpx.ConnectError("refused")), True),
    (_caused(NetworkError("httpx.RemoteProtocolError"), httpx.RemoteProtocolError("no response")), True),
    (_caused(TimedOut("Pool timeout"), httpx.PoolTimeout("pool")), True),
    (_caused(TimedOut(), httpx.ReadTimeout("read")), False),
    (_caused(NetworkError("httpx.ReadError"), httpx.ReadError("reset")), False),
    (BadRequest("Bad Request: chat not found"), False),
    (Forbidden("Forbidden: bot was blocked by the user"), False),
    (ValueError("a bug"), False),
])
def test_only_failures_telegram_surely_did_not_act_on_are_retried(error: Exception, retried: bool) -> None:
    """A retry after a read timeout or a reset mid-answer could repeat a message Telegram already sent."""
    delay = retry_delay(error, 0)
    assert (delay is not None) is retried
    if isinstance(error, RetryAfter):
        assert delay == 2


async def test_a_retried_subscription_change_is_confirmed_once_and_right(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """Re-running a command whose reply failed must not change what it says (the change is already saved)."""
    user = make_user(8300, language_code="ru")
    async with running_bot(fake_api, tmp_path) as app:
        fake_api.script("sendMessage", Fault.error(500))
        fake_api.push_update(make_command_update("/subscribe", "08:30", user=user))
        await fake_api.wait_for("sendMessage", lambda c: c.ok and c.chat_id == 8300)
        fake_api.script("sendMessage", Fault.drop())
        fake_api.push_update(make_command_update("/unsubscribe", user=user))
        await fake_api.wait_for("sendMessage", lambda c: c.ok and c.chat_id == 8300, count=2)
        await app.update_queue.join()
        sub = await app.bot_data.services.repo.get_subscription(8300)
    texts = fake_api.sent_texts(8300)
    assert len(texts) == 2 and "08:30" in texts[0]
    assert texts[1] == t("ru", "sub.removed")
    assert sub is not None and not sub.active


async def test_when_storage_fails_questions_are_answered_and_settings_say_briefly_they_cannot_be_saved(
        fake_api: FakeBotAPI, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The database file taken away under the running bot (writes would be lost), then put back."""
    user = make_user(8400, language_code="ru")

    async def said(count: int) -> str:
        await fake_api.wait_for("sendMessage", lambda c: c.ok and c.chat_id == 8400, count=count, timeout=20)
        return fake_api.sent_texts(8400)[count - 1]

    async with running_bot(fake_api, tmp_path) as app:
        repo = app.bot_data.services.repo
        away = tmp_path / "away.sqlite3"
        os.rename(repo.path, away)
        fake_api.push_update(make_command_update("/subscribe", "08:30", user=user))
        assert await said(1) == t("ru", "storage.unavailable")
        fake_api.push_update(make_text_update(QUESTIONS[0][0], user=user))
        assert QUESTIONS[0][1] in await said(2), "questions are still answered"
        fake_api.push_update(make_command_update("/subscribe", "09:00", user=user))
        assert await said(3) == t("ru", "storage.unavailable")
        os.rename(away, repo.path)
        fake_api.push_update(make_command_update("/subscribe", "08:30", user=user))
        assert "08:30" in await said(4), "saving works again by itself"
        await app.update_queue.join()
        sub = await repo.get_subscription(8400)
    assert sub is not None and sub.active and sub.time == dt.time(8, 30)
    health = [r for r in caplog.records if r.name == "kzru.health"]
    assert [r.levelno for r in health] == [logging.ERROR, logging.WARNING], [r.getMessage() for r in health]
    assert not [r for r in caplog.records if r.exc_info and r.name.startswith(("kzru", "telegram"))], "no traceback"
    assert not generic_errors(fake_api)


async def flood_then_sentinel(api: FakeBotAPI, app: Application, updates: list[dict[str, object]]) -> None:  # type: ignore[type-arg]
    """Push the updates, then a question from someone else: once it is answered every update before
    it was fetched (getUpdates keeps order), and join() waits until they were all handled."""
    for update in updates:
        api.push_update(update)
    api.push_update(make_text_update(QUESTIONS[2][0], user=make_user(8599)))
    await api.wait_for("sendMessage", lambda c: c.ok and c.chat_id == 8599, timeout=60)
    await app.update_queue.join()


async def test_a_thousand_paging_presses_give_at_most_a_minute_s_worth_of_edits(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(8500, language_code="en")
    async with running_bot(fake_api, tmp_path) as app:
        fake_api.push_update(make_command_update("/treaties", user=user))
        first = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 8500))[0]
        rows = first.params["reply_markup"]["inline_keyboard"]
        next_data = [b["callback_data"] for b in rows[-1] if b["text"] == "▶"][0]
        msg = make_message(str(first.params["text"]), user=make_bot_user(), chat=make_chat(8500, "private"),
                           message_id=first.result["message_id"])
        presses = [make_callback_query_update(next_data, message=msg, user=user) for _ in range(1000)]
        await flood_then_sentinel(fake_api, app, presses)
    edits = fake_api.calls_of("editMessageText")
    toasts = [c for c in fake_api.calls_of("answerCallbackQuery") if c.params.get("text") == t("en", "throttle.buttons")]
    assert 1 <= len(edits) <= BUTTONS_PER_MINUTE, len(edits)
    assert len(toasts) == 1


async def test_inline_queries_typed_by_a_person_are_all_answered_and_a_flood_is_cut(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    question = "When was the Baikonur lease signed"
    typed = [make_inline_query_update(question[:n], user=make_user(8501)) for n in range(4, len(question) + 1)]
    flood = [make_inline_query_update(f"trade {1995 + n % 20}", user=make_user(8502)) for n in range(400)]
    async with running_bot(fake_api, tmp_path) as app:
        await flood_then_sentinel(fake_api, app, typed + flood)
    answered = [c.params["inline_query_id"] for c in fake_api.calls_of("answerInlineQuery")]
    typed_ids = {u["inline_query"]["id"] for u in typed}
    flood_ids = {u["inline_query"]["id"] for u in flood}
    assert typed_ids <= set(answered), "every keystroke of a person typing is answered"
    assert len(flood_ids & set(answered)) <= INLINE_PER_MINUTE


async def test_business_messages_pass_the_same_limits_as_messages(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """The gate of the running bot, given business messages (the harness does not poll for them)."""
    user = make_user(8503)
    passed = 0
    async with running_bot(fake_api, tmp_path) as app:
        for n in range(USER_PER_MINUTE + 10):
            message = make_text_update(QUESTIONS[1][0], user=user)["message"]
            update = Update.de_json({"update_id": 90_000 + n,
                                     "business_message": {**message, "business_connection_id": "bc-1"}}, app.bot)
            try:
                await common.gate(update, app.context_types.context.from_update(update, app))
            except ApplicationHandlerStop:
                continue
            passed += 1
    assert passed == USER_PER_MINUTE


async def test_operators_see_the_storage_state_in_stats(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    operator = make_user(8600, language_code="en")

    async def stats_text(count: int) -> str:
        fake_api.push_update(make_command_update("/stats", user=operator))
        await fake_api.wait_for("sendMessage", lambda c: c.ok and c.chat_id == 8600, count=count, timeout=20)
        return fake_api.sent_texts(8600)[count - 1]

    async with running_bot(fake_api, tmp_path, KZRU_ADMIN_IDS="8600") as app:
        repo = app.bot_data.services.repo
        assert (await stats_text(1)).endswith(t("en", "admin.storage_ok"))
        os.rename(repo.path, tmp_path / "away.sqlite3")
        fake_api.push_update(make_command_update("/subscribe", "08:30", user=make_user(8601)))
        await fake_api.wait_for("sendMessage", lambda c: c.ok and c.chat_id == 8601, timeout=20)
        failing = (await stats_text(2)).splitlines()[-1]
        os.rename(tmp_path / "away.sqlite3", repo.path)
        await repo.set_language(8601, "en")
        assert (await stats_text(3)).endswith(t("en", "admin.storage_ok"))
    assert re.fullmatch(r"⚠️ Storage: writes failing for \d+ min \(1 failed\): .*replaced or removed.*", failing), failing
