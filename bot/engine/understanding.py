"""Question understanding: what is asked (a date, a number, a list …) and about what.

A question becomes a `Query`: its content words (folded, stemmed, with metonyms replaced by
what they stand for), the years, decades and months it names, what it asks for, and the
signs that no source can answer it (an opinion, a forecast, another country).
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.dates import MONTHS, RU_GENITIVE
from bot.engine.hops import year_hop
from bot.engine.language import LanguageDetector
from bot.engine.lexicon import Lexicon, Phrase, side_tokens
from bot.text import consonants, dropped_letters, fold, fold_word, raw_tokens, stem, tokens, word_tokens

YEAR_RE = re.compile(r"(?<![\d.,])(1[5-9]\d\d|20\d\d)(?![\d])")
# "1990-х", "1990s", "1990-е", "1990 жылдары": a decade stands for its ten years.
DECADE_RE = re.compile(
    r"(?<![\d.,])(1[5-9]\d0|20\d0)"
    r"(?:'?s\b|\s*-\s*(?:х|е|ых|ые|ші|шы|шы жылдар|ші жылдар)|\s*-?\s*(?:жылдар|jyldar|zhyldar))",
    re.IGNORECASE)
_DECADE_YEARS_RE = re.compile(r"((?:1[5-9]\d0|20\d0)\s*-\s*(?:е|х|ые|ых))\s+(?:годы|годах|годов)\b", re.IGNORECASE)
""""В 1990-е годы": the decade's own word for years, which names no topic (unlike "на какие годы?")."""
_DAY_MONTH_RE = re.compile(r"(0?[1-9]|[12]\d|3[01])\.(0[1-9]|1[0-2])")
"""A day and month typed as numbers ("12.06"); a decimal ("23.8") has one digit after the point."""
_NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})\.(\d{2})\.((?:1[5-9]|20)\d\d)\b")
_ISO_DATE_RE = re.compile(r"\b((?:1[5-9]|20)\d\d)[/-](\d{2})[/-](\d{2})\b")
_COMPOUND_RE = re.compile(r"([^\W\d_]+)-[^\W\d_]")


def _spaced_dates(text: str) -> str:
    """"12.06.1990" and "1994/03/28" as a day.month and a year apart, which the year and day readers take."""
    return _ISO_DATE_RE.sub(r"\3.\2 \1", _NUMERIC_DATE_RE.sub(r"\1.\2 \3", text))
# "since 2022", "после 2022 года", "2022 жылдан бері": the years from one on, not that year alone.
_ONWARDS_RE = re.compile(
    r"(?:\b(?:since|after|from)\s+(?:the\s+)?(?:year\s+)?|(?<![\w-])(?:начиная\s+с|с|со|после)\s+)"
    r"(?:19|20)\d\d(?:\s*(?:года|году|г\.?)(?!\w))?"
    r"|(?:19|20)\d\d(?:\s*-?\s*\w+)?\s+(?:бері|бери|berı|beri|кейін|кейин|keiın|keiin|kein|keyin)\b",
    re.IGNORECASE)
# "2008 және 2010 жылдардағы": the plural is the two years listed, not the 2010s.
_LISTED_YEARS_RE = re.compile(
    r"(?<![\d.,])((?:1[5-9]|20)\d\d)(\s*(?:,|және|жане|jäne|zhane|мен|men|бен|ben|пен|pen)\s*)((?:1[5-9]|20)\d0)\s*-?\s*"
    r"(?:жылдар|jyldar|zhyldar)\w*", re.IGNORECASE)
# Endings of verb forms (folded): an unknown verb ("упомянул", "орнады", "caused") says little
# about the topic, unlike an unknown noun ("China", "погода"), so it weighs less.
PLACE_NAME = 4
"""Letters of a city's stem that its case forms keep ("астан": "Астане", "Astanada")."""
LONG_QUESTION_WORD = 6
"""Letters a question word must have for a word one letter longer to be its typo ("каншан": "кашан", not "kost")."""
LOCATIVE_ENDINGS = ("da", "de", "ta", "te")
"""Kazakh locative case endings, folded ("Астанада", "Мәскеуде"): the word names where."""
PART_YEARS = 5
"""Years of a part of a decade ("the early 1990s")."""
ENGLISH_HEAD_WORDS = 2
"""Words after the one "how many" counts that may still belong to its noun ("border crossing points")."""
PLURAL_HEAD_LENGTH = 4
"""Letters a plural must have to be a compound's head ("points"; not "is")."""


def said_as_place(raws: Sequence[str], k: int, markers: Collection[str], reach: int = 1) -> bool:
    """Whether the `k`-th of a message's folded words is said as a place: after a locative word ("in", "в")
    at most `reach` words before it, or with a Kazakh locative ending ("Астанада", "құжаттарында")."""
    return any(before in markers for before in raws[max(0, k - reach):k]) or raws[k].endswith(LOCATIVE_ENDINGS)


VERB_ENDINGS = ("al", "ala", "ali", "il", "ila", "ili", "ul", "ula", "uli", "el", "ela", "eli", "yl",
                "yla", "yli", "lsia", "las", "lis", "tsia", "dy", "di", "ty", "ti", "gan", "gen",
                "kan", "ken", "ady", "edi", "ed", "ing")
KAZAKH_VERB_ENDINGS = ("dy", "di", "ty", "ti", "gan", "gen", "kan", "ken", "ady", "edi")
"""Of those, the endings a Kazakh verb has: "қанша двигатель" counts engines, whatever Russian "-ел" says."""
# Intents whose words say what is asked, not what it is about: they are not content words.
ASKING = frozenset({"when", "where", "who", "how_much", "why", "ago"})
_CURRENCY_STEMS = (("KZT", "tenge"), ("RUB", "rubl"), ("RUB", "roubl"), ("USD", "dollar"), ("USD", "dolar"))
"""Folded stems of the currencies a question may name a sum in ("тенгемен", "в рублях", "in dollars"; a
question's tokens fold "dollars" to "dolar")."""


_NOT_DOING_RE = re.compile(r"\w{4,}(?:бей|бай|пей|пай|мей|май|bei|bai|pei|pai|mei|mai|bey|bay|pey|pay|mey|may)$", re.IGNORECASE)
"""A Kazakh verb in the negative ("кіргізбей", "kirgizbei": without letting in), whatever name it starts like."""

_MONEY_STEMS = (*(prefix for _, prefix in _CURRENCY_STEMS), "evro", "euro")
"""The currencies' stems, also as the tokens fold them ("dollars" → "dolar"): a figure followed by one is a sum."""


def _names_currency(raws: Sequence[str]) -> bool:
    """Whether an abbreviation's neighbours name a currency: "US dollars", "долларов США", "АҚШ доллары"
    give the unit of a sum, not another country asked about."""
    return asked_currency(fold_word(raw) for raw in raws) is not None


def asked_currency(toks: Iterable[str]) -> str | None:
    """The currency a question names (ISO code), or None."""
    return next((code for tok in toks for code, prefix in _CURRENCY_STEMS if tok.startswith(prefix)), None)


def asks_for_list(toks: Sequence[str], lex: Lexicon) -> bool:
    """Whether words ask outright for a list ("перечислите", "list", "тізіп")."""
    return bool(lex.words["enumerate_words"].intersection(toks) or find_phrases(tuple(toks), lex.phrases["enumerate_words"]))


def currencies_in(toks: Iterable[str]) -> frozenset[str]:
    """Every currency a text names (ISO codes)."""
    return frozenset(code for tok in toks for code, prefix in _CURRENCY_STEMS if tok.startswith(prefix))


# Russian "в мае", "в июне" and the adjectives "майский", "июньский": short months the stem leaves unmatched.
_RU_MONTH_FORMS = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
                   "октябре", "ноябре", "декабре")
_RU_MONTH_ADJECTIVES = ("январский", "февральский", "мартовский", "апрельский", "майский", "июньский",
                        "июльский", "августовский", "сентябрьский", "октябрьский", "ноябрьский", "декабрьский")
MONTH_WORDS: dict[str, int] = {}
for _names in (MONTHS["kk"], MONTHS["ru"], MONTHS["en"], RU_GENITIVE, _RU_MONTH_FORMS, _RU_MONTH_ADJECTIVES):
    for _i, _name in enumerate(_names, 1):
        MONTH_WORDS[stem(fold(_name))] = _i
T = TypeVar("T")
_LONG_MONTHS = tuple(sorted(((w, m) for w, m in MONTH_WORDS.items() if len(w) >= 4), key=lambda wm: -len(wm[0])))


# As the text folds them ("which" → "vhih"), so a typo's fold ("wich" → "vih") is one too.
_OPENERS = frozenset(tokens("which wich what who whom how"))
_AUXILIARIES = frozenset(tokens("did do does was were is are will has have had exactly"))
_WHEN = tokens("when")[0]
# Russian: "Кто был президентом России, когда подписали договор?": a question opened by another
# question word whose "когда" follows a comma starts a clause.
_KOGDA_CLAUSE_RE = re.compile(
    r"(?:^|[,.!:]\s*)(?:(?:а|и|ну)\s+)?(?:кто|какой|какая|какое|какие|что|сколько|где|чей|чья)\b[^?.!]*,\s*когда\b(?!\s+(?:же|именно))"
    r"|(?:^|[,.!:]\s*)(?:сколько|скока|скоко|кто|какой|какая|какое|какие|что|где)\s[^?.!,]*?\w(?<!\sи)(?<!\sа)(?<!или)"
    r"\s+когда\s+(?:они|он|она|оно|их|его|её|все)\b"
    r"|(?:^|\s)(?!(?:скажите|подскажите|скажи|подскажи|напомните|напомни|уточните|уточни|знаете|интересно)\b)[а-яё]+,"
    r"\s*когда\b[^?!,]*,\s*[—–-]?\s*(?:какую|какой|какая|какое|какие|каков|какова|сколько|кто|что|где)\b",
    re.IGNORECASE)
