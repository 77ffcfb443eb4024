"""Time zones by the names people type: cities and countries in kk, ru and en → IANA zones.

A chat subscribing from Kazakhstan types "Мәскеу", "Новосибирск" or "Astana", not
"Europe/Moscow"; this table reads those names, and names a zone back in the chat's language
for buttons and confirmations. Pure: no I/O, no clock.

Matching is forgiving in the ways people actually type: case, "ё", hyphens, spaces and dots do
not matter, Kazakh letters match their Russian-keyboard look-alikes ("Оскемен" = "Өскемен"),
and Latin-script Kazakh ("Oskemen", "Qaragandy") is read through its Cyrillic form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from bot.script import is_latin, to_cyrillic


@dataclass(frozen=True, slots=True)
class Place:
    """A city or country, its name in each language (the first one is the label), and its zone."""

    zone: str
    kk: str
    ru: str
    en: str
    also: tuple[str, ...] = field(default=())

    def names(self) -> tuple[str, ...]:
        return (self.kk, self.ru, self.en, *self.also)


def _p(zone: str, kk: str, ru: str, en: str, *also: str) -> Place:
    return Place(zone, kk, ru, en, tuple(also))


# The first place of each zone labels it. Kazakhstan has been on UTC+5 everywhere since
# 1 March 2024, but the regions keep their own IANA zones (their history differs).
PLACES: tuple[Place, ...] = (
    # Kazakhstan: the three cities of republican significance and every regional centre.
    _p("Asia/Almaty", "Алматы", "Алматы", "Almaty", "Алма-Ата", "Alma-Ata"),
    _p("Asia/Almaty", "Астана", "Астана", "Astana", "Нұр-Сұлтан", "Нур-Султан", "Nur-Sultan",
       "Ақмола", "Акмола", "Целиноград"),
    _p("Asia/Almaty", "Шымкент", "Шымкент", "Shymkent", "Чимкент"),
    _p("Asia/Almaty", "Көкшетау", "Кокшетау", "Kokshetau", "Kokchetav", "Кокчетав"),
    _p("Asia/Almaty", "Талдықорған", "Талдыкорган", "Taldykorgan"),
    _p("Asia/Almaty", "Қонаев", "Конаев", "Konaev", "Kunaev", "Капчагай", "Қапшағай", "Kapchagay"),
    _p("Asia/Almaty", "Өскемен", "Усть-Каменогорск", "Oskemen", "Ust-Kamenogorsk"),
    _p("Asia/Almaty", "Семей", "Семей", "Semey", "Семипалатинск", "Semipalatinsk"),
    _p("Asia/Almaty", "Тараз", "Тараз", "Taraz", "Джамбул", "Жамбыл"),
    _p("Asia/Almaty", "Қарағанды", "Караганда", "Karaganda", "Qaragandy", "Karagandy"),
    _p("Asia/Almaty", "Жезқазған", "Жезказган", "Zhezkazgan", "Jezkazgan"),
    _p("Asia/Almaty", "Павлодар", "Павлодар", "Pavlodar"),
    _p("Asia/Almaty", "Петропавл", "Петропавловск", "Petropavl", "Petropavlovsk"),
    _p("Asia/Almaty", "Түркістан", "Туркестан", "Turkistan", "Turkestan"),
    _p("Asia/Almaty", "Екібастұз", "Экибастуз", "Ekibastuz"),
    _p("Asia/Almaty", "Теміртау", "Темиртау", "Temirtau"),
    _p("Asia/Almaty", "Қазақстан", "Казахстан", "Kazakhstan", "Qazaqstan", "KZ"),
    _p("Asia/Qostanay", "Қостанай", "Костанай", "Kostanay", "Qostanay", "Кустанай"),
    _p("Asia/Qostanay", "Рудный", "Рудный", "Rudny"),
    _p("Asia/Aqtobe", "Ақтөбе", "Актобе", "Aktobe", "Aqtobe", "Актюбинск"),
    _p("Asia/Aqtau", "Ақтау", "Актау", "Aktau", "Aqtau", "Шевченко"),
    _p("Asia/Atyrau", "Атырау", "Атырау", "Atyrau", "Гурьев"),
    _p("Asia/Oral", "Орал", "Уральск", "Oral", "Uralsk"),
    _p("Asia/Qyzylorda", "Қызылорда", "Кызылорда", "Kyzylorda", "Qyzylorda"),
    _p("Asia/Qyzylorda", "Байқоңыр", "Байконур", "Baikonur", "Baykonur", "Төретам", "Тюратам"),
    # Russia: Moscow for the country, and the major cities of each zone.
    _p("Europe/Moscow", "Мәскеу", "Москва", "Moscow", "Moskva"),
    _p("Europe/Moscow", "Ресей", "Россия", "Russia", "RU", "РФ"),
    _p("Europe/Moscow", "Санкт-Петербург", "Санкт-Петербург", "Saint Petersburg", "St Petersburg",
       "Санкт-Петербор", "Петербург", "Питер", "Ленинград", "Sankt-Peterburg"),
    _p("Europe/Moscow", "Қазан", "Казань", "Kazan"),
    _p("Europe/Moscow", "Нижний Новгород", "Нижний Новгород", "Nizhny Novgorod"),
    _p("Europe/Moscow", "Ростов-на-Дону", "Ростов-на-Дону", "Rostov-on-Don", "Ростов"),
    _p("Europe/Moscow", "Краснодар", "Краснодар", "Krasnodar"),
    _p("Europe/Moscow", "Сочи", "Сочи", "Sochi"),
    _p("Europe/Moscow", "Воронеж", "Воронеж", "Voronezh"),
    _p("Europe/Moscow", "Махачкала", "Махачкала", "Makhachkala"),
    _p("Europe/Volgograd", "Волгоград", "Волгоград", "Volgograd", "Сталинград"),
    _p("Europe/Samara", "Самара", "Самара", "Samara", "Тольятти", "Tolyatti"),
    _p("Europe/Saratov", "Саратов", "Саратов", "Saratov"),
    _p("Europe/Ulyanovsk", "Ульяновск", "Ульяновск", "Ulyanovsk"),
    _p("Europe/Astrakhan", "Астрахань", "Астрахань", "Astrakhan"),
    _p("Europe/Kaliningrad", "Калининград", "Калининград", "Kaliningrad"),
    _p("Asia/Yekaterinburg", "Екатеринбург", "Екатеринбург", "Yekaterinburg", "Ekaterinburg", "Екатеринбор"),
    _p("Asia/Yekaterinburg", "Челябі", "Челябинск", "Chelyabinsk"),
    _p("Asia/Yekaterinburg", "Орынбор", "Оренбург", "Orenburg"),
    _p("Asia/Yekaterinburg", "Уфа", "Уфа", "Ufa"),
    _p("Asia/Yekaterinburg", "Пермь", "Пермь", "Perm"),
    _p("Asia/Yekaterinburg", "Түмен", "Тюмень", "Tyumen"),
    _p("Asia/Yekaterinburg", "Қорған", "Курган", "Kurgan"),
    _p("Asia/Yekaterinburg", "Магнитогорск", "Магнитогорск", "Magnitogorsk"),
    _p("Asia/Omsk", "Омбы", "Омск", "Omsk"),
    _p("Asia/Novosibirsk", "Новосібір", "Новосибирск", "Novosibirsk"),
    _p("Asia/Barnaul", "Барнауыл", "Барнаул", "Barnaul"),
    _p("Asia/Tomsk", "Томск", "Томск", "Tomsk"),
    _p("Asia/Novokuznetsk", "Кемерово", "Кемерово", "Kemerovo", "Новокузнецк", "Novokuznetsk"),
    _p("Asia/Krasnoyarsk", "Красноярск", "Красноярск", "Krasnoyarsk"),
    _p("Asia/Irkutsk", "Иркутск", "Иркутск", "Irkutsk"),
    _p("Asia/Chita", "Чита", "Чита", "Chita"),
    _p("Asia/Yakutsk", "Якутск", "Якутск", "Yakutsk"),
    _p("Asia/Vladivostok", "Владивосток", "Владивосток", "Vladivostok"),
    _p("Asia/Vladivostok", "Хабаровск", "Хабаровск", "Khabarovsk"),
    _p("Asia/Sakhalin", "Южно-Сахалинск", "Южно-Сахалинск", "Yuzhno-Sakhalinsk"),
    _p("Asia/Magadan", "Магадан", "Магадан", "Magadan"),
    _p("Asia/Kamchatka", "Петропавловск-Камчатский", "Петропавловск-Камчатский", "Petropavlovsk-Kamchatsky"),
    # Neighbours and common capitals (country names only where the country has one zone).
    _p("Asia/Tashkent", "Ташкент", "Ташкент", "Tashkent", "Toshkent"),
    _p("Asia/Tashkent", "Өзбекстан", "Узбекистан", "Uzbekistan"),
    _p("Asia/Bishkek", "Бішкек", "Бишкек", "Bishkek", "Фрунзе"),
    _p("Asia/Bishkek", "Қырғызстан", "Киргизия", "Kyrgyzstan", "Кыргызстан"),
    _p("Asia/Dushanbe", "Душанбе", "Душанбе", "Dushanbe"),
    _p("Asia/Dushanbe", "Тәжікстан", "Таджикистан", "Tajikistan"),
    _p("Asia/Ashgabat", "Ашхабад", "Ашхабад", "Ashgabat"),
    _p("Asia/Ashgabat", "Түрікменстан", "Туркменистан", "Turkmenistan"),
    _p("Asia/Baku", "Баку", "Баку", "Baku"),
    _p("Asia/Baku", "Әзірбайжан", "Азербайджан", "Azerbaijan"),
    _p("Asia/Tbilisi", "Тбилиси", "Тбилиси", "Tbilisi"),
    _p("Asia/Tbilisi", "Грузия", "Грузия", "Georgia"),
    _p("Asia/Yerevan", "Ереван", "Ереван", "Yerevan"),
    _p("Asia/Yerevan", "Армения", "Армения", "Armenia"),
    _p("Europe/Minsk", "Минск", "Минск", "Minsk"),
    _p("Europe/Minsk", "Беларусь", "Беларусь", "Belarus", "Белоруссия"),
    _p("Europe/Kyiv", "Киев", "Киев", "Kyiv", "Kiev", "Київ"),
    _p("Europe/Kyiv", "Украина", "Украина", "Ukraine"),
    _p("Asia/Shanghai", "Бейжің", "Пекин", "Beijing"),
    _p("Asia/Shanghai", "Қытай", "Китай", "China"),
    _p("Asia/Ulaanbaatar", "Ұлан-Батор", "Улан-Батор", "Ulaanbaatar", "Ulan Bator"),
    _p("Europe/Istanbul", "Стамбұл", "Стамбул", "Istanbul"),
    _p("Europe/Istanbul", "Анкара", "Анкара", "Ankara"),
    _p("Europe/Istanbul", "Түркия", "Турция", "Turkey", "Türkiye"),
    _p("Asia/Dubai", "Дубай", "Дубай", "Dubai", "БАӘ", "ОАЭ", "UAE"),
    _p("Asia/Tehran", "Тегеран", "Тегеран", "Tehran"),
    _p("Asia/Kolkata", "Дели", "Дели", "Delhi", "New Delhi", "Нью-Дели", "Үндістан", "Индия", "India"),
    _p("Asia/Tokyo", "Токио", "Токио", "Tokyo", "Жапония", "Япония", "Japan"),
    _p("Asia/Seoul", "Сеул", "Сеул", "Seoul", "Корея", "Korea"),
    _p("Europe/London", "Лондон", "Лондон", "London", "Ұлыбритания", "Великобритания", "United Kingdom", "UK"),
    _p("Europe/Berlin", "Берлин", "Берлин", "Berlin", "Германия", "Germany"),
    _p("Europe/Paris", "Париж", "Париж", "Paris", "Франция", "France"),
    _p("Europe/Rome", "Рим", "Рим", "Rome", "Италия", "Italy"),
    _p("Europe/Madrid", "Мадрид", "Мадрид", "Madrid"),
    _p("Europe/Warsaw", "Варшава", "Варшава", "Warsaw", "Польша", "Poland"),
    _p("Europe/Prague", "Прага", "Прага", "Prague"),
    _p("Europe/Vienna", "Вена", "Вена", "Vienna"),
    _p("Europe/Riga", "Рига", "Рига", "Riga", "Латвия", "Latvia"),
    _p("Europe/Vilnius", "Вильнюс", "Вильнюс", "Vilnius", "Литва", "Lithuania"),
    _p("Europe/Tallinn", "Таллин", "Таллин", "Tallinn", "Эстония", "Estonia"),
    _p("Europe/Helsinki", "Хельсинки", "Хельсинки", "Helsinki", "Финляндия", "Finland"),
    _p("America/New_York", "Нью-Йорк", "Нью-Йорк", "New York", "Вашингтон", "Washington"),
)

_FOLD = str.maketrans({
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
    "й": "и", "ё": "е", "ъ": None, "ь": None, "-": " ", "_": " ", ".": " ", ",": " ", "'": None, "’": None,
})
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """The key two spellings of one name share: lower case, Kazakh letters as typed on a Russian
    keyboard, no soft signs, punctuation as spaces ("Усть-Каменогорск" = "усть каменогорск")."""
    return _SPACES.sub(" ", name.lower().translate(_FOLD)).strip()


def _claims() -> dict[str, set[str]]:
    """Folded name → every zone a place of that name is in."""
    found: dict[str, set[str]] = {}
    for place in PLACES:
        for name in place.names():
            found.setdefault(fold(name), set()).add(place.zone)
    return found


@cache
def _by_key() -> dict[str, str]:
    """Folded name → zone. A name two zones claim is left out (a unit test keeps there being none)."""
    return {key: next(iter(zones)) for key, zones in _claims().items() if len(zones) == 1}


def clashes() -> dict[str, set[str]]:
    """Names that would mean two zones; must stay empty (checked by the unit tests)."""
    return {key: zones for key, zones in _claims().items() if len(zones) > 1}


def find_zone(text: str) -> str | None:
    """The IANA zone a city or country name means, in any of the three languages, or None."""
    table = _by_key()
    candidates = [text]
    if is_latin(text):
        candidates.append(to_cyrillic(text))
    for candidate in candidates:
        zone = table.get(fold(candidate))
        if zone is not None:
            return zone
    return None


@cache
def _labels() -> dict[str, Place]:
    labels: dict[str, Place] = {}
    for place in PLACES:
        labels.setdefault(place.zone, place)
    return labels


def zone_label(tz_name: str, lang: str) -> str:
    """A zone named for a button in the chat's language: "Мәскеу", "Москва", "Moscow".

    Fixed offsets read as people write them ("UTC+5", "UTC+05:30"); an IANA zone the table
    does not know shows its city ("America/Sao_Paulo" → "Sao Paulo").
    """
    place = _labels().get(tz_name)
    if place is not None:
        return {"kk": place.kk, "ru": place.ru}.get(lang, place.en)
    match = re.fullmatch(r"UTC([+-])(\d{2}):(\d{2})", tz_name)
    if match:
        sign, hours, minutes = match.groups()
        return f"UTC{sign}{int(hours)}" + (f":{minutes}" if minutes != "00" else "")
    return tz_name.rsplit("/", 1)[-1].replace("_", " ")
