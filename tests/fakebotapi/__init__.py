"""A fake Telegram Bot API server for offline tests and benchmarks.

Why: the bot must be exercised end to end (real PTB ``Application``, real HTTP, real long
polling) without network access, and with reproducible failures (flood limits, 5xx, dropped
connections, outages) that are impossible to provoke against the real Telegram.

It speaks the wire format of ``api.telegram.org`` (``/bot<token>/<method>``, JSON, form or
multipart bodies; ``{"ok": ...}`` answers) for the methods the bot uses, on 127.0.0.1 only, and
deliberately imports nothing from ``telegram``, so that it tests PTB instead of mirroring it.

- ``server``: FakeBotAPI, the HTTP server and the handle tests hold
- ``wire``: request parameters, Telegram's answer and error shapes
- ``validation``: what Telegram rejects in a message (HTML, length, buttons)
- ``methods``: the Bot API methods, one function each
- ``world``: chats, users, messages, admins and files as Telegram remembers them
- ``updates``: the getUpdates queue and long polling
- ``calls``: the record of requests that tests wait for and assert on
- ``faults``: scripted and random failures, blocked and migrated chats, the send rate limit
"""

from fakebotapi.calls import Call
from fakebotapi.faults import Fault
from fakebotapi.server import FakeBotAPI
from fakebotapi.wire import TelegramAPIError, Upload

__all__ = ["Call", "FakeBotAPI", "Fault", "TelegramAPIError", "Upload"]
