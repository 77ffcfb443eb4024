"""kzru-bot: Kazakhstan–Russia relations, cited, in Kazakh, Russian and English."""

import os

# One BLAS thread: the engine's only matrix product is a small matrix-vector one (~0.1 ms), and
# a second BLAS thread waits for the core the model's worker thread is using, which made that
# product ~15× slower inside the bot (benchmarks/bot_throughput.py, distinct questions: 0.21× → 0.28× echo). Set
# before numpy is first imported; an operator's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _fewer_malloc_arenas() -> None:
    """At most two malloc arenas (glibc makes up to eight per core, one per busy thread): the model's
    worker threads each kept an arena of freed memory that counted in the bot's resident set."""
    import ctypes
    import sys

    if sys.platform != "linux" or "MALLOC_ARENA_MAX" in os.environ:
        return
    try:
        ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # M_ARENA_MAX
    except (OSError, AttributeError):
        pass


_fewer_malloc_arenas()
