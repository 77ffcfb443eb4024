"""The malloc arena cap the bot sets before its threads start (bot/memory.py)."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from bot.memory import limit_malloc_arenas

GLIBC = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


@pytest.mark.skipif(not GLIBC, reason="mallopt(M_ARENA_MAX) is glibc's")
def test_glibc_takes_the_arena_cap() -> None:
    assert limit_malloc_arenas() is True


def test_the_cap_is_set_in_a_fresh_process_and_threads_still_run() -> None:
    """Set first thing, as `kzru-bot run` does: threads allocating afterwards work as before."""
    code = (
        "from bot.memory import limit_malloc_arenas\n"
        "import threading\n"
        "ok = limit_malloc_arenas()\n"
        "out = []\n"
        "ts = [threading.Thread(target=lambda: out.append(len(bytearray(1 << 20)))) for _ in range(4)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "print(ok, sum(out))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    taken, total = done.stdout.split()
    assert total == str(4 << 20)
    assert taken == str(GLIBC)
