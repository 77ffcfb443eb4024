"""End to end: operator commands for KZRU_ADMIN_IDS only, group admin rights checked at each change, a private DB file.

Why: subscriber counts are the operator's business, a demoted group admin must lose the right
to change the group's subscription at once (not when a cache expires), and the database holds
chat ids that no other local user may read.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from botharness import running_bot
from factories import BOT_ID, make_callback_query_update, make_chat, make_command_update, make_message, make_user
from fakebotapi import FakeBotAPI
from telegram.ext import Application

from bot.i18n import t
from bot.storage import Repository
from bot.subscription import Subscription

OPERATOR, STRANGER = 5001, 5002
GROUP = make_chat(-100500, "supergroup", title="Newsroom")


def texts_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [str(c.params.get("text", "")) for c in api.calls_of("sendMessage") if c.chat_id == chat_id]


NOON = dt.datetime(2026, 10, 22, 12, 0, tzinfo=dt.UTC)
"""The bot's pinned clock: in UTC, 00:00 has passed and 23:59 has not."""


def bot(api: FakeBotAPI, tmp_path: Path, **env: str) -> AbstractAsyncContextManager[Application]:  # type: ignore[type-arg]
    """The bot at a pinned instant, without its minute tick: nothing is delivered behind a test's back."""
    return running_bot(api, tmp_path, now=lambda: NOON, tick=False, **env)


async def test_stats_for_operators_refusal_for_others_silence_in_groups(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    env = {"KZRU_ADMIN_IDS": f"{OPERATOR}, 42"}
    async with bot(fake_api, tmp_path, **env) as app:
        repo: Repository = app.bot_data.services.repo
        for chat_id, kind, lang in ((6001, "private", "ru"), (6002, "private", "kk"), (-100500, "supergroup", "en")):
            await repo.upsert_subscription(Subscription(chat_id, None, dt.time(9), "Asia/Almaty", "anniversaries",
                                                        lang, chat_type=kind))
        await repo.upsert_subscription(Subscription(6003, None, dt.time(9), "UTC", "daily", "en"))
        assert await repo.set_active(6003, False), "an unsubscribed chat is not counted"

        fake_api.push_update(make_command_update("/stats", user=make_user(OPERATOR, language_code="en")))
        report = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == OPERATOR))[0]
        text = str(report.params["text"])
        assert report.ok and "subscriptions: 3" in text, text
        assert "private 2, supergroup 1" in text and "anniversaries 3" in text and "en 1, kk 1, ru 1" in text

        fake_api.push_update(make_command_update("/stats", user=make_user(STRANGER, language_code="ru")))
        refusal = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == STRANGER))[0]
        assert refusal.params["text"] == t("ru", "admin.only")
        fake_api.push_update(make_command_update("/broadcast_status", user=make_user(STRANGER, language_code="kk")))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == STRANGER, count=2)
        assert texts_to(fake_api, STRANGER)[1] == t("kk", "admin.only"), "refused in the user's language"
        assert not any("subscriptions" in s or "подпис" in s for s in texts_to(fake_api, STRANGER))

        for uid in (STRANGER, OPERATOR):
            fake_api.push_update(make_command_update("/stats", user=make_user(uid), chat=GROUP))
        fake_api.push_update(make_command_update("/help", user=make_user(OPERATOR), chat=GROUP))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == GROUP["id"])
        await app.update_queue.join()
        assert len(texts_to(fake_api, GROUP["id"])) == 1, "only /help answered in the group: /stats stays silent there"


async def test_broadcast_status_counts_served_due_and_later(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with bot(fake_api, tmp_path, KZRU_ADMIN_IDS=str(OPERATOR)) as app:
        repo: Repository = app.bot_data.services.repo
        for chat_id, at in ((7001, dt.time(0, 0)), (7002, dt.time(0, 0)), (7003, dt.time(0, 0)), (7004, dt.time(23, 59))):
            await repo.upsert_subscription(Subscription(chat_id, None, at, "UTC", "anniversaries", "en"))
        today = NOON.date()
        assert await repo.claim_delivery(7001, today)
        await repo.claim_deliveries([], [(7001, today, "sent")])

        fake_api.push_update(make_command_update("/broadcast_status", user=make_user(OPERATOR, language_code="ru")))
        call = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == OPERATOR))[0]
        assert call.params["text"] == t("ru", "admin.broadcast", served=1, due=2, later=1, broken=0, rate="25",
                                        state=t("ru", "admin.running"))


async def test_a_demoted_admin_is_refused_at_the_next_change(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """Admin rights are asked of Telegram at every change: no cache lets a demoted admin through."""
    admin = make_user(5101, language_code="en")
    fake_api.set_chat_admins(GROUP["id"], [5101])
    async with bot(fake_api, tmp_path) as app:
        repo: Repository = app.bot_data.services.repo
        fake_api.push_update(make_command_update("/subscribe", "10:00", user=admin, chat=GROUP))
        confirmed = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == GROUP["id"]))[0]
        sub = await repo.get_subscription(GROUP["id"])
        assert sub is not None and sub.time == dt.time(10, 0)

        fake_api.set_chat_admins(GROUP["id"], [])
        fake_api.push_update(make_command_update("/subscribe", "11:00", user=admin, chat=GROUP))
        refused = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == GROUP["id"], count=2))[1]
        assert refused.params["text"] == t("en", "sub.admins_only")
        settings_message = make_message("settings", user={"id": BOT_ID, "is_bot": True, "first_name": "kzru"},
                                        chat=GROUP, message_id=confirmed.result["message_id"])
        fake_api.push_update(make_callback_query_update("s1:mode:daily", message=settings_message, user=admin))
        alert = (await fake_api.wait_for("answerCallbackQuery"))[0]
        assert alert.params.get("text") == t("en", "sub.admins_only") and alert.params.get("show_alert")
        fake_api.push_update(make_command_update("/unsubscribe", user=admin, chat=GROUP))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == GROUP["id"], count=3)

        sub = await repo.get_subscription(GROUP["id"])
        assert sub is not None and sub.active and sub.time == dt.time(10, 0) and sub.mode == "anniversaries"
        checks = [c for c in fake_api.calls_of("getChatMember") if c.chat_id == GROUP["id"]]
        assert len(checks) == 4, "one getChatMember per attempted change"

        fake_api.set_chat_admins(GROUP["id"], [5101])
        fake_api.push_update(make_command_update("/subscribe", "12:00", user=admin, chat=GROUP))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == GROUP["id"], count=4)
        sub = await repo.get_subscription(GROUP["id"])
        assert sub is not None and sub.time == dt.time(12, 0), "re-promoted, allowed again at once"


async def test_database_file_is_owner_only_whatever_the_umask(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    db = tmp_path / "fresh" / "dir" / "kzru.sqlite3"
    old_umask = os.umask(0)
    try:
        async with bot(fake_api, tmp_path, KZRU_DB_PATH=str(db)):
            fake_api.push_update(make_command_update("/subscribe", "08:00", user=make_user(5201)))
            await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 5201)
            files = [db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm"))]
            modes = {f.name: stat.S_IMODE(f.stat().st_mode) for f in files if f.exists()}
    finally:
        os.umask(old_umask)
    assert modes[db.name] == 0o600, oct(modes[db.name])
    assert all(mode & 0o077 == 0 for mode in modes.values()), {k: oct(v) for k, v in modes.items()}
    assert stat.S_IMODE(db.parent.stat().st_mode) & 0o077 == 0, "the folder it creates is owner-only too"
