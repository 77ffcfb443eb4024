"""End to end: subscriptions through the real bot, and a delivery run through the fake Bot API."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from botharness import real_store, running_bot
from factories import (
    BOT_ID,
    make_anonymous_admin_update,
    make_callback_query_update,
    make_chat,
    make_command_update,
    make_message,
    make_user,
)
from fakebotapi import FakeBotAPI

from bot.dates import format_day
from bot.delivery import Broadcaster
from bot.i18n import t
from bot.schedule import local_today, zone
from bot.storage import Repository
from handlers.digest import make_renderer
from handlers.sender import PTBSender

GROUP = make_chat(-100555, "supergroup", title="Class")


async def test_subscribe_change_unsubscribe_in_private(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(301, language_code="ru")
    async with running_bot(fake_api, tmp_path) as app:
        fake_api.push_update(make_command_update("/subscribe", "08:30 Europe/Moscow", user=user))
        first = (await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 301))[0]
        text = str(first.params["text"])
        assert "08:30" in text and "(Москва)" in text and "Следующ" in text, "the zone named in the chat's language"
        fake_api.push_update(make_command_update("/subscribe", "9:15", user=user))
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 301, count=2)
        repo: Repository = app.bot_data.services.repo
        sub = await repo.get_subscription(301)
        assert sub is not None and sub.time == dt.time(9, 15) and sub.tz == "Europe/Moscow"
        assert len(await repo.active_subscriptions()) == 1, "re-subscribing never duplicates"
        msg = make_message("settings", user={"id": BOT_ID, "is_bot": True, "first_name": "kzru"},
                           chat=make_chat(301, "private"), message_id=first.result["message_id"])
        fake_api.push_update(make_callback_query_update("s1:mode:daily", message=msg, user=user))
        await fake_api.wait_for("editMessageText")
        sub = await repo.get_subscription(301)
        assert sub is not None and sub.mode == "daily"
        fake_api.push_update(make_command_update("/unsubscribe", user=user))
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 301, count=3)
        sub = await repo.get_subscription(301)
        assert sub is not None and not sub.active, "unsubscribing keeps the settings"


async def test_bad_time_and_zone_are_explained(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(302, language_code="en")
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_command_update("/subscribe", "25:61", user=user))
        fake_api.push_update(make_command_update("/subscribe", "09:00 Mars/Base", user=user))
        calls = await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 302, count=2)
        texts = " ".join(str(c.params["text"]) for c in calls)
        assert "25:61" in texts and "Mars/Base" in texts


async def test_only_group_admins_subscribe(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    member, admin = make_user(311), make_user(312)
    fake_api.set_chat_admins(GROUP["id"], [312])
    async with running_bot(fake_api, tmp_path) as app:
        repo: Repository = app.bot_data.services.repo
        fake_api.push_update(make_command_update("/subscribe", user=member, chat=GROUP))
        refused = (await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == GROUP["id"]))[0]
        assert "administrator" in str(refused.params["text"]).lower()
        assert await repo.get_subscription(GROUP["id"]) is None
        fake_api.push_update(make_command_update("/subscribe", "10:00", user=admin, chat=GROUP))
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == GROUP["id"], count=2)
        assert await repo.get_subscription(GROUP["id"]) is not None
        fake_api.push_update(make_anonymous_admin_update("/unsubscribe", chat=GROUP))
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == GROUP["id"], count=3)
        sub = await repo.get_subscription(GROUP["id"])
        assert sub is not None and not sub.active


async def test_delivery_through_the_bot_api_with_403_and_migration(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """Real PTB sender + broadcaster: blocked chats are deactivated, migrated groups re-sent, once each."""
    from telegram import Bot

    from bot.subscription import Subscription

    store = real_store()
    repo = await Repository.open(tmp_path / "d.sqlite3")
    for chat_id in (401, 402, -100403):
        await repo.upsert_subscription(Subscription(chat_id, None, dt.time(9, 0), "Asia/Almaty", "anniversaries", "en"))
    fake_api.block_chat(402)
    fake_api.migrate_chat(-100403, -100999)
    day = dt.date(2026, 10, 22)
    async with Bot(fake_api.token, base_url=fake_api.base_url) as bot:
        broadcaster = Broadcaster(repo, store, PTBSender(bot), make_renderer(store.sources), rate_per_second=50)
        summary = await broadcaster.broadcast_date(day)
        again = await broadcaster.broadcast_date(day)
    assert summary.sent == 2 and summary.blocked == 1 and summary.migrated == 1
    assert again.sent == 0
    assert fake_api.sent_count(401) == 1 and fake_api.sent_count(-100999) == 1
    assert "1992" in fake_api.sent_texts(401)[0]
    sub = await repo.get_subscription(402)
    assert sub is not None and not sub.active
    assert await repo.get_subscription(-100999) is not None
    await repo.close()


def next_message(text: str, tz: str) -> dt.datetime:
    """The "Next message: 23 November 2026, 07:00." of an English confirmation, as an aware datetime;
    or, when today's time has passed unserved, the catch-up's "… so it comes now, at 07:12." (today)."""
    match = re.search(r"Next message: (\d{1,2} \w+ \d{4}), (\d\d:\d\d)\.", text)
    if match:
        return dt.datetime.strptime(f"{match[1]} {match[2]}", "%d %B %Y %H:%M").replace(tzinfo=zone(tz))
    now = re.search(r"comes now, at (\d\d):(\d\d)\.", text)
    assert now, text
    today = local_today(tz, dt.datetime.now(dt.UTC))
    return dt.datetime.combine(today, dt.time(int(now[1]), int(now[2])), tzinfo=zone(tz))


async def test_settings_buttons_change_time_zone_mode_and_language(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(321, language_code="en")
    async with running_bot(fake_api, tmp_path) as app:
        repo: Repository = app.bot_data.services.repo
        fake_api.push_update(make_command_update("/subscribe", "10:00 UTC", user=user))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 321)
        mark = fake_api.mark()
        fake_api.push_update(make_command_update("/settings", user=user))
        [menu] = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 321, since=mark)
        assert "/subscribe HH:MM zone" in str(menu.params["text"]), "other times and zones are explained"
        buttons = {b["callback_data"] for row in menu.params["reply_markup"]["inline_keyboard"] for b in row}
        assert {"s1:time:0700", "s1:tz:Europe/Moscow", "s1:mode:weekly", "s1:lang:kk"} <= buttons
        message = make_message("settings", user={"id": BOT_ID, "is_bot": True, "first_name": "kzru"},
                               chat=make_chat(321, "private"), message_id=menu.result["message_id"])

        async def press(data: str) -> str:
            mark = fake_api.mark()
            fake_api.push_update(make_callback_query_update(data, message=message, user=user))
            [edit] = await fake_api.wait_for("editMessageText", lambda c: c.chat_id == 321, since=mark)
            await fake_api.wait_for("answerCallbackQuery", since=mark)
            return str(edit.params["text"])

        def confirmed(text: str, tz: str) -> dt.datetime:
            """The next delivery shown: in the future, at the chosen local time unless today's is being caught up."""
            shown = next_message(text, tz)
            now = dt.datetime.now(dt.UTC)
            assert shown >= now - dt.timedelta(minutes=1)
            assert shown.strftime("%H:%M") == "07:00" or shown - now <= dt.timedelta(minutes=2), text
            return shown

        text = await press("s1:time:0700")
        sub = await repo.get_subscription(321)
        assert sub is not None and sub.time == dt.time(7, 0) and "07:00 (UTC)" in text
        confirmed(text, "UTC")
        text = await press("s1:tz:Europe/Moscow")
        sub = await repo.get_subscription(321)
        assert sub is not None and sub.tz == "Europe/Moscow" and "(Moscow)" in text
        confirmed(text, "Europe/Moscow")
        text = await press("s1:mode:weekly")
        sub = await repo.get_subscription(321)
        assert sub is not None and sub.mode == "weekly" and "Weekly (Mondays)" in text
        shown = confirmed(text, "Europe/Moscow")
        assert shown.weekday() == 0 or shown.date() == local_today("Europe/Moscow", dt.datetime.now(dt.UTC))
        text = await press("s1:lang:kk")
        sub = await repo.get_subscription(321)
        assert sub is not None and sub.lang == "kk" and await repo.get_language(321) == "kk"
        catch_up = t("kk", "sub.catch_up", time="{time}").split("{time}")[0]  # today's, caught up now
        assert text.startswith("Жазылым жаңартылды.")
        assert f"Келесі хабарлама: {format_day(shown.date(), 'kk')}" in text or catch_up in text, text
        assert sub.active and len(await repo.active_subscriptions()) == 1


