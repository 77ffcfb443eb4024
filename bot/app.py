"""The composition root: the only module of the core that knows Telegram.

It builds the services, registers every handler in one ordered list (as python-telegram-bot's
rules-bot does), opens the database in post_init and closes it in post_shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    Update,
)
from telegram.error import InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest, RequestData

from bot.cli import EXIT_DATA, load_or_exit
from bot.config import Config, ConfigError, load_config, startup_settings
from bot.delivery import Broadcaster
from bot.editorial import EditorialLoop
from bot.engine import AnswerEngine
from bot.i18n import t
from bot.model import LANGS
from bot.storage import Repository
from bot.store import FactStore
from bot.throttle import WindowLimiter
from handlers import admin, ask, browse, common, errors, feedback, ics, keyboards, settings, trade
from handlers.aiohttp_request import AiohttpRequest
from handlers.context import BotData, Context, Services
from handlers.digest import make_renderer
from handlers.sender import PTBSender

log = logging.getLogger("kzru")

PRIVATE_COMMANDS = ("start", "help", "ask", "today", "date", "calendar", "treaties", "visits", "timeline", "trade",
                    "fact", "sources", "lang", "subscribe", "settings", "unsubscribe")
GROUP_COMMANDS = ("ask", "today", "date", "calendar", "treaties", "visits", "timeline", "trade", "fact", "sources",
                  "subscribe", "settings", "unsubscribe", "help")
BOOTSTRAP_RETRIES = 5
"""Start-up attempts at 1 s intervals when Telegram is unreachable (a rejected token is not retried)."""
USER_PER_MINUTE = 20
CHAT_PER_MINUTE = 30
BROADCAST_CONNECTIONS = 16
EXIT_INTERRUPTED = 130


class JSONRequest(HTTPXRequest):
    """Sends a method's parameters as one UTF-8 JSON body (the Bot API accepts it for everything
    but uploads) instead of PTB's percent-encoded form: a third of the bytes for Cyrillic text and
    encoded in C rather than byte by byte. Errors map exactly as in HTTPXRequest.do_request."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if request_data is None or request_data.contains_files or self._client.is_closed:
            return await super().do_request(url, method, request_data, read_timeout, write_timeout,  # type: ignore[arg-type]
                                            connect_timeout, pool_timeout)  # type: ignore[arg-type]
        default = self._client.timeout
        timeout = httpx.Timeout(connect=_seconds(connect_timeout, default.connect), read=_seconds(read_timeout, default.read),
                                write=_seconds(write_timeout, default.write), pool=_seconds(pool_timeout, default.pool))
        headers = {"User-Agent": self.USER_AGENT, "Content-Type": "application/json"}
        try:
            res = await self._client.request(method=method, url=url, headers=headers, timeout=timeout,
                                             content=request_data.json_payload)
        except httpx.TimeoutException as err:
            if isinstance(err, httpx.PoolTimeout):
                raise TimedOut(message="Pool timeout: All connections in the connection pool are occupied. "
                                       "Request was *not* sent to Telegram.") from err
            raise TimedOut from err
        except httpx.HTTPError as err:
            raise NetworkError(f"httpx.{err.__class__.__name__}: {err}") from err
        return res.status_code, res.content


def _seconds(value: object, default: float | None) -> float | None:
    """A timeout given to a Bot method, or the request's default when PTB passed its DEFAULT_NONE."""
    return value if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)) else default


