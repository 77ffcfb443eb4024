"""The SQLite repository on real files: round trips, durability, permissions, exclusive claims."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.storage import MIGRATIONS, Repository, StorageError
from bot.subscription import Subscription

DAY = dt.date(2024, 5, 25)


def sub(chat_id: int = 42, **changes: object) -> Subscription:
    fields: dict[str, object] = {
        "chat_id": chat_id,
        "thread_id": None,
        "time": dt.time(9, 0),
        "tz": "Asia/Almaty",
        "mode": "anniversaries",
        "lang": "kk",
        "active": True,
        "chat_type": "private",
    }
    fields.update(changes)
    return Subscription(**fields)  # type: ignore[arg-type]




@pytest.fixture
def fresh_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "nested" / "bot.sqlite3"


@pytest.fixture
async def repo(db_path: Path) -> AsyncIterator[Repository]:
    repository = await Repository.open(db_path)
    yield repository
    await repository.close()


async def test_open_creates_folder_and_owner_only_file_in_wal(fresh_path: Path) -> None:
    repo = await Repository.open(fresh_path)
    try:
        await check_fresh(repo, fresh_path)
    finally:
        await repo.close()


async def check_fresh(repo: Repository, db_path: Path) -> None:
    assert db_path.exists()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    await repo.set_language(1, "ru")
    for extra in (db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        if extra.exists():
            assert stat.S_IMODE(extra.stat().st_mode) & 0o077 == 0
    with sqlite3.connect(db_path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert other.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert await repo.schema_version() == len(MIGRATIONS)
    assert await repo.integrity_check() == "ok"


async def test_existing_file_with_loose_mode_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "loose.sqlite3"
    path.touch(mode=0o644)
    path.chmod(0o644)
    repo = await Repository.open(path)
    await repo.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(StorageError):
        await Repository.open(path)


async def test_language_round_trip(repo: Repository) -> None:
    assert await repo.get_language(7) is None
    await repo.set_language(7, "kk")
    await repo.set_language(7, "en")
    assert await repo.get_language(7) == "en"
    with pytest.raises(ValueError):
        await repo.set_language(7, "de")


async def test_subscription_round_trip(repo: Repository) -> None:
    s = sub(-1001, thread_id=77, time=dt.time(21, 30), tz="UTC+05:30", mode="weekly", chat_type="supergroup")
    await repo.upsert_subscription(s)
    assert await repo.get_subscription(-1001) == s
    assert await repo.get_subscription(5) is None


async def test_upsert_updates_in_place_and_reactivates(repo: Repository, db_path: Path) -> None:
    await repo.upsert_subscription(sub())
    assert await repo.set_active(42, False)
    assert len(await repo.active_subscriptions()) == 0
    assert await repo.active_subscriptions() == []
    inactive = await repo.get_subscription(42)
    assert inactive is not None and not inactive.active
    await repo.upsert_subscription(sub(mode="daily", lang="ru", time=dt.time(7, 0)))
    again = await repo.get_subscription(42)
    assert again == sub(mode="daily", lang="ru", time=dt.time(7, 0))
    assert len(await repo.active_subscriptions()) == 1
    with sqlite3.connect(db_path) as other:
        assert other.execute("SELECT COUNT(*) FROM subscriptions").fetchone()[0] == 1
    assert not await repo.set_active(999, False)


async def test_active_subscriptions_lists_only_active(repo: Repository) -> None:
    for chat_id in (3, 1, 2):
        await repo.upsert_subscription(sub(chat_id))
    await repo.set_active(2, False)
    assert [s.chat_id for s in await repo.active_subscriptions()] == [1, 3]
    assert len(await repo.active_subscriptions()) == 2


async def test_data_survives_close_and_reopen(db_path: Path) -> None:
    repo = await Repository.open(db_path)
    await repo.upsert_subscription(sub())
    await repo.set_language(42, "ru")
    assert await repo.claim_delivery(42, DAY)
    await repo.claim_deliveries([], [(42, DAY, "sent")])
    await repo.set_media("chart:trade", "AgAD123")
    await repo.close()
    reopened = await Repository.open(db_path)
    try:
        assert await reopened.get_subscription(42) == sub()
        assert await reopened.get_language(42) == "ru"
        assert await reopened.delivery_status(42, DAY) == "sent"
        assert await reopened.get_media("chart:trade") == "AgAD123"
        assert await reopened.served_chat_ids(DAY) == {42}
    finally:
        await reopened.close()


async def test_acknowledged_write_is_visible_to_another_connection_immediately(repo: Repository, db_path: Path) -> None:
    assert await repo.claim_delivery(1, DAY)
    with sqlite3.connect(db_path) as other:
        assert other.execute("SELECT status FROM deliveries").fetchall() == [("claimed",)]


async def test_claim_is_exclusive(repo: Repository) -> None:
    results = await asyncio.gather(*(repo.claim_delivery(1, DAY) for _ in range(10)))
    assert sorted(results) == [False] * 9 + [True]
    assert not await repo.claim_delivery(1, DAY)
    assert await repo.claim_delivery(1, DAY + dt.timedelta(days=1))
    assert await repo.claim_delivery(2, DAY)


async def test_claim_is_exclusive_across_connections(db_path: Path) -> None:
    first, second = await Repository.open(db_path), await Repository.open(db_path)
    try:
        results = await asyncio.gather(first.claim_delivery(9, DAY), second.claim_delivery(9, DAY))
        assert sorted(results) == [False, True]
    finally:
        await first.close()
        await second.close()


@pytest.mark.parametrize("status", ["claimed", "sent", "unknown", "skipped", "blocked"])
async def test_every_status_but_failed_counts_as_served(repo: Repository, status: str) -> None:
    assert await repo.claim_delivery(1, DAY)
    await repo.claim_deliveries([], [(1, DAY, status)])
    assert await repo.served_chat_ids(DAY) == {1}
    assert not await repo.claim_delivery(1, DAY)


async def test_failed_is_not_served_and_can_be_claimed_again(repo: Repository) -> None:
    assert await repo.claim_delivery(1, DAY)
    await repo.claim_deliveries([], [(1, DAY, "failed")])
    assert await repo.served_chat_ids(DAY) == set()
    assert await repo.served_chat_ids(DAY, give_up_after=2) == set()
    assert await repo.claim_delivery(1, DAY)
    assert await repo.delivery_status(1, DAY) == "claimed"
    await repo.claim_deliveries([], [(1, DAY, "failed")])
    assert await repo.served_chat_ids(DAY, give_up_after=2) == {1}
    assert await repo.served_chat_ids(DAY) == set()


async def test_batch_claims_are_exclusive_and_carry_the_finished_outcomes(repo: Repository, db_path: Path) -> None:
    next_day = DAY + dt.timedelta(days=1)
    assert await repo.claim_delivery(2, DAY)
    await repo.claim_deliveries([], [(2, DAY, "failed")])
    assert await repo.claim_delivery(3, DAY)  # someone else's claim
    jobs = [(chat, DAY) for chat in range(1, 301)] + [(1, next_day), (1, DAY)]
    claimed = await repo.claim_deliveries(jobs)
    assert claimed == {(chat, DAY) for chat in range(1, 301) if chat != 3} | {(1, next_day)}
    again = await repo.claim_deliveries([(4, DAY), (301, DAY)], finished=[(1, DAY, "sent"), (2, DAY, "failed")])
    assert again == {(301, DAY)}
    assert await repo.delivery_status(1, DAY) == "sent" and await repo.delivery_status(2, DAY) == "failed"
    with sqlite3.connect(db_path) as other:  # committed, visible to another connection
        assert other.execute("SELECT claims FROM deliveries WHERE chat_id = 2").fetchone() == (2,)
    assert await repo.claim_deliveries([]) == set()
    with pytest.raises(ValueError):
        await repo.claim_deliveries([(999, DAY)], finished=[(1, DAY, "delivered")])
    assert await repo.delivery_status(999, DAY) is None, "nothing of a rejected batch is written"


async def test_batch_claims_race_single_claims_across_connections(db_path: Path) -> None:
    first, second = await Repository.open(db_path), await Repository.open(db_path)
    try:
        batch, singles = await asyncio.gather(
            first.claim_deliveries([(chat, DAY) for chat in range(50)]),
            asyncio.gather(*(second.claim_delivery(chat, DAY) for chat in range(50))),
        )
        won = {chat for chat, ok in zip(range(50), singles, strict=True) if ok}
        assert {chat for chat, _ in batch} | won == set(range(50)) and not {chat for chat, _ in batch} & won
    finally:
        await first.close()
        await second.close()


async def test_finish_rejects_unknown_status(repo: Repository) -> None:
    with pytest.raises(ValueError):
        await repo.claim_deliveries([], [(1, DAY, "delivered")])


async def test_release_only_drops_a_plain_claim(repo: Repository) -> None:
    assert await repo.claim_delivery(1, DAY)
    assert await repo.release_delivery(1, DAY)
    assert await repo.delivery_status(1, DAY) is None
    assert await repo.claim_delivery(1, DAY)
    await repo.claim_deliveries([], [(1, DAY, "sent")])
    assert not await repo.release_delivery(1, DAY)
    assert await repo.delivery_status(1, DAY) == "sent"


async def test_skip_deliveries_in_one_go(repo: Repository) -> None:
    assert await repo.claim_delivery(1, DAY)
    assert await repo.skip_deliveries([1, 2, 3], DAY) == 2
    assert await repo.delivery_status(1, DAY) == "claimed"
    assert await repo.delivery_status(2, DAY) == "skipped"
    assert await repo.served_chat_ids(DAY) == {1, 2, 3}
    assert await repo.skip_deliveries([], DAY) == 0


async def test_migrate_chat_moves_everything(repo: Repository) -> None:
    await repo.upsert_subscription(sub(-100, chat_type="group", lang="ru"))
    await repo.set_language(-100, "ru")
    assert await repo.claim_delivery(-100, DAY)
    await repo.claim_deliveries([], [(-100, DAY, "sent")])
    moved = await repo.migrate_chat(-100, -1001)
    assert moved == {DAY}
    assert await repo.get_subscription(-100) is None
    assert await repo.get_subscription(-1001) == sub(-1001, chat_type="supergroup", lang="ru")
    assert await repo.get_language(-100) is None and await repo.get_language(-1001) == "ru"
    assert await repo.delivery_status(-100, DAY) is None
    assert await repo.delivery_status(-1001, DAY) == "sent"


async def test_migrate_chat_keeps_rows_the_new_id_already_has(repo: Repository) -> None:
    await repo.upsert_subscription(sub(-100, mode="daily"))
    await repo.upsert_subscription(sub(-1001, mode="weekly"))
    assert await repo.claim_delivery(-100, DAY)
    assert await repo.claim_delivery(-1001, DAY)
    await repo.claim_deliveries([], [(-1001, DAY, "sent")])
    other_day = DAY + dt.timedelta(days=1)
    assert await repo.claim_delivery(-100, other_day)
    moved = await repo.migrate_chat(-100, -1001)
    assert moved == {other_day}
    new = await repo.get_subscription(-1001)
    assert new is not None and new.mode == "weekly"
    assert await repo.get_subscription(-100) is None
    assert await repo.delivery_status(-1001, DAY) == "sent"
    assert await repo.delivery_status(-1001, other_day) == "claimed"
    assert await repo.served_chat_ids(DAY) == {-1001}


async def test_media_cache(repo: Repository) -> None:
    assert await repo.get_media("k") is None
    await repo.set_media("k", "one")
    await repo.set_media("k", "two")
    assert await repo.get_media("k") == "two"


async def test_sql_is_parameterised(repo: Repository) -> None:
    evil = "x'); DROP TABLE media; --"
    await repo.set_media(evil, evil)
    assert await repo.get_media(evil) == evil
    assert await repo.integrity_check() == "ok"
