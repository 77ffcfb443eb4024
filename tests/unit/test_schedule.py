"""Parsing a chat's time and zone, and when its message is due, across midnight and DST."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.schedule import (
    ScheduleError,
    due_local_date,
    fire_instant,
    next_delivery,
    parse_time,
    parse_zone,
    zone,
)
from bot.subscription import Mode, Subscription

UTC = dt.UTC


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def sub(at: str, tz: str, mode: Mode = "daily") -> Subscription:
    return Subscription(chat_id=1, thread_id=None, time=parse_time(at), tz=parse_zone(tz), mode=mode, lang="en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:00", dt.time(9, 0)),
        ("09:00", dt.time(9, 0)),
        ("21.30", dt.time(21, 30)),
        (" 7:05 ", dt.time(7, 5)),
        ("0:00", dt.time(0, 0)),
        ("23:59", dt.time(23, 59)),
    ],
)
def test_parse_time_accepts_common_forms(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:61", "24:00", "12:60", "9", "abc", "", "9:5", "-1:00", "9:00 pm", "123:00"])
def test_parse_time_rejects_nonsense(text: str) -> None:
    with pytest.raises(ScheduleError) as err:
        parse_time(text)
    assert err.value.code == "bad_time"


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from([":", "."]), st.booleans())
def test_parse_time_round_trips_every_valid_time(hour: int, minute: int, sep: str, pad: bool) -> None:
    text = f"{hour:02d}{sep}{minute:02d}" if pad else f"{hour}{sep}{minute:02d}"
    assert parse_time(text) == dt.time(hour, minute)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("europe/moscow", "Europe/Moscow"),
        ("Asia/Almaty", "Asia/Almaty"),
        ("ASIA/ALMATY", "Asia/Almaty"),
        ("almaty", "Asia/Almaty"),
        ("america/new_york", "America/New_York"),
        ("New York", "America/New_York"),
        ("UTC", "UTC"),
        ("utc", "UTC"),
        ("GMT", "UTC"),
        ("UTC+0", "UTC"),
        ("UTC+5", "UTC+05:00"),
        ("UTC+05:30", "UTC+05:30"),
        ("utc+0530", "UTC+05:30"),
        ("GMT-3", "UTC-03:00"),
        ("+5", "UTC+05:00"),
        ("-03:00", "UTC-03:00"),
        ("UTC+14", "UTC+14:00"),
    ],
)
def test_parse_zone_canonicalises(text: str, expected: str) -> None:
    assert parse_zone(text) == expected
    zone(expected)


@pytest.mark.parametrize("text", ["Mars/Base", "", "   ", "UTC+15", "+5:75", "5", "localtime", "Factory", "Europe"])
def test_parse_zone_rejects_unknown(text: str) -> None:
    with pytest.raises(ScheduleError) as err:
        parse_zone(text)
    assert err.value.code == "bad_zone"


def test_fixed_offset_zones_have_their_offset_and_no_dst() -> None:
    tz = zone(parse_zone("UTC+05:30"))
    assert tz.utcoffset(dt.datetime(2024, 1, 1)) == dt.timedelta(hours=5, minutes=30)
    assert tz.utcoffset(dt.datetime(2024, 7, 1)) == dt.timedelta(hours=5, minutes=30)
    assert zone("UTC-03:00").utcoffset(None) == dt.timedelta(hours=-3)


@given(st.integers(-12, 14), st.sampled_from([0, 15, 30, 45]))
def test_every_parsed_offset_is_a_usable_zone(hours: int, minutes: int) -> None:
    if hours == 14 and minutes:
        return
    sign = "-" if hours < 0 else "+"
    name = parse_zone(f"UTC{sign}{abs(hours)}:{minutes:02d}")
    offset = dt.timedelta(hours=abs(hours), minutes=minutes) * (-1 if hours < 0 else 1)
    assert zone(name).utcoffset(None) == offset


def test_zone_rejects_unknown_names() -> None:
    with pytest.raises(ScheduleError):
        zone("Mars/Base")


def test_same_instant_is_different_days_in_almaty_and_new_york() -> None:
    now = utc(2024, 6, 10, 20, 30)  # Almaty: 11 June, small hours; New York: 10 June, 16:30
    assert due_local_date(sub("01:00", "Asia/Almaty"), now) == dt.date(2024, 6, 11)
    assert due_local_date(sub("03:00", "Asia/Almaty"), now) is None
    assert due_local_date(sub("09:00", "America/New_York"), now) == dt.date(2024, 6, 10)
    assert due_local_date(sub("17:00", "America/New_York"), now) is None


def test_due_exactly_at_the_chosen_minute() -> None:
    s = sub("09:00", "UTC+05:00")
    assert due_local_date(s, utc(2024, 1, 1, 3, 59, 59)) is None
    assert due_local_date(s, utc(2024, 1, 1, 4, 0)) == dt.date(2024, 1, 1)


def test_catch_up_later_the_same_day_but_never_the_next_day() -> None:
    s = sub("09:00", "Europe/Moscow")  # UTC+3 all year
    assert due_local_date(s, utc(2024, 5, 1, 12, 0)) == dt.date(2024, 5, 1)  # 15:00 local, late
    assert due_local_date(s, utc(2024, 5, 1, 20, 59)) == dt.date(2024, 5, 1)  # 23:59 local
    assert due_local_date(s, utc(2024, 5, 1, 21, 30)) is None  # 00:30 on 2 May: not yesterday's
    assert due_local_date(s, utc(2024, 5, 2, 5, 0)) is None  # 08:00 on 2 May


def test_naive_now_is_read_as_utc() -> None:
    s = sub("09:00", "Europe/Moscow")
    assert due_local_date(s, dt.datetime(2024, 5, 1, 6, 0)) == dt.date(2024, 5, 1)
    assert due_local_date(s, dt.datetime(2024, 5, 1, 5, 59)) is None


def test_berlin_spring_forward_skipped_time_fires_when_the_gap_ends() -> None:
    # 31 March 2024: 02:00 CET jumps to 03:00 CEST at 01:00 UTC; 02:30 does not exist.
    s = sub("02:30", "Europe/Berlin")
    assert due_local_date(s, utc(2024, 3, 31, 0, 59, 59)) is None
    assert due_local_date(s, utc(2024, 3, 31, 1, 0)) == dt.date(2024, 3, 31)
    assert fire_instant(dt.date(2024, 3, 31), dt.time(2, 30), zone("Europe/Berlin")) == utc(2024, 3, 31, 1, 0)
    later = sub("09:00", "Europe/Berlin")
    assert due_local_date(later, utc(2024, 3, 31, 6, 59)) is None
    assert due_local_date(later, utc(2024, 3, 31, 7, 0)) == dt.date(2024, 3, 31)
    assert due_local_date(later, utc(2024, 3, 30, 8, 0)) == dt.date(2024, 3, 30)  # CET the day before
    assert due_local_date(later, utc(2024, 3, 30, 7, 59)) is None


def test_berlin_fall_back_ambiguous_time_fires_at_first_occurrence() -> None:
    # 27 October 2024: 03:00 CEST falls back to 02:00 CET at 01:00 UTC; 02:30 happens twice.
    s = sub("02:30", "Europe/Berlin")
    assert due_local_date(s, utc(2024, 10, 27, 0, 29)) is None
    assert due_local_date(s, utc(2024, 10, 27, 0, 30)) == dt.date(2024, 10, 27)
    later = sub("09:00", "Europe/Berlin")
    assert due_local_date(later, utc(2024, 10, 27, 7, 59)) is None
    assert due_local_date(later, utc(2024, 10, 27, 8, 0)) == dt.date(2024, 10, 27)


def test_next_delivery_daily() -> None:
    s = sub("09:00", "Asia/Almaty")
    tz = zone(s.tz)
    before = utc(2024, 6, 10, 0, 0)
    first = next_delivery(s, before, served_today=False, has_message=lambda d: False)
    assert first is not None and first.tzinfo is tz
    assert (first.date(), first.time()) == (dt.date(2024, 6, 10), dt.time(9, 0))
    served = next_delivery(s, before, served_today=True, has_message=lambda d: False)
    assert served is not None and served.date() == dt.date(2024, 6, 11)


def test_next_delivery_catch_up_is_the_next_tick_not_a_past_time() -> None:
    s = sub("09:00", "Europe/Moscow")
    now = utc(2024, 6, 10, 12, 0, 30)
    nxt = next_delivery(s, now, served_today=False, has_message=lambda d: True)
    assert nxt is not None and nxt >= now
    assert (nxt.date(), nxt.time()) == (dt.date(2024, 6, 10), dt.time(15, 1))


def test_next_delivery_anniversaries_skips_to_a_day_with_one() -> None:
    s = sub("08:15", "Europe/Moscow", mode="anniversaries")
    target = dt.date(2024, 12, 16)
    nxt = next_delivery(s, utc(2024, 6, 10, 12, 0), served_today=False, has_message=lambda d: d == target)
    assert nxt is not None and nxt.date() == target and nxt.time() == dt.time(8, 15)
    assert next_delivery(s, utc(2024, 6, 10), served_today=False, has_message=lambda d: False) is None


def test_next_delivery_weekly_only_mondays() -> None:
    s = sub("10:00", "UTC", mode="weekly")
    asked: list[dt.date] = []

    def has(day: dt.date) -> bool:
        asked.append(day)
        return True

    nxt = next_delivery(s, utc(2024, 6, 12, 12, 0), served_today=False, has_message=has)  # a Wednesday
    assert nxt is not None and nxt.date() == dt.date(2024, 6, 17) and nxt.weekday() == 0
    assert all(d.weekday() == 0 for d in asked)


def test_next_delivery_is_dst_correct() -> None:
    s = sub("02:30", "Europe/Berlin")
    nxt = next_delivery(s, utc(2024, 3, 30, 12, 0), served_today=True, has_message=lambda d: True)
    assert nxt is not None
    assert nxt.astimezone(UTC) == utc(2024, 3, 31, 1, 0)
    assert nxt.time() == dt.time(3, 0)
