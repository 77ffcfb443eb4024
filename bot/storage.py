"""The bot's only mutable state, in one SQLite file: chat settings, subscriptions, deliveries.

One Repository wraps one aiosqlite connection. Every write is committed (WAL, synchronous=FULL)
before its method returns, so a change the bot acknowledged survives a SIGKILL or power cut.
Writes go through one asyncio lock so a multi-statement transaction is never interleaved with
another coroutine's statement on the shared connection.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar, cast

import aiosqlite

from bot.model import LANGS, Lang
from bot.schedule import MODES, Mode, Subscription

DELIVERY_STATUSES: Final = ("claimed", "sent", "unknown", "skipped", "failed", "blocked")
BUSY_TIMEOUT_MS: Final = 5000
_T = TypeVar("_T")
_ROWS_PER_STATEMENT: Final = 200
"""Rows per multi-row INSERT: 3 parameters each stays far below SQLite's variable limit."""

_SCHEMA_V1: Final = (
    """
    CREATE TABLE chat_settings (
        chat_id INTEGER PRIMARY KEY,
        lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
        updated_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE subscriptions (
        chat_id INTEGER PRIMARY KEY,
        thread_id INTEGER,
        time TEXT NOT NULL,
        tz TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('anniversaries', 'daily', 'weekly')),
        lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        chat_type TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX subscriptions_active ON subscriptions (active)",
    """
    CREATE TABLE deliveries (
        chat_id INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        status TEXT NOT NULL
            CHECK (status IN ('claimed', 'sent', 'unknown', 'skipped', 'failed', 'blocked')),
        claims INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, local_date)
    )
    """,
    "CREATE INDEX deliveries_date ON deliveries (local_date, status)",
    """
    CREATE TABLE media (
        key TEXT PRIMARY KEY,
        file_id TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
)

MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (_SCHEMA_V1,)
"""Schema steps; step i brings PRAGMA user_version from i to i + 1. Only ever append."""


