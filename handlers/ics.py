"""/calendar: every day-precise anniversary as an .ics file in the chat's language."""

from __future__ import annotations

from html import escape

from telegram import InputFile, ReplyParameters, Update

from bot.i18n import t
from bot.ics import anniversary_calendar, calendar_entries
from handlers.common import chat_lang, is_group, reply
from handlers.context import Context


async def calendar(update: Update, context: Context) -> None:
    """Upload the file once per language and run; afterwards resend Telegram's file_id."""
    lang = await chat_lang(update, context)
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None:
        return
    services = context.services
    events = len(calendar_entries(services.store))
    if not events:
        await reply(update, context, escape(t(lang, "calendar.none")))
        return
    key = f"calendar-{lang}"
    cached = services.files.get(key)
    document = cached or InputFile(anniversary_calendar(services.store, lang, services.now()),
                                   filename=f"kzru-anniversaries-{lang}.ics")
    sent = await context.bot.send_document(
        chat.id, document, caption=escape(t(lang, "calendar.caption", n=events)),
        message_thread_id=message.message_thread_id if message.is_topic_message else None,
        reply_parameters=ReplyParameters(message.message_id, allow_sending_without_reply=True) if is_group(update) else None,
    )
    if not cached and sent.document:
        services.files[key] = sent.document.file_id
