"""`kzru-bot run` as a subprocess meeting a broken database or a second instance at start-up.

Why: an operator starting the bot on a file that is not a database, a damaged one, a full disk,
a file-size limit or a file another process holds must read one clear line and get a non-zero
exit, never forty lines of traceback. A token already polled by another process (or with a
webhook set) must end the bot with its own exit code after a short grace, not loop forever.
"""

from __future__ import annotations

import asyncio
import os
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import TOKEN
from fakebotapi import FakeBotAPI, Fault

from bot.cli import EXIT_CONFLICT, EXIT_STORAGE
from bot.storage import Repository

ROOT = Path(__file__).resolve().parents[2]
UNUSED_API = "http://127.0.0.1:9/bot"
"""Nothing listens there: a bot that got past its database would fail differently."""


def env_for(db: Path, api: str = UNUSED_API) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "KZRU_"))}
    env.update(PYTHONPATH=str(ROOT), TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=api, KZRU_DB_PATH=str(db))
    return env


def run_cli(db: Path, preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", "run"], cwd=db.parent, env=env_for(db), capture_output=True,
                          text=True, timeout=120, preexec_fn=preexec, check=False)


def assert_one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == EXIT_STORAGE, result.stderr
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kzru-bot: cannot use the database"), lines[0]
    assert all(w in lines[0] for w in words), lines[0]
    assert "Traceback" not in result.stderr + result.stdout


async def make_database(path: Path, rows: int = 0) -> None:
    repo = await Repository.open(path)
    for chat_id in range(rows):
        await repo.set_language(chat_id, "kk")
    await repo.close()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    db = tmp_path / "kzru.sqlite3"
    db.write_text("these are my notes, not a database\n" * 200)
    assert_one_clear_line(run_cli(db), "not an SQLite database")


def test_a_damaged_database(tmp_path: Path) -> None:
    db = tmp_path / "kzru.sqlite3"
    asyncio.run(make_database(db, rows=40))
    with sqlite3.connect(db) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'chat_settings'").fetchone()[0]
    conn.close()
    with db.open("r+b") as file:
        file.seek(page_size * (root - 1))
        file.write(b"\x55" * page_size)
    assert_one_clear_line(run_cli(db), "damaged")


@pytest.mark.parametrize(("limit", "words"), [
    (0, ("file-size limit",)),  # no byte may be written: the first write fails outright
    (16 * 1024, ("file-size limit",)),  # the schema runs out of room halfway, as on a full disk
])
def test_a_file_size_limit_or_a_full_disk(tmp_path: Path, limit: int, words: tuple[str, ...]) -> None:
    """RLIMIT_FSIZE in the child: SQLite's writes stop short exactly as on a full disk (Python ignores SIGXFSZ)."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    assert_one_clear_line(run_cli(tmp_path / "kzru.sqlite3", preexec=cap), *words)


@contextmanager
def held_write_lock(db: Path) -> Iterator[None]:
    """Another process holding the database's write lock until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE')\nprint('locked', flush=True)\nsys.stdin.read()\n", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)


def test_a_database_locked_by_another_process(tmp_path: Path) -> None:
    db = tmp_path / "kzru.sqlite3"
    asyncio.run(make_database(db))
    with held_write_lock(db):
        result = run_cli(db)
    assert_one_clear_line(result, "locked by another process")


CONFLICTS = {
    "instance": ("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                 "another instance is polling with this bot token"),
    "webhook": ("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
                "webhook first", "a webhook is set for this bot token"),
}


@pytest.mark.parametrize("cause", sorted(CONFLICTS))
async def test_a_409_from_getupdates_is_one_line_and_its_own_exit_code(
        fake_api: FakeBotAPI, tmp_path: Path, cause: str) -> None:
    description, line = CONFLICTS[cause]
    fake_api.script("getUpdates", *[Fault.error(409, description)] * 50)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env_for(tmp_path / "kzru.sqlite3", fake_api.base_url),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    output = (out + err).decode("utf-8", "replace")
    assert proc.returncode == EXIT_CONFLICT, output
    assert output.count(line) == 1, output
    assert "Traceback" not in output and "handler failed" not in output, output
    assert len(fake_api.calls_of("getUpdates")) >= 2, "it gave the conflict a grace period first"
