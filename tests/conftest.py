"""Shared pytest fixtures, and the test layers.

Why: every end-to-end test needs a fresh fake Bot API (own port, own state) that is
reliably shut down, and the same bot token the fake expects. Each test is marked with its
layer, from its folder (tests/unit, tests/integration, tests/e2e), so `pytest -m unit` selects
the same tests as `pytest tests/unit`.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebotapi import FakeBotAPI
from fakeclock import FakeClock

from bot.storage import Repository

TOKEN = "123456:TEST-token_abc"
"""Bot token the fake server accepts; bot id 123456 (= factories.BOT_ID)."""
BOT_USERNAME = "kzru_test_bot"

TESTS = Path(__file__).resolve().parent
LAYERS = ("unit", "integration", "e2e")
"""The test folders, each also a marker (registered in pyproject.toml)."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with the layer of its folder; tryfirst, so that `-m` selection sees the marks."""
    for item in items:
        path = item.path.resolve()
        if path.is_relative_to(TESTS):
            layer = path.relative_to(TESTS).parts[0]
            if layer in LAYERS:
                item.add_marker(layer)


@pytest.fixture(scope="session", autouse=True)
def warm_embedding_cache(request: pytest.FixtureRequest) -> None:
    """Build the real store's fact embeddings once, before any test: on a fresh machine that takes
    a minute or two, which must not land inside a test that starts the bot and waits for it.
    A run of unit tests alone (pure core, no engine on the real store) skips it."""
    if all(item.get_closest_marker("unit") for item in request.session.items):
        return
    from bot.engine import AnswerEngine
    from bot.loader import default_data_dir, load_store

    AnswerEngine(load_store(default_data_dir()))


@pytest.fixture
def token() -> str:
    """The bot token the ``fake_api`` fixture accepts."""
    return TOKEN


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotAPI]:
    """A started FakeBotAPI on 127.0.0.1 (random port), stopped after the test."""
    api = FakeBotAPI(token=TOKEN, username=BOT_USERNAME)
    await api.start()
    try:
        yield api
    finally:
        await api.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database created once by Repository.open; copying it spares each test the schema fsyncs."""
    path = tmp_path_factory.mktemp("template") / "bot.sqlite3"

    async def create() -> None:
        await (await Repository.open(path)).close()

    asyncio.run(create())
    return path


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    path = tmp_path / "bot.sqlite3"
    shutil.copyfile(template_db, path)
    return path