"""… also after "а", "и" ("А кто к нему присоединился, когда он стал ЕАЭС?"); or a question whose "когда" opens a
clause about what it names ("скока россиян переехало в казахстан когда они уезжали из рф", "какие страны
присоединились к союзу когда он стал еаэс"), comma or not; not "какие документы и когда они подписали?"; or a clause
set between commas before the question word ("… в начале десятилетия, когда оборот превысил 20 млрд, – какую часть
…?"), unless a plea opens it ("Скажите, когда …, какие …?" asks both)."""
_DECADE_TEXT = r"(?:1[5-9]|20)\d0"
_PART_OF_DECADE_RE = re.compile(
    rf"(?:(?:в|во)\s+)?(?P<ru>первой|второй|начал\w*|конц\w*|середин\w*)(?:\s+половин\w*)?\s+(?P<ru_d>{_DECADE_TEXT}\s*-\s*(?:х|е|ых|ые))"
    rf"|(?:in\s+)?(?:the\s+)?(?P<en>first\s+half\s+of|second\s+half\s+of|early|late|mid)[-\s]+(?:the\s+)?(?P<en_d>{_DECADE_TEXT}'?s)"
    rf"|(?P<kk_d>{_DECADE_TEXT}\s*-?\s*(?:жылдар|jyldar|zhyldar)\w*)\s+(?P<kk>бірінші|биринши|bırınşı|birinshi|екінші|екинши|ekınşı"
    r"|ekinshi|басында|басинда|basynda|соңында|сонында|soñynda|sonynda|ортасында|ortasynda)(?:\s+(?:жартысында|жартысинда|jartysynda))?",
    re.IGNORECASE)
"""Part of a decade ("во второй половине 1990-х", "the late 1990s", "1990 жылдардың басында"): its five years."""
_PART_OF_DECADE = {"перв": 0, "нача": 0, "firs": 0, "earl": 0, "бірі": 0, "бири": 0, "bırı": 0, "biri": 0, "басы": 0,
                   "баси": 0, "basy": 0, "втор": 5, "конц": 5, "seco": 5, "late": 5, "екін": 5, "екин": 5, "ekın": 5, "ekin": 5,
                   "соңы": 5, "соны": 5, "soñy": 5, "sony": 5, "сере": 3, "mid": 3, "орта": 3, "orta": 3}
"""The first year of a part of a decade, counted from the decade's first, by the part's word's first letters."""
_HALF_RE = re.compile(r"половин|half|жартыс|jartys|первой|второй|бірінші|биринши|bırınşı|birinshi|екінші|екинши|ekınşı|ekinshi",
                      re.IGNORECASE)
"""A half of a decade said ("во второй половине", "the first half of", "екінші жартысында"), not its start or end."""


def _decade_said(match: re.Match[str]) -> str:
    """The decade a part-of-decade match names, as written ("1990-х", "1990s", "1990 жылдардың")."""
    return str(match.group("ru_d") or match.group("en_d") or match.group("kk_d"))


_VAGUE_AFTER_RE = re.compile(
    r"(?:(?:через|спустя)\s+(?:пару|несколько|пару-тройку)\s+лет\s+после|(?:a\s+few|a\s+couple\s+of|several)\s+years\s+after)"
    r"\b[^.?!,]{0,60}?(?P<year>(?<![\d.,])(?:19|20)\d\d(?:\s*(?:года|г\.)(?!\w))?)",
    re.IGNORECASE)
""""Через пару лет после договора о дружбе 1992 года …": the year an unnamed number of years before the one asked,
which no fact of the answer is from."""
_WHEN_CLAUSE_RE = re.compile(
    r"(?:^|[.:;!?]\s*)when\s+(?!(?:did|do|does|was|were|is|are|will|would|has|have|had|can|could|exactly)\b)[^,?.!]{3,},"
    r"\s*(?:which|what|who|whom|where|how\s+many|how\s+much)\b",
    re.IGNORECASE)
"""English "When the Customs Union grew into the EAEU, which two countries joined?": a sentence opened by a "when"
clause, the question after its comma."""


NAMED_DAY_RE = re.compile(r"\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s+(?:Day|[Кк]үні|[Кк]уни|[Kk]ünı|[Kk]uni)\b|\b[Дд]ень\s+[А-ЯЁ]\w+")
"""A day named for something ("Russia Day", "Ресей күні", "День России"): a holiday, not a date."""
_SIDE_DAY_RE = re.compile(r"\b([^\W\d_]+)\s+(?:day|күні|куни|künı|kuni)\b|\bдень\s+([^\W\d_]+)", re.IGNORECASE)


def named_days(text: str, sides: Collection[str]) -> list[str]:
    """The days named for something in a text, also typed in lower case where a side names them
    ("what is russia day"): capitals tell a name only when someone typed them."""
    found = [m.group() for m in NAMED_DAY_RE.finditer(text)]
    return found + [m.group() for m in _SIDE_DAY_RE.finditer(text)
                    if m.group() not in found and any(tok in sides for tok in tokens(m.group(1) or m.group(2)))]


def _asks_which_year(plain: tuple[str, ...], lex: Lexicon) -> bool:
    """"В каком году", "which year", "қай жылы": a which-word right before a word for year."""
    return any(a in lex.words["which_words"] and b in lex.words["year_words"] for a, b in zip(plain, plain[1:], strict=False))


_NAMED_OPINION_RE = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?!(?:I|You|We|Вы|Ты|Мы|Я|Сіз|Сен|Біз)\b)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s+"
    r"(?P<verb>think|thought|believe|believed|considered|считал|считает|думал|думает|полагал)\b")
"""An opinion a named person held ("how did President Nazarbayev think …", "что думал Назарбаев" is not matched, its
name after): the sources may tell it, unlike the bot's own opinion ("what do you think …")."""
_SUM_RE = re.compile(r"\d\s*[a-z]?\s*[+*×÷^]\s*\d|\d\s*[a-z]?\s*=\s*-?\d", re.IGNORECASE)
"""A sum or an equation to work out ("2x+5=11", "15*4", "3x-4=8"): homework, not a question the sources answer.
Neither "-" nor "/" alone counts: "1998-2007" and "12/10/1998" are years and dates."""
_CURRENCY_SIGN_RE = re.compile(r"[$€₽₸£]")
"""A currency sign: with "how much" it asks a sum of money, whatever the words say ("ставка … сколько $ в год?")."""


def _when_is_a_conjunction(toks: tuple[str, ...], lex: Lexicon) -> bool:
    """"Which countries joined the customs union when it became the EAEU?": an English question
    already opened by which/what/who/how, whose later "when" starts a clause ("when it…", not
    "when did…"), asks no date; nor does it when no other word asks one. A plea before the opener
    ("please tell me what two countries joined when …") changes nothing."""
    opener = next((k for k, tok in enumerate(toks) if tok in _OPENERS), None)
    if opener is None or not lex.words["stopwords"].issuperset(toks[:opener]) or _WHEN not in toks[opener + 2:]:
        return False
    k = toks.index(_WHEN, opener + 2)
    after = toks[k + 1] if k + 1 < len(toks) else ""
    others = (lex.intents["when"] - {_WHEN}).intersection(toks)
    return after not in _AUXILIARIES and not others and not find_phrases(toks, lex.intent_phrases["when"])


_POSSESSED_ENDINGS = ("y", "i")
"""Kazakh third-person possessive endings, folded (-ы, -і, the Russian-keyboard -и, Latin -y, -ı, -i): the head
of a compound noun carries one ("шекара өткелі", a border crossing)."""


_GENITIVE_ENDINGS = ("nyn", "nin", "dyn", "din", "tyn", "tin")
"""Kazakh genitive endings, folded: "қанша доллардың келісімдері" asks the dollars of the agreements, an amount."""


def _compound_head(text: str, counted: str, unique: Sequence[str]) -> str:
    """"Қанша шекара өткелі бар?" counts crossings, not borders: where the word counted is followed by a
    noun with a possessive ending, that noun is the compound's head and is what is counted."""
    raws = [raw for raw in raw_tokens(text) if not raw[0].isdigit()]
    for first, second in zip(raws, raws[1:], strict=False):
        if tokens(first) != [counted] or fold_word(first).endswith(_GENITIVE_ENDINGS):
            continue
        head, folded = tokens(second), fold_word(second)
        if len(head) == 1 and head[0] in unique and head[0] != counted and len(second) >= 4 \
                and folded.endswith(_POSSESSED_ENDINGS) and not folded.endswith(KAZAKH_VERB_ENDINGS):
            return head[0]
    return counted


_PARTITIVES = frozenset({"bits", "pieces", "sheets", "kinds", "types", "sorts"})
"""English words that count what follows their "of" ("how many pieces of paper")."""


