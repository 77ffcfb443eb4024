"""Run the real kzru-bot Application (the `kzru-bot run` code path) against the fake Bot API."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fakebotapi import FakeBotAPI
from telegram.ext import Application

from bot.app import build_application
from bot.config import load_config
from bot.engine.compose import Answer
from bot.loader import default_data_dir, load_store
from bot.render_text import body_text
from bot.store import FactStore

_STORE: FactStore | None = None


def real_store() -> FactStore:
    """The real data, loaded once per test session (it is immutable)."""
    global _STORE
    if _STORE is None:
        _STORE = load_store(default_data_dir())
    return _STORE


@asynccontextmanager
async def running_bot(api: FakeBotAPI, tmp_path: Path, *, now: Callable[[], dt.datetime] | None = None, tick: bool = True,
                      **env: str) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Start the bot in polling mode on the fake server; stop it cleanly afterwards.

    ``now`` pins the bot's wall clock (Services.now), so what is due or "today" does not depend on
    when the test runs; ``tick=False`` stops the minute tick before its first step, so nothing is
    delivered unless the test runs a step (``services.ticker.step()``) or the broadcaster itself:
    otherwise it would fire 5 s of real time after the start, in the middle of a slow test.
    """
    settings = {
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "KZRU_DB_PATH": str(tmp_path / "kzru.sqlite3"),
        "KZRU_TZ": "Asia/Almaty",
        **env,
    }
    app = build_application(load_config(settings), real_store())
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    if now is not None:
        app.bot_data.services.now = now
    if not tick:
        ticker = app.bot_data.services.ticker
        assert ticker is not None
        ticker.cancel()  # before its first step: the test calls ticker.step() when it wants a tick
    await app.start()
    assert app.updater is not None
    kinds = ["message", "edited_message", "callback_query", "inline_query", "channel_post", "my_chat_member"]
    await app.updater.start_polling(poll_interval=0.0, timeout=1, allowed_updates=kinds)
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        if app.post_shutdown:
            await app.post_shutdown(app)
        await app.shutdown()


def answered_with(answer: Answer, *texts: str) -> Answer:
    """The answer, once checked that it is given (not declined) and holds every one of `texts`."""
    body = body_text(answer)
    assert answer.answered and all(text in body for text in texts), body
    return answer


def near_miss_of(answer: Answer, fact_id: str) -> Answer:
    """The answer, once checked that it declines and shows `fact_id` as the closest the sources give."""
    assert not answer.answered and answer.facts and answer.facts[0].id == fact_id, body_text(answer)
    return answer
