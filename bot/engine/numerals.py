"""Years said in words, as voice input and careful writers give them: "в девяносто втором", "две тысячи
одиннадцатом", "nineteen ninety-six", "twenty eleven", "тоқсан бесінші жылы", "екі мың он бірінші".

The engine reads years as digits; these are turned into them before anything else reads the question.
Only what is surely a year is: a total from 1900 to 2039 (a round thousand only as an ordinal,
"двухтысячном"), or 32–99 said as an ordinal ("в девяносто втором" is 1992, "девяносто два" stays two
words of a count), or 932–999 said as an ordinal with its thousand left unsaid ("тоғыз жүз тоқсан сегізінші"), or 21–29
said as an ordinal right before the word for "year" ("жиырма екінші жылы", "в двадцать третьем году").
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.engine.understanding import YEAR_RE, month_of
from bot.text import fold, stem

# Number words by the stem every form of them starts with (folded at import), longest first when read.
_STEMS: dict[int, tuple[str, ...]] = {
    1: ("перв", "один", "одна", "first", "one", "бір", "бир", "bır", "bir"),
    2: ("втор", "два", "две", "second", "two", "екі", "еки", "ekı", "eki"),
    3: ("трет", "три", "third", "three", "үш", "уш", "üş", "ush"),
    4: ("четвёрт", "четверт", "четыр", "fourth", "four", "төрт", "торт", "tört", "tort"),
    5: ("пят", "fifth", "five", "бес", "bes"),
    6: ("шест", "sixth", "six", "алты", "alty"),
    7: ("седьм", "семь", "seventh", "seven", "жеті", "жети", "jetı", "zheti", "jeti"),
    8: ("восьм", "восем", "eighth", "eight", "сегіз", "сегиз", "segız", "segiz"),
    9: ("девят", "ninth", "nine", "тоғыз", "тогыз", "toğyz", "togyz"),
    10: ("десят", "tenth", "ten", "он", "on"),
    11: ("одиннадцат", "eleven",),
    12: ("двенадцат", "twelf", "twelve"),
    13: ("тринадцат", "thirteen"),
    14: ("четырнадцат", "fourteen"),
    15: ("пятнадцат", "fifteen"),
    16: ("шестнадцат", "sixteen"),
    17: ("семнадцат", "seventeen"),
    18: ("восемнадцат", "eighteen"),
    19: ("девятнадцат", "nineteen"),
    20: ("двадцат", "twent", "жиырма", "jiyrma", "zhiyrma"),
    90: ("девяност", "ninet", "тоқсан", "токсан", "toqsan", "toksan"),
    100: ("hundred", "жүз", "жуз", "jüz", "zhuz"),
    900: ("девятьсот",),
    1000: ("тысяч", "тысяча", "thousand", "мың", "мын", "myñ", "myn"),
    2000: ("двухтысячн",),
}
_FOLDED = sorted(((fold(s), v) for v, stems in _STEMS.items() for s in stems), key=lambda sv: -len(sv[0]))
_SHORT = frozenset(("on", "bes", "eki", "bir", "ush", "one", "two", "ten", "six"))
"""Stems that are whole words, or Kazakh ordinals ("бесінші"): "он" (ten) is not the start of "онда",
nor "bes" of "best"."""
_KAZAKH_ORDINAL = frozenset(("nshi", "inshi", "ynshy", "nshy", "ynshi"))
_KAZAKH_LOCATIVE = frozenset(("de", "da", "te", "ta"))
"""A Kazakh year's last number in the locative ("екі мың он бірде": in 2011); not "онда" (there)."""
_ORDINAL_ENDINGS = ("om", "ogo", "oi", "yi", "ii", "tem", "tego", "tei", "nshi", "nshy", "th", "first", "sekond", "third")
"""Folded endings of ordinals: "втором", "третьем" (tretem), "третьего", "бесінші", "ninth", "second" (sekond)."""
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_YEAR_WORDS = ("god", "jyl", "zhyl", "year")
"""How the word for "year" starts once folded ("году", "жылы", "jyldyñ", "year"): after "twenty-second"
it makes the ordinal a year of this century rather than a day of a month."""
_JOINS = frozenset(("", "-"))
"""What may stand between two number words of one year: nothing but a space, or a hyphen ("ninety-six")."""


