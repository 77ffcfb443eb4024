"""Typed callback data: one small dataclass per button action, encoded as `prefix:field:…`.

Telegram gives a button at most 64 bytes of data and hands it back untouched, possibly months
later and from an older layout. So each action's prefix carries a version digit ("f1"): when a
layout changes, its prefix changes, and old buttons decode to nothing (their tap gets a polite
"expired" toast, never a traceback). `decode` checks arity, digits and each action's own rules,
so forged data is refused the same way. `pattern` is the regex PTB routes the action by.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from dataclasses import dataclass
from typing import ClassVar, Literal, Self

from bot.model import LANGS
from bot.usecases.browse import LIST_NAMES, ListName
from bot.usecases.subscriptions import SETTINGS

MAX_DATA = 64
SEP = ":"
MAX_INT_DIGITS = 19
"""An int field holds at most a signed 64-bit SQLite row id."""
MAX_PAGE = 99_999
"""The last page a list button may name (600,000 facts at six a page), so the longest fact id fits."""
_FACT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_ARG = re.compile(r"^(-|[0-9]{4}s?)$")
"""A list's argument as buttons carry it: ALL ("-"), a year, or a decade ("1990s")."""


@dataclass(frozen=True, slots=True)
class Callback:
    """Base of every action: the fields in declaration order are the data after the prefix."""

    PREFIX: ClassVar[str]

    def encode(self) -> str:
        if not self.valid():
            raise ValueError(f"not data this action accepts: {self!r}")
        values = [str(getattr(self, f.name)) for f in dataclasses.fields(self)]
        if any(SEP in v or not v for v in values):
            raise ValueError(f"{type(self).__name__}: a field is empty or holds {SEP!r}: {values!r}")
        data = SEP.join((self.PREFIX, *values))
        if len(data.encode()) > MAX_DATA:
            raise ValueError(f"callback data over {MAX_DATA} bytes: {data!r}")
        return data

    @classmethod
    def decode(cls, data: str | None) -> Self | None:
        """The action, or None for anything we did not make (forged, stale, an older version)."""
        if not data or len(data.encode()) > MAX_DATA:
            return None
        prefix, *parts = data.split(SEP)
        fields = dataclasses.fields(cls)
        if prefix != cls.PREFIX or len(parts) != len(fields):
            return None
        values: list[object] = []
        for f, part in zip(fields, parts, strict=True):
            if f.type in (int, "int"):
                if not (part.isascii() and part.isdecimal() and len(part) <= MAX_INT_DIGITS):
                    return None
                values.append(int(part))
            else:
                values.append(part)
        made = cls(*values)
        return made if made.valid() else None

    def valid(self) -> bool:
        """Each action's own rule on its values (checked on decode)."""
        return True

    @classmethod
    def pattern(cls) -> str:
        """The regex PTB routes this action's taps by: its prefix (the version included), exactly."""
        return f"^{re.escape(cls.PREFIX)}({SEP}|$)"


@dataclass(frozen=True, slots=True)
class FactCard(Callback):
    """A fact's button on a list page: opens the card in place, with a way back to that page."""

    PREFIX: ClassVar[str] = "f1"
    fact_id: str
    list_name: str
    arg: str
    page: int

    def valid(self) -> bool:
        return (bool(_FACT_ID.match(self.fact_id)) and self.list_name in LIST_NAMES and bool(_ARG.match(self.arg))
                and self.page <= MAX_PAGE)

    @property
    def name(self) -> ListName:
        return next(n for n in LIST_NAMES if n == self.list_name)


@dataclass(frozen=True, slots=True)
class ListPageButton(Callback):
    """◀ ▶ on a list, and "back" from a card: draw that page of the list in place."""

    PREFIX: ClassVar[str] = "p1"
    list_name: str
    arg: str
    page: int

    def valid(self) -> bool:
        return self.list_name in LIST_NAMES and bool(_ARG.match(self.arg)) and self.page <= MAX_PAGE

    @property
    def name(self) -> ListName:
        return next(n for n in LIST_NAMES if n == self.list_name)


