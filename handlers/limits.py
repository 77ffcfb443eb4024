"""The per-user limits for inline queries and button presses, applied by the gate before any handler.

Why: every inline query (one per keystroke) costs an answer and every press an edit, so a script
pressing ▶ a thousand times would otherwise get a thousand edits. The counting is bot/throttle.py's
TapLimits; here only what Telegram sees: nothing, or one toast a minute asking to slow down.
"""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import TelegramError

from bot.i18n import pick_lang, t
from handlers.context import Context


async def taps_allowed(update: Update, context: Context) -> bool:
    """Whether to handle this inline query or button press (anything else: always)."""
    user = update.effective_user
    if user is None:
        return True
    taps = context.services.taps
    if update.inline_query is not None:
        return taps.inline_query(user.id)
    query = update.callback_query
    if query is None:
        return True
    verdict = taps.button(user.id)
    if verdict == "warn":
        chat = update.effective_chat
        stored = await context.services.chat_language(chat.id) if chat else None
        with contextlib.suppress(TelegramError):
            await query.answer(t(pick_lang(stored, user.language_code), "throttle.buttons"))
    return verdict == "ok"
