"""What "on this day" sends: anniversaries of a date, and the digest each subscription mode gets.

Domain objects only; renderers turn a Digest into text in the chat's language.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from bot.model import Fact, PartialDate
from bot.store import FactStore
from bot.subscription import Mode

LOOKAHEAD_DAYS = 800
"""How far next_anniversary searches: two years, in case this year's only anniversary is its first."""


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

    `upcoming` (daily mode, on a day without anniversaries) is the next day that has some:
    (that date, how many days away, its items).
    """

    local_date: dt.date
    mode: Mode
    items: tuple[AnniversaryItem, ...]
    upcoming: tuple[dt.date, int, tuple[AnniversaryItem, ...]] | None = None


def day_to_show(month: int, day: int, this_year: int) -> dt.date:
    """The date a request for a calendar day (`/date DD.MM`) shows: that day this year, and
    29 February in the first leap year from this year on (this year when it is one), so the
    years elapsed are counted to a 29 February that exists. ValueError for a day no year has."""
    year = this_year
    if (month, day) == (2, 29):
        while not calendar.isleap(year):
            year += 1
    return dt.date(year, month, day)


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
        items.append(AnniversaryItem(fact, date, years_ago, years_ago % 5 == 0, local_date))
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

    anniversaries: only on days that have some. daily: every day, naming the next anniversary
    when today has none. weekly: on Mondays, the anniversaries of Monday to Sunday (each fact
    once, on its first day).
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
        return Digest(local_date, mode, tuple(week)) if week else None
    items = on_day(store, local_date)
    if mode == "anniversaries":
        return Digest(local_date, mode, items) if items else None
    upcoming = None if items else next_anniversary(store, local_date)
    return Digest(local_date, mode, items, upcoming)


def has_digest(store: FactStore, local_date: dt.date, mode: Mode) -> bool:
    """Whether `mode` sends anything on `local_date`; the predicate next_delivery wants."""
    if mode == "daily":
        return True
    return build_digest(store, local_date, mode) is not None
