"""Operator commands (/stats, /broadcast_status) for the user ids in KZRU_ADMIN_IDS only.

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
from telegram.constants import ChatType
from telegram.ext import BaseHandler, CommandHandler

from bot.i18n import t
from bot.schedule import ScheduleError, Subscription, due_local_date, local_today
from handlers.common import chat_lang, reply
from handlers.context import Context


def handlers() -> list[BaseHandler[Update, Context, None]]:
    """The operator commands, for the composition root's handler list."""
    return [CommandHandler("stats", stats), CommandHandler("broadcast_status", broadcast_status)]


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
