"""/trade [year]: the trade figures with citations, then the turnover chart (the year highlighted).

Parses the command, asks bot/usecases/trade.py what to show and renders it; in a group a longer
list is shortened, says how many more there are, and links to the whole list in a private chat.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from html import escape

from telegram import Update
from telegram.constants import ParseMode

from bot.engine import RefNumbering, list_line
from bot.figures import figure_text
from bot.i18n import t
from bot.model import Fact, Source
from bot.usecases.trade import PAYLOAD, BadYear, NoFigures, TradeView, TurnoverSeries, trade_view
from handlers.common import chat_lang, is_group, reply
from handlers.context import Context
from handlers.keyboards import deep_link_keyboard
from handlers.render import marks, references

CHART_VERSION = 2
"""Part of the cache key of Telegram's file_id: bump it when the chart's drawing changes."""


async def trade(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    await send_trade(update, context, lang, (context.args or [""])[0], is_group(update))


async def open_trade_link(update: Update, context: Context, lang: str, payload: str) -> bool:
    """/start tr or tr_2011 (from a group's "open the full list"): the whole list in private."""
    name, _, arg = payload.partition("_")
    if name != PAYLOAD:
        return False
    await send_trade(update, context, lang, arg, in_group=False)
    return True


async def send_trade(update: Update, context: Context, lang: str, arg: str, in_group: bool) -> None:
    store = context.services.store
    view = trade_view(store, arg, in_group)
    if isinstance(view, BadYear):
        await reply(update, context, t(lang, "trade.bad_year"))
        return
    if isinstance(view, NoFigures):
        await reply(update, context, t(lang, "trade.no_year", year=view.year, years=", ".join(map(str, view.known))))
        return
    markup = deep_link_keyboard(lang, context.bot.username, view.link_payload) if view.more else None
    await reply(update, context, trade_html(view, lang, store.sources), markup)
    await send_chart(update, context, lang, view.series)


def trade_line(fact: Fact, lang: str) -> str:
    """The headline figure first, then what it is; the date only where the title does not give it."""
    figure = figure_text(fact, lang)
    label = escape(list_line(fact, lang))
    return f"<b>{escape(figure)}</b> — {label}" if figure else label


def trade_html(view: TradeView, lang: str, sources: Mapping[str, Source]) -> str:
    numbering = RefNumbering(sources)
    title = t(lang, "trade.title") + (f" — {view.year}" if view.year else "")
    lines = [f"<b>{escape(title)}</b>"]
    lines.extend(f"• {trade_line(f, lang)} {marks(numbering.add(f.citations()))}" for f in view.facts[:view.shown])
    if view.more:
        lines.append(escape(t(lang, "group.more", n=view.more)))
    return "\n".join(lines) + references(numbering.references(), lang)


async def send_chart(update: Update, context: Context, lang: str, series: TurnoverSeries) -> None:
    """Draw each (language, year) chart once, off the event loop; afterwards resend Telegram's file_id."""
    services = context.services
    chat = update.effective_chat
    message = update.effective_message
    if chat is None or message is None:
        return
    key = f"trade-chart-v{CHART_VERSION}-{lang}-{series.highlight or 'all'}"
    cached = await services.repo.get_media(key)
    caption = t(lang, "chart.caption_year", year=series.highlight) if series.highlight else t(lang, "chart.caption")
    photo: str | bytes = cached if cached else await asyncio.to_thread(_draw, series, lang)
    thread = message.message_thread_id if message.is_topic_message else None
    sent = await context.bot.send_photo(chat.id, photo, caption=escape(caption), parse_mode=ParseMode.HTML,
                                        message_thread_id=thread)
    if not cached and sent.photo:
        await services.repo.set_media(key, sent.photo[-1].file_id)


def _draw(series: TurnoverSeries, lang: str) -> bytes:
    """The chart's PNG, importing matplotlib only here: it is a quarter of the bot's memory
    (about 26 MB) and most runs never draw a chart."""
    from bot.charts import trade_chart_png

    return trade_chart_png(series, lang)
