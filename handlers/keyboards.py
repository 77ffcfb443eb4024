"""Inline keyboards; their callback data is typed and versioned in handlers/callbacks.py.

The fixed keyboards are built once per language (PTB's markup objects are immutable)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.dates import format_month_day
from bot.i18n import t
from bot.model import LANGS, Fact
from bot.outgoing import ButtonAction, Keyboard, ShowFact
from bot.subscription import MODES, Subscription
from bot.usecases.browse import PAGE_SIZE, ListName
from bot.zones import zone_label
from handlers.callbacks import (
    AnotherFact,
    DayButton,
    Example,
    FactCard,
    LanguageChoice,
    ListPageButton,
    OpenFact,
    OpenSettings,
    PageCounter,
    Rate,
    SettingButton,
    UnansweredButton,
    Unsubscribe,
)

__all__ = ["PAGE_SIZE", "another_fact_keyboard", "back_keyboard", "day_keyboard", "deep_link_keyboard",
           "examples_keyboard", "fact_list_keyboard", "intents_keyboard", "language_keyboard", "picks_keyboard",
           "rating_keyboard",
           "settings_keyboard", "stacked", "unanswered_keyboard"]
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def _nav(page: int, pages: int, to: Callable[[int], str]) -> list[InlineKeyboardButton]:
    """◀ n/N ▶ (only the arrows that lead somewhere); `to(page)` is the data of the turn to a page."""
    nav: list[InlineKeyboardButton] = []
    if page > 0:
        nav.append(InlineKeyboardButton("◀", callback_data=to(page - 1)))
    if pages > 1:
        nav.append(InlineKeyboardButton(f"{page + 1}/{pages}", callback_data=PageCounter().encode()))
    if page + 1 < pages:
        nav.append(InlineKeyboardButton("▶", callback_data=to(page + 1)))
    return nav


NUMBERS_PER_ROW = 8


def numbered_rows(data: Sequence[str], first: int = 1) -> list[list[InlineKeyboardButton]]:
    """Small buttons "1 2 3 …" for the numbered lines of a message (line n opens with button n).

    Why numbers: the line above already shows the whole title with its date; a second, truncated
    copy of it on a button only doubled the list."""
    buttons = [InlineKeyboardButton(str(n), callback_data=d) for n, d in enumerate(data, start=first)]
    return [buttons[i:i + NUMBERS_PER_ROW] for i in range(0, len(buttons), NUMBERS_PER_ROW)]


@lru_cache(maxsize=1024)
def picks_keyboard(fact_ids: tuple[str, ...], lang: str, script: str) -> InlineKeyboardMarkup | None:
    """The buttons of an answer's numbered "See also" / "Perhaps you meant" lines. Cached: the
    answer cache serves popular questions again and again, each with the same picks."""
    rows = numbered_rows([OpenFact(fact_id, lang, script).encode() for fact_id in fact_ids])
    return InlineKeyboardMarkup(rows) if rows else None


def action_data(action: ButtonAction) -> str:
    """The callback data of a core button intent (bot/outgoing.py): a fact's card, or /settings."""
    if isinstance(action, ShowFact):
        return OpenFact(action.fact_id, action.lang, "cyrl").encode()
    return OpenSettings().encode()


@lru_cache(maxsize=256)
def intents_keyboard(keyboard: Keyboard) -> InlineKeyboardMarkup | None:
    """The inline keyboard of a delivered part's button intents. Cached: a day's digest has the same
    buttons for most chats of a language (the fact of the day differs), and a broadcast sends thousands."""
    rows = [[InlineKeyboardButton(b.label, callback_data=action_data(b.action)) for b in row] for row in keyboard if row]
    return InlineKeyboardMarkup(rows) if rows else None


def stacked(*markups: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """Several keyboards under one message, in order (the fact buttons, then 👍 / 👎)."""
    rows = [row for markup in markups if markup is not None for row in markup.inline_keyboard]
    return InlineKeyboardMarkup(rows) if rows else None


def fact_list_keyboard(
    facts: Sequence[Fact], lang: str, list_name: ListName, arg: str, page: int, pages: int
) -> InlineKeyboardMarkup:
    """A numbered button per line of this page (numbered across pages), then ◀ n/N ▶ paging that
    edits the same message."""
    rows = numbered_rows([FactCard(f.id, list_name, arg, page).encode() for f in facts], page * PAGE_SIZE + 1)
    nav = _nav(page, pages, lambda to: ListPageButton(list_name, arg, to).encode())
    if nav:
        rows.append(nav)
    return InlineKeyboardMarkup(rows)


def back_keyboard(lang: str, list_name: ListName, arg: str, page: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t(lang, "button.back"), callback_data=ListPageButton(list_name, arg, page).encode())]]
    )


