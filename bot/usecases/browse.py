"""The browse queries: which facts a list holds, one page of it, a calendar day, a deep link.

Pure functions of the fact store and plain values; the handlers parse the command, call one of
these and render the result. Lists are named by short codes that also travel in buttons and
deep links: t = treaties, v = visits (of a year), tl = the timeline (of a year or a decade).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from bot import dates
from bot.anniversaries import AnniversaryItem, next_anniversary, on_day
from bot.model import Fact
from bot.store import FactStore

ListName = Literal["t", "v", "tl"]
LIST_NAMES: tuple[ListName, ...] = ("t", "v", "tl")
ALL = "-"
"""The argument of a list asked for without one (every treaty, every visit, the whole timeline)."""
PAGE_SIZE = 6
GROUP_SUMMARY = 5
"""Lines a group gets of a longer list, with a link to the whole list in a private chat."""
FIRST_YEAR, LAST_YEAR = 1500, 2099
DECADE_RE = re.compile(r"^(1[5-9]\d|20\d)0-?(s|е|х|ж|жж)?$", re.IGNORECASE)


def parse_year(text: str) -> int | None:
    """A year in range, else None; isdecimal, not isdigit, since int() rejects digits like '²'."""
    return int(text) if text.isdecimal() and FIRST_YEAR <= int(text) <= LAST_YEAR else None


def visits_arg(text: str | None) -> str | None:
    """/visits' argument: ALL, or a year (in ASCII digits, however typed); None when it is neither
    (the user is told the format)."""
    if text is None or text == ALL:
        return ALL
    year = parse_year(text)
    return None if year is None else str(year)


def timeline_arg(text: str | None) -> str | None:
    """/timeline's argument: ALL, a year, or a decade written any common way ("1990s", "1990-е",
    "1990 жж", "199") as "1990s"; None when it is none of those."""
    if text is None:
        return ALL
    arg = text.lower()
    if arg == ALL:
        return ALL
    decade = DECADE_RE.match(arg)
    if decade and (not arg.endswith("0") or len(arg) > 4):
        return f"{int(decade.group(1))}0s"
    year = parse_year(arg)
    return None if year is None else str(year)


def list_facts(store: FactStore, name: str, arg: str) -> list[Fact]:
    """The facts of a named list: every treaty; the visits (of a year); the timeline of a year, a
    decade, or every dated fact."""
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


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of a list: its facts, where it is (0-based page of pages) and the list's size."""

    name: ListName
    arg: str
    facts: tuple[Fact, ...]
    page: int
    pages: int
    total: int


def list_page(store: FactStore, name: ListName, arg: str, page: int) -> ListPage:
    """The page asked for, clamped to the pages there are (a stale button may ask for one past the end)."""
    facts = list_facts(store, name, arg)
    pages = max(1, -(-len(facts) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    return ListPage(name, arg, tuple(facts[page * PAGE_SIZE: (page + 1) * PAGE_SIZE]), page, pages, len(facts))


@dataclass(frozen=True, slots=True)
class ListView:
    """What a list command shows: nothing (empty), a group's summary, or the first page."""

    name: ListName
    arg: str
    total: int
    summary: tuple[Fact, ...] = ()
    """In a group, the first GROUP_SUMMARY facts of a longer list (the rest via a private chat)."""
    first_page: ListPage | None = None

    @property
    def link_payload(self) -> str:
        """The /start payload that opens this list in a private chat (t, v_2008, tl_1990s)."""
        return f"{self.name}_{self.arg}" if self.arg and self.arg != ALL else self.name


def show_list(store: FactStore, name: ListName, arg: str, in_group: bool) -> ListView:
    facts = list_facts(store, name, arg)
    if in_group and len(facts) > GROUP_SUMMARY:
        return ListView(name, arg, len(facts), summary=tuple(facts[:GROUP_SUMMARY]))
    if not facts:
        return ListView(name, arg, 0)
    return ListView(name, arg, len(facts), first_page=list_page(store, name, arg, 0))


@dataclass(frozen=True, slots=True)
class DayView:
    """A calendar day's anniversaries; on a day without any, the next day that has some."""

    day: dt.date
    items: tuple[AnniversaryItem, ...]
    upcoming: tuple[dt.date, int, tuple[AnniversaryItem, ...]] | None = None


def day_view(store: FactStore, day: dt.date) -> DayView:
    items = on_day(store, day)
    return DayView(day, items, None if items else next_anniversary(store, day))


def parse_day(text: str, today: dt.date) -> dt.date | None:
    """/date's argument as the date to show, as bot.dates.parse_day reads it ("17.12", "17 декабря",
    "17 желтоқсан", "Dec 17", nothing = today; 29.02 in the first leap year from today's); None
    for anything else (the user is told the format)."""
    try:
        return dates.parse_day(text, today)
    except ValueError:
        return None


def day_button_target(month: int, day: int, today: dt.date) -> dt.date | None:
    """The day a ◀ ▶ button names, shown as /date shows it; None for a day no year has."""
    try:
        return dates.day_to_show(month, day, today.year)
    except ValueError:
        return None


def neighbour_days(shown: dt.date, today: dt.date) -> tuple[dt.date, dt.date]:
    """The days ◀ and ▶ lead to from a shown day."""
    return dates.step_day(shown, -1, today.year), dates.step_day(shown, 1, today.year)


def random_fact(store: FactStore, choose: Callable[[Sequence[Fact]], Fact] = random.choice) -> Fact:
    return choose(store.facts)


@dataclass(frozen=True, slots=True)
class ListLink:
    name: ListName
    arg: str


def deep_link(store: FactStore, payload: str) -> ListLink | Fact | None:
    """A /start payload from a group's button: a list (t, v_2008, tl_1990s) or a fact (f_<id>);
    None for anything else, or a list argument our buttons never carry."""
    name, _, arg = payload.partition("_")
    if name == "t":
        return ListLink("t", ALL)
    if name == "v" and (checked := visits_arg(arg or ALL)) is not None:
        return ListLink("v", checked)
    if name == "tl" and (checked := timeline_arg(arg or ALL)) is not None:
        return ListLink("tl", checked)
    if name == "f":
        return store.get(arg.replace("_", "-"))
    return None
