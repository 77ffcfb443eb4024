"""The slim composition root: transport, log redaction and the broadcast command in their own
modules (old import paths still work), and no module-level state: the tick lock and the retry
counts belong to each application's Services."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from telegram import Chat, Message, Update
from telegram.error import NetworkError

import bot
import bot.app
import handlers.broadcast
import handlers.errors
import handlers.transport
from bot.logs import RedactingFormatter
from handlers.context import Services

TOKEN = "123456:UNIT-token_abcdefgh"


def test_moved_names_are_still_importable_from_their_old_modules() -> None:
    assert bot.app.JSONRequest is handlers.transport.JSONRequest
    assert bot.app.Transport is handlers.transport.Transport
    assert bot.app.TRANSPORT is handlers.transport.TRANSPORT
    assert bot.app.RedactingFormatter is RedactingFormatter


def test_the_core_imports_telegram_only_in_the_composition_root() -> None:
    root = Path(bot.__file__).resolve().parent
    importing = sorted(str(path.relative_to(root)) for path in root.rglob("*.py")
                       if re.search(r"^\s*(from|import) telegram\b", path.read_text(encoding="utf-8"), re.MULTILINE))
    assert importing == ["app.py"]


def test_no_module_level_tick_lock_or_retry_counts() -> None:
    assert not hasattr(bot.app, "_TICK_LOCK")
    assert not hasattr(handlers.errors, "_attempts")


def record(message: str, exc_info: Any = None) -> logging.LogRecord:
    return logging.LogRecord("httpx", logging.INFO, __file__, 1, message, None, exc_info)


def test_redacting_formatter_hides_the_token_its_secret_half_and_the_webhook_secret() -> None:
    formatter = RedactingFormatter([TOKEN, TOKEN.partition(":")[2], "webhook-secret-1", "", "short"])
    line = formatter.format(record(f"POST https://api.telegram.org/bot{TOKEN}/getMe webhook-secret-1 short"))
    assert TOKEN not in line and "UNIT-token" not in line and "webhook-secret-1" not in line
    assert line.count("<redacted>") == 2
    assert "short" in line, "strings under 8 characters are not secrets worth blanking words for"
    cut = formatter.format(record(f"…/bot123456%3A{TOKEN.partition(':')[2]}/sendMessage"))
    assert "UNIT-token" not in cut, "the secret half is redacted even when the token was URL-encoded"


def test_redacting_formatter_covers_tracebacks() -> None:
    try:
        raise RuntimeError(f"request to /bot{TOKEN}/getUpdates failed")
    except RuntimeError as error:
        exc_info = (type(error), error, error.__traceback__)
    line = RedactingFormatter([TOKEN]).format(record("failed", exc_info))
    assert "Traceback" in line and TOKEN not in line


def test_setup_logging_installs_one_redacting_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config import load_config
    from bot.logs import setup_logging

    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    levels = {name: logging.getLogger(name).level for name in ("", "httpx", "apscheduler")}
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    try:
        setup_logging(load_config({"TELEGRAM_BOT_TOKEN": TOKEN, "KZRU_LOG_LEVEL": "warning"}), lambda r: "drop" not in r.msg)
        logging.getLogger("kzru.test").warning("token %s", TOKEN)
        logging.getLogger("kzru.test").warning("drop this")
    finally:
        logging.captureWarnings(False)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
    assert stream.getvalue().count("\n") == 1 and "<redacted>" in stream.getvalue() and TOKEN not in stream.getvalue()


class FakeBroadcaster:
    def __init__(self) -> None:
        self.runs = 0
        self.release = asyncio.Event()

    async def run_due(self, now: dt.datetime) -> Any:
        self.runs += 1
        await self.release.wait()
        return SimpleNamespace(sent=0, failed=0, blocked=0)


def services_stub() -> Any:
    """The fields tick and the error handler read, with Services' own defaults."""
    defaults = {name: field.default_factory() for name, field in Services.__dataclass_fields__.items()
                if name in ("tick_lock", "retry_attempts", "replies")}
    return SimpleNamespace(broadcaster=FakeBroadcaster(), now=lambda: dt.datetime(2026, 1, 1, tzinfo=dt.UTC), **defaults)


async def test_each_application_has_its_own_tick_lock() -> None:
    first, second = services_stub(), services_stub()
    running = asyncio.create_task(bot.app.tick(SimpleNamespace(services=first)))  # type: ignore[arg-type]
    await asyncio.sleep(0)
    await bot.app.tick(SimpleNamespace(services=first))  # type: ignore[arg-type]
    assert first.broadcaster.runs == 1, "a tick while the last one still runs is skipped"
    second.broadcaster.release.set()
    await bot.app.tick(SimpleNamespace(services=second))  # type: ignore[arg-type]
    assert second.broadcaster.runs == 1, "another application's tick is not held up"
    first.broadcaster.release.set()
    await running
    await bot.app.tick(SimpleNamespace(services=first))  # type: ignore[arg-type]
    assert first.broadcaster.runs == 2


async def test_retry_counts_live_on_each_applications_services(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handlers.errors, "BACKOFF", 0.0)
    message = Message(message_id=5, date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), chat=Chat(42, "private"), text="hi")
    update = Update(update_id=7, message=message)
    processed: list[str] = []

    def context(services: Any, name: str) -> Any:
        async def process_update(_: object) -> None:
            processed.append(name)

        return SimpleNamespace(services=services, error=NetworkError("Bad Gateway"),
                               application=SimpleNamespace(process_update=process_update))

    first, second = services_stub(), services_stub()
    results = [await handlers.errors.retried(update, context(first, "first")) for _ in range(handlers.errors.RETRIES + 1)]
    assert results == [True] * handlers.errors.RETRIES + [False], "retried RETRIES times, then given up"
    assert first.retry_attempts[7] == handlers.errors.RETRIES
    assert await handlers.errors.retried(update, context(second, "second")), "the other application counts afresh"
    assert processed == ["first"] * handlers.errors.RETRIES + ["second"]
    assert dict(second.retry_attempts) == {7: 1}
