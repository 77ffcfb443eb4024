"""Which language a chat is answered in, and changing it.

The policy: an answer follows the question's language when the question shows it (two words or
more), else the chat's stored language, else the user's Telegram language, else English.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from bot.i18n import pick_lang
from bot.model import LANGS
from bot.storage import Repository
from bot.text import detect_language


@lru_cache(maxsize=4096)
def question_language(question: str) -> str | None:
    """The language of a question when it is clear (two words or more), else None."""
    detected = detect_language(question)
    return detected if detected and len(question.split()) >= 2 else None


def answer_language(question: str, chat_language: str) -> str:
    """Answers follow the question's language when it is clear, else the chat's language."""
    return question_language(" ".join(question.split())) or chat_language


def chat_language(stored: str | None, telegram_code: str | None) -> str:
    """The chat's stored choice wins over the user's Telegram language ('ru-RU' counts as 'ru')."""
    return pick_lang(stored, telegram_code)


async def set_language(repo: Repository, chat_id: int, lang: str) -> None:
    """Store the chat's language; an active subscription follows it, so the daily message does too."""
    if lang not in LANGS:
        raise ValueError(f"not a language of ours: {lang!r}")
    await repo.set_language(chat_id, lang)
    sub = await repo.get_subscription(chat_id)
    if sub is not None and sub.active:
        await repo.upsert_subscription(dataclasses.replace(sub, lang=lang))