async def test_a_subscription_set_up_in_a_forum_topic_is_delivered_to_that_topic(fake_api: FakeBotAPI,
                                                                                 tmp_path: Path) -> None:
    """/subscribe in topic 77 of a forum: the confirmation and the daily message both go to topic 77."""
    from telegram import Bot

    forum = make_chat(-100777, "supergroup", title="Forum", is_forum=True)
    admin = make_user(321)
    fake_api.set_chat_admins(forum["id"], [321])
    async with running_bot(fake_api, tmp_path) as app:
        repo: Repository = app.bot_data.services.repo
        fake_api.push_update(make_command_update("/subscribe", "09:00 Asia/Almaty", user=admin, chat=forum,
                                                 thread_id=77))
        confirm = (await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == forum["id"]))[0]
        assert confirm.params.get("message_thread_id") == 77
        sub = await repo.get_subscription(forum["id"])
        assert sub is not None and sub.thread_id == 77
        async with Bot(fake_api.token, base_url=fake_api.base_url) as bot:
            store = real_store()
            broadcaster = Broadcaster(repo, store, PTBSender(bot), make_renderer(store.sources), rate_per_second=50)
            summary = await broadcaster.broadcast_date(dt.date(2026, 10, 22))
    assert summary.sent == 1
    digest = [c for c in fake_api.calls_of("sendMessage") if c.params.get("chat_id") == forum["id"]][-1]
    assert digest.params.get("message_thread_id") == 77
    assert "1992" in str(digest.params["text"])
