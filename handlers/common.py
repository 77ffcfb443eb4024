"""Glue shared by the handlers: the chat's language, replying, throttling and admin checks."""

from __future__ import annotations

import time

from telegram import (
    CallbackQuery,
    ChatMember,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.i18n import t
from bot.usecases.language import chat_language
from handlers.context import Context
from handlers.limits import taps_allowed
from handlers.render import split_message

GROUP_ANONYMOUS_BOT = 1087968824
WARN_EVERY = 60.0


async def chat_lang(update: Update, context: Context) -> str:
    """The chat's stored language, else the user's Telegram language, else English."""
    chat = update.effective_chat
    stored = await context.services.chat_language(chat.id) if chat else None
    user = update.effective_user
    return chat_language(stored, user.language_code if user else None)


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
                    parts[0], chat_id=chat.id, message_id=previous, reply_markup=markup if len(parts) == 1 else None,
                )
                return edited if isinstance(edited, Message) else None
            except BadRequest as exc:
                if "not modified" in exc.message.lower():
                    return None
            except TelegramError:
                pass
    quote = ReplyParameters(message_id=message.message_id, allow_sending_without_reply=True) if is_group(update) else None
    thread = message.message_thread_id if message.is_topic_message else None
    sent: Message | None = None
    for i, part in enumerate(parts):
        sent = await context.bot.send_message(
            chat.id, part,
            reply_parameters=quote if i == 0 else None,
            reply_markup=markup if i == len(parts) - 1 else None,
            message_thread_id=thread,
        )
        if i == 0:
            services.remember_reply(chat.id, message.message_id, sent.message_id)
    return sent


async def edit(query: CallbackQuery, html: str, markup: InlineKeyboardMarkup | None) -> None:
    """Redraw the message a button is on; a tap that changes nothing (a double tap) is no error."""
    try:
        await query.edit_message_text(html, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def expired(update: Update, context: Context) -> None:
    """Any button whose data no handler claims (forged, or from a layout since changed): a short
    toast in the chat's language, nothing else."""
    query = update.callback_query
    if query is not None:
        await query.answer(t(await chat_lang(update, context), "menu.expired"))


async def allowed(update: Update, context: Context) -> bool:
    """Per-user and per-group limits; over one, say so once a minute (per user in a chat, or per
    group), otherwise drop the update quietly so a flood never turns into a flood of replies."""
    services = context.services
    chat = update.effective_chat
    if chat is None:
        return True
    user_id = sender_id(update)
    if services.user_limit.try_acquire(user_id):
        if not is_group(update) or services.chat_limit.try_acquire(chat.id):
            return True
        key = ("group", chat.id, 0)
    else:
        key = ("user", chat.id, user_id)
    now = time.monotonic()
    last = services.warned.get(key)
    # An edited message is not told: reply() would turn its earlier answer into the notice.
    if update.edited_message is None and (last is None or now - last >= WARN_EVERY):
        services.warned[key] = now
        lang = await chat_lang(update, context)
        await reply(update, context, t(lang, f"throttle.{key[0]}"))
    return False


def sender_id(update: Update) -> int:
    """Who counts against the per-user limit: the user, or the chat a message was sent on behalf of
    (anonymous admins and channels share one Telegram user id across all groups)."""
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    user = update.effective_user
    return user.id if user else 0


def is_command_for_us(message: Message, username: str) -> bool:
    """A /command without @bot, or with ours (a /cmd@otherbot in a group is not for us)."""
    text = message.text or ""
    if not text.startswith("/"):
        return False
    command = text.split(maxsplit=1)[0]
    _, at, target = command.partition("@")
    return not at or target.lower() == username.lower()


async def gate(update: Update, context: Context) -> None:
    """Runs before every handler: commands anywhere and anything in a private chat count against
    the limits (group conversation is counted only once it addresses the bot, in group_text);
    business messages count as messages; inline queries and button presses have their own limits."""
    if not await taps_allowed(update, context):
        raise ApplicationHandlerStop
    message = update.message or update.edited_message or update.business_message or update.edited_business_message
    chat = update.effective_chat
    if message is None or chat is None or chat.type not in (ChatType.PRIVATE, ChatType.GROUP, ChatType.SUPERGROUP):
        return
    counted = chat.type == ChatType.PRIVATE or is_command_for_us(message, context.bot.username or "")
    if counted and not await allowed(update, context):
        raise ApplicationHandlerStop


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
