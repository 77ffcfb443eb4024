"""The webhook edge with real HTTP posts: the real Application behind our webhook server, answering
through the fake Bot API.

Why: the server is the bot's only door open to the internet. A post without the secret or with a
huge body must be refused from its headers, before anything is buffered; broken bodies are a 400,
never a 500 or a traceback; Telegram's retries of one update are handled once.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from botharness import real_store
from factories import make_command_update, make_text_update, make_user
from fakebotapi import FakeBotAPI
from telegram.ext import Application

from bot.app import build_application
from bot.config import load_config
from handlers.webhook import MAX_BODY, SECRET_HEADER, serve_webhook

SECRET = "hook-Secret_0123456789"
PATH = "/tg-hook"


@dataclass
class Hook:
    app: Application  # type: ignore[type-arg]
    url: str
    port: int

    async def post(self, body: bytes | str, secret: str | None = SECRET, **headers: str) -> int:
        data = body.encode() if isinstance(body, str) else body
        sent = {"Content-Type": "application/json", **headers}
        if secret is not None:
            sent[SECRET_HEADER] = secret
        async with aiohttp.ClientSession() as session, session.post(self.url, data=data, headers=sent) as response:
            return response.status

    async def post_update(self, update: dict[str, object]) -> int:
        return await self.post(json.dumps(update))

    async def raw(self, head: str) -> bytes:
        """Send only a request head (no body follows) and read the whole answer."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        try:
            writer.write(head.encode())
            await writer.drain()
            return await asyncio.wait_for(reader.read(), 20)
        finally:
            writer.close()


@asynccontextmanager
async def webhook_bot(api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[Hook]:
    """The bot in webhook mode on a free port; stopped (and its server closed) afterwards."""
    config = load_config({
        "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url,
        "KZRU_DB_PATH": str(tmp_path / "kzru.sqlite3"), "KZRU_WEBHOOK_URL": f"https://bot.example.org{PATH}",
        "KZRU_WEBHOOK_SECRET": SECRET, "KZRU_WEBHOOK_LISTEN": "127.0.0.1",
    })
    config = dataclasses.replace(config, webhook_port=0)  # a free port, told through `listening`
    app = build_application(config, real_store())
    stop = asyncio.Event()
    listening: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(serve_webhook(app, config, stop, listening))
    try:
        port = await asyncio.wait_for(asyncio.shield(listening), 60)
        yield Hook(app, f"http://127.0.0.1:{port}{PATH}", port)
    finally:
        stop.set()
        await asyncio.wait_for(task, 60)


async def test_the_webhook_is_set_with_its_secret_and_a_true_update_is_answered(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with webhook_bot(fake_api, tmp_path) as hook:
        call = (await fake_api.wait_for("setWebhook"))[0]
        assert call.params["url"] == f"https://bot.example.org{PATH}"
        assert call.params["secret_token"] == SECRET
        assert "inline_query" in call.params["allowed_updates"]
        update = make_command_update("/ask", "baikonur lease", user=make_user(9101), update_id=501)
        assert await hook.post_update(update) == 200
        answer = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 9101, timeout=20))[0]
    assert "1994" in str(answer.params["text"])
    assert not fake_api.calls_of("getUpdates"), "webhook mode does not poll"


async def test_posts_without_the_right_secret_are_refused_and_never_handled(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with webhook_bot(fake_api, tmp_path) as hook:
        update = json.dumps(make_text_update("baikonur lease", user=make_user(9102), update_id=502))
        assert await hook.post(update, secret=None) == 403
        assert await hook.post(update, secret="wrong-secret") == 403
        assert await hook.post(update, secret=SECRET[:-1]) == 403
        await hook.app.update_queue.join()
    assert fake_api.sent_count(9102) == 0


@pytest.mark.parametrize("secret", [SECRET, "wrong"])
async def test_a_huge_body_is_refused_from_its_headers_without_being_read(
        fake_api: FakeBotAPI, tmp_path: Path, secret: str) -> None:
    """Only the head is sent, announcing 2 GB: an answer arrives anyway, so the server never waited for the body."""
    async with webhook_bot(fake_api, tmp_path) as hook:
        head = (f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                f"{SECRET_HEADER}: {secret}\r\nContent-Length: 2000000000\r\n\r\n")
        answer = await hook.raw(head)
    status = 413 if secret == SECRET else 403
    assert answer.startswith(f"HTTP/1.1 {status}".encode()), answer[:200]


async def test_a_body_over_the_limit_without_a_length_is_refused(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """A chunked body has no Content-Length: it is read only up to the limit."""

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(MAX_BODY // 65536 + 2):
            yield b" " * 65536

    async with webhook_bot(fake_api, tmp_path) as hook:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.post(hook.url, data=chunks(), headers={SECRET_HEADER: SECRET}) as response:
                    status = response.status
            except aiohttp.ClientConnectionError:  # the server closed as it refused: also "not read"
                status = 413
        assert status == 413
        just_under = b'{"update_id": 503, "x": "' + b"a" * (MAX_BODY - 100) + b'"}'
        assert await hook.post(just_under) == 200, "a body under the limit is read"


@pytest.mark.parametrize(("body", "why"), [
    (b"{not json", "invalid JSON"),
    (b'{"update_id": 1, "message": "\xff\xfe"}', "invalid UTF-8"),
    (b"", "empty"),
])
async def test_a_broken_body_is_a_400(fake_api: FakeBotAPI, tmp_path: Path, body: bytes, why: str) -> None:
    async with webhook_bot(fake_api, tmp_path) as hook:
        assert await hook.post(body) == 400, why


async def test_json_that_is_not_an_update_is_a_400_with_one_short_line(
        fake_api: FakeBotAPI, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    marker = "SECRET-LOOKING-PAYLOAD-" * 50
    caplog.set_level(logging.INFO)
    async with webhook_bot(fake_api, tmp_path) as hook:
        for body in ({"hello": marker}, [1, 2, 3], {"update_id": "7", "message": marker}, {"update_id": 8}):
            assert await hook.post(json.dumps(body)) == 400, body
    lines = [r for r in caplog.records if r.name.startswith(("kzru", "telegram"))
             and "not an update" in r.getMessage()]
    assert len(lines) == 4
    assert all(r.levelno == logging.WARNING and len(r.getMessage()) < 120 for r in lines)
    assert not [r for r in caplog.records if marker[:20] in r.getMessage() or r.levelno >= logging.ERROR]


async def test_an_update_delivered_twice_is_handled_once(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with webhook_bot(fake_api, tmp_path) as hook:
        twice = make_text_update("When were diplomatic relations established?", user=make_user(9103), update_id=601)
        assert await hook.post_update(twice) == 200
        assert await hook.post_update(twice) == 200, "Telegram must not retry again: the answer is 200"
        after = make_text_update("When were diplomatic relations established?", user=make_user(9104), update_id=602)
        assert await hook.post_update(after) == 200
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 9104, timeout=20)
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 9103, timeout=20)
        assert await hook.post_update(twice) == 200
        await hook.app.update_queue.join()
    assert fake_api.sent_count(9103) == 1
    assert "1992" in fake_api.sent_texts(9103)[0]
