"""Shared pytest fixtures.

Why: every end-to-end test needs a fresh fake Bot API (own port, own state) that is
reliably shut down, and the same bot token the fake expects.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fakebotapi import FakeBotAPI

TOKEN = "123456:TEST-token_abc"
"""Bot token the fake server accepts; bot id 123456 (= factories.BOT_ID)."""
BOT_USERNAME = "kzru_test_bot"


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
