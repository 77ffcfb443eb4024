"""The bot's only mutable state, in one SQLite file: chat settings, subscriptions, deliveries,
answers with their ratings, and the log of questions nobody answered.

One Repository wraps one aiosqlite connection. Every write is committed (WAL, synchronous=FULL)
before its method returns, so a change the bot acknowledged survives a SIGKILL or power cut.
Writes go through one asyncio lock so a multi-statement transaction (Repository.transaction) is
never interleaved with another coroutine's write on the shared connection.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Final, cast

import aiosqlite

from bot.feedback import MAX_CLOSEST, STATUSES, AnswerSummary, FactRating, LoggedQuestion, RatingState, Status
from bot.health import StorageHealth, explain, storage_failure
from bot.model import LANGS, Lang
from bot.subscription import MODES, Mode, Subscription

DELIVERY_STATUSES: Final = ("claimed", "sent", "unknown", "skipped", "failed", "blocked")
BUSY_TIMEOUT_MS: Final = 5000
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

_SCHEMA_V2: Final = (
    # One row per answer sent with rating buttons, so a button names it in a few bytes. The
    # question is stored normalised; nothing here says who asked or in which chat.
    """
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
        script TEXT NOT NULL CHECK (script IN ('cyrl', 'latn')),
        kind TEXT NOT NULL,
        answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
        chat_type TEXT NOT NULL,
        fact_ids TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX answers_question ON answers (question)",
    "CREATE INDEX answers_created ON answers (created_at)",
    # `rater` is an HMAC-SHA256 of the user id under a key from the configuration, never the id.
    """
    CREATE TABLE ratings (
        answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        rater TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value IN (-1, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (answer_id, rater)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE question_log (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL UNIQUE,
        lang TEXT NOT NULL,
        script TEXT NOT NULL,
        declined INTEGER NOT NULL DEFAULT 0,
        rated_down INTEGER NOT NULL DEFAULT 0,
        first_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        closest TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled', 'answered')),
        answered_by TEXT,
        updated_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX question_log_status ON question_log (status, last_at)",
)

MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (_SCHEMA_V1, _SCHEMA_V2)
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
    """Persistence for chats, subscriptions, deliveries, the media cache, ratings and the question log."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock = asyncio.Lock()
        self.health = StorageHealth()
        """Whether writes work now: every write after the opening reports to it (bot/health.py)."""
        self._opened = False
        self._identity: tuple[int, int] | None = None

    @classmethod
    async def open(cls, path: str | os.PathLike[str], create: bool = True, verify: bool = True) -> Repository:
        """Open the database at `path`, owner-only, and bring its schema up to date. With
        `create=False` (the offline reports) a missing file is a StorageError, never a new empty one.
        `verify=False` skips the integrity check (it reads the whole file), for an open that
        follows the start-up check (`bot.cli.storage_or_exit`) by a moment.

        Every problem with the file (not a database, damaged, disk full, a file-size limit, read-only,
        locked by another process past BUSY_TIMEOUT_MS) is a StorageError naming the file and the
        cause in one line, so the commands can say it without a traceback."""
        try:
            return await cls._open(Path(path), create, verify)
        except sqlite3.Error as exc:
            raise StorageError(f"database {path}: {explain(exc, BUSY_TIMEOUT_MS / 1000)}") from exc
        except OSError as exc:
            raise StorageError(f"database {path}: {exc.strerror or exc}") from exc

    @classmethod
    async def _open(cls, file: Path, create: bool, verify: bool) -> Repository:
        if not create and not file.is_file():
            raise StorageError(f"no database at {file}")
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
            repo._opened = True  # from here on a failed write is a state to report, not a failed start
            repo._identity = repo._file_identity()
            damage = await repo._one("PRAGMA quick_check(1)") if verify else ("ok",)
            if damage is None or damage[0] != "ok":
                found = " ".join(str(damage[0] if damage else "no answer").replace("*** in database main ***", "").split())
                raise StorageError(f"database {file}: damaged ({found}): restore a backup or move it away")
        except BaseException:
            await conn.close()
            raise
        return repo

    async def close(self) -> None:
        """Close the connection; everything acknowledged is already on disk."""
        self.health.close()
        async with self._lock:
            await self._conn.close()

    async def _migrate(self) -> None:
        """Apply missing schema steps, each in its own transaction with its version bump.

        The version is read inside the write transaction, so two processes opening the same
        file at once cannot both apply a step.
        """
        while True:
            async with self.transaction():
                version = await self.schema_version()
                if version > len(MIGRATIONS):
                    raise StorageError(f"{self.path}: schema version {version} is newer than this bot ({len(MIGRATIONS)})")
                if version == len(MIGRATIONS):
                    return
                for statement in MIGRATIONS[version]:
                    await self._run(statement)
                # PRAGMA takes no parameters; the version is an int we computed.
                await self._run(f"PRAGMA user_version = {int(version) + 1}")

    async def schema_version(self) -> int:
        """PRAGMA user_version, for diagnostics."""
        row = await self._one("PRAGMA user_version")
        return int(row[0]) if row else 0

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """One write transaction: BEGIN IMMEDIATE on entry, COMMIT on a normal exit (a `return`
        inside included), ROLLBACK when the body or the COMMIT raises; the error raised is always
        the one that happened, never the ROLLBACK's.

        Holds the write lock throughout, so inside use _run/_many/_one/_all, never _write. BEGIN
        IMMEDIATE takes SQLite's write lock at once (waiting up to busy_timeout for another
        process), so the statements inside never fail halfway for want of it. Reads of other
        coroutines on the shared connection are not held back and may see rows written inside
        before the COMMIT, as with any statement on one connection.
        """
        async with self._lock:
            try:
                self._check_file()
                await self._exec("BEGIN IMMEDIATE")
                yield
                await self._exec("COMMIT")
            except BaseException as error:
                await self._rollback(error)
                self._failed(error)
                raise
            self.health.succeeded()

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def _check_file(self) -> None:
        """Refuse to write when the file at our path is no longer the one we opened (replaced or
        removed): SQLite would go on writing into the old, unlinked file and the writes would be
        lost at the next start. Writes resume if the original file comes back."""
        if self._identity is not None and self._file_identity() != self._identity:
            raise StorageError(f"{self.path} was replaced or removed since the bot opened it")

    def _failed(self, error: BaseException) -> None:
        """Tell the health state about a write that failed for want of storage (not a bug or a cancel)."""
        if self._opened and storage_failure(error):
            self.health.failed(error)

    async def _rollback(self, error: BaseException) -> None:
        """End the failed transaction, if one is still open, keeping `error` the one raised.

        The ROLLBACK is queued behind every statement already handed to the connection's thread,
        so it also ends a transaction whose BEGIN was still queued when the caller was cancelled.
        A failed COMMIT often ends the transaction itself (an I/O error, a full disk): SQLite's
        "cannot rollback - no transaction is active" then says nothing new and is dropped; any
        other ROLLBACK failure is added to `error` as a note.
        """
        try:
            await self._exec("ROLLBACK")
        except sqlite3.Error as failure:
            if self._conn.in_transaction:
                error.add_note(f"ROLLBACK failed too: {type(failure).__name__}: {failure}")

    async def _exec(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement to its end in a single call to the connection's thread; its rows."""
        rows = await self._conn.execute_fetchall(sql, tuple(params))
        return [tuple(row) for row in rows]

    async def _run(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement and close its cursor; the number of rows it changed."""
        async with self._conn.execute(sql, tuple(params)) as cur:
            return cur.rowcount

    async def _many(self, sql: str, params: Iterable[Iterable[Any]]) -> int:
        """Run one statement for each parameter tuple; the number of rows changed in all."""
        async with self._conn.executemany(sql, [tuple(p) for p in params]) as cur:
            return cur.rowcount

    async def _write(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement in autocommit mode (committed on return); the number of rows changed."""
        async with self._lock:
            try:
                self._check_file()
                changed = await self._run(sql, params)
            except (sqlite3.Error, StorageError) as error:
                self._failed(error)
                raise
            self.health.succeeded()
            return changed

    async def _one(self, sql: str, params: Iterable[Any] = ()) -> tuple[Any, ...] | None:
        rows = await self._exec(sql, params)
        return rows[0] if rows else None

    async def _all(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return await self._exec(sql, params)

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

    async def migrate_chat(self, old_id: int, new_id: int) -> frozenset[dt.date]:
        """Move a group that became a supergroup to its new id, atomically.

        Rows the new id already has win (they are newer); the old id's rows are removed either
        way. Returns the dates whose delivery rows moved, so a sender knows whether its claim
        now lives under the new id or the new chat was already served that day.
        """
        if old_id == new_id:
            return frozenset()
        async with self.transaction():
            await self._run("UPDATE OR IGNORE chat_settings SET chat_id = ? WHERE chat_id = ?", (new_id, old_id))
            await self._run("DELETE FROM chat_settings WHERE chat_id = ?", (old_id,))
            await self._run(
                "UPDATE OR IGNORE subscriptions SET chat_id = ?, updated_at = ?, "
                "chat_type = CASE chat_type WHEN 'group' THEN 'supergroup' ELSE chat_type END "
                "WHERE chat_id = ?",
                (new_id, _now(), old_id),
            )
            await self._run("DELETE FROM subscriptions WHERE chat_id = ?", (old_id,))
            rows = await self._all(
                "SELECT local_date FROM deliveries AS d WHERE chat_id = ? AND NOT EXISTS "
                "(SELECT 1 FROM deliveries WHERE chat_id = ? AND local_date = d.local_date)",
                (old_id, new_id),
            )
            moved = frozenset(dt.date.fromisoformat(str(r[0])) for r in rows)
            await self._run("UPDATE OR IGNORE deliveries SET chat_id = ? WHERE chat_id = ?", (new_id, old_id))
            await self._run("DELETE FROM deliveries WHERE chat_id = ?", (old_id,))
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

        claimed: set[tuple[int, dt.date]] = set()
        async with self.transaction():
            if updates:
                await self._many("UPDATE deliveries SET status = ?, updated_at = ? WHERE chat_id = ? AND local_date = ?",
                                 updates)
            for params in inserts:
                rows = await self._exec(
                    "INSERT INTO deliveries (chat_id, local_date, status, claims, updated_at) VALUES "
                    + ", ".join(["(?, ?, 'claimed', 1, ?)"] * (len(params) // 3))
                    + " ON CONFLICT (chat_id, local_date) DO UPDATE SET status = 'claimed', "
                    "claims = deliveries.claims + 1, updated_at = excluded.updated_at "
                    "WHERE deliveries.status = 'failed' RETURNING chat_id, local_date",
                    params,
                )
                claimed.update((int(r[0]), dt.date.fromisoformat(str(r[1]))) for r in rows)
        return claimed

    async def skip_deliveries(self, chat_ids: Iterable[int], local_date: dt.date) -> int:
        """Record that these chats get nothing on `local_date` (one transaction); how many rows were written."""
        now, day = _now(), local_date.isoformat()
        params = [(chat_id, day, now) for chat_id in chat_ids]
        if not params:
            return 0
        async with self.transaction():
            changed = await self._many(
                "INSERT INTO deliveries (chat_id, local_date, status, claims, updated_at) "
                "VALUES (?, ?, 'skipped', 1, ?) "
                "ON CONFLICT (chat_id, local_date) DO UPDATE SET status = 'skipped', "
                "claims = deliveries.claims + 1, updated_at = excluded.updated_at "
                "WHERE deliveries.status = 'failed'",
                params,
            )
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

    # answers, ratings and the question log

    async def _log_declines(self, answers: Iterable[tuple[AnswerSummary, str]]) -> None:
        """Count the declined ones among `answers` (with their time stamps) in the question log, in order."""
        rows = [(a.question, a.lang, a.script, stamp, stamp, json.dumps(a.closest), stamp) for a, stamp in answers if a.declined]
        if rows:
            await self._many(_LOG_DECLINE, rows)

    async def add_answer_rows(self, rows: Sequence[tuple[int, AnswerSummary, str, dt.datetime]]) -> None:
        """Register answers already sent, with the ids their buttons carry, in one transaction
        (the editorial loop's group commit). A declined one is also counted in the question log."""
        if any(not summary.rateable for _, summary, _, _ in rows):
            raise ValueError("small talk is neither rated nor logged")
        if not rows:
            return

        stamped = [(answer_id, a, chat_type, _stamp(at)) for answer_id, a, chat_type, at in rows]
        async with self.transaction():
            await self._many(
                "INSERT OR IGNORE INTO answers (id, question, lang, script, kind, answered, chat_type, fact_ids, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(answer_id, a.question, a.lang, a.script, a.kind, int(a.answered), chat_type, json.dumps(a.fact_ids), stamp)
                 for answer_id, a, chat_type, stamp in stamped],
            )
            await self._log_declines((a, stamp) for _, a, _, stamp in stamped)

    async def toggle_rating(self, answer_id: int, rater: str, vote: int, at: dt.datetime) -> RatingState | None:
        """Apply one tap of 👍 (1) or 👎 (-1): the rater's same vote again withdraws it, the other
        vote replaces it. A 👎 logs the answer's question (its closest facts: those the answer
        showed); the log's 👎 count is recounted from the ratings, so a changed or withdrawn 👎
        leaves it right. None when the answer is unknown (pruned, or from another database).
        """
        if vote not in (1, -1):
            raise ValueError(f"a vote is 1 or -1, not {vote!r}")
        stamp = _stamp(at)

        async with self.transaction():
            answer = await self._one("SELECT question, lang, script, fact_ids FROM answers WHERE id = ?", (answer_id,))
            if answer is None:
                return None  # nothing was written: the empty transaction just ends
            question, lang, script, fact_ids = answer
            current = await self._one("SELECT value FROM ratings WHERE answer_id = ? AND rater = ?", (answer_id, rater))
            old = int(current[0]) if current else 0
            new = 0 if old == vote else vote
            if new:
                await self._run("INSERT INTO ratings (answer_id, rater, value, updated_at) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT (answer_id, rater) DO UPDATE SET value = excluded.value, "
                                "updated_at = excluded.updated_at", (answer_id, rater, new, stamp))
            else:
                await self._run("DELETE FROM ratings WHERE answer_id = ? AND rater = ?", (answer_id, rater))
            if new == -1:
                closest = json.dumps(json.loads(fact_ids)[:MAX_CLOSEST])
                await self._run(_LOG_RATED_DOWN, (question, lang, script, stamp, stamp, closest, stamp))
            if -1 in (old, new):
                await self._run(
                    "UPDATE question_log SET rated_down = (SELECT COUNT(*) FROM ratings AS r "
                    "JOIN answers AS a ON a.id = r.answer_id WHERE a.question = question_log.question "
                    "AND r.value = -1), updated_at = ? WHERE question = ?", (stamp, question))
            totals = await self._one("SELECT COALESCE(SUM(value = 1), 0), COALESCE(SUM(value = -1), 0) "
                                     "FROM ratings WHERE answer_id = ?", (answer_id,))
        up, down = totals if totals is not None else (0, 0)
        return RatingState(int(up), int(down), new)

    async def logged_questions(self, statuses: Sequence[Status] = STATUSES, since: dt.date | None = None,
                               limit: int | None = None, offset: int = 0) -> list[LoggedQuestion]:
        """Logged questions in these states, most asked first (then the latest first); `since`
        keeps those asked or rated down on or after that UTC date. Entries whose every decline
        and 👎 is gone (a withdrawn 👎) are left out."""
        where, params = _log_filter(statuses, since)
        rows = await self._all(
            f"SELECT {_LOG_COLUMNS} FROM question_log WHERE {where} "
            "ORDER BY declined + rated_down DESC, last_at DESC, id LIMIT ? OFFSET ?",
            (*params, -1 if limit is None else limit, offset),
        )
        return [_row_to_logged(row) for row in rows]

    async def count_logged(self, statuses: Sequence[Status] = STATUSES, since: dt.date | None = None) -> int:
        where, params = _log_filter(statuses, since)
        row = await self._one(f"SELECT COUNT(*) FROM question_log WHERE {where}", params)
        return int(row[0]) if row else 0

    async def mark_handled(self, entry_id: int, at: dt.datetime) -> bool:
        """An operator dealt with an open question; False if it is not open (any more)."""
        changed = await self._write(
            "UPDATE question_log SET status = 'handled', updated_at = ? WHERE id = ? AND status = 'open'",
            (_stamp(at), entry_id),
        )
        return changed > 0

    async def mark_answered(self, found: Sequence[tuple[int, str]], at: dt.datetime) -> int:
        """Open questions the engine now answers, with the fact that answers each; how many changed."""
        if not found:
            return 0
        stamp = _stamp(at)
        async with self.transaction():
            changed = await self._many(
                "UPDATE question_log SET status = 'answered', answered_by = ?, updated_at = ? "
                "WHERE id = ? AND status = 'open'",
                [(fact_id, stamp, entry_id) for entry_id, fact_id in found],
            )
        return changed

    async def fact_ratings(self, since: dt.date | None = None) -> list[FactRating]:
        """👍/👎 per fact over the answers that showed it (declines left out: a fact offered
        instead is not to blame), worst first: lowest 👍 − 👎, then most 👎."""
        rows = await self._all(
            "SELECT f.value, SUM(r.value = 1), SUM(r.value = -1) FROM ratings AS r "
            "JOIN answers AS a ON a.id = r.answer_id JOIN json_each(a.fact_ids) AS f "
            "WHERE a.answered = 1 AND r.updated_at >= ? GROUP BY f.value "
            "ORDER BY SUM(r.value = 1) - SUM(r.value = -1), SUM(r.value = -1) DESC, f.value",
            (since.isoformat() if since else "",),
        )
        return [FactRating(str(fact_id), int(up), int(down)) for fact_id, up, down in rows]

    async def prune_answers(self, before: dt.datetime) -> int:
        """Forget answers sent before `before` that nobody rated: their buttons then say "expired"."""
        return await self._write(
            "DELETE FROM answers WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM ratings WHERE answer_id = answers.id)",
            (_stamp(before),),
        )


_LOG_COLUMNS: Final = ("id, question, lang, script, declined, rated_down, first_at, last_at, closest, status, "
                       "answered_by")
# A decline counts once more; an answered question is open again. `closest` is the latest offer
# (an empty one keeps the old).
_LOG_DECLINE: Final = (
    "INSERT INTO question_log (question, lang, script, declined, first_at, last_at, closest, updated_at) "
    "VALUES (?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT (question) DO UPDATE SET "
    "declined = question_log.declined + 1, lang = excluded.lang, script = excluded.script, "
    "last_at = excluded.last_at, updated_at = excluded.updated_at, "
    "closest = CASE excluded.closest WHEN '[]' THEN question_log.closest ELSE excluded.closest END, "
    "answered_by = CASE question_log.status WHEN 'answered' THEN NULL ELSE question_log.answered_by END, "
    "status = CASE question_log.status WHEN 'answered' THEN 'open' ELSE question_log.status END"
)
# A 👎 puts the question in the log (its count is recounted by the caller); its closest facts are
# now the ones the rated answer showed: the latest offer is the one that did not satisfy.
_LOG_RATED_DOWN: Final = (
    "INSERT INTO question_log (question, lang, script, first_at, last_at, closest, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (question) DO UPDATE SET "
    "last_at = excluded.last_at, updated_at = excluded.updated_at, "
    "closest = CASE excluded.closest WHEN '[]' THEN question_log.closest ELSE excluded.closest END, "
    "answered_by = CASE question_log.status WHEN 'answered' THEN NULL ELSE question_log.answered_by END, "
    "status = CASE question_log.status WHEN 'answered' THEN 'open' ELSE question_log.status END"
)


def _stamp(at: dt.datetime) -> str:
    """A stored time: UTC, ISO 8601 to the second, so text order is time order and a date prefix filters."""
    if at.tzinfo is None:
        raise ValueError("times are stored in UTC: pass an aware datetime")
    return at.astimezone(dt.UTC).isoformat(timespec="seconds")


def _log_filter(statuses: Sequence[Status], since: dt.date | None) -> tuple[str, tuple[Any, ...]]:
    """The WHERE clause (placeholders only) and parameters of a question-log query."""
    wanted = tuple(s for s in STATUSES if s in statuses)
    if len(wanted) != len(set(statuses)):
        raise ValueError(f"unknown status in {statuses!r}")
    marks = ", ".join("?" * len(wanted)) or "NULL"
    return (f"status IN ({marks}) AND declined + rated_down > 0 AND last_at >= ?",
            (*wanted, since.isoformat() if since else ""))


def _row_to_logged(row: tuple[Any, ...]) -> LoggedQuestion:
    entry_id, question, lang, script, declined, rated_down, first_at, last_at, closest, status, answered_by = row
    if status not in STATUSES:
        raise StorageError(f"bad question log row {entry_id}: status {status!r}")
    return LoggedQuestion(
        id=int(entry_id), question=str(question), lang=str(lang), script=str(script), declined=int(declined),
        rated_down=int(rated_down), first_seen=dt.datetime.fromisoformat(str(first_at)),
        last_seen=dt.datetime.fromisoformat(str(last_at)), closest=tuple(str(c) for c in json.loads(closest)),
        status=cast(Status, status), answered_by=None if answered_by is None else str(answered_by),
    )
