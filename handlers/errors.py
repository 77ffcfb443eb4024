"""The error handler: retry what Telegram did not take, log the rest (never the token), keep running.

A question whose answer Telegram refused for a moment (429 flood control, a 5xx, a connection
that failed or closed without any answer) is handled again, up to RETRIES times, after the wait
Telegram asks for or a short backoff. Only new messages and inline queries are re-run, and only
while nothing has been sent for them, so a retry never repeats an answer. A read timeout is in
doubt (Telegram may have sent the message) and is never retried.
"""

from __future__ import annotations

import asyncio
import logging

import httpx
from telegram import Update
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.health import storage_failure
from bot.i18n import pick_lang, t
from handlers.context import Context
from handlers.sender import retry_after_seconds

log = logging.getLogger("kzru.errors")

RETRIES = 5
BACKOFF = 0.25
MAX_BACKOFF = 2.0
MAX_WAIT = 10.0
# Transport failures after which the request surely was not processed: no connection, or the
# server closed it without answering at all (what a stale keep-alive connection gives).
_NOT_TAKEN = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.RemoteProtocolError)


def retry_delay(error: object, attempt: int) -> float | None:
    """Seconds to wait before handling the update again, or None when a retry could repeat a message."""
    if isinstance(error, RetryAfter):
        return retry_after_seconds(error)
    if isinstance(error, TimedOut) and not isinstance(error.__cause__, httpx.PoolTimeout | httpx.ConnectTimeout):
        return None
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):  # PTB makes a 400 a NetworkError
        cause = error.__cause__
        # No cause, or an unparsable body (nginx's HTML page): the server answered with a 5xx status.
        if cause is None or isinstance(cause, (TelegramError, *_NOT_TAKEN)):
            return min(BACKOFF * 2.0**attempt, MAX_BACKOFF)
    return None


def _unanswered(update: Update, context: Context) -> bool:
    """A new message with no part of its answer sent yet, or an inline query (answering it is idempotent)."""
    if update.inline_query is not None:
        return True
    message, chat = update.message, update.effective_chat
    if message is None or chat is None:
        return False
    return (chat.id, message.message_id) not in context.services.replies


async def retried(update: object, context: Context) -> bool:
    """Handle the update again if its failure was transient and safe to retry; True when it was."""
    if not isinstance(update, Update) or not _unanswered(update, context):
        return False
    attempts = context.services.retry_attempts
    attempt = attempts.get(update.update_id, 0)
    delay = retry_delay(context.error, attempt)
    if delay is None or attempt >= RETRIES or delay > MAX_WAIT:
        return False
    attempts[update.update_id] = attempt + 1
    log.info("retrying update %s in %.2fs after %s", update.update_id, delay, type(context.error).__name__)
    await asyncio.sleep(delay)
    await context.application.process_update(update)
    return True


def not_a_rejected_token_traceback(record: logging.LogRecord) -> bool:
    """A log filter: PTB logs a rejected token, and a 409 Conflict when it confirms the last updates
    at stop, with long tracebacks; run_bot and on_error say each in one line instead."""
    error = record.exc_info[1] if record.exc_info else None
    return not (isinstance(error, InvalidToken | Conflict) and record.name.startswith("telegram"))


async def on_error(update: object, context: Context) -> None:
    error = context.error
    if update is None and isinstance(error, Conflict):
        if context.services.conflict.seen(error.message):
            context.application.stop_running()  # run_bot then exits with EXIT_CONFLICT
        return
    if error is not None and storage_failure(error):
        # No traceback per update: the storage health logs the cause once per change of state.
        health = context.services.repo.health
        if health.ok:
            health.failed(error)
        await _apologise(update, context, "storage.unavailable")
        return
    if await retried(update, context):
        return
    if isinstance(error, (NetworkError, Forbidden, RetryAfter)):
        where = f"update {update.update_id}" if isinstance(update, Update) else "polling"
        log.warning("telegram: %s: %s (%s)", type(error).__name__, error, where)
        return
    log.error("handler failed on update %s", getattr(update, "update_id", type(update).__name__), exc_info=error)
    await _apologise(update, context, "error.generic")


async def _apologise(update: object, context: Context, key: str) -> None:
    """Tell the user in a word what went wrong: a toast for a button, else a message in the chat."""
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    user = update.effective_user
    lang = pick_lang(user.language_code if user else None)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(t(lang, key))
        elif update.effective_message is not None:
            await context.bot.send_message(update.effective_chat.id, t(lang, key))
    except TelegramError:
        log.warning("could not tell the user about the failure")
