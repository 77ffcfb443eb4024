"""👍 / 👎 under answers: buttons for an answer about to be sent, and the taps on them.

A tap changes nothing in the chat but the buttons themselves (they show the counts) and a short
toast; the rating is counted per person by a keyed hash of the user id (see bot/feedback.py).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from bot.feedback import AnswerSummary
from bot.i18n import t
from bot.storage import StorageError
from handlers.callbacks import VOTES, Rate
from handlers.common import chat_lang
from handlers.context import Context
from handlers.keyboards import rating_keyboard

log = logging.getLogger("kzru.feedback")


async def rating_markup(update: Update, context: Context, summary: AnswerSummary) -> InlineKeyboardMarkup | None:
    """Record the answer about to be sent (a decline is logged) and give its 👍/👎 buttons: none for
    small talk, and none rather than no answer at all when the database fails."""
    chat = update.effective_chat
    try:
        answer_id = await context.services.editorial.answered(summary, chat.type if chat else "unknown")
    except (sqlite3.Error, StorageError) as exc:
        log.warning("answer sent without rating buttons: could not record it: %s", exc)
        return None
    return None if answer_id is None else rating_keyboard(answer_id)


async def card_markups(context: Context, summaries: Sequence[AnswerSummary]) -> list[InlineKeyboardMarkup | None]:
    """Buttons for the cards of one inline query, recorded together; no buttons if the database fails."""
    try:
        ids = await context.services.editorial.cards(summaries, "inline")
    except (sqlite3.Error, StorageError) as exc:
        log.warning("inline cards sent without rating buttons: %s", exc)
        return [None] * len(summaries)
    return [rating_keyboard(answer_id) for answer_id in ids]


async def rate_button(update: Update, context: Context, query: CallbackQuery, data: Rate) -> None:
    """A tap on 👍 or 👎: counted, changed or withdrawn; said in a toast, shown on the buttons."""
    lang = await chat_lang(update, context)
    state = await context.services.editorial.rate(data.answer_id, query.from_user.id, VOTES[data.vote])
    if state is None:
        await query.answer(t(lang, "feedback.expired"))
        return
    told = {1: t(lang, "feedback.up_counted"), -1: t(lang, "feedback.down_counted"), 0: t(lang, "feedback.withdrawn")}
    await query.answer(told[state.mine])
    try:
        await query.edit_message_reply_markup(_with_rating(query, rating_keyboard(data.answer_id, state.up, state.down)))
    except BadRequest as exc:
        # The rating is stored and the toast said so; a message Telegram no longer lets us edit
        # (too old, deleted, or the same counts after a double tap) only keeps its old buttons.
        log.debug("rating buttons not updated: %s", exc)


def _with_rating(query: CallbackQuery, rating: InlineKeyboardMarkup) -> InlineKeyboardMarkup:
    """The message's keyboard with only its 👍 / 👎 row redrawn: the numbered fact buttons above stay."""
    current = query.message.reply_markup if isinstance(query.message, Message) else None
    rows = current.inline_keyboard if current is not None else ()
    kept = [row for row in rows if not any(Rate.decode(b.callback_data if isinstance(b.callback_data, str) else None)
                                           for b in row)]
    return InlineKeyboardMarkup([*kept, *rating.inline_keyboard])
