"""The aiohttp transport `kzru-bot broadcast` uses, against the fake Bot API: PTBSender classifies its
errors as with httpx (unit/test_sender.py)."""

from __future__ import annotations

import pytest
from fakebotapi import FakeBotAPI, Fault
from telegram import Bot

from bot.delivery import OutcomeKind
from handlers.aiohttp_request import AiohttpRequest
from handlers.sender import PTBSender


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_aiohttp_transport_classifies_like_httpx(fake_api: FakeBotAPI) -> None:
    fake_api.block_chat(2)
    fake_api.migrate_chat(-3, -1003)
    fake_api.script("sendMessage", Fault.error(429, retry_after=4))
    bot = Bot(fake_api.token, base_url=fake_api.base_url, request=AiohttpRequest(read_timeout=0.5))
    async with bot:
        sender = PTBSender(bot)
        flood = await sender.send(1, None, "x")
        assert flood.kind is OutcomeKind.RETRY_AFTER and flood.retry_after == 4.0
        assert (await sender.send(1, 7, "<b>hi</b> &amp; bye")).kind is OutcomeKind.SENT
        assert (await sender.send(2, None, "x")).kind is OutcomeKind.BLOCKED
        migrated = await sender.send(-3, None, "x")
        assert migrated.kind is OutcomeKind.MIGRATED and migrated.new_chat_id == -1003
        assert (await sender.send(1, None, "<b>broken")).kind is OutcomeKind.BAD_REQUEST
        fake_api.script("sendMessage", Fault.error(500), Fault.raw(502, "<html>Bad Gateway</html>"))
        assert (await sender.send(1, None, "x")).kind is OutcomeKind.TRANSIENT
        assert (await sender.send(1, None, "x")).kind is OutcomeKind.TRANSIENT
        fake_api.script("sendMessage", Fault.sent_then_drop(), Fault.delay(1.0))
        assert (await sender.send(1, None, "x")).kind is OutcomeKind.UNKNOWN  # delivered, answer lost
        assert (await sender.send(1, None, "x")).kind is OutcomeKind.UNKNOWN  # read timeout
        await fake_api.go_down()
        try:
            down = await sender.send(1, None, "x")
        finally:
            await fake_api.come_back()
        assert down.kind is OutcomeKind.TRANSIENT, down  # refused: surely not sent
    sent = [c for c in fake_api.calls_of("sendMessage") if c.ok]
    assert sent[0].params["message_thread_id"] == 7 and sent[0].params["parse_mode"] == "HTML"
    assert fake_api.sent_texts(1)[0] == "<b>hi</b> &amp; bye"
