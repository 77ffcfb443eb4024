"""/subscribe, /unsubscribe, /settings and the language buttons: every change confirmed.

The rules (defaults, what a button may change, the next delivery and its catch-up) are in
bot/usecases/subscriptions.py and bot/usecases/language.py; here only who may change a group's
settings (its administrators, asked of Telegram at the moment of the change) and the replies.
"""

from __future__ import annotations

from html import escape

from telegram import CallbackQuery, Message, Update

from bot.i18n import t
from bot.schedule import ScheduleError
from bot.usecases import subscriptions
from handlers.callbacks import LanguageChoice, SettingButton
from handlers.common import chat_lang, is_chat_admin, reply
from handlers.context import Context
from handlers.keyboards import settings_keyboard
from handlers.render import subscription_html


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
    try:
        view = await subscriptions.subscribe(
            services.repo, services.store, services.now(), chat_id=chat.id,
            thread_id=message.message_thread_id if message.is_topic_message else None, chat_type=chat.type,
            lang=lang, args=context.args or [], default_tz=services.config.tz,
        )
    except ScheduleError as exc:
        await reply(update, context, t(lang, f"sub.{exc.code}", value=escape(exc.text[:40])))
        return
    confirmed = escape(t(lang, "sub.created" if view.created else "sub.updated"))
    await reply(update, context, confirmed + "\n" + subscription_html(view), settings_keyboard(lang))


async def unsubscribe(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    chat = update.effective_chat
    if chat is None:
        return
    if not await is_chat_admin(update, context):
        await reply(update, context, t(lang, "sub.admins_only"))
        return
    changed = await subscriptions.unsubscribe(context.services.repo, chat.id)
    await reply(update, context, t(lang, "sub.removed" if changed else "sub.none"))


async def settings(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    chat = update.effective_chat
    if chat is None:
        return
    services = context.services
    view = await subscriptions.current(services.repo, services.store, services.now(), chat.id)
    if view is None:
        await reply(update, context, t(lang, "sub.none"))
        return
    await reply(update, context, subscription_html(view), settings_keyboard(lang))


async def settings_button(update: Update, context: Context, query: CallbackQuery, data: SettingButton) -> None:
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
    try:
        view = await subscriptions.change_setting(services.repo, services.store, services.now(), chat.id,
                                                  data.field, data.value)
    except ScheduleError:
        view = None
    if view is None:
        await query.answer(t(lang, "menu.expired"))
        return
    if data.field == "lang":  # the use case stored the chat's new language; the cache follows
        services.languages[chat.id] = lang = view.sub.lang
    await query.answer(t(lang, "sub.saved"))
    if isinstance(query.message, Message):
        await query.edit_message_text(escape(t(lang, "sub.updated")) + "\n" + subscription_html(view),
                                      reply_markup=settings_keyboard(lang))


async def language_button(update: Update, context: Context, query: CallbackQuery, data: LanguageChoice) -> None:
    """The /lang and /start language buttons: stored per chat, wins over Telegram's language_code."""
    chat = update.effective_chat
    old = await chat_lang(update, context)
    if chat is None:
        await query.answer(t(old, "menu.expired"))
        return
    if chat.type != "private" and not await is_chat_admin(update, context):
        await query.answer(t(old, "sub.admins_only"), show_alert=True)
        return
    await context.services.set_chat_language(chat.id, data.lang)
    await query.answer(t(data.lang, "lang.set"))
    if isinstance(query.message, Message):
        await query.message.reply_text(t(data.lang, "lang.set"))
