"""Browsing: paged lists of treaties, visits and the timeline, fact cards, days and sources."""

from __future__ import annotations

import datetime as dt
import random
import re
from html import escape

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.anniversaries import day_to_show, next_anniversary, on_day
from bot.dates import format_month_day
from bot.i18n import t
from bot.model import Fact
from bot.schedule import zone
from bot.store import FactStore
from handlers.ask import cached_answer
from handlers.common import NO_PREVIEW, chat_lang, is_group, reply
from handlers.context import Context
from handlers.feedback import rating_markup
from handlers.keyboards import (
    PAGE_SIZE,
    back_keyboard,
    decode,
    deep_link_keyboard,
    fact_list_keyboard,
)
from handlers.render import answer_html, fact_line, item_line, references, source_line, split_message

GROUP_SUMMARY = 5
FIRST_YEAR, LAST_YEAR = 1500, 2099
DECADE_RE = re.compile(r"^(1[5-9]\d|20\d)0-?(s|е|х|ж|жж)?$", re.IGNORECASE)


def parse_year(text: str) -> int | None:
    """A year in range, else None; isdecimal, not isdigit, since int() rejects digits like '²'."""
    return int(text) if text.isdecimal() and FIRST_YEAR <= int(text) <= LAST_YEAR else None


def list_facts(store: FactStore, name: str, arg: str) -> list[Fact]:
    """The facts of a named list: t = treaties, v = visits (of a year), tl = timeline (year or decade)."""
    if name == "t":
        return list(store.by_kind("treaty"))
    if name == "v":
        year = parse_year(arg)
        visits = store.by_kind("visit")
        return [f for f in visits if year in f.years] if year else list(visits)
    if name == "tl":
        if arg.endswith("s") and parse_year(arg[:-1]):
            first = int(arg[:-1])
            return list(store.in_years(first, first + 9))
        year = parse_year(arg)
        if year:
            return list(store.by_year(year))
        return [f for f in store.facts if f.when is not None]
    return []


def list_title(lang: str, name: str, arg: str) -> str:
    key = {"t": "browse.treaties", "v": "browse.visits", "tl": "browse.timeline"}[name]
    suffix = f" — {arg}" if arg and arg != "-" else ""
    return t(lang, key) + suffix


