"""The storage health state and the 409 conflict rule on a fake clock: what is logged, when, and once."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from fakeclock import FakeClock

from bot.health import PollingConflict, StorageHealth, conflict_cause, explain, operator_line, storage_failure
from bot.storage import StorageError


def full() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    return error


def messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "kzru.health"]


def test_a_lasting_failure_is_logged_once_a_new_cause_once_and_the_recovery_once(
        clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    health = StorageHealth(clock=clock)
    assert health.ok and not health.succeeded()
    assert health.failed(full())
    for _ in range(50):
        clock.now += 1
        assert not health.failed(full())
    assert health.failed(StorageError("kzru.sqlite3 was replaced or removed since the bot opened it"))
    clock.now += 100
    assert health.minutes() == 2 and health.failures == 52
    assert "writes failing for 2 min (52 failed writes)" in health.summary()
    assert health.succeeded() and health.ok and health.minutes() == 0
    lines = messages(caplog)
    assert len(lines) == 3
    assert "database or disk is full (SQLITE_FULL)" in lines[0]
    assert "replaced or removed" in lines[1]
    assert "work again after 2 min (52 failed writes)" in lines[2]


def test_the_operator_line_in_each_language(clock: FakeClock) -> None:
    health = StorageHealth(clock=clock)
    assert operator_line(health, "ru") == "Хранилище: в порядке"
    health.failed(sqlite3.OperationalError("attempt to write a <readonly> database"))
    clock.now += 600
    line = operator_line(health, "en")
    assert "10 min" in line and "&lt;readonly&gt;" in line, "the cause is escaped for HTML"
    assert "10" in operator_line(health, "kk")


@pytest.mark.parametrize(("error", "counts"), [
    (full(), True),
    (StorageError("replaced"), True),
    (sqlite3.DatabaseError("database disk image is malformed"), True),
    (sqlite3.IntegrityError("UNIQUE constraint failed"), False),
    (sqlite3.ProgrammingError("bug"), False),
    (ValueError("bug"), False),
])
def test_only_storage_trouble_counts_as_a_storage_failure(error: Exception, counts: bool) -> None:
    assert storage_failure(error) is counts


@pytest.mark.parametrize(("code", "words"), [
    ("SQLITE_NOTADB", "not an SQLite database"),
    ("SQLITE_CORRUPT", "damaged"),
    ("SQLITE_FULL", "disk is full"),
    ("SQLITE_IOERR_WRITE", "disk write failed"),
    ("SQLITE_BUSY", "locked by another process for more than 5 s"),
    ("SQLITE_READONLY", "read-only"),
])
def test_start_up_problems_are_explained(code: str, words: str) -> None:
    error = sqlite3.OperationalError("x")
    error.sqlite_errorname = code  # type: ignore[attr-defined]
    assert words in explain(error, 5.0)


def test_a_409_is_named_once_and_stops_polling_after_the_grace(
        clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    conflict = PollingConflict(clock=clock, grace=3.0)
    stops = []
    for step in (0.0, 1.0, 1.5, 2.25):  # PTB's backoff after failed getUpdates calls
        clock.now += step
        stops.append(conflict.seen("Conflict: terminated by other getUpdates request"))
    assert stops == [False, False, False, True] and conflict.stopped
    assert not conflict.seen("Conflict: terminated by other getUpdates request"), "asked to stop once"
    assert len(messages(caplog)) == 1 and "another instance is polling" in messages(caplog)[0]


def test_a_409_that_ends_within_the_grace_does_not_stop_and_a_later_one_starts_a_new_grace(clock: FakeClock) -> None:
    conflict = PollingConflict(clock=clock, grace=3.0)
    assert not conflict.seen("Conflict: terminated by other getUpdates request")  # a restart's overlap
    clock.now += 3600
    assert not conflict.seen("Conflict: terminated by other getUpdates request")
    clock.now += 1
    assert not conflict.seen("Conflict: terminated by other getUpdates request") and not conflict.stopped


def test_the_cause_is_named_from_telegram_s_description() -> None:
    assert "webhook is set" in conflict_cause("Conflict: can't use getUpdates method while webhook is active")
    assert "one token takes one polling instance" in conflict_cause("Conflict: terminated by other getUpdates request")
