"""Years said in words become digits; counts and ordinary words stay as they are."""

from __future__ import annotations

import pytest

from bot.engine.numerals import spoken_decades, spoken_years, year_of_ordinal


@pytest.mark.parametrize(("said", "written"), [
    ("когда в девяносто втором установили дипотношения", "когда в 1992 установили дипотношения"),
    ("в две тысячи одиннадцатом году", "в 2011 году"),
    ("тысяча девятьсот девяносто первом", "1991"),
    ("в двухтысячном году", "в 2000 году"),
    ("Тогыз жуз токсан сегизинши жылы не болды?", "1998 жылы не болды?"),
    ("в девятьсот девяносто восьмом году", "в 1998 году"),
    ("Жиырма екінші жылдың қаңтарында не болды?", "2022 жылдың қаңтарында не болды?"),
    ("в двадцать третьем году", "в 2023 году"),
    ("девяносто третьего года", "1993 года"),
    ("in nineteen ninety-second", "in 1992"),
    ("What happened in nineteen ninety-six?", "What happened in 1996?"),
    ("two thousand and eleven trade", "2011 trade"),
    ("twenty eleven trade", "2011 trade"),
    ("Toqsan besınşı jyly ne boldy?", "1995 jyly ne boldy?"),
    ("екі мың он бірінші жылы сауда", "2011 жылы сауда"),
    ("мың тоғыз жүз тоқсан екінші жылы", "1992 жылы"),
])
def test_a_year_said_in_words_is_written_in_digits(said: str, written: str) -> None:
    assert spoken_years(said) == written


@pytest.mark.parametrize(("said", "written"), [
    ("ал тоқсан жетімен салыстырғанда ше?", "ал 1997 салыстырғанда ше?"),
    ("токсан жетиде не болды", "1997 не болды"),
    ("toqsan segızden beri", "1998 beri"),
])
def test_a_spoken_kazakh_year_in_a_case_ending_is_written_in_digits(said: str, written: str) -> None:
    assert spoken_years(said) == written


@pytest.mark.parametrize("text", ["жиырма екі жыл бұрын", "девяносто семь",
                                  "девяносто два документа", "one of the three documents", "он бір келісім",
                                  "Онда не болды?", "бесінші орын", "the best two", "две тысячи человек",
                                  "тоғыз жүз тоқсан адам", "он бесте", "жиырма бесте", "тоқсан сегіз тонна",
                                  "90 тонн", "нулевые пошлины", "a 40ft container"])
def test_counts_and_ordinary_words_stay(text: str) -> None:
    assert spoken_years(text) == text


@pytest.mark.parametrize(("said", "written"), [
    ("on the twelfth of June", "on the 12 June"),
    ("что празднуют двенадцатого июня", "что празднуют 12 июня"),
    ("двадцать восьмого марта", "28 марта"),
    ("двадцать второго декабря", "22 декабря"),  # a day, never the year 1922
])
def test_a_day_said_as_an_ordinal_before_its_month_is_written_in_digits(said: str, written: str) -> None:
    assert spoken_years(said) == written


@pytest.mark.parametrize("text", ["Who recognised whom first, Kazakhstan or Russia?", "the second stage",
                                  "first official visit in March"])
def test_an_ordinal_before_no_month_stays(text: str) -> None:
    """"first, Kazakhstan": "Қазақстан" is no month, though "қазан" (October) starts like it."""
    assert spoken_years(text) == text


@pytest.mark.parametrize(("text", "near", "read"), [
    ("а в одиннадцатом?", 2010, "а в 2011?"),
    ("а в девяносто пятом году?", 1994, "а в девяносто пятом году?"),  # a year said whole is spoken_years' to read
    ("а в третьем вот", 1998, "а в 2003 вот"),
    ("а одиннадцатого?", 2010, "а одиннадцатого?"),  # a day, not a year
    ("а во втором квартале?", 2010, "а во втором квартале?"),  # a quarter
    ("а в одиннадцатом?", None, "а в одиннадцатом?"),  # no year asked before
    ("а в сороковом?", 2010, "а в сороковом?"),  # 1940 and 2040 are both too far from 2010
])
def test_a_lone_ordinal_is_a_year_only_near_the_one_asked_before(text: str, near: int | None, read: str) -> None:
    assert year_of_ordinal(text, near) == read


@pytest.mark.parametrize(("said", "written"), [
    ("отношения в девяностые годы", "отношения в 1990-е годы"), ("что было в 90х", "что было в 1990-х"),
    ("relations in the nineties", "relations in the 1990s"), ("in the '90s", "in the 1990s"),
    ("90-жылдары не болды", "1990-жылдары не болды"), ("toqsanynshy jyldary", "1990 jyldary")])
def test_a_decade_said_without_its_century_or_in_words_is_written_in_digits(said: str, written: str) -> None:
    assert spoken_decades(said) == written
