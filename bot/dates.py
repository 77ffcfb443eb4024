"""Dates written the way each language writes them: 22 қазан 1992 ж. / 22 октября 1992 г. / 22 October 1992."""

from __future__ import annotations

import datetime as dt

from bot.model import PartialDate

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