class StorageError(RuntimeError):
    """The database cannot be used as is (e.g. written by a newer version of the bot)."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _check_status(status: str) -> None:
    if status not in DELIVERY_STATUSES:
        raise ValueError(f"unknown delivery status {status!r}")


def _row_to_sub(row: aiosqlite.Row | tuple[Any, ...]) -> Subscription:
    chat_id, thread_id, time, tz, mode, lang, active, chat_type = tuple(row)
    if mode not in MODES or lang not in LANGS:
        raise StorageError(f"bad subscription row for chat {chat_id}: {mode!r}, {lang!r}")
    return Subscription(
        chat_id=int(chat_id),
        thread_id=None if thread_id is None else int(thread_id),
        time=dt.time.fromisoformat(str(time)),
        tz=str(tz),
        mode=cast(Mode, mode),
        lang=cast(Lang, lang),
        active=bool(active),
        chat_type=str(chat_type),
    )


class Repository:
    """Persistence for chats, subscriptions, deliveries and the media cache."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | os.PathLike[str]) -> Repository:
        """Open (creating if needed) the database at `path`, owner-only, and bring its schema up to date."""
        file = Path(path)
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Create the file ourselves so it is never world-readable, not even for a moment;
        # SQLite gives its -wal and -shm files the same mode as the database.
        fd = os.open(file, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
        conn = await aiosqlite.connect(file, isolation_level=None)
        repo = cls(conn, file)
        try:
            await repo._run(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = await repo._one("PRAGMA journal_mode = WAL")
            if mode is None or str(mode[0]).lower() != "wal":
                raise StorageError(f"{file}: could not switch to WAL journal mode")
            await repo._run("PRAGMA synchronous = FULL")
            await repo._run("PRAGMA foreign_keys = ON")
            await repo._migrate()
        except BaseException:
            await conn.close()
            raise
        return repo

    async def close(self) -> None:
        """Close the connection; everything acknowledged is already on disk."""
        async with self._lock:
            await self._conn.close()

    async def _migrate(self) -> None:
        """Apply missing schema steps, each in its own transaction with its version bump.

        The version is read inside the write transaction, so two processes opening the same
        file at once cannot both apply a step.
        """
        while True:
            async with self._lock:
                await self._run("BEGIN IMMEDIATE")
                try:
                    version = await self.schema_version()
                    if version > len(MIGRATIONS):
                        raise StorageError(f"{self.path}: schema version {version} is newer than this bot ({len(MIGRATIONS)})")
                    if version == len(MIGRATIONS):
                        await self._run("COMMIT")
                        return
                    for statement in MIGRATIONS[version]:
                        await self._run(statement)
                    # PRAGMA takes no parameters; the version is an int we computed.
                    await self._run(f"PRAGMA user_version = {int(version) + 1}")
                    await self._run("COMMIT")
                except BaseException:
                    await self._run("ROLLBACK")
                    raise

    async def schema_version(self) -> int:
        """PRAGMA user_version, for diagnostics."""
        row = await self._one("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def _run(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement and close its cursor; the number of rows it changed."""
        async with self._conn.execute(sql, tuple(params)) as cur:
            return cur.rowcount

    async def _write(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement in autocommit mode (committed on return); the number of rows changed."""
        async with self._lock:
            return await self._run(sql, params)

    async def _one(self, sql: str, params: Iterable[Any] = ()) -> tuple[Any, ...] | None:
        async with self._conn.execute(sql, tuple(params)) as cur:
            row = await cur.fetchone()
        return None if row is None else tuple(row)

    async def _all(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        async with self._conn.execute(sql, tuple(params)) as cur:
            rows = await cur.fetchall()
        return [tuple(row) for row in rows]

    # chat settings

    async def get_language(self, chat_id: int) -> str | None:
        """The language the chat chose, or None if it never chose one."""
        row = await self._one("SELECT lang FROM chat_settings WHERE chat_id = ?", (chat_id,))
        return None if row is None else str(row[0])

    async def set_language(self, chat_id: int, lang: str) -> None:
        """Remember the chat's language."""
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}")
        await self._write(
            "INSERT INTO chat_settings (chat_id, lang, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at",
            (chat_id, lang, _now()),
        )

    # subscriptions

    async def get_subscription(self, chat_id: int) -> Subscription | None:
        """The chat's subscription, active or not."""
        row = await self._one(
            "SELECT chat_id, thread_id, time, tz, mode, lang, active, chat_type FROM subscriptions WHERE chat_id = ?", (chat_id,)
        )
        return None if row is None else _row_to_sub(row)

    async def upsert_subscription(self, sub: Subscription) -> None:
        """Subscribe or re-subscribe: one row per chat, updated in place and always made active."""
        if sub.mode not in MODES or sub.lang not in LANGS:
            raise ValueError(f"bad subscription: {sub.mode!r}, {sub.lang!r}")
        now = _now()
        await self._write(
            "INSERT INTO subscriptions (chat_id, thread_id, time, tz, mode, lang, active, chat_type, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET thread_id = excluded.thread_id, time = excluded.time, "
            "tz = excluded.tz, mode = excluded.mode, lang = excluded.lang, active = 1, "
            "chat_type = excluded.chat_type, updated_at = excluded.updated_at",
            (
                sub.chat_id,
                sub.thread_id,
                sub.time.isoformat(timespec="minutes"),
                sub.tz,
                sub.mode,
                sub.lang,
                sub.chat_type,
                now,
                now,
            ),
        )

    async def set_active(self, chat_id: int, active: bool) -> bool:
        """(De)activate the chat's subscription, keeping its settings; False if it has none."""
        changed = await self._write(
            "UPDATE subscriptions SET active = ?, updated_at = ? WHERE chat_id = ?",
            (int(active), _now(), chat_id),
        )
        return changed > 0

    async def active_subscriptions(self) -> list[Subscription]:
        """Every active subscription, ordered by chat id."""
        rows = await self._all(
            "SELECT chat_id, thread_id, time, tz, mode, lang, active, chat_type FROM subscriptions "
            "WHERE active = 1 ORDER BY chat_id"
        )
        return [_row_to_sub(row) for row in rows]

    async def count_active(self) -> int:
        """How many chats are subscribed (for /stats and the operator)."""
        row = await self._one("SELECT COUNT(*) FROM subscriptions WHERE active = 1")
        return int(row[0]) if row else 0

    async def migrate_chat(self, old_id: int, new_id: int) -> frozenset[dt.date]:
        """Move a group that became a supergroup to its new id, atomically.

        Rows the new id already has win (they are newer); the old id's rows are removed either
        way. Returns the dates whose delivery rows moved, so a sender knows whether its claim
        now lives under the new id or the new chat was already served that day.
        """
        if old_id == new_id:
            return frozenset()
        async with self._lock:
            await self._run("BEGIN IMMEDIATE")
            try:
                await self._run("UPDATE OR IGNORE chat_settings SET chat_id = ? WHERE chat_id = ?", (new_id, old_id))
                await self._run("DELETE FROM chat_settings WHERE chat_id = ?", (old_id,))
                await self._run(
                    "UPDATE OR IGNORE subscriptions SET chat_id = ?, updated_at = ?, "
                    "chat_type = CASE chat_type WHEN 'group' THEN 'supergroup' ELSE chat_type END "
                    "WHERE chat_id = ?",
                    (new_id, _now(), old_id),
                )
                await self._run("DELETE FROM subscriptions WHERE chat_id = ?", (old_id,))
                async with self._conn.execute(
                    "SELECT local_date FROM deliveries AS d WHERE chat_id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM deliveries WHERE chat_id = ? AND local_date = d.local_date)",
                    (old_id, new_id),
                ) as cur:
                    moved = frozenset(dt.date.fromisoformat(str(r[0])) for r in await cur.fetchall())
                await self._run("UPDATE OR IGNORE deliveries SET chat_id = ? WHERE chat_id = ?", (new_id, old_id))
                await self._run("DELETE FROM deliveries WHERE chat_id = ?", (old_id,))
                await self._run("COMMIT")
            except BaseException:
                await self._run("ROLLBACK")
                raise
        return moved

    # deliveries

    async def claim_delivery(self, chat_id: int, local_date: dt.date) -> bool:
        """Reserve the right to send the chat its message for `local_date`; True for exactly one caller.

        Committed before returning, so a crash after this point leaves a 'claimed' row that
        counts as served: in doubt, the bot stays silent rather than repeat itself. A 'failed'
        row may be claimed again (nothing went out), and the claims counter goes up.
        """
        changed = await self._write(
            "INSERT INTO deliveries (chat_id, local_date, status, claims, updated_at) "
            "VALUES (?, ?, 'claimed', 1, ?) "
            "ON CONFLICT (chat_id, local_date) DO UPDATE SET status = 'claimed', "
            "claims = deliveries.claims + 1, updated_at = excluded.updated_at "
            "WHERE deliveries.status = 'failed'",
            (chat_id, local_date.isoformat(), _now()),
        )
        return changed == 1

    async def finish_delivery(self, chat_id: int, local_date: dt.date, status: str) -> None:
        """Record how the claimed delivery ended."""
        _check_status(status)
        await self._write(
            "UPDATE deliveries SET status = ?, updated_at = ? WHERE chat_id = ? AND local_date = ?",
            (status, _now(), chat_id, local_date.isoformat()),
        )

    async def claim_deliveries(
        self,
        jobs: Sequence[tuple[int, dt.date]],
        finished: Sequence[tuple[int, dt.date, str]] = (),
    ) -> set[tuple[int, dt.date]]:
        """Record `finished` outcomes and claim `jobs`, all in one transaction; the jobs now ours.

        Why: every commit waits for the disk (synchronous=FULL), about 350 a second here, so a
        claim and a finish per message would cap a broadcast near 175 messages/s. Batched, one
        sync serves a hundred chats. The claim rule is claim_delivery's: a row is ours if it is
        new or was 'failed'; a finish left unrecorded by a crash leaves 'claimed', i.e. served.
        """
        for _, _, status in finished:
            _check_status(status)
        if not jobs and not finished:
            return set()
        now = _now()
        updates = [(status, now, chat_id, day.isoformat()) for chat_id, day, status in finished]
        inserts = [[v for chat_id, day in jobs[i:i + _ROWS_PER_STATEMENT] for v in (chat_id, day.isoformat(), now)]
                   for i in range(0, len(jobs), _ROWS_PER_STATEMENT)]

        def transaction(db: sqlite3.Connection) -> set[tuple[int, dt.date]]:
            claimed: set[tuple[int, dt.date]] = set()
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("UPDATE deliveries SET status = ?, updated_at = ? WHERE chat_id = ? AND local_date = ?", updates)
                for params in inserts:
                    rows = db.execute(
                        "INSERT INTO deliveries (chat_id, local_date, status, claims, updated_at) VALUES "
                        + ", ".join(["(?, ?, 'claimed', 1, ?)"] * (len(params) // 3))
                        + " ON CONFLICT (chat_id, local_date) DO UPDATE SET status = 'claimed', "
                        "claims = deliveries.claims + 1, updated_at = excluded.updated_at "
                        "WHERE deliveries.status = 'failed' RETURNING chat_id, local_date",
                        params,
                    ).fetchall()
                    claimed.update((int(r[0]), dt.date.fromisoformat(str(r[1]))) for r in rows)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            return claimed

        async with self._lock:
            return await self._in_thread(transaction)

    async def _in_thread(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run `work` on the connection's own thread: a whole transaction for one hand-over.

        Why: every aiosqlite call passes the GIL to its thread and back, which under load
        stalls the event loop for milliseconds (benchmarks/broadcast.py saw 2.5 ms a call);
        a batch of claims as single calls would cost ten of those. aiosqlite has no public
        way to do this, so this uses its `_execute` and `_conn` (stable since 0.11).
        """
        raw = self._conn._conn
        return cast(_T, await self._conn._execute(work, raw))  # type: ignore[no-untyped-call]

    async def skip_deliveries(self, chat_ids: Iterable[int], local_date: dt.date) -> int:
        """Record that these chats get nothing on `local_date` (one transaction); how many rows were written."""
        now, day = _now(), local_date.isoformat()
        params = [(chat_id, day, now) for chat_id in chat_ids]
        if not params:
            return 0
        async with self._lock:
            await self._run("BEGIN IMMEDIATE")
            try:
                before = self._conn.total_changes
                async with self._conn.executemany(
                    "INSERT INTO deliveries (chat_id, local_date, status, claims, updated_at) "
                    "VALUES (?, ?, 'skipped', 1, ?) "
                    "ON CONFLICT (chat_id, local_date) DO UPDATE SET status = 'skipped', "
                    "claims = deliveries.claims + 1, updated_at = excluded.updated_at "
                    "WHERE deliveries.status = 'failed'",
                    params,
                ):
                    pass
                changed = self._conn.total_changes - before
                await self._run("COMMIT")
            except BaseException:
                await self._run("ROLLBACK")
                raise
        return changed

    async def delivery_status(self, chat_id: int, local_date: dt.date) -> str | None:
        """The recorded status of the chat's delivery for `local_date`, None if there is none."""
        row = await self._one(
            "SELECT status FROM deliveries WHERE chat_id = ? AND local_date = ?",
            (chat_id, local_date.isoformat()),
        )
        return None if row is None else str(row[0])

    async def release_delivery(self, chat_id: int, local_date: dt.date) -> bool:
        """Drop a claim whose message surely did not go out, so a later run may send it."""
        changed = await self._write(
            "DELETE FROM deliveries WHERE chat_id = ? AND local_date = ? AND status = 'claimed'",
            (chat_id, local_date.isoformat()),
        )
        return changed > 0

    async def served_chat_ids(self, local_date: dt.date, give_up_after: int | None = None) -> set[int]:
        """Chats that must not be sent `local_date`'s message again, in one query.

        Every row but 'failed' counts: a 'claimed' row left by a crash is in doubt and is never
        re-sent. With `give_up_after`, a 'failed' row claimed that many times counts too, so a
        chat that always fails is not retried every minute all day.
        """
        limit = give_up_after if give_up_after is not None else -1
        rows = await self._all(
            "SELECT chat_id FROM deliveries WHERE local_date = ? AND (status != 'failed' OR (? > 0 AND claims >= ?))",
            (local_date.isoformat(), limit, limit),
        )
        return {int(row[0]) for row in rows}

    # media cache

    async def get_media(self, key: str) -> str | None:
        """The Telegram file_id cached for `key` (e.g. a rendered chart), if any."""
        row = await self._one("SELECT file_id FROM media WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    async def set_media(self, key: str, file_id: str) -> None:
        """Cache the file_id Telegram gave for `key`, so the file is uploaded once."""
        await self._write(
            "INSERT INTO media (key, file_id, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET file_id = excluded.file_id, updated_at = excluded.updated_at",
            (key, file_id, _now()),
        )

    # maintenance

    async def integrity_check(self) -> str:
        """SQLite's own verdict on the file: "ok", or the problems it found, one per line."""
        rows = await self._all("PRAGMA integrity_check")
        return "\n".join(str(row[0]) for row in rows)
