"""Broadcast throughput: the real `kzru-bot broadcast` against a rate-limited fake Bot API.

Why: the daily anniversaries must reach every subscriber once, as fast as Telegram allows
(up to 1000 messages/s with paid broadcasts) without provoking flood control. This runs the
real delivery path — `python -m bot broadcast --date` in its own process, real SQLite file,
real PTB Bot — against tests/fakebotapi.py in this process, which answers 429 (retry_after)
beyond its per-second limit, and prints what the server saw.

Usage: python benchmarks/broadcast.py [--only big|default|kill25|kill900|sigterm] [--subscribers N] [--repeat R]
  big:     10,000 subscribers, KZRU_BROADCAST_RATE=900, server limit 1000/s (target ratio ≥ 0.9)
  default:  1,000 subscribers, the default rate (25/s), server limit 30/s (Telegram's free limit)
  kill25, kill900: the broadcast SIGKILLed halfway at 25/s and at 900/s, then run again to the end:
           the chats left silent (target: ≤ 1 at 25/s, ≤ the requests in flight at 900/s), with the
           rate achieved before the kill (target ≥ 0.9× the allowed one) and no chat messaged twice
  sigterm: `kzru-bot run` delivering to 2,000 due chats at 25/s gets SIGTERM: seconds to exit (target ≤ 5)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import re
import resource
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bulksubs import subscribe_many  # noqa: E402
from fakebotapi import FakeBotAPI  # noqa: E402

from handlers.broadcast import BROADCAST_CONNECTIONS  # noqa: E402

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


KILLS = {
    "kill25": Scenario("kill25", 1_000, None, 30),
    "kill900": Scenario("kill900", 10_000, 900.0, 1000),
}


def statuses(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT status, COUNT(*) FROM deliveries WHERE local_date = ? GROUP BY status",
                            (DAY.isoformat(),)).fetchall()
    return {str(status): int(count) for status, count in rows}


def bot_env(api: FakeBotAPI, db: Path, rate: float | None, level: str = "WARNING") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KZRU_", "TELEGRAM_"))}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=api.base_url, KZRU_DB_PATH=str(db),
               KZRU_LOG_LEVEL=level, PYTHONPATH=str(ROOT))
    if rate is not None:
        env["KZRU_BROADCAST_RATE"] = str(rate)
    return env


@asynccontextmanager
async def subscribed_api(scenario: Scenario, workdir: Path) -> AsyncIterator[tuple[Path, FakeBotAPI]]:
    """The scenario's subscribers in a fresh database, and a fake Bot API with its send limit."""
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / f"{scenario.name}.sqlite3"
    await subscribe_many(db, scenario.subscribers)
    api = FakeBotAPI(token=TOKEN)
    await api.start()
    try:
        api.limit_send_rate(scenario.server_limit)
        yield db, api
    finally:
        await api.stop()


async def run(scenario: Scenario, workdir: Path) -> dict[str, float]:
    async with subscribed_api(scenario, workdir) as (db, api):
        env = bot_env(api, db, scenario.rate)
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


def rate_of(calls: list[Any]) -> float:
    """Messages a second between the first and the last delivered send."""
    if len(calls) < 2:
        return 0.0
    return (len(calls) - 1) / (max(c.at for c in calls) - min(c.at for c in calls))


