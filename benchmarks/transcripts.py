"""Real example exchanges for the README: the bot runs against the fake Bot API and every message it
sends is printed as the user would read it (HTML turned into plain text, buttons listed).

Usage: python benchmarks/transcripts.py [kk|ru|en ...]
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from html import unescape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from botharness import running_bot  # noqa: E402
from factories import make_chat, make_text_update, make_user  # noqa: E402
from fakebotapi import Call, FakeBotAPI  # noqa: E402

SCRIPTS: dict[str, list[str]] = {
    "kk": ["/start", "Байқоңыр жалға беру туралы келісім қашан жасалды?", "/date 22.10"],
    "ru": ["/start", "Какова протяжённость казахстанско-российской границы?", "/treaties", "/subscribe 08:30 Москва"],
    "en": ["/start", "When were diplomatic relations established?", "Will Kazakhstan join BRICS by 2030?", "/trade 2011",
           "(in a group) /visits@kzru_bot"],
}
GROUP_PREFIX = "(in a group) "
USER_IDS = {"kk": 71, "ru": 72, "en": 73}


def plain(html_text: str) -> str:
    """What Telegram shows for our HTML: tags dropped, entities decoded."""
    return unescape(re.sub(r"<[^>]+>", "", html_text))


def buttons(markup: Any) -> list[str]:
    """One line per keyboard row: [ label ] [ label → url ]."""
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
    return [" ".join(f"[ {b['text']}{' → ' + b['url'] if 'url' in b else ''} ]" for b in row) for row in rows]


def render(call: Call) -> str:
    if call.method == "sendPhoto":
        body = f"(photo) {plain(str(call.params.get('caption', '')))}"
    else:
        body = plain(str(call.params.get("text", "")))
    return "\n".join([body, *buttons(call.params.get("reply_markup"))])


async def exchange(api: FakeBotAPI, lang: str, text: str) -> list[str]:
    """Send one message as a user of `lang`; the bot's replies once it has stopped sending."""
    user = make_user(USER_IDS[lang], first_name={"kk": "Айгүл", "ru": "Ольга", "en": "Sam"}[lang], language_code=lang)
    chat = make_chat(-1001234, "supergroup", title="Researchers") if text.startswith(GROUP_PREFIX) else None
    text = text.removeprefix(GROUP_PREFIX)
    chat_id = chat["id"] if chat else user["id"]
    since = api.mark()
    api.push_update(make_text_update(text, user=user, chat=chat))
    await api.wait_for("sendMessage", lambda c: c.chat_id == chat_id, since=since, timeout=15)
    count = -1
    while count != (count := len(api.calls_of("sendMessage")) + len(api.calls_of("sendPhoto"))):
        await asyncio.sleep(1.0)  # a chart is drawn after the text: wait for a second of quiet
    replies = [c for c in (*api.calls_of("sendMessage"), *api.calls_of("sendPhoto"))
               if c.seq >= since and c.chat_id == chat_id]
    return [render(c) for c in sorted(replies, key=lambda c: c.seq)]


async def main(langs: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotAPI(username="kzru_bot") as api, running_bot(api, Path(tmp)):
            for lang in langs:
                print(f"### {lang}\n\n```text")
                for text in SCRIPTS[lang]:
                    print(f"> {text}")
                    for reply in await exchange(api, lang, text):
                        print(reply)
                    print()
                print("```\n")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:] or list(SCRIPTS)))
