"""Whether the database takes writes, said once per change of state and shown to operators.

Why: when the disk fills up, the file is replaced or the filesystem turns read-only, every update
that writes fails the same way. The log must say so once (and when it ends), not a traceback per
update; operators see the state in /stats and in a health line every few minutes while it lasts.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable
from typing import Final

log = logging.getLogger("kzru.health")

REPORT_EVERY: Final = 300.0
"""Seconds between the health lines logged while writes keep failing."""


def storage_failure(error: BaseException) -> bool:
    """An error that says the database cannot take writes now (full, read-only, moved, locked, I/O),
    as opposed to a bug in a statement or a broken constraint."""
    from bot.storage import StorageError

    if isinstance(error, StorageError):
        return True
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError)


def describe(error: BaseException) -> str:
    """One line naming what SQLite said, with its error code when it has one ("SQLITE_FULL")."""
    code = getattr(error, "sqlite_errorname", None)
    return f"{error} ({code})" if code else f"{type(error).__name__}: {error}"


class StorageHealth:
    """The state of the database's writes: ok, or failing since when and why.

    failed() and succeeded() are called on every write; only a change of state (or of cause)
    is logged. While failing, a health line is logged every `every` seconds on the running loop.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic, every: float = REPORT_EVERY) -> None:
        self._clock = clock
        self.every = every
        self.failing_since: float | None = None
        self.cause: str | None = None
        self.failures = 0
        self._timer: asyncio.TimerHandle | None = None

    @property
    def ok(self) -> bool:
        return self.failing_since is None

    def failed(self, error: BaseException) -> bool:
        """Record a failed write; True when it changed the state (and was logged)."""
        cause = describe(error)
        self.failures += 1
        if self.failing_since is None:
            self.failing_since = self._clock()
            self.cause = cause
            log.error("storage: writes to the database fail, settings cannot be saved: %s", cause)
            self._schedule()
            return True
        if cause != self.cause:
            self.cause = cause
            log.error("storage: writes still fail, now: %s", cause)
            return True
        return False

    def succeeded(self) -> bool:
        """Record a write that worked; True when it ended a failure (and was logged)."""
        if self.failing_since is None:
            return False
        log.warning("storage: writes work again after %s (%d failed writes)", self.duration(), self.failures)
        self.failing_since = None
        self.cause = None
        self.failures = 0
        self.close()
        return True

    def minutes(self) -> int:
        """Whole minutes writes have been failing (0 when they are not)."""
        return 0 if self.failing_since is None else int(max(0.0, self._clock() - self.failing_since) // 60)

    def duration(self) -> str:
        """How long writes have been failing, as "4 min" or "35 s" ("" when they are not)."""
        if self.failing_since is None:
            return ""
        seconds = max(0.0, self._clock() - self.failing_since)
        return f"{seconds / 60:.0f} min" if seconds >= 60 else f"{seconds:.0f} s"

    def summary(self) -> str:
        """The state in one line, for the health log line."""
        if self.ok:
            return "storage ok"
        return f"storage: writes failing for {self.duration()} ({self.failures} failed writes): {self.cause}"

    def report(self) -> None:
        """Log the health line (called every `every` seconds while failing)."""
        log.warning("health: %s", self.summary())

    def _schedule(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # a synchronous caller (a unit test): no periodic line
            return
        self._timer = loop.call_later(self.every, self._tick)

    def _tick(self) -> None:
        self._timer = None
        if not self.ok:
            self.report()
            self._schedule()

    def close(self) -> None:
        """Stop the periodic health line (recovery, or the database closing)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


CONFLICT_GRACE: Final = 3.0
"""Seconds of 409 answers to getUpdates before `run` gives up: a restart's overlap with the old
process ends well within it, a second instance or a webhook does not."""
CONFLICT_FORGET: Final = 60.0
"""A 409 this long after the previous one starts a new grace period."""


class PollingConflict:
    """Telegram's 409 Conflict to getUpdates: another process polls with this token, or a webhook is
    set. Named once in one line; seen for CONFLICT_GRACE seconds, the bot should stop."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, grace: float = CONFLICT_GRACE) -> None:
        self._clock = clock
        self.grace = grace
        self.first: float | None = None
        self.last: float | None = None
        self.stopped = False
        """Set once the bot gave up polling because of the conflict (its exit code tells)."""

    def seen(self, description: str) -> bool:
        """Record a 409; True when the conflict has lasted the grace period and polling should stop."""
        now = self._clock()
        if self.first is None or self.last is None or now - self.last > CONFLICT_FORGET:
            self.first = now
            log.error("%s; stopping in %g s unless it ends", conflict_cause(description), self.grace)
        self.last = now
        if now - self.first >= self.grace and not self.stopped:
            self.stopped = True
            return True
        return False


def conflict_cause(description: str) -> str:
    """The operator's line for a 409 from getUpdates, naming which of the two causes Telegram gave."""
    if "webhook" in description.lower():
        return ("Telegram refuses getUpdates (409 Conflict): a webhook is set for this bot token; "
                "delete it (or run with KZRU_WEBHOOK_URL) to poll")
    return ("Telegram refuses getUpdates (409 Conflict): another instance is polling with this bot token; "
            "one token takes one polling instance")


_PROBLEMS: Final = (
    ("SQLITE_NOTADB", "not an SQLite database: move it away or set KZRU_DB_PATH to another file"),
    ("SQLITE_CORRUPT", "damaged (malformed): restore a backup or move it away"),
    ("SQLITE_FULL", "the disk is full or a file-size limit was reached"),
    ("SQLITE_IOERR", "a disk write failed (disk full, a file-size limit or a failing disk)"),
    ("SQLITE_READONLY", "read-only: the file, its folder or the filesystem does not allow writing"),
    ("SQLITE_CANTOPEN", "cannot be opened: check the folder and its permissions"),
    ("SQLITE_PERM", "permission denied"),
)


def explain(error: BaseException, busy_seconds: float) -> str:
    """What an operator should know about a storage error at start-up, in one line."""
    code = str(getattr(error, "sqlite_errorname", "") or "")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return f"locked by another process for more than {busy_seconds:g} s (another kzru-bot on this file?)"
    for prefix, meaning in _PROBLEMS:
        if code.startswith(prefix):
            return f"{meaning} ({error})"
    return describe(error)


def operator_line(health: StorageHealth, lang: str) -> str:
    """The storage line of /stats (HTML), in the operator's language."""
    from html import escape

    from bot.i18n import t

    if health.ok:
        return t(lang, "admin.storage_ok")
    return t(lang, "admin.storage_failing", minutes=health.minutes(), failures=health.failures,
             cause=escape(health.cause or ""))
