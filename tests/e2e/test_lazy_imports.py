"""The bot starts without the libraries only some commands need: matplotlib alone is about a
quarter of its memory, and most runs never draw a chart."""

from __future__ import annotations

import subprocess
import sys


def test_starting_the_bot_does_not_import_matplotlib() -> None:
    code = "import sys, bot.app, bot.cli; print(sorted(m for m in sys.modules if m.startswith('matplotlib')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[]"
