"""When a subscription is due: parsing a chat's chosen time and zone, and DST-correct arithmetic.

Everything here is pure (no I/O, no clock reads): the caller passes "now" in, so the rules can be
tested on any date, including daylight-saving changes, without waiting for one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.subscription import Subscription
from bot.zones import find_zone

SEARCH_DAYS = 400
"""How far ahead next_delivery looks; a year and a bit covers every yearly anniversary."""

_NOT_ZONES = frozenset({"factory", "localtime", "posixrules", "posix/localtime"})
_TIME_RE = re.compile(r"^\s*(\d{1,2})\s*[:.]\s*(\d{2})\s*$")
_OFFSET_RE = re.compile(r"^\s*(?:(?:utc|gmt)\s*)?([+\-\u2212])\s*(\d{1,2})(?:\s*:?\s*(\d{2}))?\s*$", re.IGNORECASE)
_UTC_NAMES = frozenset({"utc", "gmt", "z", "etc/utc", "etc/gmt", "utc+0", "utc-0", "gmt+0", "gmt-0"})
_MAX_OFFSET = dt.timedelta(hours=14)


class ScheduleError(ValueError):
    """A user's time or zone could not be understood; `code` names the message to show them."""

    def __init__(self, code: str, text: str = "") -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


def parse_time(text: str) -> dt.time:
    """Read a wall-clock time as people type it: "9:00", "09:00", "21.30"."""
    match = _TIME_RE.match(text)
    if not match:
        raise ScheduleError("bad_time", text)
    hour, minute = int(match.group(1)), int(match.group(2))
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ScheduleError("bad_time", text)
    return dt.time(hour, minute)


@lru_cache(maxsize=1)
def _zone_names() -> tuple[dict[str, str], dict[str, str]]:
    """Lower-cased IANA names → proper names, and unambiguous city names → full names."""
    names = {z for z in available_timezones() if z.lower() not in _NOT_ZONES}
    by_lower = {z.lower(): z for z in names}
    cities: dict[str, list[str]] = {}
    for name in names:
        if "/" in name and not name.startswith(("Etc/", "posix/", "right/")):
            cities.setdefault(name.rsplit("/", 1)[1].lower(), []).append(name)
    unique = {city: found[0] for city, found in cities.items() if len(found) == 1}
    return by_lower, unique


def _fixed_name(offset: dt.timedelta) -> str:
    if not offset:
        return "UTC"
    sign = "+" if offset > dt.timedelta(0) else "-"
    minutes = abs(offset) // dt.timedelta(minutes=1)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def parse_zone(text: str) -> str:
    """Turn what a user typed into one canonical zone name that zone() accepts.

    IANA names match case-insensitively ("europe/moscow" → "Europe/Moscow"); so do city and
    country names in kk, ru and en ("Мәскеу", "Новосибирск", "Kazakhstan", bot.zones), and
    a bare IANA city when only one zone has it ("Sao_Paulo"). Offsets ("UTC+5", "GMT-3",
    "+05:30") become fixed zones named "UTC+05:00"; those never observe DST, which is what a
    user typing an offset asks for.
    """
    raw = text.strip()
    key = raw.lower().replace(" ", "_")
    if not key:
        raise ScheduleError("bad_zone", text)
    if key in _UTC_NAMES:
        return "UTC"
    match = _OFFSET_RE.match(raw)
    if match:
        sign = -1 if match.group(1) in "-\u2212" else 1
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        offset = sign * dt.timedelta(hours=hours, minutes=minutes)
        if minutes > 59 or abs(offset) > _MAX_OFFSET:
            raise ScheduleError("bad_zone", text)
        return _fixed_name(offset)
    by_lower, cities = _zone_names()
    found = by_lower.get(key) or find_zone(raw) or cities.get(key)
    if found is None:
        raise ScheduleError("bad_zone", text)
    return found


def parse_subscribe_args(args: Sequence[str]) -> tuple[dt.time | None, str | None]:
    """`/subscribe [HH:MM] [zone]` arguments in any order: (time, canonical zone), None where absent.

    Every word that is not a time belongs to the zone, so names of two words ("Нижний
    Новгород", "New York", "UTC +5") arrive whole. ScheduleError says which part was wrong.
    """
    at: dt.time | None = None
    words: list[str] = []
    for arg in args:
        if _looks_like_time(arg):
            at = parse_time(arg)
        else:
            words.append(arg)
    return at, parse_zone(" ".join(words)) if words else None


