"""Throughput baseline: a minimal PTB echo bot against the fake Bot API.

Why: the real bot's throughput only means something next to what bare PTB achieves on
the same machine and transport. ``measure_throughput`` is generic so the lead can run the
real ``Application`` through the very same harness and compare.

Run: ``.venv/bin/python benchmarks/echo_bot.py [--updates 2000] [--concurrent 0]``
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bot.app import TRANSPORT, Transport  # noqa: E402

if TYPE_CHECKING:  # the fake lives in tests/; imported lazily so this module has no test deps
    from fakebotapi import Call, FakeBotAPI

__all__ = ["REPLY_METHODS", "build_echo_application", "measure_throughput", "update_chat_id"]

REPLY_METHODS: frozenset[str] = frozenset(
    {"sendMessage", "sendPhoto", "sendDocument", "sendSticker", "sendVoice", "copyMessage"}
)
"""Bot API methods that count as "the bot replied" for latency measurement."""

AnyApp = Application[Any, Any, Any, Any, Any, Any]


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the same text: one getUpdates share + one sendMessage per update."""
    message = update.effective_message
    if message is not None and message.text is not None:
        await message.reply_text(message.text)


def build_echo_application(
    token: str,
    base_url: str,
    *,
    base_file_url: str | None = None,
    transport: Transport | None = TRANSPORT,
) -> AnyApp:
    """A minimal echo Application: PTB defaults except the URLs and the bot's own transport settings
    (connection pools, timeouts, concurrent_updates), so both bots run under identical PTB settings;
    transport=None keeps PTB's defaults for everything (sequential updates, form-encoded requests)."""
    builder = ApplicationBuilder().token(token).base_url(base_url)
    if base_file_url is not None:
        builder = builder.base_file_url(base_file_url)
    app = (transport.apply(builder) if transport else builder).build()
    app.add_handler(MessageHandler(filters.TEXT, _echo))
    return app


def update_chat_id(update: dict[str, Any]) -> int | str | None:
    """The chat a reply to this update would go to (message, edits, posts, callback queries)."""
    for kind in ("message", "edited_message", "channel_post", "edited_channel_post", "business_message"):
        payload = update.get(kind)
        if isinstance(payload, dict):
            return payload["chat"]["id"]  # type: ignore[no-any-return]
    query = update.get("callback_query")
    if isinstance(query, dict):
        if isinstance(query.get("message"), dict):
            return query["message"]["chat"]["id"]  # type: ignore[no-any-return]
        return query["from"]["id"]  # type: ignore[no-any-return]
    for kind in ("inline_query", "chosen_inline_result"):
        payload = update.get(kind)
        if isinstance(payload, dict):
            return payload["from"]["id"]  # type: ignore[no-any-return]
    return None


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[index]


async def measure_throughput(
    app: AnyApp,
    api: FakeBotAPI,
    n_updates: int,
    make_update: Callable[[int], dict[str, Any]],
    *,
    timeout: float | None = None,
    reply_methods: frozenset[str] = REPLY_METHODS,
    poll_timeout: int = 1,
) -> dict[str, Any]:
    """Run ``app`` in polling mode against ``api``, push ``n_updates`` at once, time the replies.

    ``make_update(i)`` must return update dicts whose chats are distinct (one reply is
    matched to one update by chat id; later messages to an already-answered chat are
    ignored). Lifecycle mirrors ``run_polling``: initialize, post_init, start polling and
    the app, ... updater.stop, stop, post_stop, shutdown, post_shutdown. Returns
    ``{"updates", "seconds", "rate", "latencies"}`` (latency = push -> reply arrived at the
    fake, seconds, in push order) plus ``p50``/``p95``/``max`` and the fake's ``api_stats``.
    """
    updates = [make_update(i) for i in range(n_updates)]
    chats = [update_chat_id(u) for u in updates]
    if None in chats or len(set(chats)) != n_updates:
        raise ValueError("make_update(i) must produce updates in n distinct chats")
    index_of = {chat: i for i, chat in enumerate(chats)}
    pushed_at = [0.0] * n_updates
    replied_at: list[float | None] = [None] * n_updates
    remaining = n_updates
    done = asyncio.Event()

    def on_call(call: Call) -> None:
        nonlocal remaining
        if call.method not in reply_methods or not call.delivered:
            return
        i = index_of.get(call.chat_id)
        if i is None or replied_at[i] is not None:
            return
        replied_at[i] = call.at
        remaining -= 1
        if remaining == 0:
            done.set()

    limit = timeout if timeout is not None else max(30.0, n_updates / 20)
    remove = api.add_listener(on_call)
    try:
        await app.initialize()
        try:
            if app.post_init:
                await app.post_init(app)
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0.0, timeout=poll_timeout)
            await app.start()
            try:
                started = time.monotonic()
                for i, update in enumerate(updates):
                    pushed_at[i] = time.monotonic()
                    api.push_update(update)
                if n_updates:
                    try:
                        await asyncio.wait_for(done.wait(), limit)
                    except TimeoutError:
                        raise AssertionError(
                            f"only {n_updates - remaining}/{n_updates} replies after {limit}s\n"
                            + api.describe_calls()
                        ) from None
                finished = max((t for t in replied_at if t is not None), default=started)
            finally:
                if app.updater.running:
                    await app.updater.stop()
                if app.running:
                    await app.stop()
                    if app.post_stop:
                        await app.post_stop(app)
        finally:
            await app.shutdown()
            if app.post_shutdown:
                await app.post_shutdown(app)
    finally:
        remove()

    seconds = max(finished - started, 1e-9)
    latencies = [float(r) - p for r, p in zip(replied_at, pushed_at, strict=True) if r is not None]
    ordered = sorted(latencies)
    return {
        "updates": n_updates,
        "seconds": seconds,
        "rate": n_updates / seconds,
        "latencies": latencies,
        "p50": _percentile(ordered, 0.50),
        "p95": _percentile(ordered, 0.95),
        "max": ordered[-1] if ordered else float("nan"),
        "mean": statistics.fmean(ordered) if ordered else float("nan"),
        "api_stats": api.stats(),
    }


async def _main(n_updates: int, concurrent: int) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from factories import make_text_update, make_user
    from fakebotapi import FakeBotAPI

    api = FakeBotAPI()
    await api.start()
    try:
        transport = dataclasses.replace(TRANSPORT, concurrent_updates=concurrent) if concurrent >= 0 else TRANSPORT
        app = build_echo_application(api.token, api.base_url, transport=transport)
        return await measure_throughput(
            app, api, n_updates, lambda i: make_text_update(f"echo {i}", user=make_user(10_000 + i))
        )
    finally:
        await api.stop()


def main() -> None:
    """Print the echo bot's throughput for N updates."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--concurrent", type=int, default=-1,
                        help="PTB concurrent_updates (0 = sequential; default: the bot's own setting)")
    args = parser.parse_args()
    result = asyncio.run(_main(args.updates, args.concurrent))
    concurrent = args.concurrent if args.concurrent >= 0 else TRANSPORT.concurrent_updates
    print(
        f"echo bot: {result['updates']} updates in {result['seconds']:.2f} s = {result['rate']:.0f} updates/s"
        f" (concurrent_updates={concurrent}); latency p50 {result['p50'] * 1000:.0f} ms,"
        f" p95 {result['p95'] * 1000:.0f} ms, max {result['max'] * 1000:.0f} ms;"
        f" {result['api_stats']['requests']} API requests"
    )


if __name__ == "__main__":
    main()
