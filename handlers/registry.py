"""Every command and button of the bot, declared once.

A command is its name, its handler, and the menus that list it (private chats, groups, the
operators' own chats); its menu text is `cmd.<name>` in each catalogue. A button is its typed
callback data (handlers/callbacks.py) and its handler. The composition root builds both the
handler list and the `setMyCommands` menus from here, so adding a command is one line here, a
handler, and its texts. Scopes only choose menus: every handler answers wherever it is sent and
checks rights itself (operators, group administrators), so a command typed by hand is never
silently ignored.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from telegram import CallbackQuery, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from handlers import admin, ask, browse, callbacks, common, feedback, ics, settings, trade
from handlers.callbacks import Callback
from handlers.context import Context

Scope = Literal["private", "groups", "operators"]
EVERYWHERE: frozenset[Scope] = frozenset({"private", "groups"})
PRIVATE: frozenset[Scope] = frozenset({"private"})
OPERATORS: frozenset[Scope] = frozenset({"operators"})
HandlerFn = Callable[[Update, Context], Coroutine[Any, Any, None]]
C = TypeVar("C", bound=Callback)


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    handle: HandlerFn
    scopes: frozenset[Scope]
    """The menus that list it; operators' menus also list every private command."""

    @property
    def menu_key(self) -> str:
        """The menu text's key in bot/locales/{kk,ru,en}.yaml."""
        return f"cmd.{self.name}"


@dataclass(frozen=True, slots=True)
class Button(Generic[C]):
    action: type[C]
    handle: Callable[[Update, Context, CallbackQuery, C], Awaitable[None]]


COMMANDS: tuple[Command, ...] = (
    Command("start", ask.start, PRIVATE),
    Command("help", ask.help_command, EVERYWHERE),
    Command("ask", ask.ask_command, EVERYWHERE),
    Command("today", browse.today, EVERYWHERE),
    Command("date", browse.date_command, EVERYWHERE),
    Command("calendar", ics.calendar, EVERYWHERE),
    Command("treaties", browse.treaties, EVERYWHERE),
    Command("visits", browse.visits, EVERYWHERE),
    Command("timeline", browse.timeline, EVERYWHERE),
    Command("trade", trade.trade, EVERYWHERE),
    Command("fact", browse.random_fact, EVERYWHERE),
    Command("sources", browse.sources, EVERYWHERE),
    Command("lang", ask.lang_command, PRIVATE),
    Command("subscribe", settings.subscribe, EVERYWHERE),
    Command("settings", settings.settings, EVERYWHERE),
    Command("unsubscribe", settings.unsubscribe, EVERYWHERE),
    Command("unanswered", admin.unanswered, OPERATORS),
    Command("feedback", admin.feedback, OPERATORS),
    Command("stats", admin.stats, OPERATORS),
    Command("broadcast_status", admin.broadcast_status, OPERATORS),
)
"""In menu order."""

BUTTONS: tuple[Button[Any], ...] = (  # one per action of handlers.callbacks.ACTIONS (a unit test checks)
    Button(callbacks.FactCard, browse.fact_card),
    Button(callbacks.ListPageButton, browse.list_page),
    Button(callbacks.PageCounter, browse.page_counter),
    Button(callbacks.LanguageChoice, settings.language_button),
    Button(callbacks.Example, ask.example_button),
    Button(callbacks.SettingButton, settings.settings_button),
    Button(callbacks.Rate, feedback.rate_button),
    Button(callbacks.UnansweredButton, admin.unanswered_button),
    Button(callbacks.OpenFact, ask.open_fact),
    Button(callbacks.DayButton, browse.day_button),
    Button(callbacks.AnotherFact, browse.another_fact),
    Button(callbacks.Unsubscribe, settings.unsubscribe_button),
    Button(callbacks.OpenSettings, settings.open_settings),
)


def menu(scope: Scope) -> tuple[Command, ...]:
    """The commands a scope's menu lists, in order (an operator's chat: private ones, then theirs)."""
    wanted = {"operators": {"private", "operators"}}.get(scope, {scope})
    return tuple(c for c in COMMANDS if c.scopes & wanted)


def button_handler(button: Button[C]) -> CallbackQueryHandler[Context, None]:
    """Routes the action's prefix (its version included) to its handler with the decoded data;
    data with the right prefix that does not decode (forged, malformed) gets the 'expired' toast."""

    async def on_tap(update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        data = button.action.decode(query.data)
        if data is None:
            await common.expired(update, context)
            return
        await button.handle(update, context, query, data)

    return CallbackQueryHandler(on_tap, pattern=button.action.pattern())


def handlers() -> list[BaseHandler[Update, Context, None]]:
    """Every handler, in the order PTB tries them: commands, buttons (then a catch-all for stale or
    foreign data), inline queries, and messages."""
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    text = filters.TEXT & ~filters.COMMAND
    return [
        *(CommandHandler(c.name, c.handle) for c in COMMANDS),
        *(button_handler(b) for b in BUTTONS),
        CallbackQueryHandler(common.expired),
        InlineQueryHandler(ask.inline_query),
        MessageHandler(text & private, ask.private_text),
        MessageHandler(text & groups, ask.group_text),
        MessageHandler(filters.COMMAND & private, ask.help_command),
        MessageHandler(~filters.TEXT & ~filters.COMMAND & private & filters.UpdateType.MESSAGE, ask.non_text),
    ]
