"""City and country names → time zones in kk, ru and en, and zone labels for buttons."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, available_timezones

import pytest

from bot.schedule import ScheduleError, parse_subscribe_args, parse_zone
from bot.zones import PLACES, clashes, find_zone, fold, zone_label

UTC = dt.UTC


def test_every_place_names_a_real_zone_and_no_name_means_two_zones() -> None:
    known = available_timezones()
    assert [p.zone for p in PLACES if p.zone not in known] == []
    assert clashes() == {}
    assert all(p.kk and p.ru and p.en for p in PLACES)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Москва", "Europe/Moscow"), ("Мәскеу", "Europe/Moscow"), ("Moscow", "Europe/Moscow"),
        ("москва", "Europe/Moscow"), ("Маскеу", "Europe/Moscow"), ("Máskeý", "Europe/Moscow"),
        ("Алматы", "Asia/Almaty"), ("Алма-Ата", "Asia/Almaty"), ("Astana", "Asia/Almaty"),
        ("Нұр-Сұлтан", "Asia/Almaty"), ("нур султан", "Asia/Almaty"),
        ("Kazakhstan", "Asia/Almaty"), ("Қазақстан", "Asia/Almaty"), ("Казахстан", "Asia/Almaty"),
        ("Өскемен", "Asia/Almaty"), ("Оскемен", "Asia/Almaty"), ("Oskemen", "Asia/Almaty"),
        ("Усть-Каменогорск", "Asia/Almaty"), ("Qaraǵandy", "Asia/Almaty"),
        ("Ақтөбе", "Asia/Aqtobe"), ("Актобе", "Asia/Aqtobe"), ("Aqtobe", "Asia/Aqtobe"),
        ("Уральск", "Asia/Oral"), ("Орал", "Asia/Oral"), ("Костанай", "Asia/Qostanay"),
        ("Атырау", "Asia/Atyrau"), ("Актау", "Asia/Aqtau"), ("Кызылорда", "Asia/Qyzylorda"),
        ("Байконур", "Asia/Qyzylorda"), ("Петропавл", "Asia/Almaty"),
        ("Новосибирск", "Asia/Novosibirsk"), ("Новосібір", "Asia/Novosibirsk"), ("Novosibirsk", "Asia/Novosibirsk"),
        ("Екатеринбург", "Asia/Yekaterinburg"), ("Орынбор", "Asia/Yekaterinburg"), ("Омбы", "Asia/Omsk"),
        ("Санкт-Петербург", "Europe/Moscow"), ("Россия", "Europe/Moscow"), ("Ресей", "Europe/Moscow"),
        ("Петропавловск-Камчатский", "Asia/Kamchatka"), ("Калининград", "Europe/Kaliningrad"),
        ("Самара", "Europe/Samara"), ("Владивосток", "Asia/Vladivostok"),
        ("Ташкент", "Asia/Tashkent"), ("Бішкек", "Asia/Bishkek"), ("Минск", "Europe/Minsk"),
        ("Пекин", "Asia/Shanghai"), ("London", "Europe/London"), ("Нью-Йорк", "America/New_York"),
    ],
)
def test_names_in_three_languages_and_scripts(text: str, zone: str) -> None:
    assert find_zone(text) == zone
    assert parse_zone(text) == zone


def test_every_regional_centre_of_kazakhstan_is_known() -> None:
    centres = ["Астана", "Алматы", "Шымкент", "Көкшетау", "Ақтөбе", "Қонаев", "Талдықорған", "Атырау",
               "Өскемен", "Тараз", "Орал", "Қарағанды", "Қостанай", "Қызылорда", "Ақтау", "Павлодар",
               "Петропавл", "Түркістан", "Семей", "Жезқазған"]
    missing = [c for c in centres if find_zone(c) is None]
    assert missing == []
    for centre in centres:
        assert ZoneInfo(str(find_zone(centre))).utcoffset(dt.datetime(2025, 1, 15)) == dt.timedelta(hours=5)


def test_unknown_names_stay_unknown() -> None:
    assert find_zone("Mars") is None
    assert find_zone("") is None
    with pytest.raises(ScheduleError):
        parse_zone("Марс")


def test_fold_ignores_case_hyphens_soft_signs_and_kazakh_letters() -> None:
    assert fold("Усть-Каменогорск") == fold("усть  каменогорск")
    assert fold("Тюмень") == fold("Тюмен")
    assert fold("Қостанай") == fold("Костанаи")


@pytest.mark.parametrize(
    ("tz", "lang", "label"),
    [
        ("Europe/Moscow", "kk", "Мәскеу"), ("Europe/Moscow", "ru", "Москва"), ("Europe/Moscow", "en", "Moscow"),
        ("Asia/Almaty", "kk", "Алматы"), ("Asia/Aqtobe", "kk", "Ақтөбе"), ("Asia/Oral", "ru", "Уральск"),
        ("Asia/Novosibirsk", "kk", "Новосібір"), ("UTC+05:00", "ru", "UTC+5"), ("UTC-03:30", "en", "UTC-3:30"),
        ("UTC", "kk", "UTC"), ("America/Sao_Paulo", "en", "Sao Paulo"),
    ],
)
def test_zone_label_in_the_chats_language(tz: str, lang: str, label: str) -> None:
    assert zone_label(tz, lang) == label


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["8:30", "Москва"], (dt.time(8, 30), "Europe/Moscow")),
        (["8:30", "Мәскеу"], (dt.time(8, 30), "Europe/Moscow")),
        (["Астана", "07.15"], (dt.time(7, 15), "Asia/Almaty")),
        (["Нижний", "Новгород"], (None, "Europe/Moscow")),
        (["New", "York", "21:00"], (dt.time(21, 0), "America/New_York")),
        (["UTC", "+5"], (None, "UTC+05:00")),
        (["9:15"], (dt.time(9, 15), None)),
        ([], (None, None)),
    ],
)
def test_subscribe_arguments_in_any_order(args: list[str], expected: tuple[dt.time | None, str | None]) -> None:
    assert parse_subscribe_args(args) == expected


@pytest.mark.parametrize(("args", "code"), [(["25:61", "Москва"], "bad_time"), (["8:30", "Марс"], "bad_zone")])
def test_subscribe_arguments_say_what_was_wrong(args: list[str], code: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_subscribe_args(args)
    assert caught.value.code == code