@dataclass(frozen=True, slots=True)
class PageCounter(Callback):
    """A label on a keyboard ("2/5" between ◀ and ▶, a /settings row's name) that only acknowledges the tap."""

    PREFIX: ClassVar[str] = "x1"


LANGUAGE_ORIGINS = ("lang", "start")


@dataclass(frozen=True, slots=True)
class LanguageChoice(Callback):
    """/lang's and /start's language buttons; `origin` says which message to redraw in the new language."""

    PREFIX: ClassVar[str] = "l2"
    lang: str
    origin: str

    def valid(self) -> bool:
        return self.lang in LANGS and self.origin in LANGUAGE_ORIGINS


SCRIPTS = ("cyrl", "latn")


@dataclass(frozen=True, slots=True)
class OpenFact(Callback):
    """A numbered "See also" or "Perhaps you meant" line's button: that fact's card, in the answer's
    language and script."""

    PREFIX: ClassVar[str] = "o1"
    fact_id: str
    lang: str
    script: str

    def valid(self) -> bool:
        return (bool(_FACT_ID.match(self.fact_id)) and self.lang in LANGS and self.script in SCRIPTS
                and (self.script == "cyrl" or self.lang == "kk"))


@dataclass(frozen=True, slots=True)
class DayButton(Callback):
    """/date's ◀ ▶: the calendar day to show (the year is the bot's, as /date DD.MM counts it)."""

    PREFIX: ClassVar[str] = "d1"
    month: int
    day: int

    def valid(self) -> bool:
        return 1 <= self.month <= 12 and 1 <= self.day <= calendar.monthrange(2000, self.month)[1]


@dataclass(frozen=True, slots=True)
class AnotherFact(Callback):
    """/fact's "another fact": a new random fact in place of the shown one."""

    PREFIX: ClassVar[str] = "n1"


@dataclass(frozen=True, slots=True)
class Unsubscribe(Callback):
    """/settings' Unsubscribe: pauses the chat's subscription, keeping its settings."""

    PREFIX: ClassVar[str] = "z1"


@dataclass(frozen=True, slots=True)
class OpenSettings(Callback):
    """⚙ under a delivered "on this day" message: the chat's /settings as a new message."""

    PREFIX: ClassVar[str] = "g1"


EXAMPLES = (1, 2, 3)


@dataclass(frozen=True, slots=True)
class Example(Callback):
    """/start's example questions, answered as if typed (`example.<n>` in the chat's language)."""

    PREFIX: ClassVar[str] = "q1"
    n: int

    def valid(self) -> bool:
        return self.n in EXAMPLES


@dataclass(frozen=True, slots=True)
class SettingButton(Callback):
    """A /settings button: mode, time (HHMM), zone or language; the value is checked on use."""

    PREFIX: ClassVar[str] = "s1"
    field: str
    value: str

    def valid(self) -> bool:
        return self.field in SETTINGS


VOTES: dict[str, Literal[1, -1]] = {"+": 1, "-": -1}


@dataclass(frozen=True, slots=True)
class Rate(Callback):
    """👍 (+) or 👎 (-) under an answer, by the answer's id in the feedback log."""

    PREFIX: ClassVar[str] = "r1"
    answer_id: int
    vote: str

    def valid(self) -> bool:
        return self.vote in VOTES


@dataclass(frozen=True, slots=True)
class UnansweredButton(Callback):
    """/unanswered: "h" marks the entry handled (and redraws `page`), "p" turns to `page` (entry "-")."""

    PREFIX: ClassVar[str] = "u1"
    op: str
    entry: str
    page: int

    def valid(self) -> bool:
        return self.op == "p" or (self.op == "h" and self.entry.isascii() and self.entry.isdecimal())


ACTIONS: tuple[type[Callback], ...] = (FactCard, ListPageButton, PageCounter, LanguageChoice, Example, SettingButton,
                                       Rate, UnansweredButton, OpenFact, DayButton, AnotherFact, Unsubscribe,
                                       OpenSettings)
"""Every action; prefixes are unique (a unit test checks), so each tap reaches one handler."""
