"""What "on this day" sends: anniversaries of a date, and the digest each subscription mode gets.

Domain objects only; renderers turn a Digest into text in the chat's language. The minute
tick and `kzru-bot broadcast --date` both send what build_digest and fact_of_the_day choose,
so the two can never disagree about a day's message.

Round anniversaries are every ROUND_EVERY = 5 years (5, 10, 15, 20, 25 …): the steps at which
Kazakh and Russian official calendars mark a "мерейтой" / "юбилейная дата".
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from dataclasses import dataclass

from bot.dates import day_to_show as day_to_show
from bot.model import Fact, PartialDate
from bot.store import FactStore
from bot.subscription import Mode

LOOKAHEAD_DAYS = 800
"""How far next_anniversary searches: two years, in case this year's only anniversary is its first."""
ROUND_EVERY = 5
"""Years between round anniversaries (see the module docstring)."""


def is_round(years: int) -> bool:
    return years > 0 and years % ROUND_EVERY == 0


@dataclass(frozen=True, slots=True)
class AnniversaryItem:
    """A fact remembered on a day: `date` is the dated version that falls then.

    `on` is the local date the item is shown on (differs from date's month-day only for
    29 February in non-leap years); weekly digests need it to say which day of the week.
    """

    fact: Fact
    date: PartialDate
    years_ago: int
    is_round: bool
    on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Digest:
    """One message's worth of anniversaries for a local date in a mode.

    `upcoming` (daily mode on a day without anniversaries, weekly mode in a week without
    any) is the next day that has some: (that date, how many days away, its items).
    `pool` (daily mode on a day without anniversaries) holds the facts a fact of the day is
    chosen from, in the fixed order fact_of_the_day walks through.
    """

    local_date: dt.date
    mode: Mode
    items: tuple[AnniversaryItem, ...]
    upcoming: tuple[dt.date, int, tuple[AnniversaryItem, ...]] | None = None
    pool: tuple[Fact, ...] = ()

    @property
    def week_end(self) -> dt.date:
        """The Sunday a weekly digest covers up to (its local_date is that week's Monday)."""
        return self.local_date + dt.timedelta(days=6)


def on_day(store: FactStore, local_date: dt.date) -> tuple[AnniversaryItem, ...]:
    """Anniversaries shown on `local_date`: day-precise dates at least one year old, one per fact.

    29 February anniversaries move to 28 February in non-leap years so they are never lost.
    A fact whose date and a claim fall on the same day appears once, with its own date first.
    """
    entries = list(store.on_day(local_date.month, local_date.day))
    if (local_date.month, local_date.day) == (2, 28) and not calendar.isleap(local_date.year):
        entries.extend(store.on_day(2, 29))
    items: list[AnniversaryItem] = []
    seen: set[str] = set()
    for fact, date in entries:
        years_ago = local_date.year - date.year
        if years_ago < 1 or fact.id in seen:
            continue
        seen.add(fact.id)
        items.append(AnniversaryItem(fact, date, years_ago, is_round(years_ago), local_date))
    items.sort(key=lambda item: (item.date.year, item.date.month or 0, item.date.day or 0, item.fact.id))
    return tuple(items)


def next_anniversary(store: FactStore, after: dt.date) -> tuple[dt.date, int, tuple[AnniversaryItem, ...]] | None:
    """The first day strictly after `after` with anniversaries: (date, days away, items)."""
    if not store.anniversary_days():
        return None
    for days_away in range(1, LOOKAHEAD_DAYS + 1):
        day = after + dt.timedelta(days=days_away)
        items = on_day(store, day)
        if items:
            return day, days_away, items
    return None


def build_digest(store: FactStore, local_date: dt.date, mode: Mode) -> Digest | None:
    """The digest a subscription in `mode` gets on `local_date`, or None when nothing is sent.

    anniversaries: only on days that have some. daily: every day; on a day without
    anniversaries a fact of the day (chosen per chat from `pool`) and the next anniversary.
    weekly: every Monday, the anniversaries of Monday to Sunday (each fact once, on its first
    day), or, in a week without any, the next one to come.
    """
    if mode == "weekly":
        if local_date.weekday() != 0:
            return None
        week: list[AnniversaryItem] = []
        seen: set[str] = set()
        for offset in range(7):
            for item in on_day(store, local_date + dt.timedelta(days=offset)):
                if item.fact.id not in seen:
                    seen.add(item.fact.id)
                    week.append(item)
        upcoming = None if week else next_anniversary(store, local_date + dt.timedelta(days=6))
        return Digest(local_date, mode, tuple(week), upcoming)
    items = on_day(store, local_date)
    if mode == "anniversaries":
        return Digest(local_date, mode, items) if items else None
    if items:
        return Digest(local_date, mode, items)
    return Digest(local_date, mode, items, next_anniversary(store, local_date), fact_pool(store))


def has_digest(store: FactStore, local_date: dt.date, mode: Mode) -> bool:
    """Whether `mode` sends anything on `local_date`; the predicate next_delivery wants."""
    if mode == "daily":
        return True
    if mode == "weekly":
        return local_date.weekday() == 0
    return build_digest(store, local_date, mode) is not None


def next_monday(day: dt.date, include_today: bool = True) -> dt.date:
    """The Monday a weekly subscription is next sent on: `day` itself when it is a Monday
    and `include_today`, otherwise the following one."""
    ahead = (7 - day.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return day + dt.timedelta(days=ahead)


def fact_pool(store: FactStore) -> tuple[Fact, ...]:
    """Every fact in a fixed order that mixes topics and years (by a hash of its id), so
    consecutive days do not bring neighbouring facts on one subject."""
    return tuple(sorted(store.facts, key=lambda fact: _digest_of(fact.id)))


def fact_of_the_day(digest: Digest, chat_id: int) -> Fact | None:
    """The fact a chat gets on a day without anniversaries, or None when there is no pool.

    Each chat walks the pool one fact a day from its own starting point, so a chat sees no
    fact twice within len(pool) days (the whole store: months), whichever mode it was in
    meanwhile, and the choice depends only on the chat, the date and the data: the minute
    tick, a re-run and `kzru-bot broadcast --date` pick the same fact without storing one.
    """
    if not digest.pool:
        return None
    start = _digest_of(str(chat_id))
    return digest.pool[(start + digest.local_date.toordinal()) % len(digest.pool)]


def _digest_of(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")