async def killed(scenario: Scenario, workdir: Path) -> dict[str, float]:
    """SIGKILL the broadcast when half the chats have their message, then run it again to the end."""
    async with subscribed_api(scenario, workdir) as (db, api):
        env = bot_env(api, db, scenario.rate)
        args = (sys.executable, "-m", "bot", "broadcast", "--date", DAY.isoformat())
        proc = await asyncio.create_subprocess_exec(*args, cwd=str(ROOT), env=env, stdout=asyncio.subprocess.DEVNULL,
                                                    stderr=asyncio.subprocess.DEVNULL)
        await api.wait_for("sendMessage", lambda c: c.delivered, count=scenario.subscribers // 2, timeout=600)
        proc.kill()
        killed_at = time.monotonic()
        await proc.wait()
        await asyncio.sleep(0.5)  # the server answers what reached it before the kill
        before = [c for c in api.calls_of("sendMessage") if c.delivered]
        in_flight = sum(1 for c in api.calls_of("sendMessage") if c.at <= killed_at < c.done_at)
        with sqlite3.connect(db) as conn:
            claimed = {int(r[0]) for r in conn.execute("SELECT chat_id FROM deliveries WHERE status = 'claimed'")}
        silent_after_kill = claimed - set(api.sent_counts())
        again = await asyncio.create_subprocess_exec(*args, cwd=str(ROOT), env=env, stdout=asyncio.subprocess.DEVNULL,
                                                     stderr=asyncio.subprocess.PIPE)
        _, err = await again.communicate()
        if again.returncode != 0:
            raise SystemExit(f"rerun exited {again.returncode}:\n{err.decode()[-2000:]}")
        counts = api.sent_counts()
    subscribers = range(1, scenario.subscribers + 1)
    return {
        "subscribers": scenario.subscribers, "allowed": scenario.allowed, "server_limit": scenario.server_limit,
        "per_second": rate_of(before), "ratio": rate_of(before) / scenario.allowed,
        "silent": sum(1 for chat in subscribers if counts.get(chat, 0) == 0),
        "silent_after_kill": len(silent_after_kill), "in_flight_at_kill": in_flight,
        "duplicates": sum(max(0, counts.get(chat, 0) - 1) for chat in subscribers),
        "connections": BROADCAST_CONNECTIONS,
    }


def report_killed(name: str, result: dict[str, float]) -> None:
    allowed = result["allowed"]
    target = "≤ 1" if allowed <= 25 else f"≤ the requests in flight (≤ {int(result['connections'])} connections)"
    print(f"[{name}] {int(result['subscribers'])} subscribers at {allowed:g}/s (server limit "
          f"{int(result['server_limit'])}/s), SIGKILL halfway, then the same command again")
    print(f"  chats left silent: {int(result['silent'])} (target {target}; requests the server held at the kill: "
          f"{int(result['in_flight_at_kill'])})  duplicates: {int(result['duplicates'])} (must be 0)")
    print(f"  rate before the kill: {result['per_second']:.1f}/s = {result['ratio']:.3f} x allowed (target >= 0.9)")


async def sigterm(subscribers: int, workdir: Path) -> dict[str, float]:
    """`kzru-bot run` with `subscribers` chats due now at the default 25/s, SIGTERM once 40 are served."""
    async with subscribed_api(Scenario("run", subscribers, None, 30), workdir) as (db, api):
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE subscriptions SET time = '00:00', tz = 'UTC', mode = 'daily'")
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=str(workdir), env=bot_env(api, db, None, "INFO"),
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
        await api.wait_for("sendMessage", lambda c: c.delivered, count=40, timeout=600)
        signalled = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        _, err = await proc.communicate()
        seconds = time.monotonic() - signalled
        sends = api.calls_of("sendMessage")
    output = err.decode("utf-8", "replace")
    settled = re.search(r"(\d+) claim\(s\) given back, (\d+) send\(s\) in doubt", output)
    return {"subscribers": subscribers, "seconds": seconds, "code": proc.returncode or 0,
            "delivered": sum(1 for c in sends if c.delivered), "after_signal": sum(1 for c in sends if c.at >= signalled),
            "given_back": int(settled.group(1)) if settled else -1, "in_doubt": int(settled.group(2)) if settled else -1}


def report_sigterm(result: dict[str, float]) -> None:
    print(f"[sigterm] kzru-bot run delivering to {int(result['subscribers'])} due chats at 25/s, SIGTERM after "
          f"{int(result['delivered'])} sent")
    print(f"  SIGTERM to exit: {result['seconds']:.2f} s (target <= 5), exit code {int(result['code'])}, requests "
          f"reaching the server after the signal: {int(result['after_signal'])}, claims given back "
          f"{int(result['given_back'])}, in doubt {int(result['in_doubt'])}")


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
    ap.add_argument("--only", choices=sorted([*SCENARIOS, *KILLS, "sigterm"]), default=None)
    ap.add_argument("--subscribers", type=int, default=None, help="override the scenario's subscriber count")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    names = [args.only] if args.only else ["big", "default", "kill25", "kill900", "sigterm"]
    ok = True
    with tempfile.TemporaryDirectory(prefix="kzru-broadcast-") as tmp:
        for name in names:
            if name == "sigterm":
                stopped = await sigterm(args.subscribers or 2000, Path(tmp) / name)
                report_sigterm(stopped)
                ok = ok and stopped["seconds"] <= 5 and stopped["code"] == 0
                continue
            if name in KILLS:
                kill = KILLS[name]
                if args.subscribers:
                    kill = Scenario(name, args.subscribers, kill.rate, kill.server_limit)
                result = await killed(kill, Path(tmp) / name)
                report_killed(name, result)
                bound = 1 if kill.allowed <= 25 else result["connections"]
                ok = ok and result["silent"] <= bound and result["duplicates"] == 0 and result["ratio"] >= 0.9
                continue
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
