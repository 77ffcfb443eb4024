"""The operators' figures: /stats (subscriptions and deliveries) and /broadcast_status (today's run).

Counts only; who is an operator (KZRU_ADMIN_IDS, private chats) is the handler's check, and the
wording is the renderer's.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from bot.schedule import ScheduleError, due_local_date, local_today
from bot.storage import Repository
from bot.store import FactStore


@dataclass(frozen=True, slots=True)
class Stats:
    """Active subscriptions by chat type, mode and language; chats served on the bot's today and
    the day before; the size of the data."""

    active: int
    chat_types: Counter[str]
    modes: Counter[str]
    langs: Counter[str]
    today: dt.date
    served_today: int
    served_yesterday: int
    facts: int
    sources: int


async def stats(repo: Repository, store: FactStore, today: dt.date) -> Stats:
    subs = await repo.active_subscriptions()
    return Stats(
        active=len(subs),
        chat_types=Counter(s.chat_type for s in subs),
        modes=Counter(s.mode for s in subs),
        langs=Counter(s.lang for s in subs),
        today=today,
        served_today=len(await repo.served_chat_ids(today)),
        served_yesterday=len(await repo.served_chat_ids(today - dt.timedelta(days=1))),
        facts=len(store),
        sources=len(store.sources),
    )


@dataclass(frozen=True, slots=True)
class BroadcastStatus:
    """Active subscriptions served on their own local date, due and unserved, not yet due, and
    unusable (a zone this machine no longer knows)."""

    served: int
    due: int
    later: int
    broken: int


async def broadcast_status(repo: Repository, now: dt.datetime) -> BroadcastStatus:
    served_by_date: dict[dt.date, set[int]] = {}
    served = due = later = broken = 0
    for sub in await repo.active_subscriptions():
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
    return BroadcastStatus(served, due, later, broken)