@dataclass(frozen=True, slots=True)
class Transport:
    """How an Application talks to the Bot API. The throughput benchmark builds its echo bot with
    the same settings, so the comparison measures our handlers and nothing else. Four updates at a
    time overlap Telegram's round trips (~40 updates/s per process at 100 ms each); more in flight
    costs CPU in httpcore's pool bookkeeping: at 8 the echo bot itself ran ~30% slower here."""

    concurrent_updates: int = 4
    connection_pool_size: int = 32
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    write_timeout: float = 10.0

    def apply(self, builder: ApplicationBuilder) -> ApplicationBuilder:  # type: ignore[type-arg]
        request = JSONRequest(connection_pool_size=self.connection_pool_size, connect_timeout=self.connect_timeout,
                               read_timeout=self.read_timeout, write_timeout=self.write_timeout)
        polling = JSONRequest(connect_timeout=self.connect_timeout, read_timeout=self.read_timeout)
        return builder.request(request).get_updates_request(polling).concurrent_updates(self.concurrent_updates or False)


TRANSPORT = Transport()


def handlers() -> list[BaseHandler[Update, Context, None]]:
    """Every handler, in the order PTB tries them."""
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    text = filters.TEXT & ~filters.COMMAND
    return [
        CommandHandler("start", ask.start),
        CommandHandler("help", ask.help_command),
        CommandHandler("lang", ask.lang_command),
        CommandHandler("ask", ask.ask_command),
        CommandHandler("treaties", browse.treaties),
        CommandHandler("visits", browse.visits),
        CommandHandler("timeline", browse.timeline),
        CommandHandler("today", browse.today),
        CommandHandler("date", browse.date_command),
        CommandHandler("calendar", ics.calendar),
        CommandHandler("fact", browse.random_fact),
        CommandHandler("sources", browse.sources),
        CommandHandler("trade", trade.trade),
        CommandHandler("subscribe", settings.subscribe),
        CommandHandler("unsubscribe", settings.unsubscribe),
        CommandHandler("settings", settings.settings),
        *admin.handlers(),
        CallbackQueryHandler(feedback.rate_button, pattern=f"^{keyboards.RATE}:"),
        CallbackQueryHandler(browse.callback),
        InlineQueryHandler(ask.inline_query),
        MessageHandler(text & private, ask.private_text),
        MessageHandler(text & groups, ask.group_text),
        MessageHandler(filters.COMMAND & private, ask.help_command),
        MessageHandler(~filters.TEXT & ~filters.COMMAND & private & filters.UpdateType.MESSAGE, ask.non_text),
    ]


