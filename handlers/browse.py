"""Browsing in Telegram: lists of treaties, visits and the timeline (paged in place), fact cards,
days and sources. What each list or day holds is decided in bot/usecases/browse.py."""

from __future__ import annotations

import datetime as dt

from telegram import CallbackQuery, InlineKeyboardMarkup, Update

from bot.i18n import t
from bot.model import Fact
from bot.usecases import browse
from bot.usecases.browse import ListName
from handlers import trade
from handlers.callbacks import AnotherFact, DayButton, FactCard, ListPageButton, PageCounter
from handlers.common import chat_lang, edit, is_group, reply
from handlers.context import Context
from handlers.keyboards import (
    another_fact_keyboard,
    back_keyboard,
    day_keyboard,
    deep_link_keyboard,
    fact_list_keyboard,
)
from handlers.render import (
    answer_html,
    day_html,
    list_page_html,
    list_summary_html,
    sources_html,
    split_message,
)


async def send_list(update: Update, context: Context, lang: str, name: ListName, arg: str) -> None:
    """The list's first page with its buttons, or in a group a summary linking to the private chat."""
    view = browse.show_list(context.services.store, name, arg, is_group(update))
    if view.summary:
        await reply(update, context, list_summary_html(view, lang),
                    deep_link_keyboard(lang, context.bot.username, view.link_payload))
    elif view.first_page is None:
        await reply(update, context, t(lang, "browse.empty", what=arg))
    else:
        page = view.first_page
        await reply(update, context, list_page_html(page, lang),
                    fact_list_keyboard(page.facts, lang, name, arg, page.page, page.pages))


def first_arg(context: Context) -> str | None:
    return context.args[0] if context.args else None


async def treaties(update: Update, context: Context) -> None:
    await send_list(update, context, await chat_lang(update, context), "t", browse.ALL)


async def visits(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    arg = browse.visits_arg(first_arg(context))
    if arg is None:
        await reply(update, context, t(lang, "browse.bad_year", example="/visits 2008"))
        return
    await send_list(update, context, lang, "v", arg)


async def timeline(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    arg = browse.timeline_arg(first_arg(context))
    if arg is None:
        await reply(update, context, t(lang, "browse.bad_year", example="/timeline 1990s"))
        return
    await send_list(update, context, lang, "tl", arg)


async def today(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    services = context.services
    await reply(update, context, day_html(browse.day_view(services.store, services.today()), lang,
                                          services.store.sources))


async def date_command(update: Update, context: Context) -> None:
    """/date [day]: "17.12", "17 декабря", "17 желтоқсан", "Dec 17" or nothing (today), with ◀ ▶."""
    lang = await chat_lang(update, context)
    services = context.services
    day = browse.parse_day(" ".join(context.args or []), services.today())
    if day is None:
        await reply(update, context, t(lang, "date.bad"))
        return
    await reply(update, context, *_day_message(context, day, lang))


def _day_message(context: Context, day: dt.date, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    services = context.services
    before, after = browse.neighbour_days(day, services.today())
    html = day_html(browse.day_view(services.store, day), lang, services.store.sources)
    return html, day_keyboard(before, after, lang)


async def day_button(update: Update, context: Context, query: CallbackQuery, data: DayButton) -> None:
    """/date's ◀ ▶: the day before or after, drawn in place."""
    lang = await chat_lang(update, context)
    day = browse.day_button_target(data.month, data.day, context.services.today())
    if day is None:
        await query.answer(t(lang, "menu.expired"))
        return
    await query.answer()
    html, markup = _day_message(context, day, lang)
    await edit(query, split_message(html)[0], markup)  # one message to redraw: a day that long shows its start


async def send_fact(update: Update, context: Context, lang: str, fact: Fact) -> None:
    await reply(update, context, answer_html(context.services.engine.fact_answer(fact, lang)))


def _random_fact_html(context: Context, lang: str) -> str:
    fact = browse.random_fact(context.services.store)
    return split_message(answer_html(context.services.engine.fact_answer(fact, lang)))[0]


async def random_fact(update: Update, context: Context) -> None:
    """/fact: a random fact with its citations and a button for another one."""
    lang = await chat_lang(update, context)
    await reply(update, context, _random_fact_html(context, lang), another_fact_keyboard(lang))


async def another_fact(update: Update, context: Context, query: CallbackQuery, data: AnotherFact) -> None:
    """/fact's "another fact": a new random fact in place of the one shown."""
    lang = await chat_lang(update, context)
    await query.answer()
    await edit(query, _random_fact_html(context, lang), another_fact_keyboard(lang))


async def sources(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    await reply(update, context, sources_html(context.services.store.sources.values(), lang))


async def open_deep_link(update: Update, context: Context, lang: str, payload: str) -> bool:
    """/start payloads from group buttons: a list (t, v_2008, tl_1990s), a fact (f_<id>) or trade (tr, tr_2011)."""
    if await trade.open_trade_link(update, context, lang, payload):
        return True
    target = browse.deep_link(context.services.store, payload)
    if isinstance(target, browse.ListLink):
        await send_list(update, context, lang, target.name, target.arg)
    elif target is not None:
        await send_fact(update, context, lang, target)
    return target is not None


async def fact_card(update: Update, context: Context, query: CallbackQuery, data: FactCard) -> None:
    """A fact's button on a list page: its card in place of the list, with a button back to the page."""
    lang = await chat_lang(update, context)
    services = context.services
    fact = services.store.get(data.fact_id)
    if fact is None:  # the data changed since the button was made
        await query.answer(t(lang, "menu.expired"))
        return
    await query.answer()
    html = split_message(answer_html(services.engine.fact_answer(fact, lang)))[0]
    await edit(query, html, back_keyboard(lang, data.name, data.arg, data.page))


async def list_page(update: Update, context: Context, query: CallbackQuery, data: ListPageButton) -> None:
    """◀ ▶ and "back": that page of the list, drawn in place."""
    lang = await chat_lang(update, context)
    await query.answer()
    page = browse.list_page(context.services.store, data.name, data.arg, data.page)
    await edit(query, list_page_html(page, lang), fact_list_keyboard(page.facts, lang, page.name, page.arg,
                                                                      page.page, page.pages))


async def page_counter(update: Update, context: Context, query: CallbackQuery, data: PageCounter) -> None:
    await query.answer()
