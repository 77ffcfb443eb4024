"""/date's argument in kk, ru and en, and the ◀ ▶ day arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.dates import month_number, parse_day, step_day

TODAY = dt.date(2026, 3, 10)
DEC_17 = dt.date(2026, 12, 17)


@pytest.mark.parametrize(
    "text",
    [
        # ru
        "17 декабря", "17 декабрь", "17 дек", "17 дек.", "декабря 17", "17 Декабря",
        # kk, Cyrillic, typed without Kazakh letters, with the genitive, and in Latin script
        "17 желтоқсан", "17-желтоқсан", "17 желтоксан", "желтоқсанның 17-сі", "17 jeltoqsan", "17 Jeltoqsan",
        # en
        "17 Dec", "17 December", "Dec 17", "December 17", "17th December", "Dec. 17", "dec 17",
        # numbers
        "17.12", "17/12", "17-12", "17.12.2025",
    ],
)
def test_seventeenth_of_december_every_way(text: str) -> None:
    assert parse_day(text, TODAY) == DEC_17


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", TODAY), ("  ", TODAY), ("сегодня", TODAY), ("бүгін", TODAY), ("today", TODAY),
        ("завтра", dt.date(2026, 3, 11)), ("ертең", dt.date(2026, 3, 11)), ("yesterday", dt.date(2026, 3, 9)),
        ("1 мая", dt.date(2026, 5, 1)), ("1 мамыр", dt.date(2026, 5, 1)), ("1 May", dt.date(2026, 5, 1)),
        ("22 қазан", dt.date(2026, 10, 22)), ("22 qazan", dt.date(2026, 10, 22)), ("22 октября", dt.date(2026, 10, 22)),
        ("3 сент", dt.date(2026, 9, 3)), ("3 Sept", dt.date(2026, 9, 3)), ("3 қыркүйек", dt.date(2026, 9, 3)),
        ("3 qyrkúiek", dt.date(2026, 9, 3)), ("5 sáýir", dt.date(2026, 4, 5)),
        ("29.02", dt.date(2028, 2, 29)), ("29 февраля", dt.date(2028, 2, 29)), ("29 ақпан", dt.date(2028, 2, 29)),
    ],
)
def test_days_in_three_languages(text: str, expected: dt.date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["32.12", "31.04", "30 февраля", "17", "декабря", "17 ма", "17 Mars", "17 декабря 2025 года", "abc", "0.12"]
)
def test_not_a_day(text: str) -> None:
    with pytest.raises(ValueError):
        parse_day(text, TODAY)


def test_month_abbreviations_must_be_unambiguous() -> None:
    assert month_number("мар") == 3
    assert month_number("ию") is None  # июнь or июль
    assert month_number("ма") is None
    assert month_number("мау") == 6  # маусым
    assert month_number("Jul.") == 7


@pytest.mark.parametrize(
    ("shown", "step", "expected"),
    [
        (dt.date(2026, 12, 17), 1, dt.date(2026, 12, 18)),
        (dt.date(2026, 12, 31), 1, dt.date(2026, 1, 1)),
        (dt.date(2026, 1, 1), -1, dt.date(2026, 12, 31)),
        (dt.date(2026, 2, 28), 1, dt.date(2026, 3, 1)),
        (dt.date(2026, 3, 1), -1, dt.date(2026, 2, 28)),
        (dt.date(2028, 2, 28), 1, dt.date(2028, 2, 29)),
        (dt.date(2028, 2, 29), 1, dt.date(2026, 3, 1)),
    ],
)
def test_step_day_stays_in_this_year(shown: dt.date, step: int, expected: dt.date) -> None:
    assert step_day(shown, step, 2026) == expected
