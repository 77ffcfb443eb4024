"""Storage faults while the bot runs, on real SQLite files: a full disk (RLIMIT_FSIZE on this process
for the moment of the fault), a database file replaced under the bot, and recovery.

Why: the log must name the real cause once per change of state (not a traceback per write and not
"cannot rollback"), operators must see the state, and deliveries must resume by themselves when
storage recovers, with nothing sent twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import resource
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.anniversaries import Digest
from bot.delivery import Broadcaster, SendOutcome
from bot.health import StorageHealth, operator_line
from bot.model import Fact, PartialDate
from bot.storage import Repository, StorageError
from bot.store import FactStore
from bot.subscription import Subscription

DAY = dt.date(2024, 5, 25)


@pytest.fixture
async def repo(tmp_path: Path) -> AsyncIterator[Repository]:
    repository = await Repository.open(tmp_path / "kzru.sqlite3")
    for chat_id in range(300):  # a WAL of a few hundred kilobytes: the limit below sits above every other file
        await repository.set_language(chat_id, "en")
    yield repository
    await repository.close()


@contextmanager
def disk_full(repo: Repository) -> Iterator[None]:
    """No file of this process may grow past the database's WAL as it is now: its next write fails."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    wal = Path(f"{repo.path}-wal")
    resource.setrlimit(resource.RLIMIT_FSIZE, (max(wal.stat().st_size, repo.path.stat().st_size), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def storage_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "kzru.health"]


async def test_a_full_disk_is_logged_once_and_its_end_once(repo: Repository, caplog: pytest.LogCaptureFixture) -> None:
    with disk_full(repo):
        for chat_id in range(1000, 1010):
            with pytest.raises(sqlite3.OperationalError):
                await repo.set_language(chat_id, "kk")
        with pytest.raises(sqlite3.OperationalError) as failed:
            async with repo.transaction():
                await repo._run("INSERT INTO media (key, file_id, updated_at) VALUES ('k', ?, 'now')", ("x" * 9000,))
    assert "rollback" not in str(failed.value).lower() and not getattr(failed.value, "__notes__", None), \
        "the COMMIT's own error is raised"
    assert not repo.health.ok and repo.health.failures == 11
    assert await repo.get_language(5) == "en", "reads go on"
    await repo.set_language(2000, "ru")
    assert repo.health.ok
    lines = storage_lines(caplog)
    assert [r.levelno for r in lines] == [logging.ERROR, logging.WARNING], [r.getMessage() for r in lines]
    assert "SQLITE_" in lines[0].getMessage() and "cannot rollback" not in lines[0].getMessage()
    assert "work again" in lines[1].getMessage() and "11 failed writes" in lines[1].getMessage()
    assert not [r for r in caplog.records if r.exc_info], "no traceback"


async def test_a_replaced_database_file_refuses_writes_until_the_file_comes_back(
        repo: Repository, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """SQLite would write on into the unlinked old file and lose it all at the next start."""
    kept = tmp_path / "kept.sqlite3"
    os.link(repo.path, kept)
    other = tmp_path / "other"
    other.write_bytes(b"someone's file")
    os.replace(other, repo.path)
    with pytest.raises(StorageError, match="replaced or removed"):
        await repo.set_language(1, "kk")
    with pytest.raises(StorageError, match="replaced or removed"):
        async with repo.transaction():
            await repo._run("DELETE FROM media")
    assert "replaced" in operator_line(repo.health, "en")
    assert await repo.get_language(1) == "en"
    os.replace(kept, repo.path)
    await repo.set_language(1, "kk")
    assert repo.health.ok and operator_line(repo.health, "en") == "Storage: ok"
    assert len(storage_lines(caplog)) == 2


async def test_a_health_line_is_logged_while_the_failure_lasts(
        repo: Repository, caplog: pytest.LogCaptureFixture) -> None:
    repo.health = StorageHealth(every=0.05)
    with disk_full(repo), pytest.raises(sqlite3.OperationalError):
        await repo.set_language(3000, "kk")
    async with asyncio.timeout(30):
        while len([r for r in storage_lines(caplog) if r.getMessage().startswith("health:")]) < 2:
            await asyncio.sleep(0.01)
    await repo.set_language(3000, "kk")
    health_lines = [r.getMessage() for r in storage_lines(caplog) if r.getMessage().startswith("health:")]
    assert "writes failing for" in health_lines[0] and "SQLITE_" in health_lines[0]
    assert repo.health._timer is None, "recovery stops the health line"


class Sender:
    def __init__(self) -> None:
        self.sent: list[int] = []

    async def send(self, chat_id: int, thread_id: int | None, text: str) -> SendOutcome:
        self.sent.append(chat_id)
        return SendOutcome.sent()


def render(subscription: Subscription, digest: Digest) -> list[str]:
    return [f"{digest.local_date}: {len(digest.items)}"]


async def test_delivery_resumes_by_itself_when_storage_recovers_and_sends_nothing_twice(
        repo: Repository, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = FactStore([Fact(id="treaty", kind="event", title={"en": "t"}, text={"en": ""},
                            date=PartialDate.parse("1992-05-25"))], [])
    chats = list(range(1, 21))
    for chat_id in chats:
        await repo.upsert_subscription(Subscription(chat_id=chat_id, thread_id=None, time=dt.time(9, 0), tz="UTC",
                                                    mode="daily", lang="en", chat_type="private"))
    sender = Sender()
    broadcaster = Broadcaster(repo, store, sender, render, rate_per_second=10_000)
    os.rename(repo.path, tmp_path / "moved-away")  # the file is gone from its path: no write may land
    noon = dt.datetime.combine(DAY, dt.time(9, 1), tzinfo=dt.UTC)
    for minute in range(3):
        await broadcaster.run_due(noon + dt.timedelta(minutes=minute))
    assert sender.sent == [], "nothing is sent while nothing can be recorded"
    assert not repo.health.ok
    os.rename(tmp_path / "moved-away", repo.path)
    await broadcaster.run_due(noon + dt.timedelta(minutes=5))
    await broadcaster.run_due(noon + dt.timedelta(minutes=6))
    assert sorted(sender.sent) == chats, "each chat once, by itself after the recovery"
    assert repo.health.ok
    assert not [r for r in caplog.records if r.exc_info], "no traceback per chat while storage fails"
    assert len([r for r in caplog.records if r.name == "kzru.health"]) == 2
