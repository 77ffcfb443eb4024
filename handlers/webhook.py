"""The webhook server: Telegram's posts checked before their bodies are read, then queued as updates.

Why our own server instead of PTB's run_webhook: tornado buffers a body of up to 100 MB before the
secret is looked at, so a few large posts without the secret cost hundreds of megabytes. Here the
secret header and Content-Length are checked first (403, 413) and a body is read only up to
MAX_BODY; a body that is not JSON, not UTF-8 or not an update is a 400 with one short log line;
an update Telegram retries (same update_id) is queued once.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, Final

from aiohttp import web
from telegram import Update
from telegram.error import InvalidToken, NetworkError, TimedOut
from telegram.ext import Application

from bot.config import Config
from bot.stopping import StopSignals
from handlers.context import stop_delivering
from handlers.transport import BOOTSTRAP_RETRIES

__all__ = ["MAX_BODY", "SECRET_HEADER", "RecentIds", "WebhookServer", "parse_update", "run_webhook_server",
           "serve_webhook"]

log = logging.getLogger("kzru.webhook")

MAX_BODY: Final = 1 << 20
"""The largest body read (1 MiB): an update is a few kilobytes, even with a long message and entities."""
SECRET_HEADER: Final = "X-Telegram-Bot-Api-Secret-Token"
RECENT_IDS: Final = 10_000
"""update_ids remembered to drop Telegram's retries: far more than Telegram keeps pending (a day's worth at most)."""
LINGER_SECONDS: Final = 1.0
"""How long an unread (refused) body is drained, discarding it, before the connection closes."""
RETRY_INTERVAL: Final = 1.0


class RecentIds:
    """The most recent update_ids seen, at most `size`: bounded memory however long the bot runs."""

    def __init__(self, size: int = RECENT_IDS) -> None:
        self.size = size
        self._ids: OrderedDict[int, None] = OrderedDict()

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, update_id: int) -> bool:
        """Remember `update_id`; False when it was already seen (a retry to drop)."""
        if update_id in self._ids:
            return False
        self._ids[update_id] = None
        if len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return True


def parse_update(data: Any, app: Application) -> Update | None:  # type: ignore[type-arg]
    """The Update in a decoded body, or None when it is not one (no integer update_id, not an object)."""
    if not isinstance(data, dict) or type(data.get("update_id")) is not int or len(data) < 2:
        return None
    try:
        return Update.de_json(data, app.bot)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _refuse(status: int) -> web.Response:
    """A refusal that also closes the connection, so a refused client cannot keep sending."""
    response = web.Response(status=status)
    response.force_close()
    return response


class WebhookServer:
    """An aiohttp server on `path` that puts every genuine, new update on the Application's queue."""

    def __init__(self, app: Application, secret: str, path: str, *, max_body: int = MAX_BODY,  # type: ignore[type-arg]
                 recent: int = RECENT_IDS) -> None:
        self.app = app
        self._secret = secret.encode()
        self.path = "/" + path.strip("/")
        self.max_body = max_body
        self.recent = RecentIds(recent)
        self.refused: dict[int, int] = {}
        """How many posts got each refusal status (403, 413, 400): for tests and diagnostics."""
        web_app = web.Application(client_max_size=max_body)
        web_app.router.add_post(self.path, self.handle)
        self._runner = web.AppRunner(web_app, access_log=None, lingering_time=LINGER_SECONDS)

    def _count(self, status: int) -> web.Response:
        self.refused[status] = self.refused.get(status, 0) + 1
        return _refuse(status)

    async def handle(self, request: web.Request) -> web.Response:
        """Headers first (secret, then size), only then the body (bounded), then the update."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            return self._count(403)
        if request.content_length is not None and request.content_length > self.max_body:
            return self._count(413)
        try:
            body = await request.read()  # bounded by client_max_size, also for a chunked body
        except web.HTTPRequestEntityTooLarge:
            return self._count(413)
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return self._count(400)
        update = parse_update(data, self.app)
        if update is None:
            log.warning("webhook: refused a post of %d bytes that is not an update", len(body))
            return self._count(400)
        if self.recent.add(update.update_id):
            await self.app.update_queue.put(update)
        else:
            log.info("webhook: update %d delivered again; handled once", update.update_id)
        return web.Response(status=200)

    async def start(self, host: str, port: int) -> int:
        """Listen on host:port (0 picks a free port); the port listened on."""
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        address = self._runner.addresses[0]
        return int(address[1])

    async def stop(self) -> None:
        await self._runner.cleanup()


async def _with_retries(what: str, call: Callable[[], Awaitable[object]], retries: int) -> None:
    """Call, retrying a network failure `retries` times at RETRY_INTERVAL (a rejected token is not retried)."""
    for attempt in range(retries + 1):
        try:
            await call()
            return
        except InvalidToken:
            raise
        except (NetworkError, TimedOut) as exc:
            if attempt == retries:
                raise
            log.warning("%s failed (%s); retrying", what, exc)
            await asyncio.sleep(RETRY_INTERVAL)


async def serve_webhook(app: Application, config: Config, stop: asyncio.Event,  # type: ignore[type-arg]
                        listening: asyncio.Future[int] | None = None, retries: int = BOOTSTRAP_RETRIES) -> None:
    """Run the Application on our webhook server until `stop` is set, in run_webhook's order:
    initialize, post_init, setWebhook, listen, start … stop, post_stop, shutdown, post_shutdown."""
    if not config.webhook_url or not config.webhook_secret:
        raise ValueError("webhook mode needs KZRU_WEBHOOK_URL and KZRU_WEBHOOK_SECRET")
    server = WebhookServer(app, config.webhook_secret, config.webhook_path)
    await _with_retries("initialize", app.initialize, retries)
    try:
        if app.post_init:
            await app.post_init(app)
        url, secret = config.webhook_url, config.webhook_secret
        await _with_retries("setWebhook", lambda: app.bot.set_webhook(
            url, secret_token=secret, allowed_updates=Update.ALL_TYPES), retries)
        port = await server.start(config.webhook_listen, config.webhook_port)
        try:
            await app.start()
            log.info("webhook: listening on %s:%d%s", config.webhook_listen, port, server.path)
            if listening is not None:
                listening.set_result(port)
            await stop.wait()
        finally:
            await server.stop()
            if app.running:
                await app.stop()
                if app.post_stop:
                    await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)


def run_webhook_server(app: Application, config: Config) -> None:  # type: ignore[type-arg]
    """`kzru-bot run` in webhook mode: serve until SIGTERM or SIGINT, then stop cleanly (a second
    signal exits at once, bot/stopping.py)."""

    async def main() -> None:
        stop = asyncio.Event()

        def first_signal() -> None:
            stop_delivering(app.bot_data)
            stop.set()

        StopSignals(first_signal).install(asyncio.get_running_loop())
        await serve_webhook(app, config, stop)

    asyncio.run(main())