def _looks_like_time(arg: str) -> bool:
    """ "8:30", "08.30" and "9" are meant as times (and "9" is rejected as one); "+5" is a zone."""
    return arg[:1].isdigit() and (":" in arg or arg.replace(".", "").isdigit())


_FIXED_RE = re.compile(r"^UTC([+-])(\d{2}):(\d{2})$")


@lru_cache(maxsize=1024)
def zone(name: str) -> dt.tzinfo:
    """The tzinfo for a canonical name from parse_zone (fixed offsets included)."""
    match = _FIXED_RE.match(name)
    if match:
        offset = dt.timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
        if offset > _MAX_OFFSET:
            raise ScheduleError("bad_zone", name)
        return dt.timezone(-offset if match.group(1) == "-" else offset, name)
    if name.lower() in _NOT_ZONES:
        raise ScheduleError("bad_zone", name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ScheduleError("bad_zone", name) from exc


def fire_instant(day: dt.date, at: dt.time, tz: dt.tzinfo) -> dt.datetime:
    """The UTC instant at which wall time `at` on local `day` is reached.

    A time skipped by a spring-forward gap counts as reached at the first instant after the
    gap; a time that happens twice when clocks fall back counts at its first occurrence.
    """
    naive = dt.datetime.combine(day, at)
    first = naive.replace(tzinfo=tz, fold=0).astimezone(dt.UTC)
    if first.astimezone(tz).replace(tzinfo=None) == naive:
        return first
    # In a gap: fold=1 reads the wall time with the later offset, which lands before the
    # transition, fold=0 with the earlier offset, which lands after it. The transition
    # instant between them is the first one after the gap.
    lo = int(naive.replace(tzinfo=tz, fold=1).timestamp())
    hi = int(first.timestamp())
    lo, hi = min(lo, hi), max(lo, hi)
    before = _offset_at(lo, tz)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _offset_at(mid, tz) == before:
            lo = mid
        else:
            hi = mid
    return dt.datetime.fromtimestamp(hi, dt.UTC)


def _offset_at(timestamp: int, tz: dt.tzinfo) -> dt.timedelta | None:
    return dt.datetime.fromtimestamp(timestamp, tz).utcoffset()


def local_today(tz_name: str, now_utc: dt.datetime) -> dt.date:
    """The calendar date on the chat's wall clock at `now_utc`."""
    return _aware(now_utc).astimezone(zone(tz_name)).date()


def due_local_date(sub: Subscription, now_utc: dt.datetime) -> dt.date | None:
    """The chat's local date if its chosen time has been reached today, else None.

    Only today's date is ever returned, so a bot that was down catches up later the same
    local day but never sends yesterday's message on the next day.
    """
    tz = zone(sub.tz)
    now = _aware(now_utc)
    today = now.astimezone(tz).date()
    return today if now >= fire_instant(today, sub.time, tz) else None


def next_delivery(
    sub: Subscription,
    now_utc: dt.datetime,
    served_today: bool,
    has_message: Callable[[dt.date], bool],
) -> dt.datetime | None:
    """When the chat next gets a message, as an aware datetime in its zone, for confirmations.

    Today counts while it is not served yet. If its time has already passed, the next minute
    tick catches up, so the answer is that minute, never a moment in the past; this holds for a
    time just chosen after it passed today too (the chat gets today's message now, by design).
    `has_message(day)`
    says whether the mode has something to send that day, e.g.
    `lambda d: build_digest(store, d, sub.mode) is not None`; daily mode sends every day
    without asking, weekly only looks at Mondays. None if nothing comes within SEARCH_DAYS.
    """
    tz = zone(sub.tz)
    today = _aware(now_utc).astimezone(tz).date()
    start = 1 if served_today else 0
    for offset in range(start, SEARCH_DAYS + 1):
        day = today + dt.timedelta(days=offset)
        if sub.mode == "weekly" and day.weekday() != 0:
            continue
        if sub.mode == "daily" or has_message(day):
            return max(fire_instant(day, sub.time, tz), next_tick(now_utc)).astimezone(tz)
    return None


def next_tick(now_utc: dt.datetime) -> dt.datetime:
    """The start of the next minute: when the minute tick next looks at what is due."""
    return (_aware(now_utc) + dt.timedelta(minutes=1)).replace(second=0, microsecond=0)



def _aware(moment: dt.datetime) -> dt.datetime:
    """Treat a naive datetime as UTC, so callers cannot silently mix in local server time."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
