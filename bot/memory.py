"""One malloc arena for the whole bot process, so the worker threads don't each grow their own.

The bot runs three kinds of threads: the event loop, aiosqlite's connection thread and the
thread that embeds questions. On glibc each thread that allocates while another holds the main
arena gets an arena of its own, and memory freed in one arena can't be reused by another: in
`benchmarks/load.py` that cost about 5 MB of peak RSS, with no measurable gain in throughput
(the threads rarely allocate at the same moment: the embedding runs in C on buffers it keeps).
Elsewhere (musl, macOS) there is no `mallopt` and nothing is changed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

M_ARENA_MAX = -8
"""glibc's `mallopt` parameter for the most arenas (malloc.h)."""


def limit_malloc_arenas(arenas: int = 1) -> bool:
    """Cap glibc's malloc arenas; True when the C library took the setting. Call before threads start."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    taken = bool(mallopt(M_ARENA_MAX, arenas))
    if not taken:
        log.debug("mallopt(M_ARENA_MAX) was refused; malloc keeps its own arena limit")
    return taken
