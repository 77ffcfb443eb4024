"""`kzru-bot run` as a real subprocess: configuration errors, broken data, SIGTERM, webhook mode, and
that the token never leaks into logs or messages, whatever goes wrong."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from bulksubs import subscribe_many
from conftest import TOKEN
from factories import make_command_update, make_text_update, make_user
from fakebotapi import FakeBotAPI, Fault

from bot.loader import default_data_dir

ROOT = Path(__file__).resolve().parents[2]


def cli_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The environment of a clean `kzru-bot run`: none of ours inherited, this source tree importable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "KZRU_"))}
    env.update(PYTHONPATH=str(ROOT), KZRU_DB_PATH=str(tmp_path / "var" / "kzru.sqlite3"), **settings)
    return env


def bot_settings(api: FakeBotAPI, **extra: str) -> dict[str, str]:
    return {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url, **extra}


async def spawn(tmp_path: Path, **settings: str) -> asyncio.subprocess.Process:
    """`python -m bot run` (the kzru-bot entry point) in tmp_path, so no project .env is read."""
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=cli_env(tmp_path, **settings),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )


async def finish(proc: asyncio.subprocess.Process, timeout: float = 20.0) -> tuple[int, str]:
    """Wait for the process to exit; its exit code and everything it printed."""
    out, err = await asyncio.wait_for(proc.communicate(), timeout)
    assert proc.returncode is not None
    return proc.returncode, (out + err).decode("utf-8", "replace")


@asynccontextmanager
async def bot_process(tmp_path: Path, **settings: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """A running `kzru-bot run`; if the test fails meanwhile, it is killed and its output shown."""
    proc = await spawn(tmp_path, **settings)
    try:
        yield proc
    except Exception as exc:
        if proc.returncode is None:
            proc.kill()
        _, output = await finish(proc)
        raise AssertionError(f"{exc}\n--- bot output ---\n{output[-4000:]}") from exc


async def stop(proc: asyncio.subprocess.Process, sig: int = signal.SIGTERM) -> tuple[int, str, float]:
    """A stop signal, then the exit code, the output and how many seconds the bot took to exit."""
    started = time.monotonic()
    proc.send_signal(sig)
    code, output = await finish(proc)
    return code, output, time.monotonic() - started


@pytest.mark.parametrize("token", ["", "123456:short", "bot123456:ABCDEFGHIJKLMNOP"])
def test_missing_or_malformed_token_is_one_line_and_exit_2(tmp_path: Path, token: str) -> None:
    env = cli_env(tmp_path, TELEGRAM_BOT_TOKEN=token) if token else cli_env(tmp_path)
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "TELEGRAM_BOT_TOKEN" in lines[0]
    assert ("not set" if not token.strip() else "malformed") in lines[0]
    if token.strip():
        assert token.strip() not in lines[0]
    assert not (tmp_path / "var").exists(), "nothing is created before the configuration is valid"


async def test_broken_data_is_reported_by_file_and_line_and_the_bot_never_starts(fake_api: FakeBotAPI,
                                                                                 tmp_path: Path) -> None:
    damaged = tmp_path / "data"
    shutil.copytree(default_data_dir(), damaged)
    treaties = damaged / "treaties.yaml"
    lines = treaties.read_text(encoding="utf-8").splitlines()
    broken = next(i for i, line in enumerate(lines) if line.strip().startswith("- date: "))
    lines[broken] = lines[broken].replace("- date: ", "- date: 1992-13-45 #")
    treaties.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = await finish(await spawn(tmp_path, **bot_settings(fake_api, KZRU_DATA_DIR=str(damaged))))
    assert code == 2
    assert re.search(rf"^{re.escape(str(treaties))}:{broken + 1}: .*month", output, re.MULTILINE), output
    assert "not starting" in output
    assert not fake_api.calls_of("getMe"), "no half-loaded store: the bot never talked to Telegram"
    assert not (tmp_path / "var").exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_sigterm_stops_the_polling_bot_promptly_with_exit_0(fake_api: FakeBotAPI, tmp_path: Path, sig: int) -> None:
    async with bot_process(tmp_path, **bot_settings(fake_api)) as proc:
        await fake_api.wait_for("getUpdates", timeout=20)
        fake_api.push_update(make_text_update("baikonur lease", user=make_user(301)))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 301, timeout=10)
    code, output, seconds = await stop(proc, sig)
    assert code == 0, output
    assert seconds < 8, f"took {seconds:.1f} s to stop"
    assert "stopped" in output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def post_update(url: str, secret: str, update: dict[str, object]) -> int:
    """POST an update the way Telegram does; retried briefly while the server is still starting."""
    async with aiohttp.ClientSession() as session:
        for _ in range(50):
            try:
                async with session.post(url, data=json.dumps(update), headers={
                    "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret,
                }) as response:
                    return response.status
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.1)
    raise AssertionError(f"nothing listens on {url}")


async def test_webhook_mode_sets_the_secret_and_answers_only_true_posts(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tg-hook"
    secret = "s3cret-Token_for-webhooks"
    settings = bot_settings(fake_api, KZRU_WEBHOOK_URL=url, KZRU_WEBHOOK_SECRET=secret,
                            KZRU_WEBHOOK_PORT=str(port), KZRU_WEBHOOK_LISTEN="127.0.0.1")
    async with bot_process(tmp_path, **settings) as proc:
        hook = (await fake_api.wait_for("setWebhook", timeout=20))[0]
        assert hook.params["url"] == url
        assert hook.params["secret_token"] == secret
        forged = {**make_text_update("baikonur lease", user=make_user(401)), "update_id": 1}
        assert await post_update(url, "wrong-secret", forged) == 403
        true = {**make_command_update("/ask", "baikonur lease", user=make_user(402)), "update_id": 2}
        assert await post_update(url, secret, true) == 200
        answer = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 402, timeout=10))[0]
        assert "1994" in str(answer.params["text"])
        assert not [c for c in fake_api.calls_of("sendMessage") if c.chat_id == 401], "a forged update is ignored"
        assert not fake_api.calls_of("getUpdates"), "webhook mode does not poll"
    code, output, _ = await stop(proc)
    assert code == 0, output
    assert secret not in output and TOKEN not in output


async def test_the_token_never_appears_in_logs_or_messages_when_things_fail(fake_api: FakeBotAPI,
                                                                            tmp_path: Path) -> None:
    secret_half = TOKEN.partition(":")[2]
    # A run at DEBUG (every request URL is logged) in which a handler fails on a 400 from Telegram…
    fake_api.script("sendMessage", Fault.error(400, "Bad Request: can't parse entities"))
    async with bot_process(tmp_path, **bot_settings(fake_api, KZRU_LOG_LEVEL="DEBUG")) as proc:
        await fake_api.wait_for("getUpdates", timeout=20)
        fake_api.push_update(make_text_update("baikonur lease", user=make_user(501, language_code="ru")))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 501, timeout=15)
        fake_api.push_update(make_text_update("border length", user=make_user(502, language_code="kk")))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 502 and c.ok, timeout=15)
    _, first, _ = await stop(proc)
    assert "BadRequest" in first, "the failure was logged"
    assert "<redacted>" in first, "the request URLs were logged, redacted"
    # …and a run whose token Telegram rejects (401 for getMe).
    rejected = "654321:" + secret_half[::-1] + "XYZ"
    code, second = await finish(await spawn(tmp_path, **bot_settings(fake_api, TELEGRAM_BOT_TOKEN=rejected)))
    assert code == 2
    assert "rejected TELEGRAM_BOT_TOKEN" in second
    sent = json.dumps([c.params for c in fake_api.calls_of("sendMessage")], ensure_ascii=False)
    for text, secret in ((first, TOKEN), (first, secret_half), (second, rejected), (second, rejected.partition(":")[2]),
                         (sent, TOKEN), (sent, secret_half)):
        assert secret not in text


async def subscribe_due_now(db: Path, count: int) -> None:
    """Chats 1..count with a daily message already due today (00:00 UTC): the first tick delivers."""
    db.parent.mkdir(parents=True, exist_ok=True)
    await subscribe_many(db, count)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE subscriptions SET time = '00:00', tz = 'UTC', mode = 'daily'")


def claimed_rows(db: Path) -> set[int]:
    with sqlite3.connect(db) as conn:
        return {int(r[0]) for r in conn.execute("SELECT chat_id FROM deliveries WHERE status = 'claimed'")}


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Wait for a condition the fake server has no event for, checking it every few milliseconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        await asyncio.sleep(0.01)


async def read_until(stream: asyncio.StreamReader, marker: str, timeout: float = 60.0) -> str:
    """The process's output up to the line holding `marker` (an event to wait on, not a sleep)."""
    seen: list[str] = []

    async def scan() -> str:
        while line := (await stream.readline()).decode("utf-8", "replace"):
            seen.append(line)
            if marker in line:
                return "".join(seen)
        raise AssertionError(f"{marker!r} never came:\n{''.join(seen)[-3000:]}")

    return await asyncio.wait_for(scan(), timeout)


