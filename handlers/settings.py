"""/subscribe, /unsubscribe, /settings and the language choice: every change confirmed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from html import escape

from telegram import CallbackQuery, Message, Update
from telegram.constants import ParseMode

from bot.anniversaries import has_digest
from bot.dates import format_day
from bot.i18n import t
from bot.model import LANGS
from bot.schedule import ScheduleError, local_today, next_delivery, parse_time, parse_zone
from bot.subscription import Subscription
from handlers.common import NO_PREVIEW, chat_lang, is_chat_admin, reply
from handlers.context import Context
from handlers.keyboards import settings_keyboard

MODES = ("anniversaries", "daily", "weekly")


async def describe(context: Context, sub: Subscription) -> str:
    """The subscription in the chat's language, with the next delivery in its local time."""
    services = context.services
    now = dt.datetime.now(dt.UTC)
    today = local_today(sub.tz, now)
    served = await services.repo.delivery_status(sub.chat_id, today) not in (None, "failed")
    nxt = next_delivery(sub, now, served, lambda d: has_digest(services.store, d, sub.mode))
    lang = sub.lang
    state = t(lang, "sub.active" if sub.active else "sub.inactive")
    text = t(lang, "sub.summary", state=state, mode=t(lang, f"mode.{sub.mode}"),
             time=sub.time.strftime("%H:%M"), tz=sub.tz)
    if sub.active and nxt is not None:
        if nxt < now:  # today's time has passed unserved: the next minute tick catches up
            nxt = (now + dt.timedelta(minutes=1)).replace(second=0, microsecond=0).astimezone(nxt.tzinfo)
        text += "\n" + t(lang, "sub.next", date=format_day(nxt.date(), lang), time=nxt.strftime("%H:%M"))
    return escape(text + "\n" + t(lang, "sub.other"))


async def subscribe(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    chat = update.effective_chat
    message = update.effective_message
    if chat is None or message is None:
        return
    if not await is_chat_admin(update, context):
        await reply(update, context, t(lang, "sub.admins_only"))
        return
    services = context.services
    current = await services.repo.get_subscription(chat.id)
    at = current.time if current else dt.time(9, 0)
    tz = current.tz if current else services.config.tz
    try:
        for arg in context.args or []:
            if arg[:1].isdigit() and ":" in arg or arg.replace(".", "").isdigit():
                at = parse_time(arg)
            else:
                tz = parse_zone(arg)
    except ScheduleError as exc:
        await reply(update, context, t(lang, f"sub.{exc.code}", value=escape(exc.text[:40])))
        return
    thread = message.message_thread_id if message.is_topic_message else None
    sub = Subscription(
        chat_id=chat.id, thread_id=thread, time=at, tz=tz,
        mode=current.mode if current else "anniversaries",
        lang=lang if lang in LANGS else "en",
        active=True, chat_type=chat.type,
    )
    await services.repo.upsert_subscription(sub)
    key = "sub.updated" if current else "sub.created"
    await reply(update, context, escape(t(lang, key)) + "\n" + await describe(context, sub), settings_keyboard(lang))


async def unsubscribe(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    chat = update.effective_chat
    if chat is None:
        return
    if not await is_chat_admin(update, context):
        await reply(update, context, t(lang, "sub.admins_only"))
        return
    changed = await context.services.repo.set_active(chat.id, False)
    await reply(update, context, t(lang, "sub.removed" if changed else "sub.none"))


async def settings(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    chat = update.effective_chat
    if chat is None:
        return
    sub = await context.services.repo.get_subscription(chat.id)
    if sub is None:
        await reply(update, context, t(lang, "sub.none"))
        return
    await reply(update, context, await describe(context, sub), settings_keyboard(lang))


async def settings_button(update: Update, context: Context, query: CallbackQuery, field: str, value: str) -> None:
    """A /settings button: checked against Telegram for group admins at the moment it is pressed."""
    lang = await chat_lang(update, context)
    chat = update.effective_chat
    services = context.services
    if chat is None:
        await query.answer()
        return
    if not await is_chat_admin(update, context):
        await query.answer(t(lang, "sub.admins_only"), show_alert=True)
        return
    sub = await services.repo.get_subscription(chat.id)
    if sub is None:
        await query.answer(t(lang, "menu.expired"))
        return
    try:
        if field == "mode" and value in MODES:
            sub = dataclasses.replace(sub, mode=value)  # type: ignore[arg-type]
        elif field == "time":
            sub = dataclasses.replace(sub, time=parse_time(f"{value[:2]}:{value[2:]}"))
        elif field == "tz":
            sub = dataclasses.replace(sub, tz=parse_zone(value))
        elif field == "lang" and value in LANGS:
            sub = dataclasses.replace(sub, lang=value)
            await services.set_chat_language(chat.id, value)
            lang = value
        else:
            raise ScheduleError("expired", value)
    except ScheduleError:
        await query.answer(t(lang, "menu.expired"))
        return
    sub = dataclasses.replace(sub, active=True)
    await services.repo.upsert_subscription(sub)
    await query.answer(t(lang, "sub.saved"))
    if isinstance(query.message, Message):
        await query.edit_message_text(
            escape(t(lang, "sub.updated")) + "\n" + await describe(context, sub),
            parse_mode=ParseMode.HTML, reply_markup=settings_keyboard(lang), link_preview_options=NO_PREVIEW,
        )


async def set_language(update: Update, context: Context, query: CallbackQuery, value: str) -> None:
    """The /lang and /start language buttons: stored per chat, wins over Telegram's language_code."""
    chat = update.effective_chat
    old = await chat_lang(update, context)
    if value not in LANGS or chat is None:
        await query.answer(t(old, "menu.expired"))
        return
    if chat.type != "private" and not await is_chat_admin(update, context):
        await query.answer(t(old, "sub.admins_only"), show_alert=True)
        return
    await context.services.set_chat_language(chat.id, value)
    sub = await context.services.repo.get_subscription(chat.id)
    if sub is not None and sub.active:
        await context.services.repo.upsert_subscription(dataclasses.replace(sub, lang=value))
    await query.answer(t(value, "lang.set"))
    if isinstance(query.message, Message):
        await query.message.reply_text(t(value, "lang.set"), parse_mode=ParseMode.HTML)