def day_keyboard(before: dt.date, after: dt.date, lang: str) -> InlineKeyboardMarkup:
    """/date's ◀ ▶, each naming the day it leads to."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(f"◀ {format_month_day(before.month, before.day, lang)}",
                             callback_data=DayButton(before.month, before.day).encode()),
        InlineKeyboardButton(f"{format_month_day(after.month, after.day, lang)} ▶",
                             callback_data=DayButton(after.month, after.day).encode()),
    ]])


@cache
def another_fact_keyboard(lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t(lang, "fact.another"), callback_data=AnotherFact().encode())]])


def _language_row(origin: str, chosen: str | None = None) -> list[InlineKeyboardButton]:
    return [InlineKeyboardButton(_mark(LANGUAGE_NAMES[code], code == chosen),
                                 callback_data=LanguageChoice(code, origin).encode()) for code in LANGS]


@cache
def language_keyboard(chosen: str | None = None) -> InlineKeyboardMarkup:
    """/lang's buttons; after a choice the same buttons with ✓ on it, so it can be changed again."""
    return InlineKeyboardMarkup([_language_row("lang", chosen)])


@cache
def examples_keyboard(lang: str) -> InlineKeyboardMarkup:
    rows = [[InlineKeyboardButton(t(lang, f"example.{i}"), callback_data=Example(i).encode())] for i in (1, 2, 3)]
    rows.append(_language_row("start"))
    return InlineKeyboardMarkup(rows)


PRESET_TIMES = (dt.time(7), dt.time(9), dt.time(12), dt.time(18), dt.time(21))
PRESET_ZONES = ("Asia/Almaty", "Asia/Aqtobe", "Europe/Moscow", "UTC")


def _mark(label: str, chosen: bool) -> str:
    return f"✓ {label}" if chosen else label


def _label_row(text: str) -> list[InlineKeyboardButton]:
    """A row's name: a button that only acknowledges a tap (Telegram keyboards hold buttons only)."""
    return [InlineKeyboardButton(text, callback_data=PageCounter().encode())]


def settings_keyboard(lang: str, sub: Subscription) -> InlineKeyboardMarkup:
    """/settings: each row under its name, the current choice marked ✓ (a time or zone set by
    /subscribe that no preset button has is shown too), and Unsubscribe while it is active."""
    modes = [InlineKeyboardButton(_mark(t(lang, f"settings.mode.{m}"), m == sub.mode),
                                  callback_data=SettingButton("mode", m).encode()) for m in MODES]
    times = [InlineKeyboardButton(_mark(at.strftime("%H:%M"), at == sub.time),
                                  callback_data=SettingButton("time", at.strftime("%H%M")).encode())
             for at in sorted({*PRESET_TIMES, sub.time})]
    zones = [InlineKeyboardButton(_mark(zone_label(z, lang), z == sub.tz), callback_data=SettingButton("tz", z).encode())
             for z in PRESET_ZONES]
    if sub.tz not in PRESET_ZONES:  # shown as chosen; a label, since "UTC+05:30" cannot travel in a button's data
        zones.append(InlineKeyboardButton(_mark(zone_label(sub.tz, lang), True), callback_data=PageCounter().encode()))
    langs = [InlineKeyboardButton(_mark(LANGUAGE_NAMES[code], code == sub.lang),
                                  callback_data=SettingButton("lang", code).encode()) for code in LANGS]
    rows = [_label_row(t(lang, "settings.row.mode")), modes, _label_row(t(lang, "settings.row.time")), times,
            _label_row(t(lang, "settings.row.zone")), zones, _label_row(t(lang, "settings.row.lang")), langs]
    if sub.active:
        rows.append([InlineKeyboardButton(t(lang, "settings.unsubscribe"), callback_data=Unsubscribe().encode())])
    return InlineKeyboardMarkup(rows)


def deep_link_keyboard(lang: str, username: str, payload: str) -> InlineKeyboardMarkup:
    url = f"https://t.me/{username}?start={payload}"
    return InlineKeyboardMarkup([[InlineKeyboardButton(t(lang, "group.open_private"), url=url)]])


def rating_keyboard(answer_id: int, up: int = 0, down: int = 0) -> InlineKeyboardMarkup:
    """👍 / 👎 under an answer; once rated they carry the counts, so a tap visibly counted."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(f"👍 {up}" if up else "👍", callback_data=Rate(answer_id, "+").encode()),
        InlineKeyboardButton(f"👎 {down}" if down else "👎", callback_data=Rate(answer_id, "-").encode()),
    ]])


def unanswered_keyboard(entry_ids: Sequence[int], first: int, page: int, pages: int) -> InlineKeyboardMarkup | None:
    """"✓ n" per question on the page (marks it handled), then ◀ n/N ▶ paging that edits the message."""
    rows = [[InlineKeyboardButton(f"✓ {first + i}", callback_data=UnansweredButton("h", str(entry_id), page).encode())
             for i, entry_id in enumerate(entry_ids)]] if entry_ids else []
    nav = _nav(page, pages, lambda to: UnansweredButton("p", "-", to).encode())
    if nav:
        rows.append(nav)
    return InlineKeyboardMarkup(rows) if rows else None
