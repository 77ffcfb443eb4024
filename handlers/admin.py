"""Operator commands (/stats, /broadcast_status, /unanswered, /feedback) for the user ids in
KZRU_ADMIN_IDS only.

Anyone else gets one short refusal in a private chat and silence in a group: the refusal tells
a curious user why nothing happened, while in groups `/stats` is a common command of other
bots and an answer from us would only be noise. Operators get figures only in private chats,
so subscriber numbers never land in a group by accident.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from html import escape

from telegram import Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.i18n import t
from bot.schedule import ScheduleError, due_local_date, local_today
from bot.subscription import Subscription
from handlers.common import NO_PREVIEW, chat_lang, reply
from handlers.context import Context
from handlers.keyboards import UNANSWERED, decode, unanswered_keyboard
from handlers.render import fact_ratings_html, unanswered_html

OPERATOR_COMMANDS = ("unanswered", "feedback", "stats", "broadcast_status")
"""In the command menu of each operator's private chat only."""
UNANSWERED_PAGE = 5


def handlers() -> list[BaseHandler[Update, Context, None]]:
    """The operator commands and their buttons, for the composition root's handler list (before
    the catch-all button handler)."""
    return [CommandHandler("stats", stats), CommandHandler("broadcast_status", broadcast_status),
            CommandHandler("unanswered", unanswered), CommandHandler("feedback", feedback),
            CallbackQueryHandler(unanswered_button, pattern=f"^{UNANSWERED}:")]


async def operator_lang(update: Update, context: Context) -> str | None:
    """The chat's language when the sender is an operator in a private chat; None after refusing."""
    chat = update.effective_chat
    user = update.effective_user
    if chat is None or chat.type != ChatType.PRIVATE:
        return None
    lang = await chat_lang(update, context)
    if user is None or user.id not in context.services.config.admin_ids:
        await reply(update, context, t(lang, "admin.only"))
        return None
    return lang


def breakdown(values: Iterable[str]) -> str:
    """"private 3, supergroup 1" — most common first, stable for equal counts."""
    counts = Counter(values)
    return ", ".join(f"{escape(k)} {n}" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))) or "—"


async def stats(update: Update, context: Context) -> None:
    """Subscriptions by chat type, mode and language, and today's deliveries."""
    lang = await operator_lang(update, context)
    if lang is None:
        return
    services = context.services
    subs = await services.repo.active_subscriptions()
    today = local_today(services.config.tz, dt.datetime.now(dt.UTC))
    served_today = len(await services.repo.served_chat_ids(today))
    served_yesterday = len(await services.repo.served_chat_ids(today - dt.timedelta(days=1)))
    text = t(lang, "admin.stats", active=len(subs), types=breakdown(s.chat_type for s in subs),
             modes=breakdown(s.mode for s in subs), langs=breakdown(s.lang for s in subs),
             today=today.isoformat(), served=served_today, yesterday=served_yesterday,
             facts=len(services.store), sources=len(services.store.sources))
    await reply(update, context, text)


async def broadcast_status(update: Update, context: Context) -> None:
    """Where today's anniversary run stands: served, due but not yet served, still to come."""
    lang = await operator_lang(update, context)
    if lang is None:
        return
    services = context.services
    now = dt.datetime.now(dt.UTC)
    served, due, later, broken = await _today(context, await services.repo.active_subscriptions(), now)
    running = services.broadcaster is not None
    await reply(update, context, t(lang, "admin.broadcast", served=served, due=due, later=later, broken=broken,
                                   rate=f"{services.config.broadcast_rate:g}",
                                   state=t(lang, "admin.running" if running else "admin.stopped")))


async def _today(context: Context, subs: list[Subscription], now: dt.datetime) -> tuple[int, int, int, int]:
    """Counts of subscriptions served on their own local date, due and unserved, not yet due, unusable."""
    repo = context.services.repo
    served_by_date: dict[dt.date, set[int]] = {}
    served = due = later = broken = 0
    for sub in subs:
        try:
            day = local_today(sub.tz, now)
            is_due = due_local_date(sub, now) is not None
        except ScheduleError:
            broken += 1
            continue
        if day not in served_by_date:
            served_by_date[day] = await repo.served_chat_ids(day)
        if sub.chat_id in served_by_date[day]:
            served += 1
        elif is_due:
            due += 1
        else:
            later += 1
    return served, due, later, broken


async def unanswered(update: Update, context: Context) -> None:
    """The open questions nobody answered, most asked first, a page at a time, each with a ✓ button."""
    lang = await operator_lang(update, context)
    if lang is None:
        return
    services = context.services
    page = await services.editorial.open_questions(0, UNANSWERED_PAGE)
    await reply(update, context, unanswered_html(page, lang, services.store),
                unanswered_keyboard([q.id for q in page.items], page.first, page.page, page.pages))


async def unanswered_button(update: Update, context: Context) -> None:
    """✓ marks a question handled, ◀ ▶ turn the page; the list is redrawn in place. Operators only."""
    query = update.callback_query
    if query is None:
        return
    lang = await chat_lang(update, context)
    services = context.services
    if query.from_user.id not in services.config.admin_ids:
        await query.answer(t(lang, "admin.only"))
        return
    data = decode(query.data)
    if data is None or data.action != UNANSWERED or not data.args[2].isdecimal() or data.args[0] not in ("h", "p") \
            or (data.args[0] == "h" and not data.args[1].isdecimal()):
        await query.answer(t(lang, "menu.expired"))
        return
    op, entry, page_text = data.args
    if op == "h":
        marked = await services.editorial.mark_handled(int(entry))
        await query.answer(t(lang, "unanswered.marked") if marked else t(lang, "unanswered.gone"))
    else:
        await query.answer()
    page = await services.editorial.open_questions(int(page_text), UNANSWERED_PAGE)
    markup = unanswered_keyboard([q.id for q in page.items], page.first, page.page, page.pages)
    try:
        await query.edit_message_text(unanswered_html(page, lang, services.store), parse_mode=ParseMode.HTML,
                                      reply_markup=markup, link_preview_options=NO_PREVIEW)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def feedback(update: Update, context: Context) -> None:
    """👍/👎 per fact over every rated answer, worst first."""
    lang = await operator_lang(update, context)
    if lang is None:
        return
    services = context.services
    await reply(update, context, fact_ratings_html(await services.editorial.fact_feedback(), lang, services.store))
