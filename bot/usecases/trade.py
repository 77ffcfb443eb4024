"""/trade: which trade facts to list, for which year, and the turnover series its chart draws.

Pure functions of the fact store; handlers/trade.py parses the command, calls trade_view and
renders the result, and bot/charts.py draws the series. Keeping the choice of facts here means
the list, the chart and a group's shortened list all agree on what "the 2011 figures" are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from bot.figures import currency_unstated
from bot.model import Fact, PartialDate, Source
from bot.store import FactStore
from bot.usecases.browse import GROUP_SUMMARY

TURNOVER = "trade_turnover"
AXIS_UNIT, AXIS_CURRENCY = "billion", "USD"
YEAR_RE = re.compile(r"[0-9]{4}")
"""Four ASCII digits: "²⁰¹¹", "0" and "-2011" are not years a reader means."""
PAYLOAD = "tr"
"""The /start payload of the trade list in a private chat ("tr", or "tr_2011" for one year)."""


@dataclass(frozen=True, slots=True)
class TurnoverPoint:
    """One yearly turnover figure placed on a true time axis (x in years, months as fractions)."""

    x: float
    year: int
    value: float
    lower_bound: bool
    fact: Fact


@dataclass(frozen=True, slots=True)
class TurnoverSeries:
    """What the chart draws: USD figures on the axis; figures in another or no stated currency
    only in a footnote; each source with the years it gives; the year asked about, if any."""

    on_axis: tuple[TurnoverPoint, ...]
    off_axis: tuple[TurnoverPoint, ...]
    sources: tuple[tuple[Source, tuple[int, ...]], ...]
    highlight: int | None = None
    """The year asked about, when the chart shows it (inside the axis's years, or footnoted)."""


@dataclass(frozen=True, slots=True)
class TradeView:
    """The reply to /trade [year]: the facts in reading order and the chart's series."""

    year: int | None
    facts: tuple[Fact, ...]
    series: TurnoverSeries
    shown: int
    """How many facts the message lists (fewer than len(facts) in a group)."""

    @property
    def more(self) -> int:
        return len(self.facts) - self.shown

    @property
    def link_payload(self) -> str:
        return f"{PAYLOAD}_{self.year}" if self.year else PAYLOAD


@dataclass(frozen=True, slots=True)
class BadYear:
    """The argument is not a year."""


@dataclass(frozen=True, slots=True)
class NoFigures:
    """No trade fact is about the year asked for; the years that have some."""

    year: int
    known: tuple[int, ...]


def parse_trade_year(arg: str) -> int | None | BadYear:
    """None for no argument, the year for four ASCII digits, else BadYear."""
    arg = arg.strip()
    if not arg:
        return None
    return int(arg) if YEAR_RE.fullmatch(arg) else BadYear()


def _x(date: PartialDate) -> float:
    """A date's position in years (a month as a fraction of its year), so spacing is true to time."""
    return date.year + ((date.month or 1) - 1) / 12


def turnover_series(store: FactStore, highlight: int | None = None) -> TurnoverSeries:
    """Every yearly turnover figure, in time order: USD billions on the axis, the rest off it."""
    on_axis: list[TurnoverPoint] = []
    off_axis: list[TurnoverPoint] = []
    years_by_source: dict[str, set[int]] = defaultdict(set)
    for fact in store.by_kind("trade"):
        when = fact.when
        if fact.metric != TURNOVER or fact.value is None or when is None or fact.start:
            continue
        point = TurnoverPoint(_x(when), when.year, fact.value, fact.qualifier == "over", fact)
        usd = fact.unit == AXIS_UNIT and fact.currency == AXIS_CURRENCY and not currency_unstated(fact)
        (on_axis if usd else off_axis).append(point)
        for cite in fact.citations():
            years_by_source[cite.source].add(when.year)
    sources = tuple((store.sources[sid], tuple(sorted(years))) for sid, years in years_by_source.items())
    axis = [p.year for p in on_axis] or [0]
    shown = highlight is not None and (min(axis) <= highlight <= max(axis) or highlight in {p.year for p in off_axis})
    return TurnoverSeries(tuple(sorted(on_axis, key=lambda p: p.x)), tuple(sorted(off_axis, key=lambda p: p.x)),
                          tuple(sorted(sources, key=lambda s: s[1])), highlight if shown else None)


def _reading_order(fact: Fact) -> tuple[int, int, int, int, int]:
    """Time order; within a year the figures first, the turnover heading them."""
    when = fact.when
    key = when.key if when else (9999, 0, 0)
    return (key[0], fact.value is None, fact.metric != TURNOVER, key[1], key[2])


def trade_view(store: FactStore, arg: str, in_group: bool) -> TradeView | BadYear | NoFigures:
    """The dated trade facts (of one year, when asked), in reading order, and the chart's series."""
    year = parse_trade_year(arg)
    if isinstance(year, BadYear):
        return year
    trade = [f for f in store.by_kind("trade") if f.when is not None]
    if year is not None:
        trade = [f for f in trade if year in f.years]
        if not trade:
            known = sorted({y for f in store.by_kind("trade") for y in f.years})
            return NoFigures(year, tuple(known))
    facts = tuple(sorted(trade, key=_reading_order))
    shown = GROUP_SUMMARY if in_group and len(facts) > GROUP_SUMMARY else len(facts)
    return TradeView(year, facts, turnover_series(store, year), shown)
