"""Run the real kzru-bot Application (the `kzru-bot run` code path) against the fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fakebotapi import FakeBotAPI
from telegram.ext import Application

from bot.app import build_application
from bot.config import load_config
from bot.loader import default_data_dir, load_store
from bot.store import FactStore

_STORE: FactStore | None = None


def real_store() -> FactStore:
    """The real data, loaded once per test session (it is immutable)."""
    global _STORE
    if _STORE is None:
        _STORE = load_store(default_data_dir())
    return _STORE


@asynccontextmanager
async def running_bot(api: FakeBotAPI, tmp_path: Path, **env: str) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Start the bot in polling mode on the fake server; stop it cleanly afterwards."""
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
