"""Inline keyboards; their callback data is typed and versioned in handlers/callbacks.py.

The fixed keyboards are built once per language (PTB's markup objects are immutable)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import t
from bot.model import LANGS, Fact
from bot.subscription import MODES
from bot.usecases.browse import PAGE_SIZE, ListName
from handlers.callbacks import (
    Example,
    FactCard,
    LanguageChoice,
    ListPageButton,
    PageCounter,
    Rate,
    SettingButton,
    UnansweredButton,
)

__all__ = ["PAGE_SIZE", "back_keyboard", "deep_link_keyboard", "examples_keyboard", "fact_list_keyboard",
           "language_keyboard", "rating_keyboard", "settings_keyboard", "unanswered_keyboard"]
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


def fact_list_keyboard(
    facts: Sequence[Fact], lang: str, list_name: ListName, arg: str, page: int, pages: int
) -> InlineKeyboardMarkup:
    """One button per fact on this page, then ◀ n/N ▶ paging that edits the same message."""
    rows = [[InlineKeyboardButton(_short(f.title[lang]), callback_data=FactCard(f.id, list_name, arg, page).encode())]
            for f in facts]
    nav = _nav(page, pages, lambda to: ListPageButton(list_name, arg, to).encode())
    if nav:
        rows.append(nav)
    return InlineKeyboardMarkup(rows)


def back_keyboard(lang: str, list_name: ListName, arg: str, page: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t(lang, "button.back"), callback_data=ListPageButton(list_name, arg, page).encode())]]
    )


def _language_row() -> list[InlineKeyboardButton]:
    return [InlineKeyboardButton(LANGUAGE_NAMES[code], callback_data=LanguageChoice(code).encode()) for code in LANGS]


@cache
def language_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([_language_row()])


@cache
def examples_keyboard(lang: str) -> InlineKeyboardMarkup:
    rows = [[InlineKeyboardButton(t(lang, f"example.{i}"), callback_data=Example(i).encode())] for i in (1, 2, 3)]
    rows.append(_language_row())
    return InlineKeyboardMarkup(rows)


@cache
def settings_keyboard(lang: str) -> InlineKeyboardMarkup:
    modes = [InlineKeyboardButton(t(lang, f"mode.{m}"), callback_data=SettingButton("mode", m).encode())
             for m in MODES]
    times = [InlineKeyboardButton(h, callback_data=SettingButton("time", h.replace(":", "")).encode())
             for h in ("07:00", "09:00", "12:00", "18:00", "21:00")]
    zones = [InlineKeyboardButton(z.split("/")[-1], callback_data=SettingButton("tz", z).encode())
             for z in ("Asia/Almaty", "Asia/Aqtobe", "Europe/Moscow", "UTC")]
    langs = [InlineKeyboardButton(code.upper(), callback_data=SettingButton("lang", code).encode()) for code in LANGS]
    return InlineKeyboardMarkup([modes, times, zones, langs])


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


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
