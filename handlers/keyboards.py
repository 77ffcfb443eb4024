"""Inline keyboards and their callback data: short, versioned strings of at most 64 bytes.

The fixed keyboards are built once per language (PTB's markup objects are immutable)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import t
from bot.model import LANGS, Fact

MAX_DATA = 64
PAGE_SIZE = 6


@dataclass(frozen=True, slots=True)
class Callback:
    """Parsed callback data: an action and its arguments."""

    action: str
    args: tuple[str, ...]


RATE = "r1"
"""👍/👎 under an answer: r1:<answer id>:<+|->. The digit is the version: a button from an older
layout decodes to nothing and its tap is told the menu expired."""
UNANSWERED = "u1"
"""/unanswered: u1:h:<entry id>:<page> marks a question handled, u1:p:-:<page> turns the page."""
VOTES = {"+": 1, "-": -1}
ACTIONS = {"f": 4, "c": 1, "p": 3, "l": 1, "q": 1, "s": 2, "x": 0, RATE: 2, UNANSWERED: 3}


def encode(action: str, *args: object) -> str:
    data = ":".join((action, *map(str, args)))
    if len(data.encode()) > MAX_DATA:
        raise ValueError(f"callback data over {MAX_DATA} bytes: {data!r}")
    return data


def decode(data: str | None) -> Callback | None:
    """The callback, or None for anything we did not make (forged, stale or from an old version)."""
    if not data or len(data.encode()) > MAX_DATA:
        return None
    action, *args = data.split(":")
    if ACTIONS.get(action) != len(args):
        return None
    return Callback(action, tuple(args))


def fact_list_keyboard(
    facts: Sequence[Fact], lang: str, list_name: str, arg: str, page: int, pages: int
) -> InlineKeyboardMarkup:
    """One button per fact on this page, then ◀ n/N ▶ paging that edits the same message."""
    rows = [[InlineKeyboardButton(_short(f.title[lang]), callback_data=encode("f", f.id, list_name, arg or "-", page))]
            for f in facts]
    nav: list[InlineKeyboardButton] = []
    if page > 0:
        nav.append(InlineKeyboardButton("◀", callback_data=encode("p", list_name, arg or "-", page - 1)))
    if pages > 1:
        nav.append(InlineKeyboardButton(f"{page + 1}/{pages}", callback_data=encode("x")))
    if page + 1 < pages:
        nav.append(InlineKeyboardButton("▶", callback_data=encode("p", list_name, arg or "-", page + 1)))
    if nav:
        rows.append(nav)
    return InlineKeyboardMarkup(rows)


def back_keyboard(lang: str, list_name: str | None, arg: str, page: int) -> InlineKeyboardMarkup | None:
    if not list_name:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t(lang, "button.back"), callback_data=encode("p", list_name, arg or "-", page))]]
    )


@cache
def language_keyboard() -> InlineKeyboardMarkup:
    names = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
    return InlineKeyboardMarkup([[InlineKeyboardButton(names[lang], callback_data=encode("l", lang)) for lang in LANGS]])


@cache
def examples_keyboard(lang: str) -> InlineKeyboardMarkup:
    rows = [[InlineKeyboardButton(t(lang, f"example.{i}"), callback_data=encode("q", i))] for i in (1, 2, 3)]
    rows.append([InlineKeyboardButton(n, callback_data=encode("l", code))
                 for code, n in (("kk", "Қазақша"), ("ru", "Русский"), ("en", "English"))])
    return InlineKeyboardMarkup(rows)


@cache
def settings_keyboard(lang: str) -> InlineKeyboardMarkup:
    modes = [InlineKeyboardButton(t(lang, f"mode.{m}"), callback_data=encode("s", "mode", m))
             for m in ("anniversaries", "daily", "weekly")]
    times = [InlineKeyboardButton(h, callback_data=encode("s", "time", h.replace(":", "")))
             for h in ("07:00", "09:00", "12:00", "18:00", "21:00")]
    zones = [InlineKeyboardButton(z.split("/")[-1], callback_data=encode("s", "tz", z))
             for z in ("Asia/Almaty", "Asia/Aqtobe", "Europe/Moscow", "UTC")]
    langs = [InlineKeyboardButton(code.upper(), callback_data=encode("s", "lang", code)) for code in LANGS]
    return InlineKeyboardMarkup([modes, times, zones, langs])


def deep_link_keyboard(lang: str, username: str, payload: str) -> InlineKeyboardMarkup:
    url = f"https://t.me/{username}?start={payload}"
    return InlineKeyboardMarkup([[InlineKeyboardButton(t(lang, "group.open_private"), url=url)]])


def rating_keyboard(answer_id: int, up: int = 0, down: int = 0) -> InlineKeyboardMarkup:
    """👍 / 👎 under an answer; once rated they carry the counts, so a tap visibly counted."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(f"👍 {up}" if up else "👍", callback_data=encode(RATE, answer_id, "+")),
        InlineKeyboardButton(f"👎 {down}" if down else "👎", callback_data=encode(RATE, answer_id, "-")),
    ]])


def unanswered_keyboard(entry_ids: Sequence[int], first: int, page: int, pages: int) -> InlineKeyboardMarkup | None:
    """"✓ n" per question on the page (marks it handled), then ◀ n/N ▶ paging that edits the message."""
    rows = [[InlineKeyboardButton(f"✓ {first + i}", callback_data=encode(UNANSWERED, "h", entry_id, page))
             for i, entry_id in enumerate(entry_ids)]] if entry_ids else []
    nav: list[InlineKeyboardButton] = []
    if page > 0:
        nav.append(InlineKeyboardButton("◀", callback_data=encode(UNANSWERED, "p", "-", page - 1)))
    if pages > 1:
        nav.append(InlineKeyboardButton(f"{page + 1}/{pages}", callback_data=encode("x")))
    if page + 1 < pages:
        nav.append(InlineKeyboardButton("▶", callback_data=encode(UNANSWERED, "p", "-", page + 1)))
    if nav:
        rows.append(nav)
    return InlineKeyboardMarkup(rows) if rows else None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
