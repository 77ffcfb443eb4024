"""Many subscriptions at once, for kill tests and benchmarks/broadcast.py.

Why: thousands of Repository.upsert_subscription calls would each wait for the disk; the schema
still comes from the real Repository, the rows go in with one transaction.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from bot.storage import Repository

LANGS = ("kk", "ru", "en")


async def subscribe_many(db: Path, count: int) -> None:
    """Chats 1..count subscribed privately at 09:00 Asia/Almaty, anniversaries mode, languages in turn."""
    await (await Repository.open(db)).close()
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO subscriptions (chat_id, thread_id, time, tz, mode, lang, active, chat_type, created_at, updated_at) "
            "VALUES (?, NULL, '09:00', 'Asia/Almaty', 'anniversaries', ?, 1, 'private', ?, ?)",
            [(chat, LANGS[chat % 3], now, now) for chat in range(1, count + 1)],
        )
