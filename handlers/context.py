"""The typed context every handler receives: the core's services, not a dict of casts."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Config
from bot.delivery import Broadcaster
from bot.engine import AnswerEngine
from bot.storage import Repository
from bot.store import FactStore
from bot.throttle import WindowLimiter


@dataclass
class Services:
    """Everything the handlers call into, built by the composition root."""

    config: Config
    store: FactStore
    engine: AnswerEngine
    repo: Repository
    user_limit: WindowLimiter
    chat_limit: WindowLimiter
    broadcaster: Broadcaster | None = None
    replies: OrderedDict[tuple[int, int], int] = field(default_factory=OrderedDict)
    warned: OrderedDict[int, float] = field(default_factory=OrderedDict)

    languages: OrderedDict[int, str | None] = field(default_factory=OrderedDict)

    async def chat_language(self, chat_id: int) -> str | None:
        """The stored language of a chat, read through a small cache (most updates need it)."""
        if chat_id in self.languages:
            return self.languages[chat_id]
        lang = await self.repo.get_language(chat_id)
        self.languages[chat_id] = lang
        while len(self.languages) > 50000:
            self.languages.popitem(last=False)
        return lang

    async def set_chat_language(self, chat_id: int, lang: str) -> None:
        await self.repo.set_language(chat_id, lang)
        self.languages[chat_id] = lang

    def remember_reply(self, chat_id: int, message_id: int, reply_id: int) -> None:
        """Which bot message answered which user message, so an edited question edits the answer."""
        self.replies[(chat_id, message_id)] = reply_id
        while len(self.replies) > 5000:
            self.replies.popitem(last=False)


class BotData:
    """bot_data as a typed object; `services` is set in post_init once the database is open."""

    services: Services


class Context(CallbackContext[ExtBot[None], dict[object, object], dict[object, object], BotData]):
    """CallbackContext with a typed `services` shortcut (PTB examples/contexttypesbot.py)."""

    def __init__(self, application: Application, chat_id: int | None = None, user_id: int | None = None):  # type: ignore[type-arg]
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def services(self) -> Services:
        return self.bot_data.services
