"""/trade [year]: trade and investment figures with citations, and the turnover chart."""

from __future__ import annotations

from html import escape

from telegram import Update
from telegram.constants import ParseMode

from bot.charts import trade_chart_png
from bot.engine import RefNumbering, fact_when
from bot.i18n import t
from handlers.browse import parse_year
from handlers.common import chat_lang, is_group, reply
from handlers.context import Context
from handlers.render import marks, references


async def trade(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    services = context.services
    arg = (context.args or [""])[0]
    year = parse_year(arg) if arg else None
    if arg and year is None:
        await reply(update, context, t(lang, "trade.bad_year"))
        return
    facts = [f for f in services.store.by_kind("trade") if f.value is not None or f.metric]
    if year is not None:
        facts = [f for f in facts if year in f.years]
        if not facts:
            known = sorted({y for f in services.store.by_kind("trade") for y in f.years})
            await reply(update, context, t(lang, "trade.no_year", year=year, years=", ".join(map(str, known))))
            return
    else:
        facts = [f for f in facts if f.when is not None]
    numbering = RefNumbering(services.store.sources)
    limit = 6 if is_group(update) else 12
    lines = [f"<b>{escape(t(lang, 'trade.title') + (f' — {year}' if year else ''))}</b>"]
    for fact in facts[:limit]:
        when = fact_when(fact, lang)
        lines.append(f"• <b>{escape(when)}</b>: {escape(fact.text[lang])} {marks(numbering.add(fact.cite))}")
    await reply(update, context, "\n".join(lines) + references(numbering.references(), lang))
    if year is None:
        await send_chart(update, context, lang)


async def send_chart(update: Update, context: Context, lang: str) -> None:
    """Draw the chart once per language; afterwards resend Telegram's file_id."""
    services = context.services
    chat = update.effective_chat
    message = update.effective_message
    if chat is None or message is None:
        return
    key = f"trade-chart-v1-{lang}"
    cached = await services.repo.get_media(key)
    caption = escape(t(lang, "chart.caption"))
    thread = message.message_thread_id if message.is_topic_message else None
    sent = await context.bot.send_photo(
        chat.id, cached or trade_chart_png(services.store, lang), caption=caption,
        parse_mode=ParseMode.HTML, message_thread_id=thread,
    )
    if not cached and sent.photo:
        await services.repo.set_media(key, sent.photo[-1].file_id)