async def test_sigterm_mid_delivery_stops_sending_gives_back_claims_closes_and_exits_0(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    """2,000 chats due at 25/s (80 s of sending): SIGTERM stops it at once, not after the run."""
    db = tmp_path / "var" / "kzru.sqlite3"
    await subscribe_due_now(db, 2000)
    async with bot_process(tmp_path, **bot_settings(fake_api, KZRU_LOG_LEVEL="INFO")) as proc:
        await fake_api.wait_for("sendMessage", lambda c: c.delivered, count=40, timeout=120)
    signalled = time.monotonic()
    code, output, seconds = await stop(proc)
    assert code == 0, output[-3000:]
    assert seconds < 8, f"took {seconds:.1f} s to stop"
    assert "stopped" in output
    sends = fake_api.calls_of("sendMessage")
    assert len(sends) < 1000, "it did not go on delivering"
    assert len([c for c in sends if c.at >= signalled]) <= 16, "only requests already in flight reach Telegram"
    received = set(fake_api.sent_counts())
    silent = claimed_rows(db) - received
    doubt = re.search(r"(\d+) claim\(s\) given back, (\d+) send\(s\) in doubt", output)
    assert doubt is not None, output[-3000:]
    assert len(silent) <= int(doubt.group(2)) <= 16, "a chat stays claimed only if its request had started"
    # It exited at all: aiosqlite's worker thread is not a daemon, so the database was closed.
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # The next run sends every chat the stopped one did not, and none twice.
    async with bot_process(tmp_path, **bot_settings(fake_api, KZRU_BROADCAST_RATE="500")) as proc:
        await fake_api.wait_for("sendMessage", lambda c: c.delivered, count=2000 - len(silent), timeout=180)
    code, output, _ = await stop(proc)
    assert code == 0, output[-3000:]
    counts = fake_api.sent_counts()
    assert max(counts.values()) == 1, "never two messages to one chat for a date"
    assert set(counts) | silent == set(range(1, 2001))


async def test_a_second_signal_exits_at_once(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """The clean stop waits for a reply Telegram is slow to answer; a second SIGTERM does not."""
    fake_api.script("sendMessage", Fault.delay(60))
    async with bot_process(tmp_path, **bot_settings(fake_api, KZRU_LOG_LEVEL="INFO")) as proc:
        await fake_api.wait_for("getUpdates", timeout=60)
        fake_api.push_update(make_text_update("baikonur lease", user=make_user(601)))
        await until(lambda: fake_api.stats()["faults_injected"] >= 1)  # the reply is at the server, held
        assert proc.stderr is not None
        proc.send_signal(signal.SIGTERM)
        await read_until(proc.stderr, "a second signal exits at once")
    code, output, seconds = await stop(proc)
    assert code == 128 + signal.SIGTERM, output[-3000:]
    assert "again while stopping" in output