def _english_head(text: str, counted: str, unique: Sequence[str], verbs: Collection[str]) -> str:
    """"How many border crossing points …?" counts points, not borders: in English the last of the
    nouns after "how many" is the compound's head, when it is a plural ("trade agreements")."""
    raws = [raw for raw in raw_tokens(text) if not raw[0].isdigit()]
    for k, raw in enumerate(raws):
        if tokens(raw) != [counted] or k == 0 or raws[k - 1].lower() not in ("many", "much"):
            continue
        head = counted
        if raw.lower() in _PARTITIVES and raws[k + 1:k + 2] == ["of"] and len(raws) > k + 2 \
                and len(toks := tokens(raws[k + 2])) == 1:
            return toks[0]  # "how many bits of paper": the paper is counted
        for after in raws[k + 1:k + 1 + ENGLISH_HEAD_WORDS]:
            toks = tokens(after)
            if not (after.isascii() and after.islower() and len(toks) == 1 and toks[0] in unique):
                break  # (a verb form may still describe the head: "crossing points")
            if len(after) >= PLURAL_HEAD_LENGTH and after.endswith("s") and not after.endswith("ss") and toks[0] not in verbs:
                head = toks[0]
        return head
    return counted


_TO_HOW_MUCH_RE = re.compile(r"\b(?:неше|қанша|канша|neşe|neshe|qanşa|qansha|kansha)(?:ге|ға|га|ge|ğa|ga)\b", re.IGNORECASE)
"""Kazakh "нешеге", "қаншаға": to how much, an amount reached ("квотасын нешеге көбейтуге келісті?"); the
word after it is what grew, never a thing counted."""

_CONSEQUENCE_RE = re.compile(r",\s*(?:из-за чего|отчего|вследствие чего|поэтому|так что|which means|so that|whereby)\b"
                             r"|(?<=\w),?\s+что\s+(?=(?:\w+\s+){0,3}(?:будут|будет|станут|станет)\b)", re.IGNORECASE)
"""A clause that tells a consequence of what is asked about, or what was promised ("подписали договор, что будут
добрыми соседями"): its verbs say nothing of when the question is set."""

_EXCEPT_RE = re.compile(
    r"\b(?:apart from|aside from|except for|except|other than|besides)\s+(?:his|her|their|its|the|that|this)\s+[^,?.!]{1,40},"
    r"|\b(?:кроме|помимо)\s+[^,?.!]{1,40},"
    r"|(?:[^\W\d_]+\s+){0,2}[^\W\d_]+(?:тан|тен|дан|ден|нан|нен|tan|ten|dan|den|nan|nen)\s+(?:басқа|баска|basqa|baska)\b",
    re.IGNORECASE)
"""What a question leaves out ("apart from his first trip, …", "кроме первого визита, …", "алғашқы сапарынан басқа"):
its words say what not to answer, so they take no part in finding what to."""

_CASE_ENDING = 4
"""Letters a case ending may add to a stem the stemmer left longer ("Мәскеудің" → "maskeu", not "maske")."""


def _extended_stem(tok: str, table: Iterable[tuple[str, T]]) -> T | None:
    """The value of the longest stem in `table` (longest first) that `tok` extends by a case ending."""
    return next((value for stem_, value in table if tok.startswith(stem_) and len(tok) - len(stem_) <= _CASE_ENDING),
                None)


OVERVIEW_PHRASE = 3
"""Words from which a phrase asking for an overview ("what's the deal with", "что известно о") names
no topic of its own (shorter ones, "about", "what is", may stand beside a topic word that counts)."""


@lru_cache(maxsize=8192)
def month_of(tok: str) -> int | None:
    """The month a token names, also in a case form its stem misses ("шілдеде", "қазанында")."""
    month = MONTH_WORDS.get(tok)
    return _extended_stem(tok, _LONG_MONTHS) if month is None and len(tok) >= 5 else month


SEASONS: dict[str, tuple[int, ...]] = {"spring_words": (3, 4, 5), "summer_words": (6, 7, 8),
                                       "autumn_words": (9, 10, 11), "winter_words": (12, 1, 2)}
"""The months of each season the lexicon names."""


@dataclass(frozen=True, slots=True)
class Query:
    """A question taken apart: content words, years, months, intent and language."""

    text: str
    lang: str | None
    words: tuple[str, ...]
    verbs: frozenset[str]
    years: tuple[int, ...]
    named_years: tuple[int, ...]
    months: tuple[int, ...]
    intents: frozenset[str]
    out_of_scope: bool
    parties: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()
    tokens: tuple[str, ...] = ()

    generic: bool = False
    future: bool = False
    """Asked in the future tense ("will", "будет"): a forecast unless a fact matches it closely."""
    days: tuple[tuple[int, int], ...] = ()
    """(month, day) of each day-precise date named ("6 шілдеде", "July 6")."""
    counted: str | None = None
    """The word right after "how many" ("делегатов", "зымыран"): what the question counts."""
    onwards: int | None = None
    """The year a question reaches forward from ("since 2022", "после 2022 года", "2022 жылдан бері")."""
    placed: int = 0
    """How many cities named as a place brought their country into `words` ("in Almaty" → Kazakhstan, Almaty):
    words the user did not type, so no measure of how much they said."""

    @property
    def only_years(self) -> bool:
        """"What happened in 1998 (between Kazakhstan and Russia)": a year and nothing else to go on."""
        return bool(self.named_years) and (not self.words or self.generic)


def mentions(toks: tuple[str, ...], lex: Lexicon, name: str) -> bool:
    """Whether tokens hold a word or a phrase of the lexicon's list `name`."""
    return bool(lex.words[name].intersection(toks) or find_phrases(toks, lex.phrases[name]))


def mentioned_at(toks: tuple[str, ...], lex: Lexicon, name: str) -> set[int]:
    """The positions of the tokens that a word or a phrase of the lexicon's list `name` covers."""
    return {k + j for k, ph in find_phrases(toks, lex.phrases[name]) for j in range(len(ph))} \
        | {k for k, tok in enumerate(toks) if tok in lex.words[name]}


def find_phrases(toks: tuple[str, ...], phrases: Iterable[Phrase]) -> list[tuple[int, Phrase]]:
    """Where each multi-word phrase occurs in a token sequence (start index, phrase)."""
    found: list[tuple[int, Phrase]] = []
    present = frozenset(toks)
    for ph in phrases:
        if not ph or ph[0] not in present:
            continue  # most phrases do not even start in the question: no scan for them
        n = len(ph)
        for k in range(len(toks) - n + 1):
            if toks[k:k + n] == ph:
                found.append((k, ph))
    return found


def replace_stands_for(toks: list[str], lex: Lexicon, inflected: Iterable[tuple[str, Phrase]] = (),
                       located: Collection[str] = ()) -> tuple[list[str], int]:
    """Metonyms and paraphrases replaced by the words the facts use ("Kremlin" → Russia), and how many
    words of `located` (a capital named as a place: "met in Astana") stayed beside their country."""
    if not lex.stands_for:
        return toks, 0
    out: list[str] = []
    placed = 0
    k = 0
    longest = max(len(p) for p in lex.stands_for)
    while k < len(toks):
        for n in range(min(longest, len(toks) - k), 0, -1):
            target = lex.stands_for.get(tuple(toks[k:k + n]))
            if target is not None:
                out.extend(target)
                if n == 1 and toks[k] in located:
                    out.append(toks[k])
                    placed += 1
                k += n
                break
        else:
            # A one-word metonym in a case form its stem does not cover ("Мәскеудің").
            extended = _extended_stem(toks[k], inflected)
            out.extend(extended or (toks[k],))
            if extended and toks[k] in located:
                out.append(toks[k])
                placed += 1
            k += 1
    return out, placed


def inflectable_stand_ins(lex: Lexicon) -> tuple[tuple[str, Phrase], ...]:
    """The one-word metonyms of four letters or more, longest first, for `replace_stands_for`. A clipping
    of its own target ("pres" of "president") is left out: "present" is no case form of it, and the
    target's own forms are known words already."""
    single = [(key[0], target) for key, target in lex.stands_for.items() if len(key) == 1 and len(key[0]) >= 4
              and not any(word.startswith(key[0]) for word in target)]
    return tuple(sorted(single, key=lambda kv: -len(kv[0])))


_RAW_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

PARTY_ENDING = 3
"""Most letters a case ending adds to a country's stem ("германии", "қытайдың")."""
STOPWORD_TYPO_MIN = 6
"""Shortest stop word whose one-edit typos are read as it (a typo of "from" could be any word)."""
TYPO_ENDING = 3
"""Letters a mistyped ending may add to a stop word's stem ("arasy" + "ndg")."""


def _vowel_ending(ending: str) -> bool:
    return bool(ending) and set(ending) <= set("aeiouy")


KAZAKH_PART = 6
"""Words a second question may have when its question word stands inside it, not first."""
CHANGE_PART = 10
"""Most words after "and" in "trade in 2008 and its average growth a year": a change asked beside a figure."""
CONTRAST = frozenset(("al", "a"))
"""Kazakh "ал" and Russian "а" (while, whereas), as tokens: after a comma, they open a second question."""


_COUNTRIES_WHO_RE = re.compile(r"\b(?:ел|el)\b[^.?!]*\b(?:кімдер|кимдер|kımder|kimder)\b", re.IGNORECASE)
""""… ондағы 5 ел кімдер?" (who are its five countries?): a plural "who" of countries asks which countries."""
_ONE_COUNTRY_RE = re.compile(r"\b(?:страну|государство|(?:мемлекет|memleket|ел|el)\s+(?:ретінде|ретинде|retınde|retinde))\b",
                             re.IGNORECASE)
"""A country asked in the singular ("Назовите страну, которую Медведев посетил первой", "қандай мемлекет ретінде
қарастырады": as what kind of state): one, which may be a side; the stem it shares with "страны" would otherwise ask
the members of a union."""