@lru_cache(maxsize=8192)
def _value(word: str) -> int | None:
    folded = fold(word)
    for opening, value in _FOLDED:
        if folded == opening or (folded.startswith(opening)
                                 and (opening not in _SHORT or folded[len(opening):] in _KAZAKH_ORDINAL
                                      or (opening != "on" and folded[len(opening):] in _KAZAKH_LOCATIVE))):
            return value
    return None


def ordinal_value(word: str) -> int | None:
    """The number an ordinal word says ("second", "екінші", "второй" → 2); None for a word that says none."""
    return _value(word)


def _total(values: list[int]) -> int:
    """"two thousand eleven" 2011, "nineteen ninety-six" 1996, "twenty eleven" 2011, "тоғыз жүз тоқсан" 990."""
    total, current = 0, 0
    for value in values:
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        elif value == 100:
            current = (current or 1) * 100
        elif 10 <= current < 100 and value >= 10 and (current >= 19 or value >= 20):
            current = current * 100 + value  # a year said in pairs: "nineteen | ninety", "twenty | eleven"
        else:
            current += value
    return total + current


_OF = frozenset(("of", "the"))


def _month_after(words: list[re.Match[str]], j: int) -> int | None:
    """The index of the month word at j, or just after "of (the)", else None: "the twelfth of June"
    names a day ("қазан", October, is a month; "Қазақстан" is not)."""
    while j < len(words) and words[j].group().lower() in _OF:
        j += 1
    return j if j < len(words) and month_of(stem(fold(words[j].group()))) else None


# Decades said without their century ("в 90-е", "the '90s", "90-жылдары") or in words ("девяностые",
# "the nineties", "тоқсаныншы жылдары"): written as the decades the question reader knows ("1990-е").
_SHORT_DECADE_RE = re.compile(
    r"(?<![\w.,])['’]?([5-9]0)(?=-?(?:е|х|ые|ых)(?!\w)|['’]?s\b|\s*-?\s*(?:жылдар|jyldar|zhyldar|шы\s|ші\s|ыншы|інші))",
    re.IGNORECASE)
_DECADE_WORDS: dict[str, str] = {
    "пятидесят": "1950", "шестидесят": "1960", "семидесят": "1970", "восьмидесят": "1980", "девяност": "1990",
    "двухтысячн": "2000", "fifties": "1950", "sixties": "1960", "seventies": "1970",
    "eighties": "1980", "nineties": "1990", "noughties": "2000", "сексенінші": "1980", "сексенинши": "1980",
    "seksenınşı": "1980", "sekseninshi": "1980", "тоқсаныншы": "1990", "токсаныншы": "1990",
    "toqsanynşy": "1990", "toqsanynshy": "1990", "toksanynshy": "1990"}
_RU_DECADE_RE = re.compile(r"\b(пятидесят|шестидесят|семидесят|восьмидесят|девяност|двухтысячн)(?:ые|ых|ыми|ым)\b",
                           re.IGNORECASE)
_EN_DECADE_RE = re.compile(r"\b(fifties|sixties|seventies|eighties|nineties|noughties)\b", re.IGNORECASE)
_KK_DECADE_RE = re.compile(r"\b(сексенінші|сексенинши|seksenınşı|sekseninshi|тоқсаныншы|токсаныншы|toqsanynşy|toqsanynshy"
                           r"|toksanynshy)(?=\s+(?:жылдар|jyldar|zhyldar))", re.IGNORECASE)


def spoken_decades(text: str) -> str:
    """The text with each decade said without its century or in words written as "1990-е", "1990s", "1990 жылдар"."""
    text = _SHORT_DECADE_RE.sub(lambda m: "19" + m.group(1) + ("-" if text[m.end():m.end() + 1] in "ехЕХ" else ""), text)
    text = _RU_DECADE_RE.sub(lambda m: _DECADE_WORDS[m.group(1).lower()] + "-е", text)
    text = _EN_DECADE_RE.sub(lambda m: _DECADE_WORDS[m.group(1).lower()] + "s", text)
    return _KK_DECADE_RE.sub(lambda m: _DECADE_WORDS[m.group(1).lower()], text)


