"""Soak: a `kzru-bot run` subprocess under minutes of random faults, then a 30-second outage.

Phase 1: for --fault-seconds the fake Bot API fails 10% of getUpdates and sendMessage calls
(429, 500, 502, 0.2 s slow answers, dropped connections) while questions arrive at --rate a
second, each from a new user. Phase 2: the server goes away for --outage seconds while
questions keep arriving, then comes back. Printed: questions answered, answered twice (must be
0), unanswered (must be 0), how long polling took to resume, and the bot's peak memory.

Usage: python benchmarks/soak.py [--fault-seconds 60] [--outage 30] [--rate 20]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from factories import make_text_update, make_user  # noqa: E402
from fakebotapi import FakeBotAPI  # noqa: E402
from load import THROTTLE_TEXTS, bot_process, eval_questions, memory_kb  # noqa: E402

FIRST_USER = 500_000


class Asker:
    """Pushes one question per new user at a steady rate and checks each got exactly one answer."""

    def __init__(self, api: FakeBotAPI, rate: float) -> None:
        self.api = api
        self.rate = rate
        self.questions = eval_questions()
        self.users: list[int] = []

    async def ask_for(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            uid = FIRST_USER + len(self.users)
            self.users.append(uid)
            self.api.push_update(make_text_update(self.questions[len(self.users) % len(self.questions)],
                                                  user=make_user(uid)))
            await asyncio.sleep(1 / self.rate)

    def tally(self, users: list[int]) -> tuple[int, int, int]:
        """(answered once, answered more than once, unanswered) among `users`."""
        counts = [self.api.sent_count(uid) for uid in users]
        return sum(c == 1 for c in counts), sum(c > 1 for c in counts), sum(c == 0 for c in counts)

    async def settle(self, users: list[int], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.tally(users)[2]:
            await asyncio.sleep(0.2)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--fault-seconds", type=float, default=60.0)
    parser.add_argument("--outage", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=20.0, help="questions per second")
    args = parser.parse_args()
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotAPI() as api, bot_process(api, Path(tmp)) as bot:
            asker = Asker(api, args.rate)
            api.random_faults(0.1, seed=5, methods=["getUpdates", "sendMessage"])
            await asker.ask_for(args.fault_seconds)
            api.random_faults(None)
            faulty = list(asker.users)
            await asker.settle(faulty, 30)
            stats = api.stats()
            once, twice, missing = asker.tally(faulty)
            print(f"faults: {len(faulty)} questions over {args.fault_seconds:g} s at 10% faults "
                  f"({stats['faults_injected']} injected: {stats['errors_by_code']}, {stats['dropped']} dropped)")
            print(f"faults: answered once {once}, twice or more {twice}, unanswered {missing}"
                  + (f" (users {[u for u in faulty if not api.sent_count(u)]})" if missing else ""))
            bad += twice + missing

            await api.go_down()
            down_at = time.monotonic()
            await asker.ask_for(args.outage)
            await api.come_back()
            back = time.monotonic()
            during = asker.users[len(faulty):]
            await api.wait_for("sendMessage", lambda c: c.ok and c.chat_id in during, timeout=120)
            resumed = time.monotonic() - back
            await asker.settle(during, 60)
            drained = time.monotonic() - back
            once, twice, missing = asker.tally(during)
            print(f"outage: server down {back - down_at:.1f} s with {len(during)} questions waiting; "
                  f"first answer {resumed:.1f} s after it came back, all answered after {drained:.1f} s")
            print(f"outage: answered once {once}, twice or more {twice}, unanswered {missing}")
            bad += twice + missing
            throttled = sum(str(c.params.get("text")) in THROTTLE_TEXTS for c in api.calls_of("sendMessage"))
            memory = memory_kb(bot.proc.pid)
    lines = bot.log.splitlines()
    crashes = sum(" ERROR kzru" in line or " ERROR telegram.ext.Application" in line for line in lines)
    gave_up = [line for line in lines if " WARNING kzru.errors: telegram:" in line and "(update " in line]
    if bad or crashes:
        kept = Path(tempfile.gettempdir()) / "kzru-soak-bot.log"
        kept.write_text("\n".join(lines), encoding="utf-8")
        print(f"bot log kept in {kept}")
    for line in gave_up:
        print(f"gave up after retries: {line}")
    print(f"bot: rate-limit warnings {throttled}, handler crashes in its log {crashes}, "
          f"peak RSS {memory['VmHWM'] / 1024:.1f} MB, exit code {bot.code} after SIGTERM")
    return 0 if bad == 0 and crashes == 0 and bot.code == 0 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