class Understanding:
    """Parses questions with one lexicon; cheap to call, holds no per-question state."""

    def __init__(self, lex: Lexicon, vocabulary: Iterable[str] = (), abbreviations: Iterable[str] = ()) -> None:
        self.lex = lex
        # Words the facts use: a word outside them one letter from a question word is a typo of it.
        self.vocabulary = frozenset(vocabulary)
        listed = lex.known_words()
        self.known = self.vocabulary | listed
        # "летом того же года": a season is its three months (the sources date by month)
        self.season_months = {tok: months for key, months in SEASONS.items() for tok in lex.words[key]}
        # The facts' abbreviations ("КТК", "CSTO"), which an asker may type in small letters ("ктк кубыры").
        self.abbreviations = frozenset(abbreviations) - listed
        self.unstressed = _unstressed_readings(self.known)
        self.question_words = tuple((word, name) for name in ASKING for word in lex.intents[name]
                                    if len(word) >= 3 and " " not in word)
        self.long_stopwords = tuple(w for w in lex.words["stopwords"] if len(w) >= STOPWORD_TYPO_MIN)
        self.stop_stems = tuple(w for w in lex.words["stopwords"] if len(w) >= 5)
        five: dict[str, list[str]] = {}
        for word in self.stop_stems:
            if len(word) == 5:
                five.setdefault(word[0], []).append(word)
        self.five_letter_stops = {initial: tuple(words) for initial, words in five.items()}
        skeletons: dict[str, list[str]] = {}
        for word in lex.words["stopwords"]:
            if len(consonants(word)) >= 3:
                skeletons.setdefault(consonants(word), []).append(word)
        self.stop_skeletons = {k: tuple(v) for k, v in skeletons.items()}
        self.year_words = tuple(w for w in map(fold_word, lex.words["year_words"]) if len(w) >= 3)
        self.city_stems = tuple(city[:PLACE_NAME] for city in lex.words["city_words"])
        self.sides = side_tokens(lex)
        # Kazakh "we" standing for a side ("бізді", us: Kazakhstan) names that side as its name does (not a city
        # standing for a state: "met in Astana" names a place, not a side in turn).
        self.stand_in_sides = {ph[0]: side for ph, target in lex.stands_for.items()
                               if len(ph) == 1 and ph[0].startswith(_WE) and target and (side := _SIDE_OF.get(target[0][:3]))}
        self.language = LanguageDetector(lex)
        self.party_by_prefix = tuple((p[:-1], p) for p in sorted(lex.words["other_parties"]) if len(p) >= 5)
        self.party_prefixes = tuple(prefix for prefix, _ in self.party_by_prefix)
        # "until"/"expire" ask like "when" does: they are not what the question is about.
        self.asking = frozenset().union(*(lex.intents[name] for name in (*ASKING, "until")))
        self.inflected = inflectable_stand_ins(lex)
        self.change_words = tuple(w for w in lex.intents["compare"] if len(w) >= CHANGE_TYPO_MIN)
        """Words of change ("grow", "өсті"): a mistyped one ("grwo") still asks a change, not an amount."""
        self.single_stand_ins = tuple(key[0] for key in lex.stands_for if len(key) == 1 and len(key[0]) >= STAND_IN_TYPO_MIN)
        self.how_many = frozenset(word for word in lex.intents["how_much"] if " " not in word)
        self.comparing = lex.intents["compare"]
        """"улесі көп" (whose share is bigger): a word of comparison after "how much" counts nothing."""
        # Words that open a question of its own after "and": what may be asked, and "which"/"what".
        self.part_askers = frozenset(word for name in (*ASKING, "duration", "until") for word in lex.intents[name]
                                     if " " not in word) | lex.words["which_words"] | lex.words["what_words"]
        self.part_asking_phrases = tuple(ph for name in (*ASKING, "duration", "until") for ph in lex.intent_phrases[name])
        """… and the phrases that do ("and how big is …", "и на какой срок …")."""

    def _question_word_typo(self, tok: str) -> str | None:
        """The intent a word neither the facts nor the lexicon know asks when it is one edit from a question word."""
        if not self.vocabulary or tok in self.known or len(tok) < 3 or tok in self.lex.words["stopwords"]:
            return None
        # a letter left out or mistyped, one added to a long word ("каншан" is "кашан" as much as "канша": the longer,
        # then the later word decides), or an ending ("құнын", "нешеуі"), not letters inside: "қосатын" is no "cost"
        near = [(len(word), word, name) for word, name in self.question_words
                if (len(tok) <= len(word) or tok.startswith(word)
                    or (len(tok) == len(word) + 1 and len(word) >= LONG_QUESTION_WORD))
                and OSA.distance(tok, word, score_cutoff=1) <= 1]
        return max(near)[2] if near else None  # the longest: "каого" is "какого", not "кого"

    def _unless_known(self, match: re.Match[str]) -> str:
        """A first-person word left out unless the lexicon or the facts know its stem: "дегеніміз не?" asks
        what something is, and "шешімін" (its decision) only ends like "I am"."""
        word = match.group()
        return word if any(tok in self.known for tok in tokens(word)) else " "

    def _spatial_until(self, typed: list[str]) -> bool:
        """Whether each "дейін" (up to) follows a word in the dative that names no time
        ("Новороссийскіге дейін"), so it marks where something reaches, not until when (`typed`: folded words)."""
        times = self.lex.words["year_words"] | self.lex.words["period_words"]
        before = [typed[k - 1] for k, raw in enumerate(typed) if k and stem(raw) in self.lex.intents["until"]]
        return bool(before) and all(b.endswith(_DATIVE) and len(b) > 4 and not b[0].isdigit()
                                    and not (stem(b) in times or month_of(stem(b))) for b in before)

    def _paid_visit(self, plain: tuple[str, ...]) -> bool:
        """Whether every word asking money stands within three words of a visit ("every visit he paid")."""
        money, visits = self.lex.intents["money"], self.lex.words["visit_words"]
        near = [k for k, tok in enumerate(plain) if tok in money]
        return bool(near) and all(visits.intersection(plain[max(k - 3, 0):k + 4]) for k in near)

    def _year_only_per_year(self, plain: tuple[str, ...]) -> bool:
        """Every word asking when stands inside a per-year phrase ("a year", "в год", "жылына")."""
        inside = mentioned_at(plain, self.lex, "per_year")
        if not inside:
            return False
        outside = tuple(tok if k not in inside else "" for k, tok in enumerate(plain))
        return not self.lex.intents["when"].intersection(outside) and not find_phrases(outside, self.lex.intent_phrases["when"])

    def _which_thing(self, plain: tuple[str, ...]) -> bool:
        """Whether "when" is asked only by a "which" of a thing that is no time ("с какого космодрома",
        unlike "какого числа", "с какого года"): the question asks that thing."""
        lex = self.lex
        which, when = lex.words["which_words"], lex.intents["when"]
        times = lex.words["time_nouns"] | lex.words["year_words"] | lex.words["period_words"] | lex.words["day_words"]
        asking = [k for k, tok in enumerate(plain) if tok in when]
        return bool(asking) and not find_phrases(plain, lex.intent_phrases["when"]) and all(
            plain[k] in which and k + 1 < len(plain) and plain[k + 1] not in times and plain[k + 1] not in MONTH_WORDS
            and plain[k + 1].isalpha()
            for k in asking)

    def _which_until(self, plain: tuple[str, ...]) -> bool:
        """Whether every "up to" asks up to which thing that is no point in time ("до какой суммы",
        "қай қалаға дейін"): then the question asks that thing, not until when."""
        lex = self.lex
        which, until = lex.words["which_words"], lex.intents["until"]
        times = lex.words["time_nouns"] | lex.words["year_words"] | lex.words["period_words"] | lex.words["day_words"]
        asked: list[str] = []
        for k, ph in find_phrases(plain, lex.intent_phrases["until"]):
            if ph[-1] not in which or k + len(ph) >= len(plain):
                return False  # "until when", "до каких пор"
            asked.append(plain[k + len(ph)])  # "до какого пункта"
        for k, tok in enumerate(plain):
            if tok in until:
                if k and plain[k - 1] in lex.intents["where"]:
                    asked.append(plain[k - 1])  # "қайда дейін": up to where
                    continue
                if k < 2 or plain[k - 2] not in which:
                    return False  # "2050 жылға дейін", "expire"
                asked.append(plain[k - 1])  # "қай қалаға дейін"
        return bool(asked) and not any(w in times or month_of(w) or w[0].isdigit() for w in asked)

    def _stand_in_typo(self, tok: str) -> str:
        """A word no fact uses one edit from a one-word stand-in ("polygn" of "polygon"): that stand-in."""
        if len(tok) < STAND_IN_TYPO_MIN or tok in self.known or tok[0].isdigit():
            return tok
        near = process.extractOne(tok, self.single_stand_ins, scorer=OSA.distance, score_cutoff=1)
        return near[0] if near is not None else tok

    def mistyped_function_word(self, tok: str) -> bool:
        """Whether a word no fact uses is a mistyped stop word, question word or side name ("mcuh",
        "russain"): one edit away, or a stop word's stem with a mistyped ending ("арасындгы")."""
        if len(tok) == 3:  # "wat": a letter dropped from a longer function word ("what")
            return _one_edit_from(tok, (w for w in (*self.long_stopwords, *(w for w, _ in self.question_words))
                                        if len(w) == 4 and w.startswith(tok[0])))
        if len(tok) < 4:
            return False
        if len(tok) == 4 and any(len(w) == 4 and sorted(w) == sorted(tok) and OSA.distance(tok, w) == 1
                                 for w in self.lex.words["stopwords"]):
            return True  # "waht": two letters swapped in a short stop word ("what")
        if any(tok.startswith(s) and len(tok) - len(s) <= TYPO_ENDING for s in self.stop_stems):
            return True
        if len(tok) == 5 and _one_edit_from(tok, self.five_letter_stops.get(tok[0], ())):
            return True  # "мужду": one letter changed inside a stop word's five-letter stem ("между")
        return _one_edit_from(tok, (*self.long_stopwords, *(w for w, _ in self.question_words), *self.sides))

    def _side_typo(self, tok: str) -> str | None:
        """The side a word no fact uses mistypes ("Ресй", "kazakstn"), one edit away: word order
        then still tells who did what to whom."""
        if len(tok) < 4 or tok in self.vocabulary or tok in self.sides:
            return None
        near = [side for side, _, _ in process.extract(tok, self.sides, scorer=OSA.distance, score_cutoff=1, limit=None)]
        # "resi" is one edit from "resei" and from "rusi": the one it starts like is meant.
        return max(near, key=lambda side: (len(os.path.commonprefix((tok, side))), side)) if near else None

    def _which_before(self, toks: list[str], k: int, past: frozenset[str] = frozenset()) -> bool:
        """Whether "which" is the word before word k, past any stop words ("какой именно день") and `past`."""
        stop, which = self.lex.words["stopwords"] | past, self.lex.words["which_words"]
        return next((t for t in reversed(toks[:k]) if t not in stop or t in which), "") in which

    def _which_closes(self, toks: list[str], k: int) -> bool:
        """Whether "which" is the one word after word k, closing the question ("күні қай?", "күні қайсы?")."""
        return k + 2 == len(toks) and (toks[k + 1] in self.lex.words["which_words"] or toks[k + 1] in self.lex.intents["list"])

    def _stopword_typo(self, tok: str) -> bool:
        """Whether a word outside the facts' vocabulary is one edit from a long stop word ("btwen"):
        then it is that word mistyped, not a topic no fact covers."""
        if not self.vocabulary or tok in self.vocabulary or len(tok) < STOPWORD_TYPO_MIN - 2:
            return False
        # … or one with its vowels dropped ("болд", "арасындгы")
        if any(len(s) > len(tok) and dropped_letters(tok, s) for s in self.stop_skeletons.get(consonants(tok), ())):
            return True
        if len(tok) == 4 and _one_edit_from(tok, [w for w in self.five_letter_stops.get(tok[0], ()) if w[-1] == tok[-1]]):
            return True  # "боды": a letter dropped inside "болды", its first and last letters kept
        return len(tok) >= STOPWORD_TYPO_MIN - 1 and _one_edit_from(tok, self.long_stopwords)

    def _year_word_typo(self, tok: str) -> bool:
        """Whether a word outside the facts' vocabulary, just after a year, mistypes the word for year:
        two edits of the folded word, since one Cyrillic letter may fold to two ("гожу" → "gozhu")."""
        if tok in self.known or len(tok) < 4:
            return False
        return process.extractOne(tok, self.year_words, scorer=OSA.distance, score_cutoff=2) is not None

    def change_typo(self, tok: str) -> bool:
        """Whether a word neither the facts nor the lexicon know is one edit from a word of change ("grwo")."""
        if not self.vocabulary or tok in self.known or len(tok) < CHANGE_TYPO_MIN or tok[0].isdigit():
            return False
        return _one_edit_from(tok, self.change_words)

    def _measure_typo(self, tok: str) -> bool:
        """Whether a word neither the facts nor the lexicon know is one edit from a quantity noun ("lenght"):
        not "мәселесі" (issue), a stop word one letter from "население"."""
        if not self.vocabulary or tok in self.known or len(tok) < 5:
            return False
        return _one_edit_from(tok, self.lex.words["measure_words"])

    def two_parts(self, text: str) -> tuple[str, str] | None:
        """"В какой области он находится и на какой срок его сдали в аренду?": the two questions,
        when a joining word is followed within three words by a question word and the first part
        asks something of its own; "Kazakhstan and Russia" or "where and when" are not split."""
        words = list(_RAW_WORD_RE.finditer(text))
        firsts = [next(iter(word_tokens(m.group())), "") for m in words]
        asking = self.part_askers
        # (the first part asks by a word or by a phrase: "How big is the economy …, and how many people …?")
        joins = [k for k in range(2, len(words) - 2) if firsts[k] in self.lex.words["and_words"]
                 and (any(tok in asking for tok in firsts[:k]) or find_phrases(tuple(firsts[:k]), self.part_asking_phrases))
                 and not (firsts[k - 1] in self.sides and firsts[k + 1] in self.sides)  # "Kazakhstan and Russia"
                 and words[k].group() not in ("a", "A")]  # the English article is no Russian "а"
        # The question word opens the second part ("… and for how long …"); failing that, it stands
        # inside a short last part, as in Kazakh ("…, ал ЕАЭО елдерімен саудада қанша?").
        opened = [k for k in joins if any(firsts[j] in asking for j in range(k + 1, min(k + 4, len(words))))
                  or any(j < 3 for j, _ in find_phrases(tuple(firsts[k + 1:k + 7]), self.part_asking_phrases))]
        inside = [k for k in joins if len(words) - k - 1 <= KAZAKH_PART and any(tok in asking for tok in firsts[k + 1:])]
        # "…, ал 1995 жылы 20 қаңтарда президенттер қанша құжатқа қол қойды?": after a comma, "ал" / "а" (while)
        # opens a second question of any length that asks somewhere in it.
        contrasted = [k for k in joins if firsts[k] in CONTRAST and text[:words[k].start()].rstrip().endswith(",")
                      and any(tok in asking for tok in firsts[k + 1:])]
        anywhere = [k for k in joins if len(words) - k - 1 >= 3 and any(tok in asking for tok in firsts[k + 1:])]
        for k in (opened or inside or contrasted or anywhere)[:1]:
            first, second = text[:words[k].start()].rstrip(" ,;"), text[words[k].end():].strip()
            return (first, second) if len(words) - k - 1 >= 3 else None
        return self._comma_parts(text, words, firsts) or self._change_part(text, words, firsts)

    def _change_part(self, text: str, words: list[re.Match[str]], firsts: list[str]) -> tuple[str, str] | None:
        """"trade in 2008 and the average growth a year", "экспорт в 2011 и его прирост": a figure and then its
        change, asked without a second question word; the figure is asked first, then its change with the figure's
        words (a change alone, "and the growth rate", would find the best-known growth of any figure)."""
        figures = self.lex.words["turnover_words"] | self.lex.words["flow_words"]

        def changes(toks: list[str]) -> bool:
            return any(t in self.lex.words["change_words"] or self.change_typo(t) for t in toks)

        def names_figure(toks: list[str]) -> bool:  # "айналымының", "exprots": a flow however inflected or typed
            return any(t in figures or (len(t) >= 5 and (any(t.startswith(f) for f in figures if len(f) >= 5)
                                                       or _one_edit_from(t, figures))) for t in toks)

        for k in range(2, len(words) - 1):
            after = firsts[k + 1:]
            # (not "товарооборот 2010 и 2011 года — насколько вырос?": two years compared)
            if firsts[k] in self.lex.words["and_words"] and len(after) <= CHANGE_PART and changes(after) \
                    and not any(t.isdigit() for t in after) \
                    and not changes(firsts[:k]) and names_figure(firsts[:k]):
                first = text[:words[k].start()].rstrip(" ,;")
                return first, f"{first} {text[words[k].end():].strip()}"
        return None

    def _comma_parts(self, text: str, words: list[re.Match[str]], firsts: list[str]) -> tuple[str, str] | None:
        """"… қанша жобаны жүзеге асырып жатыр, олардың құны қанша?": two questions joined by a comma
        alone, each asking (the first in at least three words, the second in two to eight)."""
        asking = self.part_askers
        for comma in (m.start() for m in re.finditer(",", text)):
            k = next((j for j, m in enumerate(words) if m.start() > comma), len(words))
            rest = len(words) - k
            if k >= 3 and 2 <= rest <= KAZAKH_PART + 2 and any(t in asking for t in firsts[:k]) \
                    and any(t in asking for t in firsts[k:]) and not self._names_asked(tuple(firsts[k:])):
                # (not "…, аты-жөні кім?": the name of whom the first part asks, asked again)
                return text[:comma].strip(), text[comma + 1:].strip()
        return None

    def _names_asked(self, toks: tuple[str, ...]) -> bool:
        """Whether words ask a name ("аты-жөні кім", "as named")."""
        return bool(self.lex.words["name_words"].intersection(toks) or find_phrases(toks, self.lex.phrases["name_words"]))

    def side_turns(self, text: str) -> int:
        """How often the sides named change ("Kazakhstan recognised Russia before Russia recognised
        Kazakhstan": 2), counting each side's names in any case and script."""
        return len(self._sides(text).turns)

    def _sides(self, text: str) -> _Sides:
        words = list(_RAW_WORD_RE.finditer(text))
        firsts = [next(iter(word_tokens(m.group())), "") for m in words]
        sides = [(k, side) for k, tok in enumerate(firsts)
                 if (side := _SIDE_OF.get(tok[:3]) if tok in self.sides else self.stand_in_sides.get(tok))]
        return _Sides(words, firsts, sides, [j for j in range(1, len(sides)) if sides[j][1] != sides[j - 1][1]])

    def both_ways(self, text: str) -> tuple[str, str] | None:
        """"Reseidıñ Qazaqstanğa salğan investisiiasy men Qazaqstannyñ Reseige salğan investisiiasy qanşa?":
        the two halves of a question that names the two sides one way, then the other way round,
        split at the joining word between them; None for "Kazakhstan and Russia" said once."""
        words, firsts, sides, turns = self._sides(text)
        if len(turns) < 2:
            return None
        middle = range(sides[turns[0]][0] + 1, sides[turns[1]][0])  # between the first pair and the second
        joins = [k for k in middle if firsts[k] in self.lex.words["and_words"] or firsts[k] in KAZAKH_AND]
        if not joins:
            return None
        k = joins[0]
        return text[:words[k].start()].rstrip(" ,;"), text[words[k].end():].strip()

    def parties(self, words: Iterable[str], english: frozenset[str] = frozenset()) -> frozenset[str]:
        """The other countries and bodies named among stemmed words (long names also by prefix).
        A word typed in English letters (`english`) must hold the whole name ("Belarusten") or add a
        vowel to its stem: "core" and "correct" fold to "kore…", as "Кореей" does, but only "Koreya"
        names Korea."""
        found = set()
        parties = self.lex.words["other_parties"]
        lookalikes = self.lex.words["party_lookalikes"]
        for word in words:
            if word in lookalikes:
                continue  # "грузами" (cargo) starts as "Грузия" does
            if word in parties:
                found.add(word)
            elif word.startswith(self.party_prefixes):
                # A case ending, not a longer word that happens to start alike ("frendship" is not French).
                found.update(party for prefix, party in self.party_by_prefix
                             if word.startswith(prefix) and len(word) - len(prefix) <= PARTY_ENDING
                             and (word not in english or word.startswith(party) or _vowel_ending(word[len(prefix):])))
        return frozenset(found)

    def _located(self, typed: list[str]) -> frozenset[str]:
        """Cities named as a place (`typed`: the message's words as typed): after "in"/"в" or with a
        Kazakh locative ending ("Астанада"). "Met in Astana" asks about the city; "Astana and Moscow
        agreed" about the states; "в Кремле" is still the Russian leadership."""
        raws = [fold_word(raw) for raw in typed]
        markers = self.lex.words["locative_words"]
        found = {tok for k, raw in enumerate(raws) if said_as_place(raws, k, markers) for tok in word_tokens(raw)}
        return frozenset(tok for tok in found if tok.startswith(self.city_stems))  # not "в Кремле", "в РК"

    def _names_a_side(self, text: str) -> bool:
        """Whether a part of a question names Kazakhstan or Russia ("besides Kazakhstan and Russia, which countries …")."""
        return any(tok in self.sides or self._side_typo(tok) for tok in tokens(text))

    def _left_out(self, match: re.Match[str]) -> str:
        """What stays of a part that says what to leave out: a side it names ("besides Kazakhstan and Russia, …"),
        and an abbreviation the Kazakh words before it open with ("еаэо армениядан басқа кім қосылды": the EAEU is
        asked about; "алғашқы сапарынан басқа" leaves out all three words)."""
        said = match.group(0)
        if self._names_a_side(said):
            return said
        words = said.split()
        kept = []
        while len(words) > 2 and tuple(tokens(words[0])) in self.lex.stands_for:
            kept.append(words.pop(0))
        return " ".join(("", *kept, ""))

    def parse(self, text: str) -> Query:
        lex = self.lex
        asked, text = text, _spaced_dates(text)
        text = _VAGUE_AFTER_RE.sub(lambda m: m.group(0)[:m.start("year") - m.start()], text)
        text = _DECADE_YEARS_RE.sub(r"\1", _EXCEPT_RE.sub(self._left_out, text))
        dated = _LISTED_YEARS_RE.sub(r"\1\2\3 ", text)
        parts: dict[int, int] = {}

        def decade_alone(match: re.Match[str]) -> str:
            said = _decade_said(match)
            word = (match.group("ru") or match.group("en") or match.group("kk")).lower()
            parts[int(said[:4])] = _PART_OF_DECADE[word[:3] if word.startswith("mid") else word[:4]]
            return said

        dated = _PART_OF_DECADE_RE.sub(decade_alone, dated)
        # (a half's words name nothing; "early" and "late" stay: "1990 жылдардың басындағы Батысқа бағдар" is a title)
        text = _PART_OF_DECADE_RE.sub(lambda m: _decade_said(m) if _HALF_RE.search(m.group(0)) else m.group(0), text)
        decades = [(int(m.group(1)), 100 if int(m.group(1)) % 1000 and int(m.group(1)) % 100 == 0
                    and m.group(0).lower().endswith("s") else 10)
                   for m in DECADE_RE.finditer(dated)]  # "the 1500s" is a century, "the 1990s" and "the 2000s" decades
        named_years = tuple(dict.fromkeys(int(y) for y in YEAR_RE.findall(DECADE_RE.sub(" ", dated))))
        # (a part of a decade is five of its years: "the late 1990s" are 1995–1999)
        years = tuple(dict.fromkeys([*(y for d, n in decades for y in (range(d + parts[d], d + parts[d] + PART_YEARS)
                                                                      if n == 10 and d in parts else range(d, d + n))),
                                     *named_years]))
        verbs: set[str] = set()
        kazakh_verbs: set[str] = set()
        acronyms: set[str] = set()
        named: set[str] = set()
        typed = raw_tokens(text)
        compounded = frozenset(tok for first in _COMPOUND_RE.findall(text) for tok in word_tokens(first))
        held = frozenset(tok for m in _NAMED_OPINION_RE.finditer(text) for tok in word_tokens(m.group("verb")))
        """First halves of hyphened words: "better-developed" describes, it asks no opinion."""
        english = frozenset(tok for raw in typed if raw.isascii() and raw[0].isalpha() for tok in word_tokens(raw))
        raws = [raw for raw in typed if not raw[0].isdigit()]
        shouted = sum(raw.isupper() for raw in raws) * 2 > len(raws)  # caps lock: its words are no abbreviations
        for k, raw in enumerate(raws):
            folded = fold_word(raw)
            # (a country's name is no verb, however it ends: "Brazil", "Israel")
            verb = len(folded) >= 5 and folded.endswith(VERB_ENDINGS) and stem(folded) not in lex.words["other_parties"]
            if verb:
                verbs.add(stem(folded))
            if folded.endswith(KAZAKH_VERB_ENDINGS):
                kazakh_verbs.update(word_tokens(raw))
            # (not a word stressed in capitals: "НАҚТЫ қай күні", "WHEN exactly", a verb's or a function word's form)
            if 2 <= len(raw) <= 5 and raw.isupper() and not shouted and not verb \
                    and not lex.words["stopwords"].intersection(word_tokens(raw)):
                acronyms.update(word_tokens(raw))
            elif 3 <= len(raw) <= 5 and raw.islower() and self.abbreviations.issuperset(word_tokens(raw)):
                acronyms.update(word_tokens(raw))
            if raw in lex.acronym_parties and not _names_currency(raws[max(k - 1, 0):k + 2]):
                named.update(word_tokens(raw))
        detected = self.language.detect(text)
        plain = tuple(tokens(_FIRST_PERSON_RE.sub(self._unless_known, text) if detected == "kk" else text))
        if detected == "ru":  # Russian writes unstressed о and е as they sound: "кагда", "дагавор"
            plain = tuple(tok if tok in self.known else self.unstressed.get(tok.translate(UNSTRESSED), tok)
                          for tok in plain)
        intents: set[str] = set()
        consumed: set[int] = set()
        for k, ph in (*find_phrases(plain, lex.phrases["courtesy_phrases"]), *find_phrases(plain, lex.phrases["idiom_phrases"])):
            consumed.update(range(k, k + len(ph)))  # "if it's not too much trouble, what …" asks no amount, "в числе" no date
        polite = frozenset(consumed)  # "… have a nice day" asks no day
        # "Расскажите, пожалуйста, кратко о …": a courtesy said inside a phrase parts it no more than a comma
        unbroken = [k for k, tok in enumerate(plain) if k not in polite and tok not in lex.words["please_words"]]
        within = tuple(plain[k] for k in unbroken)
        for name, phrases in lex.intent_phrases.items():
            found = {(k, ph) for k, ph in find_phrases(plain, phrases)}
            if len(within) < len(plain):
                found |= {(unbroken[k], ph) for k, ph in find_phrases(within, phrases)}
            for k, ph in sorted(found):
                if polite.issuperset(range(k, k + len(ph))):
                    continue
                intents.add(name)
                if name in ASKING or name == "until" or (name == "overview" and len(ph) >= OVERVIEW_PHRASE):
                    consumed.update(range(k, k + len(ph)))  # "what's the deal with Baikonur?" asks of no deal
        earlier = find_phrases(plain, lex.phrases["previous_year"])
        for k, ph in earlier:
            consumed.update(range(k, k + len(ph)))
        # "Ал керісінше, қазақстандық инвестициялар Ресейге қанша?": which way round names no topic (alone, "а наоборот?"
        # is a follow-up asking the other way round)
        reverse = mentioned_at(plain, lex, "reverse_phrases")
        if len([k for k, tok in enumerate(plain) if tok not in lex.no_topic and k not in reverse]) >= 3:
            consumed.update(reverse)
        if earlier and len(named_years) == 1:
            # "in 2011 compared with the previous year": 2010 is named too, and compared.
            before = named_years[0] - 1
            named_years, years = (*named_years, before), tuple(dict.fromkeys((*years, before)))
            intents.add("compare")
        toks, placed = replace_stands_for([self._stand_in_typo(tok) for k, tok in enumerate(plain) if k not in consumed],
                                          lex, self.inflected, self._located(typed))
        oos = bool(lex.words["rate_words"].intersection(toks) and lex.words["currency_words"].intersection(toks))
        nexts, periods = lex.words["next_words"], lex.words["period_words"]
        # "next year" asks the future, unless it is the year after an event ("… алғаннан кейінгі келесі жылы"),
        # where "next" names nothing to match either.
        after_event = bool(nexts.intersection(toks)) and year_hop(text) is not None
        if any(a in nexts and b in periods for a, b in zip(toks, toks[1:], strict=False)) and not after_event:
            oos = True
        if _SUM_RE.search(asked):
            oos = True
        if find_phrases(plain, lex.phrases["out_of_scope"]):
            oos = True  # "стоит ли …?" asks advice, though "стоит" alone may say where something stands
        typed_toks = frozenset(plain)
        # "нақты қай қалаларда", "exactly which city": "exact" before a question word stresses it, asks no day
        asking_next = (lex.question_words | lex.words["which_words"]) - lex.intents["day"]
        stressed = frozenset(a for a, b in zip(plain, plain[1:], strict=False) if b in asking_next)
        # "… қандай ұйымға айналды?" (turned into): a Kazakh verb stems as a measure may ("айналым", turnover).
        if detected != "kk":
            kazakh_verbs.clear()
        # "бір-бірімен", "друг с другом" say the two sides acted alike; they name nothing to match.
        mutual = {k + j for k, ph in find_phrases(tuple(toks), lex.phrases["mutual_phrases"]) for j in range(len(ph))}
        words: list[str] = []
        months: list[int] = []
        days: list[tuple[int, int]] = []
        typos: set[str] = set()
        stop = lex.words["stopwords"]
        # "is it true", "дұрыс па", "это верно" put a claim up to be checked: they name nothing the facts should
        # match. (Who "said" or "заявил" it is what a statement's fact is about: those words stay.)
        claimed = frozenset().union(*(ph for _, ph in find_phrases(plain, lex.phrases["claim_phrases"]))) \
            - lex.words["claim_phrases"] - lex.words["speech_verbs"]
        for k, tok in enumerate(toks):
            # "какой (именно) день", or "which" closing the question after it ("нақты күні қай?")
            if tok in lex.words["day_words"] and (self._which_before(toks, k) or self._which_closes(toks, k)):
                intents |= {"when", "day"}
                continue
            if tok in lex.words["region_words"] and self._which_before(toks, k, self.sides):
                intents.add("where")  # "в какой (же) он области?", "which Kazakh province": which region
            if tok in lex.words["day_words"] and k and toks[k - 1] in lex.words["refers"]:
                continue  # "when was that day made a holiday?": the day already talked of, no day asked
            stressing = tok in stressed
            for name, ws in lex.intents.items():
                if tok in ws and tok in typed_toks and (tok not in lex.latin_intent_words or tok in english) \
                        and not (stressing and name == "day"):
                    intents.add(name)  # not "organisation" of "SCO" spelt out: no list asked; nor a Russian "дай"
            if tok in lex.intents["overview"] and tok in typed_toks and tok not in stop:
                continue  # "a brief overview regarding Baikonur" asks of Baikonur, not of an overview
            if self.change_typo(tok):
                intents.add("compare")
            if tok in lex.words["out_of_scope"] and tok not in compounded and tok not in claimed and tok not in held \
                    and not (named_years and tok in lex.words["generic"]):
                oos = True  # but "what news was there in 2024?" asks that year's events, not today's ("I think
                # it was 2005?" puts a year up to be checked, not an opinion)
            if (tok in lex.words["measure_words"] or self._measure_typo(tok)) and tok not in kazakh_verbs:
                # "what is the length of …" asks a figure, not an overview; "lease length years" asks a duration
                timed = lex.words["year_words"].intersection(toks) and lex.intents["duration"] & {tok, *lex.synonyms.get(tok, ())}
                intents.add("duration" if timed else "how_much")
            months.extend(self.season_months.get(tok, ()))
            month = month_of(tok)
            if month:
                months.append(month)
                for near in (toks[k - 1] if k else "", toks[k + 1] if k + 1 < len(toks) else ""):
                    if near.isdigit() and 1 <= int(near) <= 31:
                        days.append((month, int(near)))
            if tok[0].isdigit():
                numeric = _DAY_MONTH_RE.fullmatch(tok)
                if numeric:  # "12.06" is the 12th of June, not a figure
                    months.append(int(numeric.group(2)))
                    days.append((int(numeric.group(2)), int(numeric.group(1))))
                elif not YEAR_RE.fullmatch(tok):
                    words.append(tok)
            elif tok in self.asking or tok in stop or len(tok) <= 1 or tok in lex.words["anniversary_words"] or k in mutual \
                    or (after_event and tok in nexts) or tok in claimed:
                continue
            elif tok not in acronyms and (typo := self._question_word_typo(tok)) is not None:
                typos.add(typo)  # "кашн", "skolko": a question word mistyped asks all the same … (not "ВТО")
            elif tok not in acronyms and self._stopword_typo(tok):
                continue
            elif k and YEAR_RE.fullmatch(toks[k - 1]) and self._year_word_typo(tok):
                continue  # "в 2010 гожу": the word for year, mistyped
            else:
                words.append(self._side_typo(tok) or tok)
        if not intents & ASKING and not lex.words["which_words"].intersection(toks):
            intents |= typos  # … when no word spelled right asks something ("qandai qadam": "which" asks, "qadam" is a step)
        if "how_much" in intents and _CURRENCY_SIGN_RE.search(text):
            intents.add("money")  # "сколько $ в год?", "how many € …": a sum of money
        if "money" in intents and any(a in lex.words["which_words"] and b in lex.words["money_nouns"]
                                      for a, b in zip(toks, toks[1:], strict=False)):
            intents.discard("money")  # "қай ақшамен төлейді?", "what currencies …": which money, not how much
        if named_days(text, self.sides):
            # "Tell me about Russia Day", "When was Russia Day declared a holiday?": the day is a holiday's
            # name, the topic asked about, not a day asked for (unless another word asks one: "what date").
            others = (lex.intents["day"] - lex.words["day_words"]).intersection(toks)
            if not others and not find_phrases(plain, lex.intent_phrases["day"]):
                intents.discard("day")
            if "overview" in intents:
                intents.discard("when")
            words += [tok for tok in toks if tok in lex.words["day_words"]][:1]
        if "day" in intents and not find_phrases(plain, lex.intent_phrases["day"]):
            # "проекты … число стоимость": a word that is both a day and an amount ("число") asks the amount when
            # another word asks one and nothing asks when.
            both = lex.intents["day"] & lex.intents["how_much"]
            if lex.intents["day"].intersection(toks) <= both and (lex.intents["how_much"] - both).intersection(toks) \
                    and not (lex.intents["when"] - both).intersection(toks):
                intents -= {"day", "when"}
        if "how_much" in intents and find_phrases(plain, lex.intent_phrases["day"]):
            # "в какие числа летом 2000 года …?": the dates asked, though "число" (number) counts things too
            both = lex.intents["day"] & lex.intents["how_much"]
            amount = (lex.intents["how_much"] - both).intersection(toks) or find_phrases(plain, lex.intent_phrases["how_much"])
            if not amount:
                intents.discard("how_much")
        if "when" in intents and (_when_is_a_conjunction(plain, lex) or _KOGDA_CLAUSE_RE.search(text)
                                  or (_WHEN_CLAUSE_RE.search(text) and not (lex.intents["when"] - {_WHEN}).intersection(plain))
                                  or self._which_thing(plain)):
            intents.discard("when")
        which_day = any(a in lex.words["which_words"] and b in lex.words["day_words"]
                        for a, b in zip(plain, plain[1:], strict=False))
        if "day" in intents and _asks_which_year(plain, lex) and not find_phrases(plain, lex.intent_phrases["day"]) \
                and not which_day:
            # "В каком году …? … история — наука точная": the year asked, "exact" asks no day; nor does "in what year
            # the day of the Declaration … became a holiday?", a day no which-word asks.
            intents.discard("day")
        which = lex.words["which_words"] | lex.intents["list"]
        if any(a in which and b in lex.words["country_words"] for a, b in zip(plain, plain[1:], strict=False)) \
                and not _ONE_COUNTRY_RE.search(text):
            intents.add("countries")  # "which countries besides Kazakhstan and Russia are in the EAEU?" (not "назовите страну")
        if "who" in intents and (lex.words["membership_words"].intersection(toks)
                                 or lex.words["country_words"].intersection(plain)  # "кто там из стран?"
                                 or _COUNTRIES_WHO_RE.search(text)
                                 or find_phrases(plain, lex.phrases["membership_words"])):
            intents = (intents - {"who"}) | {"countries"}  # "кто входит в ЕАЭС?" asks which countries, not a person
            words = [w for w in words if w not in lex.words["membership_words"]]  # … and "входит" names no topic
        if "who" in intents and any(tok in lex.intents["who"] and lex.words["regard_words"].intersection(plain[k + 1:k + 3])
                                    for k, tok in enumerate(plain)):
            intents.discard("who")  # "Астананы кім деп есептейді?": taken for what, not a person's name
        asking_who = [k for k, tok in enumerate(plain) if tok in lex.intents["who"]]
        if "who" in intents and asking_who and all(k and plain[k - 1] in lex.words["relative_heads"] for k in asking_who):
            intents.discard("who")  # "среди тех, кто вкладывает": a clause about those who, no person asked
            # (a "who" read from a typo, "ктоо", has no word here to be a clause of)
        if lex.words["anniversary_words"].intersection(toks):
            intents |= {"anniversary", "elapsed"}  # a count of years from an event
        if lex.words["rank_words"].intersection(toks) or find_phrases(plain, lex.phrases["rank_words"]):
            intents.discard("how_much")  # "by size, which place?" asks a rank, not an amount
        if "list" in intents and _one_of_which(text, plain, lex):
            intents.discard("list")  # "which region is it in?" asks one thing, "which regions" several
        if "how_much" in intents and "when" not in intents:
            intents.discard("until")  # "қаншаға дейін ұлғайтылды?": up to how much, not until when
        if "until" in intents and self._spatial_until([fold_word(raw) for raw in typed]):
            intents.discard("until")  # "Теңізден Новороссийскіге дейін … қай жылы?", "… кай кен орнынан?": place to place
        if "until" in intents and self._which_until(plain):
            intents.discard("until")  # "до какого пункта", "қай қалаға дейін": up to which place, not until when
        if "when" in intents and "how_much" not in intents:
            intents.discard("money")  # "когда договорились не платить налог дважды?" asks a date, not a sum
        if "overview" in intents and (intents & ASKING) - {"how_much"} \
                and not find_phrases(plain, lex.intent_phrases["overview"]):
            intents.discard("overview")  # "для служебной справки: какого числа …?": a memo's word beside a date asked
        if {"when", "how_much"} <= intents and self._year_only_per_year(plain):
            intents.discard("when")  # "how much gas a year …", "сколько в год": an amount per year, no date asked
        if "how_much" not in intents and asked_currency(toks) and (
                len(currencies_in(toks)) > 1 or not find_phrases(plain, lex.intent_phrases["money"])):
            # "do people pay Russia in tenge or roubles?" asks which currency, not a sum ("what annual rent, in US
            # dollars, …?" asks a sum in one)
            intents.discard("money")
        if find_phrases(plain, lex.phrases["not_money"]) or self._paid_visit(plain):
            intents.discard("money")  # "paid a state visit", "every visit Medvedev paid"
            if not find_phrases(plain, lex.intent_phrases["how_much"]):
                intents.discard("how_much")  # "what did it sell at low prices?": the price is no amount asked
        if mentions(plain, lex, "claim_phrases") and any(
                tok[0].isdigit() and not YEAR_RE.fullmatch(tok) and any(w.startswith(_MONEY_STEMS) for w in plain[k + 1:k + 3])
                for k, tok in enumerate(plain)):
            intents.add("money")  # "I heard Russia pays 115 million dollars a year; is that accurate?": a sum claimed
        if _ABOUT_RE.search(asked) and not _PRO_RE.search(asked):
            words = [w for w in words if w != _PRO]  # "расскажи про Байконур": "about" names no topic
        unique = tuple(dict.fromkeys(words))
        counts = not (detected == "kk" and _TO_HOW_MUCH_RE.search(asked))
        counted = None if not counts else next((b for a, b in zip(plain, plain[1:], strict=False)
                        if a in self.how_many and b in unique and b not in self.comparing
                        and (b not in verbs or (detected == "kk" and not b.endswith(KAZAKH_VERB_ENDINGS)))), None)
        if counted is None and counts and detected == "kk":  # Kazakh names what is counted first: "қуаты қанша", "жобалар саны"
            counted = next((a for a, b, c in zip(plain, plain[1:], (*plain[2:], ""), strict=False)
                            if b in self.how_many and a in unique and a not in self.how_many and a not in self.comparing
                            and (not c or c in verbs)), None)  # not "базасын неше жылға": that counts years
        if counted is not None and detected == "kk":
            counted = _compound_head(asked, counted, unique)
        elif counted is not None and detected == "en":
            counted = _english_head(asked, counted, unique, verbs)
        onward = _ONWARDS_RE.search(asked) if len(named_years) == 1 and not decades else None
        said_onward = frozenset(tokens(onward.group(0))) if onward is not None else frozenset()
        generic = bool(unique) and all(w in lex.words["generic"] or w in said_onward for w in unique)
        # A future in a clause that only explains ("…, из-за чего россиянам станет сложнее") asks no forecast.
        main = tuple(tokens(_CONSEQUENCE_RE.split(asked, maxsplit=1)[0]))
        future = bool(lex.words["future_words"].intersection(main) or find_phrases(main, lex.phrases["future_words"]))
        # A verb is no country, however it starts: "кіргізбей" (not letting in) is not Kyrgyzstan.
        negated = {tok for raw in typed if _NOT_DOING_RE.search(raw) for tok in tokens(raw)}
        parties = self.parties(tuple(w for w in unique if w not in verbs and w not in negated), english) | named
        if parties and _CAPITAL_OF_RE.search(asked) and not self._sides(_CAPITAL_OF_RE.sub(" ", asked)).sides:
            oos = True  # "Какая столица у Узбекистана?": another country's capital is no matter of the two sides' relations
        return Query(asked, detected, unique, frozenset(verbs), years, named_years, tuple(months),
                     frozenset(intents), oos, parties, frozenset(acronyms), tuple(toks), generic,
                     future, tuple(days), counted, named_years[0] if onward is not None else None,
                     placed)


