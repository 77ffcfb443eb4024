"""The error handler: log the failure (never the token), tell the user briefly, keep running."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, TelegramError

from bot.i18n import pick_lang, t
from handlers.context import Context

log = logging.getLogger("kzru.errors")


async def on_error(update: object, context: Context) -> None:
    error = context.error
    if isinstance(error, (NetworkError, Forbidden)):
        log.warning("telegram: %s: %s", type(error).__name__, error)
        return
    log.error("handler failed on %s", type(update).__name__, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    user = update.effective_user
    lang = pick_lang(user.language_code if user else None)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(t(lang, "error.generic"))
        elif update.effective_message is not None:
            await context.bot.send_message(update.effective_chat.id, t(lang, "error.generic"))
    except TelegramError:
        log.warning("could not tell the user about the failure")
