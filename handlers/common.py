"""Glue shared by the handlers: the chat's language, replying, throttling and admin checks."""

from __future__ import annotations

import time

from telegram import (
    ChatMember,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError

from bot.i18n import pick_lang, t
from handlers.context import Context
from handlers.render import split_message

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
GROUP_ANONYMOUS_BOT = 1087968824
WARN_EVERY = 60.0


async def chat_lang(update: Update, context: Context) -> str:
    """The chat's stored language, else the user's Telegram language, else English."""
    chat = update.effective_chat
    stored = await context.services.chat_language(chat.id) if chat else None
    user = update.effective_user
    return pick_lang(stored, user.language_code if user else None)


def is_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


async def reply(
    update: Update,
    context: Context,
    html: str,
    markup: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Answer the update's message in its chat and topic, quoting it in groups; long text is split.

    For an edited question whose answer we remember, the answer is edited instead.
    """
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return None
    services = context.services
    parts = split_message(html)
    if update.edited_message is not None:
        previous = services.replies.get((chat.id, message.message_id))
        if previous is not None:
            try:
                edited = await context.bot.edit_message_text(
                    parts[0], chat_id=chat.id, message_id=previous, parse_mode=ParseMode.HTML,
                    reply_markup=markup if len(parts) == 1 else None, link_preview_options=NO_PREVIEW,
                )
                return edited if isinstance(edited, Message) else None
            except TelegramError:
                pass
    quote = ReplyParameters(message_id=message.message_id, allow_sending_without_reply=True)
    thread = message.message_thread_id if message.is_topic_message else None
    sent: Message | None = None
    for i, part in enumerate(parts):
        sent = await context.bot.send_message(
            chat.id, part, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
            reply_parameters=quote if i == 0 and is_group(update) else None,
            reply_markup=markup if i == len(parts) - 1 else None,
            message_thread_id=thread,
        )
        if i == 0:
            services.remember_reply(chat.id, message.message_id, sent.message_id)
    return sent


async def allowed(update: Update, context: Context, lang: str) -> bool:
    """Per-user and per-group limits: over the limit, say so once a minute, otherwise stay quiet."""
    services = context.services
    user = update.effective_user
    chat = update.effective_chat
    ok = True
    key = user.id if user else 0
    if not services.user_limit.try_acquire(key):
        ok = False
    elif is_group(update) and chat is not None and not services.chat_limit.try_acquire(chat.id):
        ok = False
        key = chat.id
    if ok:
        return True
    now = time.monotonic()
    if now - services.warned.get(key, 0.0) >= WARN_EVERY:
        services.warned[key] = now
        while len(services.warned) > 10000:
            services.warned.popitem(last=False)
        text = t(lang, "throttle.group" if key == (chat.id if chat else None) else "throttle.user")
        await reply(update, context, text)
    return False


async def is_chat_admin(update: Update, context: Context) -> bool:
    """Whether the sender may change this chat's settings: always in private chats; in groups
    only administrators, asked of Telegram at the moment of the change (anonymous admins post
    as the group itself)."""
    chat = update.effective_chat
    user = update.effective_user
    if chat is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    message = update.effective_message
    if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True
    if user is None or user.id == GROUP_ANONYMOUS_BOT:
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        return False
    return member.status in (ChatMember.ADMINISTRATOR, ChatMember.OWNER)
