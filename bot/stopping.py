"""SIGTERM and SIGINT for processes that must stop cleanly: a first signal stops, a second exits.

Why: `docker stop` and systemd send SIGTERM, wait a few seconds, then SIGKILL. The first signal
starts a clean stop (stop sending, give back the claims not sent, close the database); an
operator who signals again does not want to wait for it, so the second ends the process at
once (anything claimed and not settled stays claimed: silent, never sent twice).
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

SIGNALS: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGINT)


class StopSignals:
    """Calls `on_first` at the first signal (it may raise SystemExit to leave the loop); exits at the second."""

    def __init__(self, on_first: Callable[[], object], signals: Sequence[signal.Signals] = SIGNALS) -> None:
        self.on_first = on_first
        self.signals = tuple(signals)
        self.received: signal.Signals | None = None

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        for signum in self.signals:
            loop.add_signal_handler(signum, self._received, signum)

    def _received(self, signum: signal.Signals) -> None:
        if self.received is not None:
            log.warning("%s again while stopping: exiting now", signum.name)
            logging.shutdown()
            os._exit(128 + signum)
        self.received = signum
        log.info("%s: stopping (a second signal exits at once)", signum.name)
        self.on_first()
