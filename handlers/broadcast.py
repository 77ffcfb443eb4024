"""`kzru-bot broadcast --date`: one date's anniversary message to every active subscriber not yet served.

It runs without the Application: a Bot of its own on the aiohttp transport (httpx's CPU cost per
request caps a broadcast near 550 messages/s, short of the 1000/s Telegram allows paid
broadcasts), the Broadcaster of bot/delivery.py, and a progress bar on a terminal. SIGTERM or
Ctrl-C gives back every claim not yet sent and exits 130 (a second one exits at once); the same
command sends the rest.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from pathlib import Path

from telegram import Bot

from bot.cli import EXIT_DATA, config_or_exit, load_or_exit, storage_or_exit
from bot.config import Config
from bot.delivery import Broadcaster
from bot.logs import setup_logging
from bot.stopping import StopSignals
from bot.storage import Repository
from bot.store import FactStore
from handlers.aiohttp_request import AiohttpRequest
from handlers.digest import make_renderer
from handlers.errors import not_a_rejected_token_traceback
from handlers.sender import PTBSender

BROADCAST_CONNECTIONS = 48
"""Chats sent to at once, one connection each. Each send first waits for its intent to be committed
(a disk sync shared by the sends of that moment), so it takes this many to keep 900/s (16 did ~600/s)."""
EXIT_INTERRUPTED = 130


def run_broadcast(data_dir: Path | None, date_text: str) -> int:
    """`kzru-bot broadcast --date`: that date's message to every active subscriber not yet served."""
    try:
        day = dt.date.fromisoformat(date_text)
    except ValueError:
        print(f"kzru-bot: --date {date_text!r} is not a date like 2026-10-22", file=sys.stderr)
        return EXIT_DATA
    config = config_or_exit(data_dir)
    setup_logging(config, not_a_rejected_token_traceback)
    store = load_or_exit(config.data_dir)
    storage_or_exit(config.db_path)  # one line and exit 3 for a database that cannot be used
    return asyncio.run(broadcast_day(config, store, day))


async def broadcast_day(config: Config, store: FactStore, day: dt.date) -> int:
    """Send `day`'s message to every subscriber not yet served; print the summary. The exit code."""
    bot = Bot(config.token, base_url=config.api_base_url, base_file_url=config.file_base_url,
              request=AiohttpRequest(connection_limit=BROADCAST_CONNECTIONS))
    repo = await Repository.open(config.db_path, verify=False)  # checked by storage_or_exit
    try:
        async with bot:
            broadcaster = Broadcaster(repo, store, PTBSender(bot), make_renderer(store.sources),
                                      rate_per_second=config.broadcast_rate, concurrency=BROADCAST_CONNECTIONS)
            tty = sys.stderr.isatty()

            def progress(done: int, total: int) -> None:
                if tty and total:
                    filled = int(30 * done / total)
                    print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", end="", file=sys.stderr)

            # SIGTERM/SIGINT cancel the run: every worker stops, then claims not yet sent are given
            # back and outcomes written; a second signal exits at once.
            task = asyncio.current_task()
            if task is not None:
                StopSignals(task.cancel).install(asyncio.get_running_loop())
            try:
                summary = await broadcaster.broadcast_date(day, progress)
            except asyncio.CancelledError:
                print("\nkzru-bot: broadcast interrupted; run the same command again to send the rest.", file=sys.stderr)
                return EXIT_INTERRUPTED
            if tty:
                print(file=sys.stderr)
    finally:
        await repo.close()
    print(f"sent {summary.sent}, skipped {summary.skipped}, blocked {summary.blocked}, "
          f"migrated {summary.migrated}, failed {summary.failed}, unknown {summary.unknown}")
    return 0
