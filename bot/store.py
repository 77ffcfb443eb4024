"""The immutable in-memory fact store, indexed the ways the bot looks facts up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from bot.model import Fact, PartialDate, Source


class FactStore:
    """All facts and sources, with lookups by id, kind, year and month-day.

    Built once at start-up from validated data; nothing mutates it afterwards, so every
    handler and job can share one instance without locks.
    """

    def __init__(self, facts: Iterable[Fact], sources: Iterable[Source]) -> None:
        self.facts: tuple[Fact, ...] = tuple(sorted(facts, key=_timeline_key))
        self.sources: Mapping[str, Source] = MappingProxyType({s.id: s for s in sources})
        self._by_id = {f.id: f for f in self.facts}
        by_kind: dict[str, list[Fact]] = defaultdict(list)
        by_year: dict[int, list[Fact]] = defaultdict(list)
        by_day: dict[tuple[int, int], list[tuple[Fact, PartialDate]]] = defaultdict(list)
        for fact in self.facts:
            by_kind[fact.kind].append(fact)
            for year in fact.years:
                by_year[year].append(fact)
            for date in fact.anniversary_dates:
                assert date.month_day is not None
                by_day[date.month_day].append((fact, date))
        self._by_kind = {k: tuple(v) for k, v in by_kind.items()}
        self._by_year = {k: tuple(v) for k, v in by_year.items()}
        self._by_day = {k: tuple(v) for k, v in by_day.items()}

    def __len__(self) -> int:
        return len(self.facts)

    def get(self, fact_id: str) -> Fact | None:
        return self._by_id.get(fact_id)

    def by_kind(self, kind: str) -> tuple[Fact, ...]:
        return self._by_kind.get(kind, ())

    def by_year(self, year: int) -> tuple[Fact, ...]:
        return self._by_year.get(year, ())

    def in_years(self, first: int, last: int) -> tuple[Fact, ...]:
        """Facts touching any year in [first, last], in timeline order, each once."""
        return tuple(f for f in self.facts if any(first <= y <= last for y in f.years))

    def on_day(self, month: int, day: int) -> tuple[tuple[Fact, PartialDate], ...]:
        """Day-precise anniversaries of (month, day): each fact with the dated version that falls then."""
        return self._by_day.get((month, day), ())

    def anniversary_days(self) -> tuple[tuple[int, int], ...]:
        """Every (month, day) that has at least one anniversary, in calendar order."""
        return tuple(sorted(self._by_day))

    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self._by_year))


def _timeline_key(fact: Fact) -> tuple[int, int, int, str]:
    when = fact.when
    if when is None:
        return (9999, 0, 0, fact.id)
    return (when.year, when.month or 0, when.day or 0, fact.id)
