"""The bot starts without the libraries only some commands need: matplotlib alone is about a
quarter of its memory and most runs never draw a chart; aiohttp (~10 MB) serves only the
broadcast and the webhook, icalendar (~3 MB) only /calendar."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded_after(code: str, prefix: str) -> str:
    probe = f"import sys; {code}; print(sorted(m for m in sys.modules if m.split('.')[0] == {prefix!r}))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    return result.stdout.strip()


@pytest.mark.parametrize("library", ["matplotlib", "aiohttp", "icalendar"])
def test_starting_the_polling_bot_does_not_import(library: str) -> None:
    assert _loaded_after("import bot.app, bot.cli", library) == "[]"


def test_the_broadcast_and_the_webhook_still_find_aiohttp() -> None:
    assert _loaded_after("import handlers.broadcast, handlers.webhook", "aiohttp") != "[]"