def spoken_years(text: str) -> str:
    """The text with each year said in words written in digits, and a day said as an ordinal before
    its month ("the twelfth of June", "двенадцатого июня") as its number."""
    text = spoken_decades(text)
    words = list(_WORD_RE.finditer(text))
    out: list[str] = []
    last = 0
    k = 0
    while k < len(words):
        run = [words[k]] if _value(words[k].group()) is not None else []
        j = k + 1
        while run and j < len(words):
            gap = text[words[j - 1].end():words[j].start()].strip().lower()
            word = words[j].group()
            if gap not in _JOINS:
                break
            if word.lower() == "and":
                j += 1
                continue
            if _value(word) is None:
                break
            run.append(words[j])
            j += 1
        following = words[j].group() if run and j < len(words) else ""
        year = _year(run, following) if run else None
        month = _month_after(words, j) if run and year is None else None
        if year is not None:
            out.append(text[last:run[0].start()] + str(year))
            last = run[-1].end()
            k = j
        elif month is not None and 1 <= (day := _total([v for m in run if (v := _value(m.group())) is not None])) <= 31 \
                and fold(run[-1].group()).endswith(_ORDINAL_ENDINGS):
            out.append(text[last:run[0].start()] + f"{day} ")
            last = words[month].start()
            k = month
        else:
            k += 1
    out.append(text[last:])
    return "".join(out)


def _year(run: list[re.Match[str]], following: str = "") -> int | None:
    """The year a run of number words says, or None; `following` is the word after it."""
    values = [v for m in run if (v := _value(m.group())) is not None]
    total = _total(values)
    ordinal = fold(run[-1].group()).endswith(_ORDINAL_ENDINGS)
    if 1900 <= total <= 2039 and len(values) >= 2 and (total % 1000 or ordinal):
        return total
    if total == 2000 and ordinal:
        return total
    if 32 <= total <= 99 and len(values) >= 2 and (ordinal or _kazakh_case(run[-1].group())):
        return 1900 + total
    if 932 <= total <= 999 and len(values) >= 3 and ordinal:
        return 1000 + total  # "тоғыз жүз тоқсан сегізінші": the thousand left unsaid
    if 21 <= total <= 29 and len(values) >= 2 and ordinal and fold(following).startswith(_YEAR_WORDS):
        return 2000 + total  # "жиырма екінші жылдың қаңтарында", "в двадцать третьем году": only before "year"
    return None


_KAZAKH_CASES = ("ben", "men", "pen", "den", "dan", "ten", "tan", "nen", "nan", "de", "da", "te", "ta")
"""Kazakh case endings that make a spoken 32–99 a year as people say it ("тоқсан сегізбен салыстырғанда",
compared with '98; "тоқсан бесте", in '95): a count in words takes them rarely."""


def _kazakh_case(word: str) -> bool:
    """Whether a number word carries a Kazakh instrumental, ablative or locative ending."""
    folded = fold(word)
    opening = next((o for o, _ in _FOLDED if folded.startswith(o)), "")
    return bool(opening) and opening not in ("on", "one") and folded[len(opening):] in _KAZAKH_CASES


FOLLOW_YEARS = 15
"""How far from the year asked before a year said by its last digits alone may be ("а в одиннадцатом?" after 2010)."""
_LONE_ORDINAL_ENDINGS = ("om", "em")
"""Russian ordinals in the prepositional, as a year is said ("в одиннадцатом"), not a day ("одиннадцатого")."""
_LONE_ORDINAL_FILLER = frozenset(("vot", "to", "zhe"))
"""What may follow such an ordinal besides the word for year ("god…"): filler ("а в одиннадцатом вот?")."""
_SHORT_FOLLOW_UP = 5
"""Words a follow-up may run to for an ordinal in it to be read as a year."""


def year_of_ordinal(text: str, near: int | None) -> str:
    """"а в одиннадцатом?" after a question about 2010: a short follow-up's lone ordinal as the year, in the
    century that puts it nearest the year asked before (`near`), when that is within FOLLOW_YEARS of it."""
    words = list(_WORD_RE.finditer(text))
    if near is None or YEAR_RE.search(text) or len(words) > _SHORT_FOLLOW_UP:
        return text
    for k, word in enumerate(words):
        value = _value(word.group())
        after = [fold(w.group()) for w in words[k + 1:]]
        if value is None or not 1 <= value <= 99 or not fold(word.group()).endswith(_LONE_ORDINAL_ENDINGS) \
                or not all(w.startswith("god") or w in _LONE_ORDINAL_FILLER for w in after) \
                or (k and _value(words[k - 1].group()) is not None):  # the last word of a number said whole
            continue
        year = min((century + value for century in (1900, 2000)), key=lambda y: abs(y - near))
        if abs(year - near) <= FOLLOW_YEARS:
            return text[:word.start()] + str(year) + text[word.end():]
    return text
