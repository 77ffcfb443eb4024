"""Every day-precise anniversary as an iCalendar file (RFC 5545), for /calendar and `kzru-bot calendar`.

One yearly all-day event per anniversary date, titled and told in one language, its sources in
the description. UIDs name the fact, not the language or the date, so importing the file again
(or in another language, or after a date was corrected) updates events instead of adding new
ones. Facts dated only to a month or a year have no day to fall on and are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from bot.engine import RefNumbering
from bot.i18n import t
from bot.model import Claim, Fact, PartialDate
from bot.render_text import reference_line
from bot.store import FactStore

UID_DOMAIN: Final = "kzru-bot"
PRODID: Final = "-//kzru-bot//Kazakhstan-Russia anniversaries//EN"


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One anniversary event: the fact, the day-precise date it is remembered on, and its UID.

    `claim` is the source's version the date comes from when the sources disagree on the date."""

    fact: Fact
    date: PartialDate
    uid: str
    claim: Claim | None = None

    @property
    def first_day(self) -> dt.date:
        assert self.date.month is not None and self.date.day is not None
        return dt.date(self.date.year, self.date.month, self.date.day)


def calendar_entries(store: FactStore) -> tuple[CalendarEntry, ...]:
    """Every distinct day-precise date of every fact, in timeline order. A fact's first date has
    the UID `<fact id>@kzru-bot`, further ones (other sources' versions) `<fact id>-2@…`, `-3@…`."""
    entries: list[CalendarEntry] = []
    for fact in store.facts:
        dates = list(dict.fromkeys(fact.anniversary_dates))
        for n, date in enumerate(dates, start=1):
            claim = next((c for c in fact.claims if c.date == date), None) if date not in (fact.date, fact.start) else None
            uid = f"{fact.id}@{UID_DOMAIN}" if n == 1 else f"{fact.id}-{n}@{UID_DOMAIN}"
            entries.append(CalendarEntry(fact, date, uid, claim))
    return tuple(entries)


def description(entry: CalendarEntry, store: FactStore, lang: str) -> str:
    """The fact's text on one line, the source's version when the date is disputed, then the sources."""
    lines = [" ".join(entry.fact.text[lang].split())]
    if entry.claim is not None and entry.claim.note.get(lang):
        lines.append(" ".join(entry.claim.note[lang].split()))
    numbering = RefNumbering(store.sources)
    numbering.add(entry.fact.citations())
    refs = [reference_line(ref, lang) for ref in numbering.references()]
    return "\n".join(lines) + f"\n\n{t(lang, 'answer.sources')}\n" + "\n".join(refs)


def anniversary_calendar(store: FactStore, lang: str, stamp: dt.datetime) -> bytes:
    """The .ics file in `lang`; `stamp` (UTC) is every event's DTSTAMP, when the file was made.

    icalendar is imported here, on the first /calendar: the bot need not carry it (~3 MB) before."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", t(lang, "calendar.name"))
    cal.add("x-wr-caldesc", t(lang, "calendar.description"))
    for entry in calendar_entries(store):
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp.astimezone(dt.UTC))
        event.add("dtstart", entry.first_day)
        event.add("dtend", entry.first_day + dt.timedelta(days=1))
        if (entry.first_day.month, entry.first_day.day) == (2, 29):
            # Remembered on the last day of February, so it is not skipped three years in four.
            event.add("rrule", {"freq": "yearly", "bymonth": 2, "bymonthday": -1})
        else:
            event.add("rrule", {"freq": "yearly"})
        event.add("summary", entry.fact.title[lang])
        event.add("description", description(entry, store, lang))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())
