"""The composition root: the only module of the core that knows Telegram.

It builds the services, registers every handler and command menu from the one registry
(handlers/registry.py), sets PTB's Defaults (HTML, no link previews) once, opens the database in
post_init and closes it in post_shutdown. The transport (handlers/transport.py), the log
redaction (bot/logs.py) and the broadcast command (handlers/broadcast.py) live in their own
modules. The broadcast and the webhook server are imported only when used: they bring aiohttp
(~10 MB), which the polling bot never needs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from telegram import (
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseHandler,
    ContextTypes,
    Defaults,
    TypeHandler,
)

from bot.cli import EXIT_CONFLICT, EXIT_DATA, EXIT_STORAGE, config_or_exit, load_or_exit, storage_or_exit
from bot.config import Config
from bot.delivery import Broadcaster
from bot.editorial import EditorialLoop
from bot.engine import AnswerEngine
from bot.i18n import t
from bot.logs import RedactingFormatter
from bot.logs import setup_logging as _setup_logging
from bot.memory import limit_malloc_arenas
from bot.model import LANGS
from bot.stopping import StopSignals
from bot.storage import Repository, StorageError
from bot.store import FactStore
from bot.throttle import WindowLimiter
from bot.ticker import Ticker
from handlers import ask, common, errors, registry
from handlers.context import BotData, Context, Services, stop_delivering
from handlers.digest import make_renderer
from handlers.sender import PTBSender
from handlers.transport import BOOTSTRAP_RETRIES, TRANSPORT, JSONRequest, Transport

__all__ = [
    "CHAT_PER_MINUTE", "DEFAULTS", "TRANSPORT",
    "USER_PER_MINUTE", "JSONRequest", "RedactingFormatter", "Transport",
    "build_application", "handlers", "recheck_logged", "register_menus", "run_bot", "run_broadcast", "setup_logging",
    "tick",
]

log = logging.getLogger("kzru")

DEFAULTS = Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True))
"""Every message, caption and edit is HTML (handlers/render.py escapes all text) without link previews
(the citations' links would otherwise fill the chat with cards); PTB fills these into each request."""
USER_PER_MINUTE = 20
CHAT_PER_MINUTE = 30


def handlers() -> list[BaseHandler[Update, Context, None]]:
    """Every handler, in the order PTB tries them, built from the one registry (handlers/registry.py)."""
    return registry.handlers()


def setup_logging(config: Config) -> None:
    """One stderr handler with redaction (bot/logs.py), without PTB's traceback for a rejected token."""
    _setup_logging(config, errors.not_a_rejected_token_traceback)


def build_application(config: Config, store: FactStore) -> Application:  # type: ignore[type-arg]
    """The PTB Application with every handler; the database opens in post_init."""
    engine = AnswerEngine(store)

    async def post_init(app: Application) -> None:  # type: ignore[type-arg]
        repo = await Repository.open(config.db_path, verify=False)  # checked by storage_or_exit
        services = Services(
            config=config, store=store, engine=engine, repo=repo, editorial=EditorialLoop(repo, config.feedback_key),
            user_limit=WindowLimiter(USER_PER_MINUTE, 60.0), chat_limit=WindowLimiter(CHAT_PER_MINUTE, 60.0),
        )
        engine.today = services.today  # "how many years ago" counts to the bot's day, on its (pinnable) clock
        await services.editorial.prune()
        services.recheck = asyncio.create_task(recheck_logged(services), name="recheck-logged-questions")
        services.broadcaster = Broadcaster(repo, store, PTBSender(app.bot), make_renderer(store.sources),
                                           rate_per_second=config.broadcast_rate)
        app.bot_data.services = services
        for lang in LANGS:  # the example buttons of /start: answered from the cache from the first tap
            for n in (1, 2, 3):
                ask.cached_answer_html(services, t(lang, f"example.{n}"), lang)
        await register_menus(app)
        services.ticker = Ticker(lambda: tick(app.bot_data))
        services.ticker.start()

    async def post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
        services = getattr(app.bot_data, "services", None)
        if services is not None:
            if services.ticker is not None:
                await services.ticker.stopped()  # the running delivery settles before the database closes
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
        .defaults(DEFAULTS)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    app = TRANSPORT.apply(builder).build()
    app.add_handler(TypeHandler(Update, common.gate), group=-1)
    app.add_handlers(handlers())
    app.add_error_handler(errors.on_error)
    return app


async def tick(context: Context | BotData) -> None:
    """The minute tick (run by the Ticker, by the monotonic clock): deliver every subscription
    whose local time has come by the wall clock `services.now` (one run at a time)."""
    lock = context.services.tick_lock
    if lock.locked():
        return
    async with lock:
        broadcaster = context.services.broadcaster
        if broadcaster is not None:
            summary = await broadcaster.run_due(context.services.now())
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
            scopes: tuple[tuple[BotCommandScope, registry.Scope], ...] = (
                (BotCommandScopeAllPrivateChats(), "private"), (BotCommandScopeAllGroupChats(), "groups"))
            for scope, name in scopes:
                await app.bot.set_my_commands(menu_commands(name, lang), scope=scope, language_code=lang)
            await app.bot.set_my_description(t(lang, "bot.description"), language_code=lang)
            await app.bot.set_my_short_description(t(lang, "bot.short_description"), language_code=lang)
        await app.bot.set_my_commands(menu_commands("private", "en"))
    except TelegramError as exc:
        log.warning("could not register command menus: %s", exc)
    config: Config = app.bot_data.services.config
    for admin_id in sorted(config.admin_ids):
        try:
            for code in (*LANGS, None):
                await app.bot.set_my_commands(menu_commands("operators", code or "en"), scope=BotCommandScopeChat(admin_id),
                                              language_code=code)
        except TelegramError as exc:
            log.warning("could not register the operator menu for one operator: %s", exc)


def menu_commands(scope: registry.Scope, lang: str) -> list[BotCommand]:
    """One scope's command menu in one language, from the registry."""
    return [BotCommand(c.name, t(lang, c.menu_key)) for c in registry.menu(scope)]


def stop_polling(app: Application) -> None:  # type: ignore[type-arg]
    """The first stop signal: stop delivering now, then leave run_polling the way PTB's own signal
    handler does (SystemExit), which runs stop, post_stop, shutdown and post_shutdown."""
    stop_delivering(app.bot_data)
    raise SystemExit(0)


def run_broadcast(data_dir: Path | None, date_text: str) -> int:
    """`kzru-bot broadcast --date` (handlers/broadcast.py), on aiohttp, loaded only for it."""
    from handlers.broadcast import run_broadcast as broadcast

    return broadcast(data_dir, date_text)


def run_bot(data_dir: Path | None) -> int:
    """`kzru-bot run`: long polling, or a webhook when KZRU_WEBHOOK_URL is set; stops on SIGTERM/SIGINT.

    Exit codes: 0 after a signal, 2 for a configuration or data problem or a token Telegram
    rejects, 1 when the bot cannot start or keep running for another reason (all logged, redacted).
    """
    limit_malloc_arenas()  # before any thread starts (bot/memory.py says why)
    config = config_or_exit(data_dir)  # the environment over ./.env
    setup_logging(config)
    store = load_or_exit(config.data_dir)
    storage_or_exit(config.db_path)  # one line and exit 3 for a database that cannot be used
    app = build_application(config, store)
    log.info("starting with %d facts; database %s", len(store), config.db_path)
    try:
        if config.webhook_url:
            from handlers.webhook import run_webhook_server

            run_webhook_server(app, config)
        else:
            # Our own stop signals instead of PTB's: the first also cancels a running delivery at
            # once (PTB would wait for it), a second one exits without waiting for anything.
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            StopSignals(lambda: stop_polling(app)).install(loop)
            app.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=BOOTSTRAP_RETRIES, stop_signals=None)
    except InvalidToken:
        log.error("Telegram rejected TELEGRAM_BOT_TOKEN: check the token with @BotFather.")
        return EXIT_DATA
    except (TelegramError, OSError) as exc:
        log.error("cannot run: %s: %s", type(exc).__name__, exc)
        return 1
    except StorageError as exc:
        log.error("cannot run: %s", exc)
        return EXIT_STORAGE
    services = getattr(app.bot_data, "services", None)
    if services is not None and services.conflict.stopped:
        return EXIT_CONFLICT
    log.info("stopped")
    return 0
