"""PTB side of delivery: sends one HTML message and classifies how it ended for the Broadcaster.

The classification follows what python-telegram-bot 22.8 actually raises
(telegram/request/_baserequest.py, telegram/request/_httpxrequest.py):

* An answer from Telegram with a known code becomes Forbidden (403), BadRequest (400),
  InvalidToken (401/404) or Conflict (409); ``parameters.retry_after`` / ``migrate_to_chat_id``
  become RetryAfter / ChatMigrated whatever the code. Any other code (5xx included) becomes a
  plain NetworkError whose ``__cause__`` is None, or the TelegramError from failing to parse a
  non-JSON body (e.g. an HTML 502 page).
* Transport failures become TimedOut (httpx.TimeoutException) or NetworkError (other
  httpx.HTTPError), with the httpx exception as ``__cause__``; anything else the transport
  raises becomes NetworkError("Unknown error in HTTP implementation") with that cause.

So the httpx cause tells whether the request can have left: ConnectError, ConnectTimeout,
PoolTimeout (PTB's own message: "Request was *not* sent"), ProxyError and UnsupportedProtocol
happen before a byte of the request reaches Telegram, and are safe to retry. Read/write
timeouts, read/write errors and protocol errors happen after the request went out (or while it
did), so they are in doubt and reported UNKNOWN, never retried: a missing message is better
than a duplicate one. AiohttpRequest in handlers/transport.py (the broadcast transport) follows the same
convention with aiohttp's exceptions.
"""

from __future__ import annotations

import datetime as dt
import sys
import warnings

import httpx
from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.warnings import PTBDeprecationWarning

from bot.delivery import SendOutcome
from bot.outgoing import Keyboard
from handlers.keyboards import intents_keyboard

_NOT_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
    httpx.UnsupportedProtocol,
)
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def retry_after_seconds(error: RetryAfter) -> float:
    """RetryAfter.retry_after in seconds: an int, or a timedelta when PTB_TIMEDELTA is set (22.2+)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value)


def classify(error: TelegramError) -> SendOutcome:
    """Map a PTB exception to a SendOutcome; see the module docstring for the reasoning."""
    if isinstance(error, RetryAfter):
        return SendOutcome.retry(retry_after_seconds(error))
    if isinstance(error, ChatMigrated):
        return SendOutcome.migrated(int(error.new_chat_id))
    if isinstance(error, Forbidden):
        return SendOutcome.blocked(error.message)
    if isinstance(error, BadRequest | InvalidToken):
        return SendOutcome.bad_request(error.message)
    cause = error.__cause__
    if _surely_not_sent(cause):
        return SendOutcome.transient(f"{type(cause).__name__}: {error.message}")
    if isinstance(error, TimedOut):
        return SendOutcome.unknown(error.message)
    if isinstance(error, NetworkError) and (cause is None or isinstance(cause, TelegramError)):
        return _answered(error)
    return SendOutcome.unknown(f"{type(error).__name__}: {error.message}")


def _surely_not_sent(cause: BaseException | None) -> bool:
    """An httpx or aiohttp error raised before a byte left. aiohttp's are looked up only when its
    backend is loaded (the broadcast): where it is not, nothing can have raised them."""
    if isinstance(cause, _NOT_SENT):
        return True
    backend = sys.modules.get("handlers.aiohttp_request")
    return backend is not None and isinstance(cause, backend.NOT_SENT)


def _answered(error: NetworkError) -> SendOutcome:
    """Telegram answered with an unexpected status (in practice 5xx): the method did not succeed.

    The exception is a gateway timeout (504): the front end gave up waiting while the Bot API
    server may still have sent the message, so it is in doubt.
    """
    text = error.message.lower()
    if "gateway timeout" in text or "(504)" in text:
        return SendOutcome.unknown(error.message)
    return SendOutcome.transient(error.message)


class PTBSender:
    """Sender over a telegram.Bot: HTML parse mode, no link previews, into the chat's topic, the
    core's button intents as an inline keyboard (handlers/keyboards.py)."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_id: int, thread_id: int | None, text: str, keyboard: Keyboard = ()) -> SendOutcome:
        """Send `text` with `keyboard`; Telegram errors come back classified, programming errors propagate."""
        try:
            await self.bot.send_message(
                chat_id=chat_id,
                text=text,
                parse_mode=ParseMode.HTML,
                message_thread_id=thread_id,
                link_preview_options=_NO_PREVIEW,
                reply_markup=intents_keyboard(keyboard),
            )
        except TelegramError as error:
            return classify(error)
        return SendOutcome.sent()
