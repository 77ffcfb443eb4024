"""SIGKILL the real bot process mid-broadcast and mid-subscription-change, restart it, check nothing doubled or went missing.

The bot runs as `python -m bot broadcast|run` in a subprocess (the code path operators run);
the fake Bot API runs in the test process, so it sees every message that really went out,
including those whose answer the killed process never read. KZRU_SOAK=1 kills many more times.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import random
import re
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bulksubs import subscribe_many
from factories import make_command_update, make_user
from fakebotapi import FakeBotAPI

from handlers.broadcast import BROADCAST_CONNECTIONS

ROOT = Path(__file__).resolve().parents[2]
SOAK = os.environ.get("KZRU_SOAK") == "1"
DAY = dt.date(2026, 10, 22)  # has anniversaries


def bot_env(api: FakeBotAPI, db: Path, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KZRU_", "TELEGRAM_"))}
    return {**env, "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url,
            "KZRU_DB_PATH": str(db), "KZRU_LOG_LEVEL": "INFO", **more}


@asynccontextmanager
async def bot_process(env: dict[str, str], log: Path, *args: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """`python -m bot ARGS` with its output in `log`; SIGKILLed on the way out if still running."""
    with log.open("ab") as out:
        proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", *args, cwd=str(ROOT), env=env,
                                                    stdout=out, stderr=out)
        try:
            yield proc
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


async def test_sigkill_mid_broadcast_never_sends_twice(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    subscribers, kills = (2000, 12) if SOAK else (240, 2)
    db = tmp_path / "bot.sqlite3"
    await subscribe_many(db, subscribers)
    # Some sends answer slowly, so a kill often lands while one is in flight (delivered, answer never read).
    fake_api.random_faults(0.2, kinds=("slow",), slow_seconds=0.2, methods=["sendMessage"], seed=5)
    env = bot_env(fake_api, db, KZRU_BROADCAST_RATE="150")
    log = tmp_path / "bot.log"
    rng = random.Random(7)
    for _ in range(kills):
        before = fake_api.stats()["delivered_messages"]
        async with bot_process(env, log, "broadcast", "--date", DAY.isoformat()) as proc:
            await fake_api.wait_for("sendMessage", lambda c: c.delivered, count=before + rng.randint(20, 60), timeout=30)
            proc.kill()
            await proc.wait()
    async with bot_process(env, log, "broadcast", "--date", DAY.isoformat()) as proc:
        assert await asyncio.wait_for(proc.wait(), 60) == 0, log.read_text()
    await asyncio.sleep(0.3)  # let the fake finish sends the killed processes left in flight

    counts = fake_api.sent_counts()
    with sqlite3.connect(db) as conn:
        status = dict(conn.execute("SELECT chat_id, status FROM deliveries WHERE local_date = ?", (DAY.isoformat(),)))
    assert integrity(db) == "ok"
    assert [chat for chat, n in counts.items() if n > 1] == [], "a chat got the day's message twice"
    assert set(status) == set(range(1, subscribers + 1)), "every subscriber was served or is in doubt"
    silent = [chat for chat in status if counts.get(chat, 0) == 0]
    assert all(status[chat] == "claimed" for chat in silent), "only a send in doubt may be missing"
    assert all(status[chat] in ("sent", "claimed") for chat in counts)
    # Silent: only chats whose request was under way when the process died (one per connection at most).
    assert len(silent) <= kills * BROADCAST_CONNECTIONS, silent
    assert fake_api.stats()["delivered_messages"] >= subscribers - len(silent)
    assert "sent " in log.read_text()


async def test_sigterm_mid_broadcast_gives_back_unsent_claims(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """A polite stop loses nothing: claims not yet sent are released, and the rerun sends them."""
    subscribers = 120
    db = tmp_path / "bot.sqlite3"
    await subscribe_many(db, subscribers)
    env = bot_env(fake_api, db, KZRU_BROADCAST_RATE="100")
    log = tmp_path / "bot.log"
    async with bot_process(env, log, "broadcast", "--date", DAY.isoformat()) as proc:
        await fake_api.wait_for("sendMessage", lambda c: c.delivered, count=30, timeout=30)
        proc.terminate()
        assert await asyncio.wait_for(proc.wait(), 10) == 130, log.read_text()
    assert "interrupted" in log.read_text()
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT COUNT(*) FROM deliveries").fetchone()[0]
    assert rows < subscribers, "the stop came mid-broadcast"
    with sqlite3.connect(db) as conn:
        claimed = {int(r[0]) for r in conn.execute("SELECT chat_id FROM deliveries WHERE status = 'claimed'")}
    settled = re.search(r"(\d+) claim\(s\) given back, (\d+) send\(s\) in doubt", log.read_text())
    assert settled is not None, log.read_text()
    silent = claimed - set(fake_api.sent_counts())
    assert len(silent) <= int(settled.group(2)), "every claim whose request had not started went back"
    async with bot_process(env, log, "broadcast", "--date", DAY.isoformat()) as proc:
        assert await asyncio.wait_for(proc.wait(), 60) == 0, log.read_text()
    await asyncio.sleep(0.1)
    counts = fake_api.sent_counts()
    assert max(counts.values()) == 1
    assert len(counts) >= subscribers - 16
    assert integrity(db) == "ok"


ZONES = ("Europe/Moscow", "Asia/Almaty", "UTC+05:00")
UNSUBSCRIBED = 99
"""The step number recorded for an acknowledged /unsubscribe (a chat's last change)."""


def change(step: int) -> str:
    """The step-th /subscribe arguments of a chat: the minutes grow with each step, the zone cycles."""
    return f"07:{step:02d} {ZONES[step % 3]}"


def check_durable(db: Path, acked: dict[int, int]) -> None:
    """Right after a kill: each chat's stored state is its last acknowledged change or a later one."""
    with sqlite3.connect(db) as conn:
        rows = {int(r[0]): (str(r[1]), str(r[2]), int(r[3]))
                for r in conn.execute("SELECT chat_id, time, tz, active FROM subscriptions")}
    for user, step in acked.items():
        assert user in rows, f"user {user}: acknowledged step {step} but no subscription stored"
        time, tz, active = rows[user]
        if step == UNSUBSCRIBED:
            assert active == 0, f"user {user}: acknowledged /unsubscribe lost"
            continue
        stored = int(time[-2:])
        assert stored >= step, f"user {user}: acknowledged {change(step)} but {time} {tz} stored"
        if stored == step:
            assert f"{time} {tz}" == change(step) and active == 1


async def test_sigkill_during_subscription_changes_keeps_every_acknowledged_change(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    users, kills = (40, 20) if SOAK else (12, 3)
    db = tmp_path / "bot.sqlite3"
    env = bot_env(fake_api, db)
    log = tmp_path / "bot.log"
    acked: dict[int, int] = {}  # user (= private chat) → last step whose confirmation reached the chat
    last: dict[int, int] = {}
    killed_enough = asyncio.Event()
    finished = asyncio.Event()

    async def act(person: dict[str, object], step: int) -> None:
        """One change, repeated until its confirmation arrives (a kill may eat the update or the reply)."""
        user_id = int(str(person["id"]))
        while True:
            mark = fake_api.mark()
            if step == UNSUBSCRIBED:
                fake_api.push_update(make_command_update("/unsubscribe", user=person))
                marker = "Unsubscribed"
            else:
                fake_api.push_update(make_command_update("/subscribe", change(step), user=person))
                marker = change(step).split()[0]
            try:
                await fake_api.wait_for(
                    "sendMessage",
                    lambda c, m=marker: c.chat_id == user_id and c.delivered and m in str(c.params["text"]),
                    since=mark, timeout=3,
                )
            except AssertionError:
                continue
            acked[user_id] = step
            return

    async def user(n: int) -> None:
        """Changes its time and zone every few tenths of a second while the bot is being killed."""
        person = make_user(5000 + n, language_code="en")
        rng = random.Random(n)
        step = 0
        while not killed_enough.is_set() and step < 59:
            step += 1
            await act(person, step)
            await asyncio.sleep(rng.uniform(0.05, 0.3))
        last[5000 + n] = UNSUBSCRIBED if n % 2 == 0 else step
        if n % 2 == 0:
            await act(person, UNSUBSCRIBED)

    async def killer() -> None:
        rng = random.Random(11)
        for _ in range(kills):
            mark = fake_api.mark()
            async with bot_process(env, log, "run") as proc:
                # A random while after this process starts polling (deleteWebhook comes just before), not
                # after it was spawned: on a loaded machine, start-up alone can outlast that while.
                await fake_api.wait_for("deleteWebhook", since=mark, timeout=120)
                await asyncio.sleep(rng.uniform(1.0, 1.8))
                proc.kill()
                await proc.wait()
            assert integrity(db) == "ok"
            check_durable(db, dict(acked))
        killed_enough.set()
        async with bot_process(env, log, "run") as proc:
            await finished.wait()
            proc.kill()
            await proc.wait()

    killing = asyncio.create_task(killer())
    try:
        await asyncio.wait_for(asyncio.gather(*(user(n) for n in range(1, users + 1))), 600 if SOAK else 240)
    finally:
        finished.set()
        await killing

    assert integrity(db) == "ok"
    check_durable(db, dict(acked))
    assert acked == last, "every user's last change was confirmed"
    assert min(last.values()) >= kills, "the changes went on across the kills"
