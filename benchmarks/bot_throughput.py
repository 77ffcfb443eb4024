"""Updates per second answered end to end through the fake Bot API: kzru-bot vs a minimal echo bot.

Usage: python benchmarks/bot_throughput.py [N]   (default 1000 updates each; target ratio ≥ 0.7)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from echo_bot import build_echo_application, measure_throughput  # noqa: E402
from factories import make_text_update, make_user  # noqa: E402
from fakebotapi import FakeBotAPI  # noqa: E402

from bot.app import build_application  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.loader import default_data_dir, load_store  # noqa: E402

QUESTIONS = ["trade 2011", "baikonur lease", "Когда установлены дипотношения?", "шекара ұзындығы"]


def update(i: int) -> dict[str, object]:
    return make_text_update(QUESTIONS[i % len(QUESTIONS)], user=make_user(10_000 + i))


async def main(n: int) -> None:
    async with FakeBotAPI() as api:
        echo = build_echo_application(api.token, api.base_url)
        echo_stats = await measure_throughput(echo, api, n, update)
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotAPI() as api:
            config = load_config({"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url,
                                  "KZRU_DB_PATH": str(Path(tmp) / "b.sqlite3")})
            app = build_application(config, load_store(default_data_dir()))
            bot_stats = await measure_throughput(app, api, n, update)
    ratio = bot_stats["rate"] / echo_stats["rate"]
    print(f"echo bot: {echo_stats['rate']:.0f} updates/s; kzru-bot: {bot_stats['rate']:.0f} updates/s; "
          f"ratio {ratio:.2f} (target ≥ 0.7)")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