_ABOUT_RE = re.compile(r"(?<![\w-])про(?![\w-])", re.IGNORECASE)
_PRO_RE = re.compile(r"(?<![\w-])pro(?![\w])", re.IGNORECASE)
_PRO = "pro"
"""Russian "про" (about) folds to what the "pro" of "pro-Kremlin" does: only the Cyrillic one is no topic."""
_CAPITAL_OF_RE = re.compile(r"\b(?:столиц[аыуе]\w*|(?:астана|елорда|astana|elorda)(?:сы|sy)\w*|capital city|capital of"
                            r"|'s capital)\b", re.IGNORECASE)
"""A country's capital asked for ("столица", "Өзбекстанның астанасы" — a capital, not Astana —, "capital of")."""

_WHICH_RE = re.compile(r"\bwhich\s+(?:exact\s+|exactly\s+|one\s+)?(?P<noun>[a-z]+)", re.IGNORECASE)


def _one_of_which(text: str, plain: tuple[str, ...], lex: Lexicon) -> bool:
    """Whether an English "which" with a singular noun ("which year", "which region") is the only
    word that made the question a list: it asks for one thing."""
    match = _WHICH_RE.search(text)
    if match is None:
        return False
    noun = match.group("noun").lower()
    if noun == "of" or (noun.endswith("s") and not noun.endswith("ss")):
        return False
    which = set(tokens(match.group(0).split()[0]))
    return not any(tok in lex.intents["list"] and tok not in which for tok in plain)


