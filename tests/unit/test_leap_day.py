"""The day `/date DD.MM` shows: this year's, and 29 February in the first leap year from this year on
(the calendar's rule, not a list of years: it used to stop at 2028)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from bot.anniversaries import day_to_show


@pytest.mark.parametrize(("this_year", "shown_year"), [
    (2024, 2024), (2025, 2028), (2026, 2028), (2028, 2028),
    (2029, 2032), (2030, 2032), (2031, 2032), (2033, 2036),
    (2097, 2104), (2100, 2104),  # 2100 is not a leap year
    (2399, 2400),  # 2400 is
])
def test_29_february_is_shown_in_the_first_leap_year_from_this_year(this_year: int, shown_year: int) -> None:
    assert day_to_show(2, 29, this_year) == dt.date(shown_year, 2, 29)


@pytest.mark.parametrize("this_year", range(2020, 2200))
def test_29_february_after_2028_is_never_in_the_past(this_year: int) -> None:
    shown = day_to_show(2, 29, this_year)
    assert shown.year >= this_year and calendar.isleap(shown.year) and shown.year - this_year < 8


@pytest.mark.parametrize(("month", "day"), [(1, 1), (2, 28), (3, 1), (10, 22), (12, 31)])
def test_other_days_are_shown_this_year(month: int, day: int) -> None:
    assert day_to_show(month, day, 2029) == dt.date(2029, month, day)


def test_a_day_no_year_has_is_refused() -> None:
    with pytest.raises(ValueError):
        day_to_show(2, 30, 2029)
