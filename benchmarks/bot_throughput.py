"""Updates per second answered end to end through the fake Bot API: kzru-bot vs a minimal echo bot.

Both run on the same fake server with the same PTB transport settings (bot.app.TRANSPORT: JSON
request bodies, pools, timeouts, concurrent_updates), in alternating rounds so machine noise hits
both alike; the best round of each and the median ratio are printed, and for reference the echo
bot with PTB's defaults for everything. Two question mixes: the 4 questions of the original benchmark, repeated (what the
answer cache is for: example buttons, popular questions), and every question of
tests/eval/questions.yaml cycled (each answered by the engine at first sight, from the cache after).

Usage: python benchmarks/bot_throughput.py [--updates 1000] [--rounds 3] [--mix repeated|eval|both]
       python benchmarks/bot_throughput.py --profile   (cProfile of the bot's rounds, top functions)
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from echo_bot import build_echo_application, measure_throughput  # noqa: E402
from factories import make_text_update, make_user  # noqa: E402
from fakebotapi import FakeBotAPI  # noqa: E402

from bot.app import TRANSPORT, Transport, build_application  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.loader import default_data_dir, load_store  # noqa: E402
from bot.store import FactStore  # noqa: E402

REPEATED = ["trade 2011", "baikonur lease", "Когда установлены дипотношения?", "шекара ұзындығы"]


def eval_questions() -> list[str]:
    items = yaml.safe_load((ROOT / "tests" / "eval" / "questions.yaml").read_text(encoding="utf-8"))
    return [str(item["q"]) for item in items]


def updates_of(questions: list[str]) -> Callable[[int], dict[str, Any]]:
    """Update i: question i (cycled) from a new private chat, as measure_throughput requires."""
    return lambda i: make_text_update(questions[i % len(questions)], user=make_user(10_000 + i))


async def echo_round(n: int, make: Callable[[int], dict[str, Any]], transport: Transport | None = TRANSPORT) -> float:
    async with FakeBotAPI() as api:
        app = build_echo_application(api.token, api.base_url, transport=transport)
        return float((await measure_throughput(app, api, n, make))["rate"])


async def bot_round(n: int, make: Callable[[int], dict[str, Any]], store: FactStore,
                    profiler: cProfile.Profile | None) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotAPI() as api:
            config = load_config({"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url,
                                  "KZRU_DB_PATH": str(Path(tmp) / "b.sqlite3")})
            app = build_application(config, store)
            if profiler:
                profiler.enable()
            try:
                return float((await measure_throughput(app, api, n, make))["rate"])
            finally:
                if profiler:
                    profiler.disable()


async def compare(name: str, questions: list[str], n: int, rounds: int, store: FactStore,
                  profiler: cProfile.Profile | None, target: float) -> None:
    make = updates_of(questions)
    echo: list[float] = []
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(rounds):
        echo.append(await echo_round(n, make))
        ours.append(await bot_round(n, make, store, profiler))
        bare.append(await echo_round(n, make, transport=None))
    ratios = [b / e for b, e in zip(ours, echo, strict=True)]
    print(f"{name} ({len(set(questions))} distinct questions, {n} updates, {rounds} rounds, "
          f"concurrent_updates={TRANSPORT.concurrent_updates}):")
    print(f"  echo bot: best {max(echo):.0f} updates/s, rounds {', '.join(f'{r:.0f}' for r in echo)}")
    print(f"  kzru-bot: best {max(ours):.0f} updates/s, rounds {', '.join(f'{r:.0f}' for r in ours)}")
    print(f"  ratio: best-to-best {max(ours) / max(echo):.2f}, median of rounds {statistics.median(ratios):.2f} "
          f"(target ≥ {target})")
    print(f"  for reference, the echo bot on PTB's defaults (sequential, form-encoded): best {max(bare):.0f} updates/s, "
          f"rounds {', '.join(f'{r:.0f}' for r in bare)}; kzru-bot best / that best {max(ours) / max(bare):.2f}")


async def main(args: argparse.Namespace) -> None:
    store = load_store(default_data_dir())
    profiler = cProfile.Profile() if args.profile else None
    if args.mix in ("repeated", "both"):
        await compare("repeated questions", REPEATED, args.updates, args.rounds, store, profiler, target=0.7)
    if args.mix in ("eval", "both"):
        await compare("eval questions", eval_questions(), args.updates, args.rounds, store, profiler, target=0.5)
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mix", choices=("repeated", "eval", "both"), default="both")
    parser.add_argument("--profile", action="store_true", help="profile the kzru-bot rounds with cProfile")
    asyncio.run(main(parser.parse_args()))