def render_page(store: FactStore, lang: str, name: str, arg: str, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    facts = list_facts(store, name, arg)
    pages = max(1, -(-len(facts) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    chunk = facts[page * PAGE_SIZE: (page + 1) * PAGE_SIZE]
    lines = [f"<b>{escape(list_title(lang, name, arg))}</b> ({len(facts)})"]
    lines.extend(f"• {fact_line(f, lang)}" for f in chunk)
    return "\n".join(lines), fact_list_keyboard(chunk, lang, name, arg, page, pages)


async def send_list(update: Update, context: Context, lang: str, name: str, arg: str) -> None:
    store = context.services.store
    facts = list_facts(store, name, arg)
    if not facts:
        await reply(update, context, t(lang, "browse.empty", what=arg))
        return
    if is_group(update) and len(facts) > GROUP_SUMMARY:
        lines = [f"<b>{escape(list_title(lang, name, arg))}</b> ({len(facts)})"]
        lines.extend(f"• {fact_line(f, lang)}" for f in facts[:GROUP_SUMMARY])
        lines.append(escape(t(lang, "group.more", n=len(facts) - GROUP_SUMMARY)))
        payload = f"{name}_{arg}" if arg and arg != "-" else name
        await reply(update, context, "\n".join(lines), deep_link_keyboard(lang, context.bot.username, payload))
        return
    text, markup = render_page(store, lang, name, arg, 0)
    await reply(update, context, text, markup)


async def treaties(update: Update, context: Context) -> None:
    await send_list(update, context, await chat_lang(update, context), "t", "-")


async def visits(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    arg = (context.args or ["-"])[0]
    if arg != "-" and parse_year(arg) is None:
        await reply(update, context, t(lang, "browse.bad_year", example="/visits 2008"))
        return
    await send_list(update, context, lang, "v", arg)


async def timeline(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    arg = (context.args or ["-"])[0].lower()
    if arg != "-":
        decade = DECADE_RE.match(arg)
        if decade and (arg.endswith("0") is False or len(arg) > 4):
            arg = f"{decade.group(1)}0s"
        elif parse_year(arg) is None:
            await reply(update, context, t(lang, "browse.bad_year", example="/timeline 1990s"))
            return
    await send_list(update, context, lang, "tl", arg)


def day_html(context: Context, lang: str, day: dt.date) -> str:
    """Anniversaries of a calendar day with years elapsed, or the next day that has some."""
    from bot.engine import RefNumbering

    store = context.services.store
    numbering = RefNumbering(store.sources)
    label = format_month_day(day.month, day.day, lang)
    items = on_day(store, day)
    if not items:
        upcoming = next_anniversary(store, day)
        if upcoming is None:
            return escape(t(lang, "today.none", date=label))
        when, days, items_next = upcoming
        lines = [escape(t(lang, "today.none_next", date=label,
                          next=format_month_day(when.month, when.day, lang), days=days))]
        for item in items_next[:3]:
            lines.append(item_line(item, lang, numbering.add(item.fact.citations())))
        return "\n".join(lines) + references(numbering.references(), lang)
    lines = [f"<b>{escape(t(lang, 'today.title', date=label))}</b>"]
    for item in items:
        lines.append(item_line(item, lang, numbering.add(item.fact.citations())))
        lines.append(f"   {escape(item.fact.text[lang])}")
    return "\n".join(lines) + references(numbering.references(), lang)


def local_today(context: Context) -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone(zone(context.services.config.tz)).date()


async def today(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    await reply(update, context, day_html(context, lang, local_today(context)))


async def date_command(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    arg = (context.args or [""])[0]
    match = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})", arg)
    day: dt.date | None = None
    if match:
        try:
            day = dt.date(2000, int(match.group(2)), int(match.group(1)))
        except ValueError:
            day = None
    if day is None:
        await reply(update, context, t(lang, "date.bad"))
        return
    shown = day_to_show(day.month, day.day, local_today(context).year)
    await reply(update, context, day_html(context, lang, shown))


async def random_fact(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    fact = random.choice(context.services.store.facts)
    await reply(update, context, answer_html(context.services.engine.fact_answer(fact, lang)))


async def sources(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    store = context.services.store
    lines = [f"<b>{escape(t(lang, 'sources.title'))}</b>"]
    lines.extend(f"{i}. {source_line(s, lang)}" for i, s in enumerate(store.sources.values(), 1))
    await reply(update, context, "\n".join(lines))


async def open_deep_link(update: Update, context: Context, lang: str, payload: str) -> bool:
    """/start payloads from group buttons: a list (t, v_2008, tl_1990s) or a fact (f_<id>)."""
    name, _, arg = payload.partition("_")
    if name in ("t", "v", "tl"):
        await send_list(update, context, lang, name, arg or "-")
        return True
    if name == "f" and context.services.store.get(arg.replace("_", "-")):
        fact = context.services.store.get(arg.replace("_", "-"))
        assert fact is not None
        await reply(update, context, answer_html(context.services.engine.fact_answer(fact, lang)))
        return True
    return False


async def callback(update: Update, context: Context) -> None:
    """Every inline button: fact cards, paging, language, examples; stale or forged data → 'expired'."""
    query = update.callback_query
    if query is None:
        return
    lang = await chat_lang(update, context)
    data = decode(query.data)
    services = context.services
    if data is None:
        await query.answer(t(lang, "menu.expired"), show_alert=False)
        return
    if data.action == "x":
        await query.answer()
        return
    if data.action == "l":
        from handlers.settings import set_language

        await set_language(update, context, query, data.args[0])
        return
    if data.action == "s":
        from handlers.settings import settings_button

        await settings_button(update, context, query, data.args[0], data.args[1])
        return
    if data.action == "q":
        key = f"example.{data.args[0]}"
        if data.args[0] not in ("1", "2", "3"):
            await query.answer(t(lang, "menu.expired"))
            return
        await query.answer()
        if query.message is not None and isinstance(query.message, Message):
            rendered = cached_answer(services, t(lang, key), lang)
            parts = split_message(rendered.html)
            markup = await rating_markup(update, context, rendered.summary)
            for i, part in enumerate(parts):
                await query.message.reply_text(part, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                               reply_markup=markup if i == len(parts) - 1 else None)
        return
    if data.action == "f":
        fact_id, name, arg, page = data.args
        fact = services.store.get(fact_id)
        if fact is None or name not in ("t", "v", "tl") or not page.isdecimal():
            await query.answer(t(lang, "menu.expired"))
            return
        await query.answer()
        html = split_message(answer_html(services.engine.fact_answer(fact, lang)))[0]
        await _edit(query, html, back_keyboard(lang, name, arg, int(page)))
        return
    if data.action == "p":
        name, arg, page_text = data.args
        if name not in ("t", "v", "tl") or not page_text.isdecimal():
            await query.answer(t(lang, "menu.expired"))
            return
        await query.answer()
        text, markup = render_page(services.store, lang, name, arg, int(page_text))
        await _edit(query, text, markup)
        return
    await query.answer(t(lang, "menu.expired"))


async def _edit(query: CallbackQuery, html: str, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await query.edit_message_text(html, parse_mode=ParseMode.HTML, reply_markup=markup,
                                      link_preview_options=NO_PREVIEW)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise
