"""Domain objects of the fact store: plain, immutable, free of any Telegram markup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["kk", "ru", "en"]
LANGS: tuple[Lang, ...] = ("kk", "ru", "en")
KINDS: tuple[str, ...] = ("treaty", "visit", "trade", "event", "figure")
SCALES: Mapping[str, int] = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
"""What a measured unit's `scale` multiplies its value by ("7 thousand km", "14 million tonnes"); a sum of money or a
head count keeps its scale in `unit` ("1.7 trillion" USD, "170 million" people)."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the precision the source gives: a year, a month or a day.

    Ordered by (year, month or 0, day or 0): a year sorts before any month of it.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.key < other.key

    def __le__(self, other: PartialDate) -> bool:
        return self.key <= other.key

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise ValueError on anything else."""
        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"bad date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
        if any(len(p) != 2 for p in parts[1:]):
            raise ValueError(f"bad date {text!r}: month and day take two digits")
        nums = [int(p) for p in parts]
        if len(nums) == 3:
            dt.date(nums[0], nums[1], nums[2])
            return cls(nums[0], nums[1], nums[2])
        if len(nums) == 2:
            if not 1 <= nums[1] <= 12:
                raise ValueError(f"bad date {text!r}: month {nums[1]} does not exist")
            return cls(nums[0], nums[1])
        return cls(nums[0])

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def month_day(self) -> tuple[int, int] | None:
        """The (month, day) an anniversary falls on; None unless the day is known."""
        if self.month is None or self.day is None:
            return None
        return (self.month, self.day)

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    line: int


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's version of a disputed date or figure."""

    date: PartialDate | None
    value: float | None
    unit: str | None
    qualifier: str | None
    note: Mapping[str, str]
    cite: tuple[Citation, ...]
    scale: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One source text. `author` and `publisher` are the forms the source itself signs; the
    `*_forms` mappings spell them in each reader's script (Cyrillic in kk and ru, Latin in en)."""

    id: str
    file: str
    title: Mapping[str, str]
    author: str | None
    publisher: str | None
    date: str | None
    date_note: Mapping[str, str] | None
    url: str | None
    language: str
    kind: str
    short_title: Mapping[str, str] | None = None
    author_forms: Mapping[str, str] = field(default_factory=dict)
    publisher_forms: Mapping[str, str] = field(default_factory=dict)

    def who(self, lang: str) -> str | None:
        """Publisher, else author, spelled for a reader of `lang` (one spelling everywhere)."""
        if self.publisher:
            return self.publisher_forms.get(lang, self.publisher)
        if self.author:
            return self.author_forms.get(lang, self.author)
        return None

    def brief_title(self, lang: str) -> str:
        """The short title a reference under an answer uses; the full one where there is none."""
        return (self.short_title or self.title)[lang]


@dataclass(frozen=True, slots=True)
class Fact:
    """One sourced statement, told in kk, ru and en."""

    id: str
    kind: str
    title: Mapping[str, str]
    text: Mapping[str, str]
    cite: tuple[Citation, ...] = ()
    tags: tuple[str, ...] = ()
    date: PartialDate | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    place: Mapping[str, str] | None = None
    people: Mapping[str, tuple[str, ...]] | None = None
    value: float | None = None
    unit: str | None = None
    scale: str | None = None
    currency: str | None = None
    qualifier: str | None = None
    metric: str | None = None
    times: int | None = None
    """How many occurrences (visits, meetings) the fact records, where questions count them across facts."""
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    questions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    claims: tuple[Claim, ...] = ()
    file: str = ""
    line: int = 0

    @property
    def disputed(self) -> bool:
        return len(self.claims) > 1

    @property
    def when(self) -> PartialDate | None:
        """The date a timeline sorts this fact by: its date, its start, or its earliest claim."""
        if self.date or self.start:
            return self.date or self.start
        dated = [c.date for c in self.claims if c.date]
        return min(dated) if dated else None

    @property
    def years(self) -> frozenset[int]:
        """Every year the fact is about (dates, period bounds and claims)."""
        out = {d.year for d in (self.date, self.start, self.end) if d}
        out.update(c.date.year for c in self.claims if c.date)
        if self.start and self.end:
            out.update(range(self.start.year, self.end.year + 1))
        return frozenset(out)

    @property
    def anniversary_dates(self) -> tuple[PartialDate, ...]:
        """Day-precise dates this fact may be remembered on (its date, its start, its claims)."""
        dates = [d for d in (self.date, self.start) if d and d.month_day]
        dates.extend(c.date for c in self.claims if c.date and c.date.month_day)
        return tuple(dates)

    def citations(self) -> tuple[Citation, ...]:
        """All citations in reading order: the fact's own, then each claim's, without repeats."""
        seen: dict[Citation, None] = dict.fromkeys(self.cite)
        for claim in self.claims:
            seen.update(dict.fromkeys(claim.cite))
        return tuple(seen)