def _one_edit_from(tok: str, words: Iterable[str]) -> bool:
    """Whether a word is at most one changed, added, dropped or swapped letter from one of `words`."""
    return process.extractOne(tok, words, scorer=OSA.distance, score_cutoff=1) is not None


_DEFAULT: list[Understanding] = []


_FIRST_PERSON_RE = re.compile(
    r"\b\w{3,}(?:мын|мін|пын|пін|бын|бін|мыз|міз|пыз|піз|быз|біз|мин|пин|бин|миз|пиз|биз"
    r"|myn|mın|pyn|pın|byn|bın|myz|mız|pyz|pız|byz|bız|min|pin|bin|miz|piz|biz)\b", re.IGNORECASE)
"""A Kazakh word in the first person ("журналиспін", "жазып жатырмын"): it says who asks, never what
about, so a run-on question ("… мен журналиспін мақала жазып жатырмын … ғарышкерлері кімдер") is read without it."""
KAZAKH_AND = frozenset(("men", "pen", "ben"))
"""Kazakh "мен/пен/бен" (and, with): between two noun phrases it joins them as "and" does."""
class _Sides(NamedTuple):
    """A text's words, their first tokens, the sides named (word index, side) and where the side changes."""

    words: list[re.Match[str]]
    firsts: list[str]
    sides: list[tuple[int, str]]
    turns: list[int]