class RedactingFormatter(logging.Formatter):
    """Removes the bot token (and its secret half, in case it was cut or URL-encoded) and the webhook
    secret from every log line, tracebacks included: the token is part of every request URL."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self.secrets = sorted({s for s in secrets if len(s) >= 8}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "<redacted>")
        return text


def _not_a_rejected_token_traceback(record: logging.LogRecord) -> bool:
    """PTB logs a rejected token with a long traceback; run_bot says it in one line instead."""
    error = record.exc_info[1] if record.exc_info else None
    return not (isinstance(error, InvalidToken) and record.name.startswith("telegram"))


def setup_logging(config: Config) -> None:
    """One stderr handler with redaction; warnings and uncaught exceptions go through it too."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_not_a_rejected_token_traceback)
    handler.setFormatter(RedactingFormatter([config.token, config.token.partition(":")[2], config.webhook_secret or ""]))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    level = config.log_level if config.log_level in logging.getLevelNamesMapping() else "INFO"
    root.setLevel(level)
    # httpx logs every request URL (token included, redacted above) at INFO: only worth it when debugging.
    logging.getLogger("httpx").setLevel(logging.DEBUG if level == "DEBUG" else logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.captureWarnings(True)
    sys.excepthook = lambda kind, value, tb: log.critical("crashed", exc_info=(kind, value, tb))


def build_application(config: Config, store: FactStore) -> Application:  # type: ignore[type-arg]
    """The PTB Application with every handler; the database opens in post_init."""
    engine = AnswerEngine(store)

    async def post_init(app: Application) -> None:  # type: ignore[type-arg]
        repo = await Repository.open(config.db_path)
        services = Services(
            config=config, store=store, engine=engine, repo=repo, editorial=EditorialLoop(repo, config.feedback_key),
            user_limit=WindowLimiter(USER_PER_MINUTE, 60.0), chat_limit=WindowLimiter(CHAT_PER_MINUTE, 60.0),
        )
        await services.editorial.prune()
        services.recheck = asyncio.create_task(recheck_logged(services), name="recheck-logged-questions")
        services.broadcaster = Broadcaster(repo, store, PTBSender(app.bot), make_renderer(store.sources),
                                           rate_per_second=config.broadcast_rate)
        app.bot_data.services = services
        for lang in LANGS:  # the example buttons of /start: answered from the cache from the first tap
            for n in (1, 2, 3):
                ask.cached_answer_html(services, t(lang, f"example.{n}"), lang)
        await register_menus(app)
        if app.job_queue is not None:
            app.job_queue.run_repeating(tick, interval=60, first=5, name="anniversaries")

    async def post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
        services = getattr(app.bot_data, "services", None)
        if services is not None:
            if services.recheck is not None and not services.recheck.done():
                services.recheck.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await services.recheck
            await services.editorial.close()
            await services.repo.close()

    builder = (
        ApplicationBuilder()
        .token(config.token)
        .base_url(config.api_base_url)
        .base_file_url(config.file_base_url)
        .context_types(ContextTypes(context=Context, bot_data=BotData))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    app = TRANSPORT.apply(builder).build()
    app.add_handler(TypeHandler(Update, common.gate), group=-1)
    app.add_handlers(handlers())
    app.add_error_handler(errors.on_error)
    return app


_TICK_LOCK = asyncio.Lock()


async def tick(context: Context) -> None:
    """The minute tick: deliver every subscription whose local time has come (one run at a time)."""
    if _TICK_LOCK.locked():
        return
    async with _TICK_LOCK:
        broadcaster = context.services.broadcaster
        if broadcaster is not None:
            summary = await broadcaster.run_due(dt.datetime.now(dt.UTC))
            if summary.sent or summary.failed or summary.blocked:
                log.info("anniversaries: %s", summary)


async def recheck_logged(services: Services) -> int:
    """Mark the logged questions the (new) data now answers; a failure is logged, never fatal."""
    try:
        return await services.editorial.recheck(services.engine.answer)
    except asyncio.CancelledError:
        raise
    except Exception:  # noqa: BLE001 - a background task: its failure must reach the log, not vanish
        log.warning("could not re-ask the logged questions", exc_info=True)
        return 0


async def register_menus(app: Application) -> None:  # type: ignore[type-arg]
    """Command menus per language and scope, and the bot's descriptions; failures only logged.

    Operators get the operator commands in their own private chat's menu (a chat scope for each
    id in KZRU_ADMIN_IDS); one they cannot get (never started the bot) does not stop the others."""
    try:
        for lang in LANGS:
            for scope, names in ((BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
                                 (BotCommandScopeAllGroupChats(), GROUP_COMMANDS)):
                commands = [BotCommand(n, t(lang, f"cmd.{n}")) for n in names]
                await app.bot.set_my_commands(commands, scope=scope, language_code=lang)
            await app.bot.set_my_description(t(lang, "bot.description"), language_code=lang)
            await app.bot.set_my_short_description(t(lang, "bot.short_description"), language_code=lang)
        await app.bot.set_my_commands([BotCommand(n, t("en", f"cmd.{n}")) for n in PRIVATE_COMMANDS])
    except TelegramError as exc:
        log.warning("could not register command menus: %s", exc)
    config: Config = app.bot_data.services.config
    operator_names = (*PRIVATE_COMMANDS, *admin.OPERATOR_COMMANDS)
    for admin_id in sorted(config.admin_ids):
        try:
            for code in (*LANGS, None):
                menu = [BotCommand(n, t(code or "en", f"cmd.{n}")) for n in operator_names]
                await app.bot.set_my_commands(menu, scope=BotCommandScopeChat(admin_id), language_code=code)
        except TelegramError as exc:
            log.warning("could not register the operator menu for one operator: %s", exc)


def _config_or_exit(data_dir: Path | None) -> Config:
    """The configuration `run` and `broadcast` start with: the environment over ./.env."""
    try:
        return load_config(startup_settings(), data_dir=data_dir)
    except ConfigError as exc:
        print(f"kzru-bot: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_DATA) from None


def run_bot(data_dir: Path | None) -> int:
    """`kzru-bot run`: long polling, or a webhook when KZRU_WEBHOOK_URL is set; stops on SIGTERM/SIGINT.

    Exit codes: 0 after a signal, 2 for a configuration or data problem or a token Telegram
    rejects, 1 when the bot cannot start or keep running for another reason (all logged, redacted).
    """
    config = _config_or_exit(data_dir)
    setup_logging(config)
    store = load_or_exit(config.data_dir)
    app = build_application(config, store)
    log.info("starting with %d facts; database %s", len(store), config.db_path)
    try:
        if config.webhook_url:
            app.run_webhook(listen=config.webhook_listen, port=config.webhook_port, url_path=config.webhook_path,
                            webhook_url=config.webhook_url, secret_token=config.webhook_secret,
                            allowed_updates=Update.ALL_TYPES, bootstrap_retries=BOOTSTRAP_RETRIES)
        else:
            app.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=BOOTSTRAP_RETRIES)
    except InvalidToken:
        log.error("Telegram rejected TELEGRAM_BOT_TOKEN: check the token with @BotFather.")
        return EXIT_DATA
    except (TelegramError, OSError) as exc:
        log.error("cannot run: %s: %s", type(exc).__name__, exc)
        return 1
    log.info("stopped")
    return 0


def run_broadcast(data_dir: Path | None, date_text: str) -> int:
    """`kzru-bot broadcast --date`: that date's message to every active subscriber not yet served."""
    try:
        day = dt.date.fromisoformat(date_text)
    except ValueError:
        print(f"kzru-bot: --date {date_text!r} is not a date like 2026-10-22", file=sys.stderr)
        return EXIT_DATA
    config = _config_or_exit(data_dir)
    setup_logging(config)
    store = load_or_exit(config.data_dir)
    return asyncio.run(_broadcast(config, store, day))


async def _broadcast(config: Config, store: FactStore, day: dt.date) -> int:
    # A bot of its own on the aiohttp transport: httpx's CPU cost per request caps a broadcast
    # near 550 messages/s, short of the 1000/s Telegram allows paid broadcasts.
    bot = Bot(config.token, base_url=config.api_base_url, base_file_url=config.file_base_url,
              request=AiohttpRequest(connection_limit=BROADCAST_CONNECTIONS))
    repo = await Repository.open(config.db_path)
    try:
        async with bot:
            broadcaster = Broadcaster(repo, store, PTBSender(bot), make_renderer(store.sources),
                                      rate_per_second=config.broadcast_rate, concurrency=BROADCAST_CONNECTIONS)
            tty = sys.stderr.isatty()

            def progress(done: int, total: int) -> None:
                if tty and total:
                    filled = int(30 * done / total)
                    print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", end="", file=sys.stderr)

            # SIGTERM/SIGINT cancel the run: claims not yet sent are given back, outcomes written.
            task = asyncio.current_task()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGINT):
                if task is not None:
                    loop.add_signal_handler(signum, task.cancel)
            try:
                summary = await broadcaster.broadcast_date(day, progress)
            except asyncio.CancelledError:
                print("\nkzru-bot: broadcast interrupted; run the same command again to send the rest.", file=sys.stderr)
                return EXIT_INTERRUPTED
            if tty:
                print(file=sys.stderr)
    finally:
        await repo.close()
    print(f"sent {summary.sent}, skipped {summary.skipped}, blocked {summary.blocked}, "
          f"migrated {summary.migrated}, failed {summary.failed}, unknown {summary.unknown}")
    return 0
