"""Load: 1,000 users × 20 questions through the fake Bot API to a real `kzru-bot run` subprocess.

The bot runs as its own process (`python -m bot run`, the kzru-bot entry point), so its peak
resident memory (VmHWM in /proc/<pid>/status) is its own; the fake server and this driver run
here. The load is a closed loop: `--window` questions are outstanding at any moment and each
answer releases the next question, so the bot sets the pace ("as fast as it takes them").
Questions go round-robin over the users (question j from user j mod 1000), so a user asks again
only after every other user has: even if the whole run takes less than a minute, no user sends
more than their 20, which is the per-user limit (20 a minute), not over it. Anything the bot
answers with its rate-limit warning is counted as rate-limited, separately from errors.

Latency is measured from the moment the fake server answered the getUpdates call that carried
the question to the moment the reply's sendMessage request arrived: the bot's own time
(queueing in the bot included), without the client-side network. Because that includes the
queue, a window far above the bot's concurrency would only measure the queue (latency ≈
window / throughput); the default window of 8, about twice the bot's concurrent updates, keeps
the bot saturated (in trial runs throughput with windows of 16 or 32 was no higher) without
turning the latency figure into a queue length.

A second phase floods: one user sends 300 questions at once while 200 other users ask one each;
it prints how many the flooder got answered and whether every other user was answered.

Usage: python benchmarks/load.py [--users 1000] [--questions 20] [--window 8] [--skip-flood]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from factories import make_chat, make_command_update, make_text_update, make_user  # noqa: E402
from fakebotapi import Call, FakeBotAPI  # noqa: E402

from bot.i18n import t  # noqa: E402
from bot.model import LANGS  # noqa: E402

THROTTLE_TEXTS = {t(lang, key) for lang in LANGS for key in ("throttle.user", "throttle.group")}
ERROR_TEXTS = {t(lang, "error.generic") for lang in LANGS}
FIRST_USER = 100_000


def eval_questions() -> list[str]:
    items = yaml.safe_load((ROOT / "tests" / "eval" / "questions.yaml").read_text(encoding="utf-8"))
    return [str(item["q"]) for item in items]


@dataclass
class Run:
    """Book-keeping of one closed-loop run, fed by the fake server's call listener."""

    api: FakeBotAPI
    questions: list[str]
    users: int
    total: int
    window: int
    next_j: int = 0
    delivered_at: dict[int, float] = field(default_factory=dict)
    outstanding: dict[int, deque[int]] = field(default_factory=lambda: defaultdict(deque))
    latencies: list[float] = field(default_factory=list)
    answered: int = 0
    rate_limited: int = 0
    errors: int = 0
    first_at: float = 0.0
    last_at: float = 0.0
    done: asyncio.Event = field(default_factory=asyncio.Event)

    def push_next(self) -> None:
        if self.next_j >= self.total:
            return
        j = self.next_j
        self.next_j += 1
        uid = FIRST_USER + j % self.users
        update_id = self.api.push_update(make_text_update(self.questions[j % len(self.questions)], user=make_user(uid)))
        self.outstanding[uid].append(update_id)

    def on_call(self, call: Call) -> None:
        if call.method == "getUpdates" and call.ok and call.result:
            for update in call.result:
                self.delivered_at.setdefault(update["update_id"], call.done_at)
            return
        if call.method != "sendMessage":
            return
        chat = call.chat_id
        if not isinstance(chat, int) or not self.outstanding.get(chat):
            return
        if not call.ok:
            self.errors += 1
            return
        update_id = self.outstanding[chat].popleft()
        text = str(call.params.get("text", ""))
        if text in THROTTLE_TEXTS:
            self.rate_limited += 1
        elif text in ERROR_TEXTS:
            self.errors += 1
        else:
            self.answered += 1
            self.latencies.append(call.at - self.delivered_at[update_id])
        self.first_at = self.first_at or call.at
        self.last_at = call.at
        if self.answered + self.rate_limited + self.errors >= self.total:
            self.done.set()
        self.push_next()


def bot_env(api: FakeBotAPI, db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KZRU_", "TELEGRAM_"))}
    env.update(TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url, KZRU_DB_PATH=str(db),
               KZRU_LOG_LEVEL="WARNING", PYTHONPATH=str(ROOT))
    return env


@dataclass
class BotProcess:
    """A `python -m bot run` subprocess on the fake server; its exit code and log once it stopped."""

    proc: asyncio.subprocess.Process
    code: int | None = None
    log: str = ""


@asynccontextmanager
async def bot_process(api: FakeBotAPI, tmp: Path) -> AsyncIterator[BotProcess]:
    """Start the bot with its own database and log in tmp, wait until it polls, and stop it with
    SIGTERM on the way out (the exit code then says whether it shut down cleanly)."""
    log_path = tmp / "bot.log"
    with log_path.open("wb") as log:
        proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", cwd=tmp,
                                                    env=bot_env(api, tmp / "kzru.sqlite3"), stdout=log, stderr=log)
        bot = BotProcess(proc)
        try:
            await api.wait_for("getUpdates", timeout=60)
            yield bot
        finally:
            proc.send_signal(signal.SIGTERM)
            bot.code = await asyncio.wait_for(proc.wait(), 30)
    bot.log = log_path.read_text(errors="replace")


