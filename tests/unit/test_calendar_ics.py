"""The anniversary calendar checked against the fact store: parsed with icalendar, every event's
date, recurrence, UID and language compared with the facts it comes from."""

from __future__ import annotations

import datetime as dt

import pytest
from botharness import real_store
from icalendar import Calendar

from bot.ics import anniversary_calendar, calendar_entries
from bot.model import LANGS, Citation, Claim, Fact, PartialDate
from bot.store import FactStore

STAMP = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def day_dates(fact: Fact) -> list[dt.date]:
    """A fact's day-precise dates, read from its fields (not through the code under test)."""
    found = [fact.date, fact.start, *(c.date for c in fact.claims)]
    days = [dt.date(d.year, d.month, d.day) for d in found if d is not None and d.month and d.day]
    return list(dict.fromkeys(days))


def events(data: bytes) -> list[dict[str, object]]:
    cal = Calendar.from_ical(data)
    return [{"uid": str(e["uid"]), "start": e["dtstart"].dt, "end": e["dtend"].dt, "rrule": dict(e["rrule"]),
             "summary": str(e["summary"]), "description": str(e["description"]), "stamp": e["dtstamp"].dt}
            for e in cal.walk("VEVENT")]


def expected_events(store: FactStore) -> dict[str, tuple[Fact, dt.date]]:
    """UID → (fact, first day): `<id>@kzru-bot` for a fact's first day-precise date, `<id>-2@…` on
    for further versions of a disputed date."""
    out: dict[str, tuple[Fact, dt.date]] = {}
    for fact in store.facts:
        for n, day in enumerate(day_dates(fact), start=1):
            out[f"{fact.id}@kzru-bot" if n == 1 else f"{fact.id}-{n}@kzru-bot"] = (fact, day)
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_day_precise_anniversary_is_one_yearly_event_in_the_language(lang: str) -> None:
    store = real_store()
    parsed = events(anniversary_calendar(store, lang, STAMP))
    expected = expected_events(store)
    assert len(parsed) == len(expected) > 20
    assert {str(e["uid"]) for e in parsed} == set(expected), "one event per anniversary, UIDs unique and stable"
    for event in parsed:
        fact, day = expected[str(event["uid"])]
        start = event["start"]
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime), "an all-day event"
        assert start == day, (fact.id, start)
        assert event["end"] == day + dt.timedelta(days=1)
        assert event["rrule"] == {"FREQ": ["YEARLY"]}
        assert event["summary"] == fact.title[lang]
        description = str(event["description"])
        assert " ".join(fact.text[lang].split()) in description
        for cite in fact.citations():
            assert store.sources[cite.source].brief_title(lang) in description, "the citation is in the description"
        assert event["stamp"] == STAMP


def test_uids_name_the_fact_and_stay_the_same_across_languages_and_runs() -> None:
    store = real_store()
    runs = [{e["uid"] for e in events(anniversary_calendar(store, lang, STAMP + dt.timedelta(days=n)))}
            for n, lang in enumerate(LANGS)]
    assert runs[0] == runs[1] == runs[2], "re-importing (in any language) updates the same events"
    with_dates = [f for f in store.facts if day_dates(f)]
    assert {f"{f.id}@kzru-bot" for f in with_dates} <= runs[0]


def test_month_and_year_dates_are_left_out() -> None:
    store = real_store()
    vague = [f for f in store.facts if f.when is not None and not day_dates(f)]
    assert vague, "the data has facts dated only to a month or a year"
    uids = {e["uid"] for e in events(anniversary_calendar(store, "en", STAMP))}
    assert not {f"{f.id}@kzru-bot" for f in vague} & uids


def text(value: str) -> dict[str, str]:
    return {lang: f"{value} ({lang})" for lang in LANGS}


def test_a_disputed_day_gives_one_event_per_version_and_29_february_falls_on_the_last_day_of_february() -> None:
    sources = real_store().sources.values()
    source = next(iter(sources)).id
    cite = (Citation(source, 1),)
    disputed = Fact("treaty-x", "treaty", text("Treaty"), text("Signed."), claims=(
        Claim(PartialDate(1992, 5, 25), None, None, None, text("One source: 25 May"), cite),
        Claim(PartialDate(1992, 10, 20), None, None, None, text("Another: 20 October"), cite)))
    leap = Fact("leap-day", "event", text("Leap"), text("On a leap day."), cite, date=PartialDate(1996, 2, 29))
    monthly = Fact("monthly", "event", text("Month"), text("Some month."), cite, date=PartialDate(1996, 5))
    parsed = {e["uid"]: e for e in events(anniversary_calendar(FactStore([disputed, leap, monthly], sources), "ru", STAMP))}
    assert set(parsed) == {"treaty-x@kzru-bot", "treaty-x-2@kzru-bot", "leap-day@kzru-bot"}
    assert parsed["treaty-x@kzru-bot"]["start"] == dt.date(1992, 5, 25)
    assert "One source: 25 May (ru)" in str(parsed["treaty-x@kzru-bot"]["description"])
    assert parsed["treaty-x-2@kzru-bot"]["start"] == dt.date(1992, 10, 20)
    assert "Another: 20 October (ru)" in str(parsed["treaty-x-2@kzru-bot"]["description"])
    assert parsed["leap-day@kzru-bot"]["rrule"] == {"FREQ": ["YEARLY"], "BYMONTH": [2], "BYMONTHDAY": [-1]}
    assert [e.uid for e in calendar_entries(FactStore([monthly], sources))] == []
