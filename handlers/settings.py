"""/subscribe, /unsubscribe, /settings and the language buttons: every change confirmed.

The rules (defaults, what a button may change, the next delivery and its catch-up) are in
bot/usecases/subscriptions.py and bot/usecases/language.py; here only who may change a group's
settings (its administrators, asked of Telegram at the moment of the change) and the replies.
"""

from __future__ import annotations

from html import escape

from telegram import CallbackQuery, Chat, Message, Update

from bot.i18n import t
from bot.schedule import ScheduleError
from bot.usecases import subscriptions
from handlers.callbacks import LanguageChoice, OpenSettings, SettingButton, Unsubscribe
from handlers.common import chat_lang, edit, is_chat_admin, reply
from handlers.context import Context
from handlers.keyboards import examples_keyboard, language_keyboard, settings_keyboard
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
    await reply(update, context, confirmed + "\n" + subscription_html(view), settings_keyboard(lang, view.sub))


async def unsubscribe(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    chat = update.effective_chat
    if chat is None:
        return
    if not await is_chat_admin(update, context):
        await reply(update, context, t(lang, "sub.admins_only"))
        return
    stopped = await subscriptions.unsubscribe(context.services.repo, chat.id)
    await reply(update, context, t(lang, UNSUBSCRIBED[stopped]))


UNSUBSCRIBED = {"stopped": "sub.removed", "already": "sub.removed", "none": "sub.not_subscribed"}
"""What /unsubscribe says for each outcome of the use case. A paused subscription is told the same as
one just stopped: a command run again after its reply was lost (handlers/errors.py) says the same."""


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
    await reply(update, context, subscription_html(view), settings_keyboard(lang, view.sub))


async def _chat_to_change(update: Update, context: Context, query: CallbackQuery, lang: str) -> Chat | None:
    """The chat a settings button changes, if the presser may change it (else the tap is answered)."""
    chat = update.effective_chat
    if chat is None:
        await query.answer()
        return None
    if not await is_chat_admin(update, context):
        await query.answer(t(lang, "sub.admins_only"), show_alert=True)
        return None
    return chat


async def open_settings(update: Update, context: Context, query: CallbackQuery, data: OpenSettings) -> None:
    """⚙ under a delivered message: /settings as a new message (the delivered one stays as it was);
    in a group only for its administrators, like every settings button, so members cannot flood it."""
    lang = await chat_lang(update, context)
    chat = await _chat_to_change(update, context, query, lang)
    if chat is None:
        return
    services = context.services
    view = await subscriptions.current(services.repo, services.store, services.now(), chat.id)
    await query.answer(None if view is not None else t(lang, "sub.none"))
    if view is not None and isinstance(query.message, Message):
        await query.message.reply_text(subscription_html(view), reply_markup=settings_keyboard(lang, view.sub))


async def settings_button(update: Update, context: Context, query: CallbackQuery, data: SettingButton) -> None:
    """A /settings button: checked against Telegram for group admins at the moment it is pressed."""
    lang = await chat_lang(update, context)
    chat = await _chat_to_change(update, context, query, lang)
    services = context.services
    if chat is None:
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
    said = "sub.resumed" if view.resumed else "sub.updated"
    await query.answer(t(lang, "sub.resumed" if view.resumed else "sub.saved"))
    await edit(query, escape(t(lang, said)) + "\n" + subscription_html(view), settings_keyboard(lang, view.sub))


async def unsubscribe_button(update: Update, context: Context, query: CallbackQuery, data: Unsubscribe) -> None:
    """/settings' Unsubscribe: the same as /unsubscribe, shown in place (a time button resumes it)."""
    lang = await chat_lang(update, context)
    chat = await _chat_to_change(update, context, query, lang)
    if chat is None:
        return
    services = context.services
    stopped = await subscriptions.unsubscribe(services.repo, chat.id)
    await query.answer(t(lang, UNSUBSCRIBED[stopped]))
    view = await subscriptions.current(services.repo, services.store, services.now(), chat.id)
    if view is None:
        await edit(query, escape(t(lang, UNSUBSCRIBED[stopped])), None)
        return
    await edit(query, escape(t(lang, UNSUBSCRIBED[stopped])) + "\n" + subscription_html(view),
               settings_keyboard(lang, view.sub))


async def language_button(update: Update, context: Context, query: CallbackQuery, data: LanguageChoice) -> None:
    """The /lang and /start language buttons: stored per chat, wins over Telegram's language_code.
    The message the button is on says the choice in the new language: /lang's prompt becomes the
    confirmation (its buttons stay, ✓ on the choice), /start's greeting is redrawn in it."""
    chat = update.effective_chat
    old = await chat_lang(update, context)
    if chat is None:
        await query.answer(t(old, "menu.expired"))
        return
    if chat.type != "private" and not await is_chat_admin(update, context):
        await query.answer(t(old, "lang.admins_only"), show_alert=True)
        return
    await context.services.set_chat_language(chat.id, data.lang)
    await query.answer(t(data.lang, "lang.set"))
    if data.origin == "start":
        name = escape(query.from_user.first_name or "")
        await edit(query, t(data.lang, "start.greeting", name=name), examples_keyboard(data.lang))
    else:
        await edit(query, escape(t(data.lang, "lang.set")), language_keyboard(data.lang))
