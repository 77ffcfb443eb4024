"""Broadcast throughput: the real `kzru-bot broadcast` against a rate-limited fake Bot API.

Why: the daily anniversaries must reach every subscriber once, as fast as Telegram allows
(up to 1000 messages/s with paid broadcasts) without provoking flood control. This runs the
real delivery path — `python -m bot broadcast --date` in its own process, real SQLite file,
real PTB Bot — against tests/fakebotapi.py in this process, which answers 429 (retry_after)
beyond its per-second limit, and prints what the server saw.

Usage: python benchmarks/broadcast.py [--only big|default] [--subscribers N] [--repeat R]
  big:     10,000 subscribers, KZRU_BROADCAST_RATE=900, server limit 1000/s (target ratio ≥ 0.9)
  default:  1,000 subscribers, the default rate (25/s), server limit 30/s (Telegram's free limit)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import resource
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bulksubs import subscribe_many  # noqa: E402
from fakebotapi import FakeBotAPI  # noqa: E402

TOKEN = "123456:BENCH-token_abcdef"
DAY = dt.date(2026, 10, 22)  # diplomatic relations, 34 years: a day with anniversaries


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    subscribers: int
    rate: float | None  # KZRU_BROADCAST_RATE; None = the bot's default
    server_limit: int

    @property
    def allowed(self) -> float:
        return self.rate if self.rate is not None else 25.0


SCENARIOS = {
    "big": Scenario("big", 10_000, float(os.environ.get("BENCH_RATE", 900)), 1000),
    "default": Scenario("default", 1_000, None, 30),
}


def statuses(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT status, COUNT(*) FROM deliveries WHERE local_date = ? GROUP BY status",
                            (DAY.isoformat(),)).fetchall()
    return {str(status): int(count) for status, count in rows}


async def run(scenario: Scenario, workdir: Path) -> dict[str, float]:
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / f"{scenario.name}.sqlite3"
    await subscribe_many(db, scenario.subscribers)
    api = FakeBotAPI(token=TOKEN)
    await api.start()
    try:
        api.limit_send_rate(scenario.server_limit)
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
               "KZRU_DB_PATH": str(db), "KZRU_LOG_LEVEL": "WARNING"}
        env.pop("KZRU_BROADCAST_RATE", None)
        if scenario.rate is not None:
            env["KZRU_BROADCAST_RATE"] = str(scenario.rate)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_before = before.ru_utime + before.ru_stime
        server_cpu = time.process_time()
        started = time.monotonic()
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "broadcast", "--date", DAY.isoformat(),
            cwd=str(ROOT), env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        out, err = await proc.communicate()
        wall = time.monotonic() - started
        bot_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        bot_cpu_s = bot_cpu.ru_utime + bot_cpu.ru_stime - cpu_before
        if proc.returncode != 0:
            raise SystemExit(f"broadcast exited {proc.returncode}:\n{err.decode()[-2000:]}")
        server_cpu_s = time.process_time() - server_cpu
        delivered = [c for c in api.calls_of("sendMessage") if c.delivered]
        counts = api.sent_counts()
        stats = api.stats()
    finally:
        await api.stop()
    first = min(c.at for c in delivered)
    last = max(c.done_at for c in delivered)
    per_second = (len(delivered) - 1) / (last - first) if len(delivered) > 1 else 0.0
    # The busiest one-second window the server saw: a rate limit is about every second, not the average.
    times = sorted(c.at for c in delivered)
    peak, lo = 0, 0
    for hi, moment in enumerate(times):
        while times[lo] <= moment - 1.0:
            lo += 1
        peak = max(peak, hi - lo + 1)
    per_second_counts = [0] * (int(times[-1] - times[0]) + 1)
    for moment in times:
        per_second_counts[int(moment - times[0])] += 1
    subscribers = range(1, scenario.subscribers + 1)
    rows = statuses(db)
    return {
        "subscribers": scenario.subscribers,
        "allowed": scenario.allowed,
        "server_limit": scenario.server_limit,
        "delivered": len(delivered),
        "per_second": per_second,
        "ratio": per_second / scenario.allowed,
        "peak_1s": peak,
        "timeline": " ".join(map(str, per_second_counts)),  # type: ignore[dict-item]
        "too_many_requests": stats["too_many_requests"],
        "duplicates": sum(max(0, counts.get(chat, 0) - 1) for chat in subscribers),
        "losses": sum(1 for chat in subscribers if counts.get(chat, 0) == 0),
        "not_recorded_sent": scenario.subscribers - rows.get("sent", 0),
        "wall": wall,
        "bot_cpu": bot_cpu_s,
        "server_cpu": server_cpu_s,
        "summary": out.decode().strip(),  # type: ignore[dict-item]
    }


def report(name: str, result: dict[str, float]) -> None:
    print(f"[{name}] {int(result['subscribers'])} subscribers, KZRU_BROADCAST_RATE={result['allowed']:g}, "
          f"server limit {int(result['server_limit'])}/s")
    print(f"  messages/s achieved: {result['per_second']:.1f}  ratio to allowed rate: {result['ratio']:.3f} "
          f"(target >= 0.9)  busiest second: {int(result['peak_1s'])}")
    print(f"  429s received: {int(result['too_many_requests'])}  duplicates: {int(result['duplicates'])} (must be 0)  "
          f"losses: {int(result['losses'])} (must be 0)  rows not 'sent': {int(result['not_recorded_sent'])}")
    print(f"  messages in each second: {result['timeline']}")
    print(f"  CPU: bot process {result['bot_cpu']:.1f} s, fake server {result['server_cpu']:.1f} s")
    print(f"  delivered {int(result['delivered'])} in {result['wall']:.1f} s wall (process start to exit); "
          f"bot said: {result['summary']}")


async def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--only", choices=sorted(SCENARIOS), default=None)
    ap.add_argument("--subscribers", type=int, default=None, help="override the scenario's subscriber count")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    names = [args.only] if args.only else ["big", "default"]
    ok = True
    with tempfile.TemporaryDirectory(prefix="kzru-broadcast-") as tmp:
        for name in names:
            scenario = SCENARIOS[name]
            if args.subscribers:
                scenario = Scenario(name, args.subscribers, scenario.rate, scenario.server_limit)
            for i in range(args.repeat):
                result = await run(scenario, Path(tmp) / f"{name}-{i}")
                report(name, result)
                ok = ok and result["duplicates"] == 0 and result["losses"] == 0 and result["ratio"] >= 0.9
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
