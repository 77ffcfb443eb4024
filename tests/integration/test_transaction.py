"""Repository.transaction on real SQLite files: BEGIN IMMEDIATE / COMMIT / ROLLBACK in one place,
the real error reported when SQLite already ended the transaction, nothing left open after a cancel."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import sqlite3
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import pytest

import bot.storage
from bot.storage import Repository

DAY = dt.date(2026, 10, 22)


@pytest.fixture
async def repo(db_path: Path) -> AsyncIterator[Repository]:
    repository = await Repository.open(db_path)
    yield repository
    await repository.close()


def media_keys(db_path: Path) -> set[str]:
    """What another connection sees: only what was committed."""
    with sqlite3.connect(db_path) as conn:
        return {str(row[0]) for row in conn.execute("SELECT key FROM media")}


async def insert_media(repo: Repository, key: str) -> None:
    await repo._run("INSERT INTO media (key, file_id, updated_at) VALUES (?, 'file', 'now')", (key,))


async def test_commits_on_a_normal_exit_and_on_return(repo: Repository, db_path: Path) -> None:
    async with repo.transaction():
        await insert_media(repo, "a")
        assert media_keys(db_path) == set(), "not visible before the COMMIT"
    assert media_keys(db_path) == {"a"}

    async def early_return() -> str:
        async with repo.transaction():
            await insert_media(repo, "b")
            return "returned"

    assert await early_return() == "returned"
    assert media_keys(db_path) == {"a", "b"}


async def test_an_error_in_the_body_rolls_back_and_is_raised_as_is(repo: Repository, db_path: Path) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        async with repo.transaction():
            await insert_media(repo, "lost")
            raise Boom
    assert media_keys(db_path) == set()
    await repo.set_media("kept", "file")  # the connection is usable and back in autocommit mode
    assert media_keys(db_path) == {"kept"}


async def test_a_full_database_reports_disk_full_not_cannot_rollback(repo: Repository, db_path: Path) -> None:
    """SQLITE_FULL rolls the whole transaction back by itself: the ROLLBACK after it finds none
    open, and its "no transaction is active" must not hide the real error."""
    await repo.claim_deliveries([(1, DAY)])
    pages = await repo._one("PRAGMA page_count")
    assert pages is not None
    await repo._run(f"PRAGMA max_page_count = {int(pages[0])}")  # this connection may not grow the file
    with pytest.raises(sqlite3.OperationalError) as error:
        await repo.skip_deliveries(range(1000, 6000), DAY)
    assert "full" in str(error.value)
    assert "rollback" not in str(error.value).lower()
    await repo._run("PRAGMA max_page_count = 1073741823")
    assert await repo.skip_deliveries([2], DAY) == 1, "the connection is still usable"
    assert await repo.delivery_status(1000, DAY) is None, "nothing of the failed batch was kept"


class CommitFails(Repository):
    """A COMMIT that fails the way an I/O error at commit time does: SQLite has rolled back already."""

    fail_commit = False

    async def _exec(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        if sql == "COMMIT" and self.fail_commit:
            await super()._exec("ROLLBACK")
            raise sqlite3.OperationalError("disk I/O error")
        return await super()._exec(sql, params)


async def test_a_failed_commit_reports_its_own_error(db_path: Path) -> None:
    repo = await CommitFails.open(db_path)
    try:
        repo.fail_commit = True
        with pytest.raises(sqlite3.OperationalError, match="^disk I/O error$") as error:
            await repo.mark_answered([(1, "fact-1")], dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        assert not getattr(error.value, "__notes__", None), "no ROLLBACK failure to report: none was open"
        with pytest.raises(sqlite3.OperationalError, match="^disk I/O error$"):
            await repo.claim_deliveries([(7, DAY)])
        repo.fail_commit = False
        assert await repo.delivery_status(7, DAY) is None
        assert await repo.claim_deliveries([(7, DAY)]) == {(7, DAY)}
    finally:
        await repo.close()


async def test_a_commit_refused_with_the_transaction_still_open_is_rolled_back(repo: Repository, db_path: Path) -> None:
    """A deferred foreign key fails at COMMIT and leaves the transaction open: it is rolled back."""
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        async with repo.transaction():
            await repo._run("PRAGMA defer_foreign_keys = ON")
            await insert_media(repo, "with-orphan")
            await repo._run("INSERT INTO ratings (answer_id, rater, value, updated_at) VALUES (999, 'r', 1, 'now')")
    assert media_keys(db_path) == set()
    await repo.set_media("after", "file")
    assert media_keys(db_path) == {"after"}


@pytest.mark.parametrize("steps_before_cancel", [0, 1, 2, 5])
async def test_a_cancelled_transaction_leaves_nothing_open(repo: Repository, db_path: Path,
                                                           steps_before_cancel: int) -> None:
    """Cancelled anywhere, even while its BEGIN is still queued for the connection's thread: rolled
    back, and the next write is committed on its own (not swallowed by a transaction left open)."""
    async def body() -> None:
        async with repo.transaction():
            await insert_media(repo, "cancelled")
            await asyncio.sleep(30)

    task = asyncio.create_task(body())
    for _ in range(steps_before_cancel):
        await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await repo.set_media("next", "file")
    assert media_keys(db_path) == {"next"}


def test_storage_uses_no_private_aiosqlite_attribute() -> None:
    source = Path(bot.storage.__file__).read_text(encoding="utf-8")
    assert not re.search(r"_conn\._|\._execute\(", source), "only aiosqlite's public API"
    assert source.count('"BEGIN IMMEDIATE"') == 1, "one transaction manager"
