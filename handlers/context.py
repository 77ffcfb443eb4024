"""The typed context every handler receives: the core's services, not a dict of casts."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from cachetools import LRUCache
from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Config
from bot.delivery import Broadcaster
from bot.editorial import EditorialLoop
from bot.engine import AnswerEngine, Turn
from bot.feedback import AnswerSummary
from bot.health import PollingConflict
from bot.schedule import local_today
from bot.storage import Repository
from bot.store import FactStore
from bot.throttle import Clock, TapLimits, WindowLimiter
from bot.ticker import Ticker
from bot.usecases import language

LRU = LRUCache
"""A mapping that forgets its least recently used entries past its size (`LRU(size)`): bounded
memory per chat. cachetools' LRUCache: a read (`[]`, `get`) makes an entry recent, `in` does not."""


@dataclass(frozen=True, slots=True)
class RenderedAnswer:
    """An answer as the chat gets it (HTML), what a follow-up may lean on, and what the feedback log keeps."""

    html: str
    turn: Turn | None
    summary: AnswerSummary
    picks: tuple[str, ...] = ()
    """The facts its numbered "See also" / "Perhaps you meant" lines name, for their buttons."""


@dataclass
class Services:
    """Everything the handlers call into, built by the composition root."""

    config: Config
    store: FactStore
    engine: AnswerEngine
    repo: Repository
    editorial: EditorialLoop
    user_limit: WindowLimiter
    chat_limit: WindowLimiter
    broadcaster: Broadcaster | None = None
    replies: LRU[tuple[int, int], int] = field(default_factory=lambda: LRU(5000))
    warned: LRU[tuple[str, int, int], float] = field(default_factory=lambda: LRU(10000))
    languages: LRU[int, str | None] = field(default_factory=lambda: LRU(50000))
    answers: LRU[tuple[str, str], RenderedAnswer] = field(default_factory=lambda: LRU(2048))
    """Rendered answers to questions asked without a previous turn."""
    files: dict[str, str] = field(default_factory=dict)
    """Telegram file_ids of documents already uploaded this run (the calendars), by key."""
    retry_attempts: LRU[int, int] = field(default_factory=lambda: LRU(10_000))
    """How often each update was handled again after a transient Telegram failure (handlers/errors.py)."""
    tick_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    """Held by the minute tick while it delivers, so a slow run is never overlapped by the next (bot/app.py)."""
    recheck: asyncio.Task[int] | None = None
    """The start-up task re-asking the logged questions (awaited by tests, cancelled at shutdown)."""
    clock: Clock = field(default=time.monotonic)
    """Monotonic seconds for conversation expiry; tests put a FakeClock here."""
    now: Callable[[], dt.datetime] = field(default=lambda: dt.datetime.now(dt.UTC))
    """Wall clock for what is due / today; tests pin it."""
    ticker: Ticker | None = None
    """The minute tick's loop (bot/ticker.py): cancelled first when the bot is told to stop."""
    conflict: PollingConflict = field(default_factory=PollingConflict)
    """Telegram's 409s to getUpdates (another instance, or a webhook): when to give up (handlers/errors.py)."""
    taps: TapLimits = field(default_factory=TapLimits)
    """Per-user limits for inline queries and button presses (handlers/limits.py)."""

    async def chat_language(self, chat_id: int) -> str | None:
        """The stored language of a chat, read through a cache (most updates need it)."""
        if chat_id in self.languages:
            return self.languages[chat_id]
        lang = await self.repo.get_language(chat_id)
        self.languages[chat_id] = lang
        return lang

    async def set_chat_language(self, chat_id: int, lang: str) -> None:
        """The language use case (an active subscription follows the chat's language), then the cache."""
        await language.set_language(self.repo, chat_id, lang)
        self.languages[chat_id] = lang

    def today(self) -> dt.date:
        """The date in the bot's zone (KZRU_TZ) on the wall clock `now`: /today, /date, /stats and
        the empty inline query all count from this one day."""
        return local_today(self.config.tz, self.now())

    def remember_reply(self, chat_id: int, message_id: int, reply_id: int) -> None:
        """Which bot message answered which user message, so an edited question edits the answer."""
        self.replies[(chat_id, message_id)] = reply_id


class BotData:
    """bot_data as a typed object; `services` is set in post_init once the database is open."""

    services: Services


def stop_delivering(bot_data: BotData) -> None:
    """A first stop signal's first step, in polling and webhook mode alike: a running delivery
    stops at once and gives back its unsent claims (no services yet when the signal beat post_init)."""
    services: Services | None = getattr(bot_data, "services", None)
    if services is not None and services.ticker is not None:
        services.ticker.cancel()


class Context(CallbackContext[ExtBot[None], dict[object, object], dict[object, object], BotData]):
    """CallbackContext with a typed `services` shortcut (PTB examples/contexttypesbot.py)."""

    def __init__(self, application: Application, chat_id: int | None = None, user_id: int | None = None):  # type: ignore[type-arg]
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def services(self) -> Services:
        return self.bot_data.services