def memory_kb(pid: int) -> dict[str, int]:
    """VmHWM (peak resident) and VmRSS of a process, in kB."""
    out: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
            out[key] = int(value.split()[0])
    return out


async def closed_loop(api: FakeBotAPI, args: argparse.Namespace, questions: list[str]) -> Run:
    run = Run(api, questions, args.users, args.users * args.questions, args.window)
    remove = api.add_listener(run.on_call)
    started = time.monotonic()
    for _ in range(min(args.window, run.total)):
        run.push_next()
    progress = -1
    while not run.done.is_set():
        try:
            await asyncio.wait_for(run.done.wait(), 10)
        except TimeoutError:
            handled = run.answered + run.rate_limited + run.errors
            if handled == progress:
                print(f"stalled: {run.total - handled} questions without a reply", file=sys.stderr)
                break
            progress = handled
    remove()
    run.first_at = run.first_at or started
    return run


async def flood(api: FakeBotAPI) -> dict[str, Any]:
    """One user floods 300 questions while 200 users ask one each: the flooder is slowed, nobody else is."""
    flooder, others = 900_001, range(900_100, 900_300)
    group = make_chat(-100_900, "supergroup", title="Flooded group")
    since = api.mark()
    for i in range(300):
        api.push_update(make_text_update(f"trade {2000 + i % 20}", user=make_user(flooder)))
        if i % 3 == 0 and i // 3 < len(others):
            api.push_update(make_text_update("baikonur lease", user=make_user(others[i // 3])))
    for uid in others[100:]:
        api.push_update(make_text_update("border length", user=make_user(uid)))
    for i in range(100):
        api.push_update(make_command_update("/ask", "trade 2011", user=make_user(900_400 + i), chat=group))
    await asyncio.sleep(0.5)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and api.pending_updates:
        await asyncio.sleep(0.1)
    await asyncio.sleep(2)
    sends = [c for c in api.calls if c.seq >= since and c.method == "sendMessage" and c.ok]
    to_flooder = [str(c.params["text"]) for c in sends if c.chat_id == flooder]
    answered_others = {c.chat_id for c in sends if c.chat_id in others}
    to_group = [str(c.params["text"]) for c in sends if c.chat_id == group["id"]]
    return {
        "flooder_sent": 300,
        "flooder_answered": sum(s not in THROTTLE_TEXTS for s in to_flooder),
        "flooder_warnings": sum(s in THROTTLE_TEXTS for s in to_flooder),
        "others_answered": f"{len(answered_others)}/{len(others)}",
        "group_sent": 100,
        "group_answered": sum(s not in THROTTLE_TEXTS for s in to_group),
        "group_warnings": sum(s in THROTTLE_TEXTS for s in to_group),
    }


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=20, help="questions per user")
    parser.add_argument("--window", type=int, default=8, help="questions outstanding at once")
    parser.add_argument("--skip-flood", action="store_true")
    args = parser.parse_args()
    questions = eval_questions()
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotAPI() as api, bot_process(api, Path(tmp)) as bot:
            run = await closed_loop(api, args, questions)
            flooded = None if args.skip_flood else await flood(api)
            memory = memory_kb(bot.proc.pid)
    code = bot.code
    crashes = sum(1 for line in bot.log.splitlines() if " ERROR " in line or line.startswith("Traceback"))
    lat = sorted(run.latencies)
    elapsed = max(run.last_at - run.first_at, 1e-9)
    handled = run.answered + run.rate_limited + run.errors
    print(f"load: {args.users} users x {args.questions} questions = {run.total}, window {args.window}, "
          f"{len(set(questions))} distinct questions (tests/eval), bot = `python -m bot run` subprocess")
    print(f"answered {run.answered}, rate-limited {run.rate_limited}, errors {run.errors}, "
          f"no reply {run.total - handled}, bot log errors {crashes}, exit code {code}")
    print(f"throughput {run.answered / elapsed:.0f} answers/s over {elapsed:.1f} s")
    if lat:
        print(f"latency getUpdates delivery -> sendMessage arrival: p50 {statistics.median(lat) * 1000:.1f} ms, "
              f"p99 {lat[int(0.99 * (len(lat) - 1))] * 1000:.1f} ms, max {lat[-1] * 1000:.1f} ms")
    print(f"bot memory: peak RSS (VmHWM) {memory['VmHWM'] / 1024:.1f} MB (target ≤ 150 MB), RSS at end "
          f"{memory['VmRSS'] / 1024:.1f} MB = {memory.get('RssAnon', 0) / 1024:.1f} MB private + "
          f"{memory.get('RssFile', 0) / 1024:.1f} MB file-backed (mapped files: the embedding model's weights and "
          f"the shared libraries)")
    if flooded is not None:
        print("flood: " + ", ".join(f"{k} {v}" for k, v in flooded.items()))
    ok = run.errors == 0 and crashes == 0 and handled == run.total and code == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
