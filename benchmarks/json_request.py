"""Does JSONRequest pay? Client-side CPU per sendMessage: JSONRequest vs PTB's HTTPXRequest.

JSONRequest (handlers/transport.py) leans on PTB internals, so it stays only while it is measurably
cheaper. Both request classes run in the same process and run, in alternating rounds, through
httpx's MockTransport (an instant "ok" reply, no sockets), so the figure is what the bot itself
spends to build, encode and send one typical Russian answer (HTML, an inline keyboard) and to
parse the reply — the part a real network cannot hide. The wire bytes per request are printed too.

Usage: python benchmarks/json_request.py [--requests 3000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

import httpx
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.request import HTTPXRequest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handlers.transport import JSONRequest  # noqa: E402

TOKEN = "123456:ABCdefGhIJKlmNoPQRstuVWxyz0123456789"
TEXT = ("<b>Договор о дружбе, сотрудничестве и взаимной помощи (1992)</b>\n"
        "25 мая 1992 г. в Москве президенты Казахстана и России подписали договор о дружбе, "
        "сотрудничестве и взаимной помощи — основу правовой базы двусторонних отношений. [1]\n\n"
        "[1] Сайын Борбасов. Казахстанско-российские отношения (статья), строки 3–5")
MARKUP = InlineKeyboardMarkup([[InlineKeyboardButton(str(n), callback_data=f"o1:fact-{n}:ru") for n in range(1, 6)],
                               [InlineKeyboardButton("👍", callback_data="r1:1:u"),
                                InlineKeyboardButton("👎", callback_data="r1:1:d")]])
REPLY = json.dumps({"ok": True, "result": {
    "message_id": 1, "date": 0, "chat": {"id": 42, "type": "private"}, "text": "ok"}}).encode()
ME = json.dumps({"ok": True, "result": {"id": 123456, "is_bot": True, "first_name": "kzru", "username": "kzru_bot"}}).encode()


def mock(sizes: list[int]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/getMe"):
            return httpx.Response(200, content=ME)
        sizes.append(len(request.content))
        return httpx.Response(200, content=REPLY)
    return httpx.MockTransport(handle)


async def one_round(kind: type[HTTPXRequest], n: int) -> tuple[float, float]:
    """CPU microseconds per sendMessage and mean request body bytes."""
    sizes: list[int] = []
    bot = Bot(TOKEN, request=kind(httpx_kwargs={"transport": mock(sizes)}),
              get_updates_request=kind(httpx_kwargs={"transport": mock([])}))
    await bot.initialize()
    start = time.process_time()
    for _ in range(n):
        await bot.send_message(42, TEXT, parse_mode="HTML", reply_markup=MARKUP)
    cpu = time.process_time() - start
    await bot.shutdown()
    return cpu / n * 1e6, statistics.fmean(sizes)


async def main(n: int, rounds: int) -> None:
    results: dict[str, list[float]] = {"HTTPXRequest (form)": [], "JSONRequest": []}
    size: dict[str, float] = {}
    for _ in range(rounds):
        for name, kind in (("HTTPXRequest (form)", HTTPXRequest), ("JSONRequest", JSONRequest)):
            micro, size[name] = await one_round(kind, n)
            results[name].append(micro)
    for name, values in results.items():
        print(f"  {name:20s} best {min(values):6.0f} µs CPU per sendMessage, median {statistics.median(values):6.0f}; "
              f"body {size[name]:.0f} bytes")
    form, js = min(results["HTTPXRequest (form)"]), min(results["JSONRequest"])
    print(f"  JSONRequest saves {100 * (form - js) / form:.0f}% of the client CPU per request "
          f"and {100 * (size['HTTPXRequest (form)'] - size['JSONRequest']) / size['HTTPXRequest (form)']:.0f}% of the bytes")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.rounds))