_WE = "biz"
"""Kazakh "біз" (we) folded, the stem of its case forms (бізді, бізге, біздің)."""
_SIDE_OF = {"ros": "ru", "res": "ru", "rus": "ru", "rf": "ru", "kaz": "kz", "kz": "kz", "rk": "kz"}
"""Which side a side's name stands for, by its first letters as folded (Россия, Ресей, Russia; Казахстан, Qazaqstan)."""
_DATIVE = ("ga", "ge", "ka", "ke", "na", "ne")
"""Kazakh dative endings as folded, "-на/-не" after a possessive: "дейін" after one says up to where
("Новороссийскіге дейін", "портына дейін")."""
STAND_IN_TYPO_MIN = 6
"""Shortest word read as a mistyped stand-in: shorter ones are too often another word one letter away."""
CHANGE_TYPO_MIN = 4
"""Shortest word read as a mistyped word of change ("grwo")."""
UNSTRESSED_MIN = 4
"""Shortest word read past a mixed-up unstressed vowel."""
UNSTRESSED = str.maketrans("oi", "ae")
"""Folds the vowels an unstressed syllable confuses: о with а, и with е."""


def _unstressed_readings(known: Collection[str]) -> dict[str, str]:
    """Known words by their spelling with UNSTRESSED applied, for words that write an unstressed
    vowel as it sounds ("кагда", "дагавор", "сатрудничистве"). Only a word (not itself known) is
    read so; a folded spelling two known words share is left as typed."""
    by_key: dict[str, set[str]] = {}
    for word in known:
        if len(word) >= UNSTRESSED_MIN and word.isalpha():
            by_key.setdefault(word.translate(UNSTRESSED), set()).add(word)
    # A word without о or и is its own key: typed so, it is known and never looked up.
    return {key: word for key, words in by_key.items() if len(words) == 1 and (word := next(iter(words))) != key}


def parse_query(text: str) -> Query:
    """A question parsed with the packaged lexicon (for tests and tools; the engine keeps its own)."""
    if not _DEFAULT:
        from bot.engine.lexicon import default_lexicon_dir, load_lexicon

        _DEFAULT.append(Understanding(load_lexicon(default_lexicon_dir())))
    return _DEFAULT[0].parse(text)
