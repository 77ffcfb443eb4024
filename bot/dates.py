"""Dates written the way each language writes them: 22 қазан 1992 ж. / 22 октября 1992 г. / 22 October 1992."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from bot.model import PartialDate
from bot.script import is_latin, to_cyrillic

MONTHS: dict[str, tuple[str, ...]] = {
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
           "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"),
    "ru": ("январь", "февраль", "март", "апрель", "май", "июнь",
           "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"),
    "en": ("January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"),
}
RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня",
               "июля", "августа", "сентября", "октября", "ноября", "декабря")


def format_date(date: PartialDate, lang: str) -> str:
    """A partial date at its own precision, in the language's own form."""
    y, m, d = date.year, date.month, date.day
    if lang == "kk":
        if m is None:
            return f"{y} ж."
        if d is None:
            return f"{y} ж. {MONTHS['kk'][m - 1]}"
        return f"{d} {MONTHS['kk'][m - 1]} {y} ж."
    if lang == "ru":
        if m is None:
            return f"{y} г."
        if d is None:
            return f"{MONTHS['ru'][m - 1]} {y} г."
        return f"{d} {RU_GENITIVE[m - 1]} {y} г."
    if m is None:
        return str(y)
    if d is None:
        return f"{MONTHS['en'][m - 1]} {y}"
    return f"{d} {MONTHS['en'][m - 1]} {y}"


def format_period(start: PartialDate, end: PartialDate, lang: str) -> str:
    """A period such as 18–20 June 2000, kept short when both ends share month and year."""
    if start.year == end.year and start.month == end.month and start.day and end.day:
        tail = format_date(end, lang)
        return f"{start.day}–{tail}"
    if start.precision == end.precision == "year":
        suffix = {"kk": " жж.", "ru": " гг.", "en": ""}[lang]
        return f"{start.year}–{end.year}{suffix}"
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


def format_day(day: dt.date, lang: str) -> str:
    """A calendar day (today, a delivery date) in the language's own form."""
    return format_date(PartialDate(day.year, day.month, day.day), lang)


def format_month_day(month: int, day: int, lang: str) -> str:
    """A day of the year without a year: 22 қазан / 22 октября / 22 October."""
    if lang == "kk":
        return f"{day} {MONTHS['kk'][month - 1]}"
    if lang == "ru":
        return f"{day} {RU_GENITIVE[month - 1]}"
    return f"{day} {MONTHS['en'][month - 1]}"


KK_GENITIVE_SUFFIXES = ("ның", "нің", "дың", "дің", "тың", "тің")
_MONTH_WORDS: dict[str, int] = {}
for _names in (*MONTHS.values(), RU_GENITIVE):
    for _n, _name in enumerate(_names, start=1):
        _MONTH_WORDS[_name.lower()] = _n
_MONTH_WORDS.update({"мая": 5, "sept": 9})
_RELATIVE: dict[str, int] = {
    "today": 0, "сегодня": 0, "бүгін": 0, "бугин": 0,
    "tomorrow": 1, "завтра": 1, "ертең": 1, "ертен": 1,
    "yesterday": -1, "вчера": -1, "кеше": -1,
}
_NUMERIC_RE = re.compile(r"(\d{1,2})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*\d{2,4})?")
_DAY_RE = re.compile(r"(\d{1,2})(?:-?(?:st|nd|rd|th|і|сі|ші|ы|сы|шы|е|го|ое))?")
_KK_FOLD = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "і": "и", "й": "и"})


def day_to_show(month: int, day: int, this_year: int) -> dt.date:
    """The date a request for a calendar day (`/date DD.MM`) shows: that day this year, and
    29 February in the first leap year from this year on (this year when it is one), so the
    years elapsed are counted to a 29 February that exists. ValueError for a day no year has."""
    year = this_year
    if (month, day) == (2, 29):
        while not calendar.isleap(year):
            year += 1
    return dt.date(year, month, day)


def parse_day(text: str, today: dt.date) -> dt.date:
    """The day `/date` asks for, as day_to_show gives it; no argument means today.

    Reads "17.12", "17/12", "17 декабря", "17 дек", "17 желтоқсан", "17-желтоқсан", "желтоқсанның 17-сі",
    "17 jeltoqsan" (Latin-script Kazakh), "17 Dec", "17th December", "Dec 17", and
    today / сегодня / бүгін with tomorrow and yesterday. ValueError for anything else.
    """
    words = text.strip().lower().replace(",", " ").split()
    if not words:
        return today
    if len(words) == 1 and words[0] in _RELATIVE:
        return today + dt.timedelta(days=_RELATIVE[words[0]])
    joined = " ".join(words)
    numeric = _NUMERIC_RE.fullmatch(joined)
    if numeric:
        return day_to_show(int(numeric.group(2)), int(numeric.group(1)), today.year)
    if len(words) == 1 and "-" in words[0]:  # "17-желтоқсан"
        words = words[0].split("-", 1)
    if len(words) != 2:
        raise ValueError(f"not a day: {text!r}")
    for day_word, month_word in (words, words[::-1]):
        day_match = _DAY_RE.fullmatch(day_word)
        month = month_number(month_word)
        if day_match and month is not None:
            return day_to_show(month, int(day_match.group(1)), today.year)
    raise ValueError(f"not a day: {text!r}")


def month_number(word: str) -> int | None:
    """A month named in kk, ru or en, in full, in the genitive or cut short ("дек", "Dec.",
    "сент"); Latin-script Kazakh and Kazakh typed without its letters ("желтоксан") too."""
    word = word.strip(".").lower()
    for suffix in KK_GENITIVE_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            word = word[: -len(suffix)]
            break
    for candidate in dict.fromkeys((word, to_cyrillic(word) if is_latin(word) else word)):
        found = _month_by_prefix(candidate.translate(_KK_FOLD))
        if found is not None:
            return found
    return None


def _month_by_prefix(word: str) -> int | None:
    if word in _FOLDED_MONTHS:
        return _FOLDED_MONTHS[word]
    if len(word) < 3:
        return None
    months = {n for name, n in _FOLDED_MONTHS.items() if name.startswith(word)}
    return months.pop() if len(months) == 1 else None


_FOLDED_MONTHS: dict[str, int] = {name.translate(_KK_FOLD): n for name, n in _MONTH_WORDS.items()}


def step_day(shown: dt.date, step: int, this_year: int) -> dt.date:
    """The day `step` days from `shown` for /date's ◀ ▶ buttons, shown as day_to_show shows it:
    31 December ▶ is 1 January of this year again, and 29 February stays in a leap year."""
    target = shown + dt.timedelta(days=step)
    return day_to_show(target.month, target.day, this_year)
