"""Questions that name a year by an event: "In the year Yeltsin won the election, when did Russia
recognise Kazakhstan?", "What was trade the year after the Customs Union started?", "Кеден одағы
жұмыс істей бастағаннан кейінгі жылы сауда қанша болды?".

The engine answers the event first, takes its year (plus or minus one), and asks the rest of the
question of that year. The patterns are word order in each language, kept here rather than in the
lexicon because they are grammar, not vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class YearHop:
    """A question split into the event that names the year and what is asked of that year."""

    event: str
    """What names the year: an event, or a year itself ("1997")."""
    ask: str
    offset: int
    same_month: bool = False
    """The event names the month too ("в том же месяце, когда …", "… орнаған айда")."""
    months: int = 0
    """Months after the event's month ("two months after …", "через пару месяцев после …"): the asked part's month."""


# Phrases that name a year by an event, and the year's offset from the event's: the event follows
# the phrase, the asked part comes before it or after a comma ("In the year X, …" / "… in the year X").
_MARKERS: tuple[tuple[str, int], ...] = (
    # "the year just after …", "next year after …": the words that stress how near it is change nothing.
    (r"(?:in )?(?:the |a |one )?(?:first )?(?:full )?(?:next )?year (?:(?:just|right|immediately|directly) )?"
     r"(?:after|following|(?:that|which) (?:followed|came after))", 1),
    (r"(?:in )?the year (?:before|preceding|(?:that|which) (?:preceded|came before))", -1),
    (r"(?:in )?the (?:same )?year (?:when |that |in which )?", 0),
    (r"(?:in )?same year (?:when |that |in which |as )?", 0),  # "same year Yeltsin won …": chat drops the article
    # "In the January after Leps' concert was called off, …": the next such month, the month kept for the asked part.
    (r"(?:in )?the (?:following )?(?P<month>January|February|March|April|May|June|July|August|September|October"
     r"|November|December) (?:after|following)", 1),
    (r"(?:через год|спустя год|на следующий год|в следующем году|в (?:первый )?год) после", 1),
    # "в год, следующий за …", "в году, следующем за …"
    (r"(?:в |на |за )?год(?:у)?,? (?:непосредственно )?(?:следующий|следующем|последовавший|последовавшем) (?:за|после)", 1),
    # "… в январе года, следующего за …", "… в январе следующего года после …": the month stays with the asked part.
    (r"года,? (?:непосредственно )?(?:следующего|последовавшего) (?:за|после)", 1),
    (r"следующего года после", 1),
    # "в январе того года, что последовал за …": the month stays with the asked part.
    (r"(?:того )?года,? (?:что|который) (?:последовал|наступил) (?:за|после)", 1),
    (r"за год до", -1),
    (r"(?:в |на |за )?год(?:у)?,? (?:непосредственно )?(?:предшествующий|предшествующем|предшествовавший|предшествовавшем)", -1),
    (r"(?:в|за) (?:том |тот )?(?:же |самый |самом )?год(?:у)?,? (?:когда|в котором)", 0),  # "за тот год, когда …"
    # "куда ездил Токаев в ноябре того же года, когда …": that year's month, kept for the asked part.
    (r"в (?P<month>январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре) "
     r"(?:того же |того самого |того )?года,? (?:когда|в котором)", 0),
    (r"(?:in )?the (?:same )?(?P<same_month>month) (?:when |that |in which |as )", 0),
    (r"(?:in )?the (?:same )?(?P<same_month>month) and year (?:when |that |in which |as )?", 0),
    # "осенью того же года, когда …": a season of that year (the sources date by month, so the year says it)
    (r"(?:осенью|весной|летом|зимой|в конце|в начале) (?:того же |того самого |того )?года,? (?:когда|в котором)", 0),
    (r"в (?:том же|тот же|том самом|тот самый) (?P<same_month>месяц)(?:е)?(?: и году| того же года)?,? "
     r"(?:когда|в котором|что и)", 0),
    (r"в год(?=\s+\d{1,3}[-–]?лет)", 0),  # "в год 30-летия отношений"
    # "в год первой поездки Медведева", "в год подписания договора": a noun or adjective in the genitive
    # (not "сколько тонн в год прокачивают", a rate per year).
    # So is a masculine noun after a consonant ("в год старта Таможенного союза", "в год визита …").
    (r"в год(?=\s+[а-яё]{3,}(?:ия|ого|его|ой|ей|ала|ука|ска|ыва|ива|[бвгдзклмнпрстфх]а)\s)", 0),
)
# A number of years: "two years after …", "через три года после …", "… кейін үш жылдан соң".
_COUNTS = {
    1: ("one", "один", "одну", "бір", "бир", "bır", "bir"),
    2: ("two", "два", "двух", "екі", "еки", "ekı", "eki"),
    3: ("three", "три", "трёх", "трех", "үш", "уш", "üş", "ush"),
    4: ("four", "четыре", "четырёх", "четырех", "төрт", "торт", "tört", "tort"),
    5: ("five", "пять", "пяти", "бес", "bes"),
    6: ("six", "шесть", "шести", "алты", "alty"),
    7: ("seven", "семь", "семи", "жеті", "жети", "jetı", "jeti"),
    8: ("eight", "восемь", "восьми", "сегіз", "сегиз", "segız", "segiz"),
    9: ("nine", "девять", "девяти", "тоғыз", "тогыз", "toğyz", "togyz"),
    10: ("ten", "десять", "десяти", "он", "on"),
    11: ("eleven", "одиннадцать", "одиннадцати", "он бір", "он бир", "on bır", "on bir"),
    12: ("twelve", "двенадцать", "двенадцати", "он екі", "он еки", "on ekı", "on eki"),
    13: ("thirteen", "тринадцать", "тринадцати", "он үш", "он уш", "on üş", "on ush"),
    14: ("fourteen", "четырнадцать", "четырнадцати", "он төрт", "он торт", "on tört", "on tort"),
    15: ("fifteen", "пятнадцать", "пятнадцати", "он бес", "on bes"),
    16: ("sixteen", "шестнадцать", "шестнадцати", "он алты", "on alty"),
    17: ("seventeen", "семнадцать", "семнадцати", "он жеті", "он жети", "on jetı", "on jeti"),
    18: ("eighteen", "восемнадцать", "восемнадцати", "он сегіз", "он сегиз", "on segız", "on segiz"),
    19: ("nineteen", "девятнадцать", "девятнадцати", "он тоғыз", "он тогыз", "on toğyz", "on togyz"),
    20: ("twenty", "двадцать", "двадцати", "жиырма", "jiyrma", "zhiyrma"),
    30: ("thirty", "тридцать", "тридцати", "отыз", "otyz"),
}
_COUNT_OF = {word: n for n, words in _COUNTS.items() for word in words}
_COUNT_WORDS = "|".join(w.replace(" ", r"\s+") for w in sorted(_COUNT_OF, key=len, reverse=True))
"""The count words as one alternation, longest first ("он бір" before "он")."""
_N = rf"(?P<n>\d{{1,3}}|{_COUNT_WORDS})"
_MARKERS += (
    (rf"{_N} (?:years?|yrs?) (?:after|later than)", 1),
    (rf"{_N} (?:years?|yrs?) (?:before|prior to|earlier than)", -1),
    (rf"(?:через|спустя) {_N} (?:год|года|лет) после", 1),
    (rf"(?:год|года|лет) (?:через|спустя) {_N} после", 1),  # "года через два после …": the count put after, as said
    (rf"за {_N} (?:год|года|лет) до", -1),
)
_MN = rf"(?P<mn>\d{{1,2}}|{_COUNT_WORDS}|a couple of|a pair of|пару|пара)"
"""A number of months ("two", "a couple of", "пару"): the months count of a month hop."""
_COUPLE = frozenset(("a couple of", "a pair of", "пару", "пара"))
_ONE_MONTH = frozenset(("a", "month", "месяц", "айда", "айында", "aida", "aiynda"))
"""What a month hop of one month says in place of a count ("a month before", "the month after", "кейінгі айда")."""
_KK_HALVES = ("жарты жылдай", "жарты жыл", "jarty jyldai", "jarty jyl", "zharty zhyl")
_HALVES = ("half a year's time", "half a year", "полгода", "пол года", *_KK_HALVES)
"""Half a year: a month hop of six months ("жарты жылдай кейін" is about six months after)."""
_HALF = rf"(?P<mn>{'|'.join(_HALVES)})"
_HALF_KK = rf"(?P<mn>{'|'.join(_KK_HALVES)})"
_MARKERS += (
    (rf"{_MN} months? (?:after|later than)", 0),
    (rf"(?:через|спустя) {_MN} (?:месяц|месяца|месяцев) после", 0),
    (rf"(?:месяц|месяца|месяцев) (?:через|спустя) {_MN} после", 0),  # "месяца через три после …": about three
    (rf"{_HALF} (?:after|later than)", 0),
    (rf"(?:через|спустя) {_HALF} после", 0),
    # "a month before …", "за два месяца до …": the event's month moved back (the marker's -1 says so).
    (rf"{_MN} months? (?:before|prior to|earlier than)", -1),
    (r"(?P<mn>a) month (?:before|prior to|earlier than)", -1),
    (rf"за {_MN} (?:месяц|месяца|месяцев) до", -1),
    (r"за (?P<mn>месяц) до", -1),
    # "the month after …", "в следующем месяце после …", "через месяц после …": the event's month moved on by one.
    (r"(?:in )?the (?:following |next )?(?P<mn>month) (?:after|following)", 0),
    (r"(?:в )?(?:следующем |следующий )(?P<mn>месяц)(?:е)? после", 0),
    (r"(?:через|спустя) (?P<mn>месяц) после", 0),
)
_KAZAKH_MONTHS = (r"(?:қаңтар|кантар|qañtar|qantar|ақпан|акпан|aqpan|akpan|наурыз|nauryz|сәуір|сауир|säuır|sauir|мамыр|mamyr"
                  r"|маусым|mausym|шілде|шилде|şılde|shilde|тамыз|tamyz|қыркүйег|кыркуйег|qyrküieg|qyrkuieg|қазан|казан|qazan"
                  r"|қараша|караша|qaraşa|qarasha|желтоқсан|желтоксан|jeltoqsan|zheltoksan)\w*")
"""A Kazakh month name with its endings ("шілдесінде", "қарашасында")."""
_EXACTLY_WORDS = r"(?:ровно|примерно|около|почти|exactly|precisely|just|some|about|around|roughly|approximately|almost|nearly)"
_EXACTLY = rf"(?:{_EXACTLY_WORDS}\s+)?"
""""Exactly" or "some" before a marker ("Ровно через год после …", "Some ten months after …") belongs to it."""
_EXACTLY_KK = r"(?:(?:дәл|дал|däl|dal|тура|tura)\s+)?"
"""Kazakh "exactly" before the count ("… кейін дәл бір жылдан соң")."""
_PARTICIPLE = r"(?:(?<=ған|ген|қан|кен|ган|кан|ğan|gen|qan|ken|gan|kan)|(?<=ghan|ghen)|(?<=толатын|толатин|tolatyn))"
"""Just after a Kazakh past participle ("басталған", "bastağan", informal "bastaghan"), or the future one of an
anniversary ("… 32 жыл толатын жылы", in the year it turns 32): the event ends there."""
# Kazakh puts the event first: "X-ғаннан кейінгі жылы …" (Cyrillic, Russian keyboard, Latin).
_YEAR_WORD = r"(?:жылы|jyly|zhyly|жылында|jylynda|zhylynda)"
_EVENT_FIRST: tuple[tuple[str, int], ...] = (
    (rf"(?:кейінгі|кейинги|keiıngı|keiingi|keyingi)\s+{_YEAR_WORD},?", 1),
    # "… бастағаннан кейінгі келесі жылы …": "next" said again after "the year after" moves it no further.
    (rf"(?:кейінгі|кейинги|keiıngı|keiingi|keyingi)\s+(?:келесі|келеси|kelesı|kelesi)\s+{_YEAR_WORD},?", 1),
    # "… форумнан бір ай бұрын …": some months before the event.
    (rf"(?<=нан|нен|дан|ден|тан|тен|nan|nen|dan|den|tan|ten)\s+{_MN}\s+(?:ай|ai)\s+"
     r"(?:бұрын|бурын|būryn|buryn|burun|ілгері|ilgeri),?", -1),
    # "… келісімнен жарты жылдай кейін …": half a year after the event.
    (rf"(?<=нан|нен|дан|ден|тан|тен|nan|nen|dan|den|tan|ten)\s+{_HALF_KK}(?:дан|нан|dan|nan)?\s+"
     r"(?:өткен соң|откен сон|ötken soñ|otken son|өткенде|откенде|ötkende|otkende|кейін|кейин|keiın|keiin|соң|сон|soñ|son),?", 0),
    # "… транзитін ашу рәсімінен кейінгі айда …": the month after the event's.
    (r"(?<=нан|нен|дан|ден|тан|тен|nan|nen|dan|den|tan|ten)\s+(?:кейінгі|кейинги|keiıngı|keiingi|keyingi|келесі|келеси|kelesı"
     r"|kelesi)\s+(?P<mn>айда|айында|aida|aiynda),?", 0),
    # "… декларациясынан үш ай өткен соң …": some months after the event, in its year or the next.
    (rf"(?<=нан|нен|дан|ден|тан|тен|nan|nen|dan|den|tan|ten)\s+{_MN}\s+(?:ай|ai)\s+"
     r"(?:өткен соң|откен сон|ötken soñ|otken son|өткенде|откенде|ötkende|otkende|кейін|кейин|keiın|keiin|соң|сон|soñ|son),?", 0),
    # "… сапарынан кейінгі жылдың қаңтарында …": the next year's month, kept for the asked part.
    (r"(?<!жылдан )(?<!jyldan )(?<!zhyldan )(?:кейінгі|кейинги|keiıngı|keiingi|keyingi)\s+"
     rf"(?:жылдың|жылдын|jyldyñ|jyldyn|zhyldyn)\s+(?P<month>{_KAZAKH_MONTHS}),?", 1),  # (not "… жылдан кейінгі жылдың …")
    # "… алғашқы сапарынан келесі жылы …": the year next from the event.
    (rf"(?<=нан|нен|дан|ден|тан|тен|nan|nen|dan|den|tan|ten)\s+(?:келесі|келеси|kelesı|kelesi)\s+{_YEAR_WORD},?", 1),
    (rf"(?:жылдың|жылдын|jyldyñ|jyldyn|zhyldyn)\s+(?:келесі|келеси|kelesı|kelesi)\s+{_YEAR_WORD},?", 1),
    # "… барған жылдың келесі жылының басында …": early or late in the next year is still that year.
    (r"(?:жылдың|жылдын|jyldyñ|jyldyn|zhyldyn)\s+(?:келесі|келеси|kelesı|kelesi)\s+(?:жылының|жылынын|jylynyñ|jylynyn)\s+"
     r"(?:басында|басинда|basynda|соңында|сонында|soñynda|sonynda),?", 1),
    # "… барған жылдың келесі жылының қаңтарында …": the next year's month, kept for the asked part.
    (r"(?:жылдың|жылдын|jyldyñ|jyldyn|zhyldyn)\s+(?:келесі|келеси|kelesı|kelesi)\s+(?:жылының|жылынын|jylynyñ|jylynyn)\s+"
     rf"(?P<month>{_KAZAKH_MONTHS}),?", 1),
    (rf"(?:соң|сон|кейін|кейин|soñ|son|keiın|keiin|keyin)\s+(?:келесі|келеси|kelesı|kelesi)\s+{_YEAR_WORD},?", 1),
    # "… сапарынан кейін келесі жылдың қаңтарында …": the month stays with the asked part.
    (r"(?:соң|сон|кейін|кейин|soñ|son|keiın|keiin|keyin)\s+(?:келесі|келеси|kelesı|kelesi)\s+"
     r"(?:жылдың|жылдын|jyldyñ|jyldyn|zhyldyn),?", 1),
    (rf"(?:жылдың|жылдын|jyldyñ|jyldyn|zhyldyn)\s+(?:алдындағы|алдындагы|aldyndağy|aldyndagy)\s+{_YEAR_WORD},?", -1),
    (rf"(?:алдыңғы|алдынгы|aldyñğy|aldyngy)\s+{_YEAR_WORD},?", -1),
    (rf"(?:кейін|кейин|keiın|keiin|keyin)\s+{_EXACTLY_KK}{_N}\s+(?:жылдан|jyldan|zhyldan)\s+"
     r"(?:соң|сон|кейін|кейин|soñ|son|keiın|keiin),?", 1),
    (rf"{_N}\s+(?:жыл|jyl|zhyl)\s+(?:бұрын|бурын|būryn|buryn),?", -1),
    (rf"(?<=нан|нен|дан|ден|тан|тен|nan|nen|dan|den|tan|ten)\s+{_EXACTLY_KK}{_N}\s+(?:жыл|jyl|zhyl|жылдан|jyldan)\s+"
     r"(?:кейін|кейин|keiın|keiin|keyin|соң|сон|soñ|son),?", 1),
    (rf"(?:кейін|кейин|keiın|keiin|keyin)\s+{_N}\s+(?:жыл|jyl|zhyl)\s+"
     r"(?:өткенде|откенде|ötkende|otkende|өткен соң|откен сон|ötken soñ|otken son),?", 1),
    (r"(?:жылдан|jyldan|zhyldan)\s+(?:кейінгі|кейинги|keiıngı|keiingi|keyingi)\s+(?:жылдың|жылдын|jyldyñ|jyldyn|zhyldyn)", 1),
    (rf"(?<=нан|нен|дан|ден|тан|тен|nan|nen|dan|den|tan|ten)\s+{_EXACTLY_KK}{_N}\s+(?:жыл|jyl|zhyl)\s+"
     r"(?:өткенде|откенде|ötkende|otkende|өткен соң|откен сон|ötken soñ|otken son),?", 1),
    (rf"{_PARTICIPLE}\s+{_YEAR_WORD},?", 0),
    # "Дипломатиялық қатынастар орнаған айда …": the event's month and year.
    (rf"{_PARTICIPLE}\s+(?P<same_month>айда|айында|aida|aiynda|ayda),?", 0),
    # "Ельцин Алматыға келген жылдың шілдесінде …": that year's month, kept for the asked part.
    (rf"{_PARTICIPLE}\s+(?:жылдың|жылдын|jyldyñ|jyldyn|zhyldyn)\s+"
     rf"(?P<month>{_KAZAKH_MONTHS}),?", 0),
    # "Кеден одағы іске қосылған келесі жылы …": the year after the event.
    (rf"{_PARTICIPLE}\s+(?:келесі|келеси|kelesı|kelesi)\s+{_YEAR_WORD},?", 1),
    # "… сайланған жылдың соңында / басында": early or late in that year is still that year.
    (rf"{_PARTICIPLE}\s+(?:жылдың|жылдын|jyldyñ|jyldyn|zhyldyn)\s+"
     r"(?:соңында|сонында|soñynda|sonynda|басында|basynda|күзінде|кузинде|küzınde|kuzinde|көктемінде|коктеминде|köktemınde"
     r"|жазында|jazynda|қысында|кысында|qysynda),?", 0),
)


# "Who was Russia's president when the seabed was divided?": a who-question whose time is an event.
_WHO_WHEN: tuple[str, ...] = (
    r"^(?P<ask>(?:who|whom)\b[^,]*?)\s*,?\s+(?:when|at the time(?: when| that)?|by the time)\s+(?P<event>.+?)\??$",
    r"^(?P<ask>(?:кто|кем)\b[^,]*?)\s*,?\s+(?:в (?:тот )?момент,? |в то время,? )?когда\s+(?P<event>.+?)\??$",
    r"^(?P<event>.+?)\s+(?:кезде|кезінде|кезинде|kezde|kezınde|kezinde),?\s+(?P<ask>.*(?:кім|ким|kım|kim)\b.*)$",
)


# "В год начала работы Таможенного союза …, каким был товарооборот?": a year named by an event's noun, said first.
_YEAR_OF: tuple[str, ...] = (
    # (the asked part opens with its question word; the event may list names, "России, Казахстана и Беларуси")
    r"^в\s+год\s+(?P<event>[^?]+?)\s*,?\s+(?P<ask>(?:каким|какой|какая|каков|какое|какие|сколько|кто|что|где)\b[^,]*)$",
    r"^в\s+год\s+(?P<event>[^?]+)\s*,\s*(?P<ask>[^,]+)$",
)
_UNMARKED = _WHO_WHEN + _YEAR_OF
"""The patterns tried whether or not a question holds one of the markers ("after", "before" …)."""


_ASKING = (r"(?:какого числа|когда|кто|сколько|какой|какая|какое|какие|каким|каков[аоы]?|где|в какой|в каком|что|чт?[её]"
           r"|when|who|how|what|which|where)")
"""The words an asked part opens with, when no comma sets it off from the event before it."""


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], int], ...]:
    """Compiled at the first question that names a marker: compiling them all costs a start-up a quarter second."""
    patterns: list[tuple[str, int]] = [(p, 0) for p in _UNMARKED]
    for marker, offset in _MARKERS:
        # The event runs to the last comma: it may list names ("России, Казахстана и Беларуси").
        patterns.append((rf"^{_EXACTLY}{marker}\s*(?P<event>[^?]+?)\s*,\s*(?P<ask>[^,]+)$", offset))
        # "In the first half of the year X, …": the words before the marker belong to the asked part.
        patterns.append((rf"^(?P<lead>(?:[^\s,?]+\s+){{1,4}}?)of\s+"
                         rf"{marker}\s*(?P<event>[^?]+?)\s*,\s*(?P<ask>[^,]+)$", offset))
        # "Что Казахстан ужесточил ровно за год до …": "exactly" belongs to the marker, not to what is asked.
        patterns.append((rf"^(?P<ask>.+?)\s+{_EXACTLY}{marker}\s*"
                         rf"(?P<event>(?:[^,?]|(?<=\d),(?=\d))+)\??$", offset))
        # … whose event names several parties ("… the Customs Union of Russia, Kazakhstan and Belarus began?")
        patterns.append((rf"^(?P<ask>[^,]+?)\s+{marker}\s*(?P<event>[^?]+?)\??$", offset))
        # Typed without the comma: the asked part opens with its question word.
        patterns.append((rf"^{_EXACTLY}{marker}\s*(?P<event>[^,?]+?)\s+(?P<ask>{_ASKING}\b[^,]*)$", offset))
    patterns.extend((rf"^(?P<event>.+?)\s*{marker}\s+(?P<ask>.+)$", offset) for marker, offset in _EVENT_FIRST)
    return tuple((re.compile(p, re.IGNORECASE), o) for p, o in patterns)


_GROUP_RE = re.compile(r"\(\?P<\w+>")
_ANY_MARKER = re.compile("|".join(f"(?:{_GROUP_RE.sub('(?:', m)})" for m, _ in _MARKERS + _EVENT_FIRST), re.IGNORECASE)
"""Every hop pattern holds a marker: a text without one needs none of them compiled or tried."""
_UNMARKED_PATTERNS = tuple((re.compile(p, re.IGNORECASE), 0) for p in _UNMARKED)
_ANNIVERSARY_RE = re.compile(
    r"(?:the\s+)?(?P<n>\d{1,3})(?:st|nd|rd|th)?[-–\s]*(?:anniversary(?:\s+of)?|years?\s+(?:since|after)"
    r"|лети[еяю]|летний\s+юбилей|жыл\s+(?:толған|толган|толды|толатын|tolatyn)|жылдығы|жылдыгы|jyl\s+(?:tolğan|tolgan|tolatyn)|jyldyğy)",
    re.IGNORECASE)
"""An anniversary inside the event ("the 30th anniversary of relations", "30 жыл толған"): its number of years."""
_SINCE_RE = re.compile(r"(?<=ған|ген|қан|кен|ган|кан|ğan|gen|qan|ken|gan|kan)(?:ына|іне|ина|yna|ına|ina|ine)\b", re.IGNORECASE)
"""The Kazakh ending that counts years since an event ("қатынастар орнағанына 30 жыл толған"): the event is "орнаған"."""
_MIN_WORDS = 2
_BARE_YEAR_RE = re.compile(r"((?:1[5-9]|20)\d\d)(?:\s*-?\s*(?:м|го|й|ый|ом|year|года|году|жыл\w*|jyl\w*))?", re.IGNORECASE)
"""An event that is a year already ("the year after 1997"): the year named, moved by the offset."""


@lru_cache(maxsize=1024)
def year_hop(question: str) -> YearHop | None:
    """The event and the asked part of a question that names its year by an event, or None (cached:
    a question is tried whole before it is split in two, and again as it is routed)."""
    text = _CHAT_LEAD_RE.sub("", _CLAUSE_DASH_RE.sub(", ", _PARTICIPLE_RE.sub("", " ".join(question.split()))))
    hop = _year_hop(text, whole=True)
    asking: list[str] = []
    while hop is None and (lead := _LEAD_RE.match(text)) is not None:
        # "Скажите, пожалуйста, каков был товарооборот за год до того, как …": the address before the question
        # holds commas the patterns keep out of the asked part. A lead that asks ("В каком году, через 21 год
        # после …, подписали …?") is the asked part's own question and goes with it.
        if _ASKING_LEAD_RE.match(lead.group()):
            asking.append(lead.group().strip(" ,").lower())
        text = text[lead.end():]
        hop = _year_hop(text)
    if hop is not None:
        # "In the year after X, a customs union began: from what date, and which country …?": a question word
        # past the event's first comma asks; the event ends at that comma, not at the last one.
        head, comma, tail = hop.event.partition(",")
        if comma and _ASKS_RE.search(tail):
            hop = replace(hop, event=head.strip(), ask=f"{tail.strip()}, {hop.ask}")
        # "Two years before the lease was signed, in autumn, the presidents met …": the season is the asked part's.
        head, comma, tail = hop.event.rpartition(",")
        if comma and _SEASON_RE.fullmatch(tail.strip()):
            hop = replace(hop, event=head.strip(), ask=f"{tail.strip()}, {hop.ask}")
    if hop is not None and asking:
        return replace(hop, ask=f"{hop.ask.rstrip(' ?')} {' '.join(asking)}?")
    head, mark, rest = text.partition("?")
    if hop is None and mark and rest.strip() and len(rest.split()) <= _AFTER_QUESTION_WORDS:
        # "Какой документ приняли в том же году, когда …? И когда?": a short question after it asks of the same thing.
        first = _year_hop(head + mark, whole=True)
        if first is not None:
            return replace(first, ask=f"{first.ask.rstrip(' ?')}, {rest.strip()}")
    return hop


_AFTER_QUESTION_WORDS = 4
"""Words of a second question after a hop that asks more of its asked part ("И когда?", "and on which day?")."""


_SEASON_RE = re.compile(
    r"(?:in\s+(?:the\s+)?(?:autumn|fall|spring|summer|winter)|осенью|весной|летом|зимой"
    r"|күзде|кузде|küzde|kuzde|көктемде|коктемде|köktemde|koktemde|жазда|jazda|zhazda|қыста|кыста|qysta|kysta)",
    re.IGNORECASE)
"""A season said on its own between commas: when in the hopped-to year the asked thing happened."""
_TOPIC_RE = re.compile(rf"(?!{_EXACTLY_WORDS}[?!.]?$)[^\W\d_]{{5,}}[?!.]?", re.IGNORECASE)
"""One word that opens a question and is asked of a year ("Товарооборот в год запуска ТС?", "Trade the year after …?"):
a topic, no filler."""
_ASKS_RE = re.compile(rf"\b{_ASKING}\b", re.IGNORECASE)
"""A question word anywhere in a text: an event's words ask nothing."""
_CLAUSE_DASH_RE = re.compile(r"\s+[-–—]\s+")
"""A dash between spaces sets the asked part off as a comma would ("same year X won - what date did …?")."""
_PARTICIPLE_RE = re.compile(r",\s*(?:(?:только|лишь|уже|едва)\s+(?:что\s+)?)?[^\W\d_]+(?:вший|вшая|вшее|вшие|вшим|вшего"
                            r"|вшей|ущий|ющий|ящий|ащий|нный|нная)\b[^,?]*,", re.IGNORECASE)
"""A Russian participle's clause between commas ("Медведев, только что вступивший в должность, совершил …"): it
describes the one named before it, and its commas part neither the event nor the asked part."""
_CHAT_LEAD_RE = re.compile(r"^(?:(?:а|и|ну|слушай|слышь|скажи|so|and|well|ал|ал енді|ал енди|al endı|al endi)\s+){1,2}(?=\w)",
                           re.IGNORECASE)
"""Chat's opening words before a question ("слушай а в тот год когда …", "and the year after …"): no part of it."""
_LEAD_RE = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*,\s*")
"""Up to three words without a digit before a comma that opens a question ("Скажите, пожалуйста, …", "Please, …")."""
_ASKING_LEAD_RE = re.compile(rf"^{_ASKING}\b", re.IGNORECASE)
"""A lead that opens with a question word ("В каком году, …"): it asks, it addresses no one."""


_THAT_RE = re.compile(r"^(?:того|тех\s+пор),?\s+(?:как|когда)\s+", re.IGNORECASE)
""""… на следующий год после того, как РФ признала Казахстан": the event is what follows "того, как"."""


def _year_hop(text: str, whole: bool = False) -> YearHop | None:
    """`whole`: the text is the whole question (no lead cut off), so one word before the marker may be all it asks."""
    for pattern, offset in _compiled() if _ANY_MARKER.search(text) else _UNMARKED_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        event, ask = _THAT_RE.sub("", match.group("event").strip(" ,?")), match.group("ask").strip(" ,")
        lead, month = match.groupdict().get("lead"), match.groupdict().get("month")
        if lead:
            ask = f"{ask.rstrip(' ?')} {lead.strip().lower()}?"
        if month:
            ask = f"{ask.rstrip(' ?')} in {month}?"
        counted = match.groupdict().get("n")
        if counted:  # "three years after …": the offset's sign times the count
            offset *= int(counted) if counted.isdigit() else _COUNT_OF[" ".join(counted.lower().split())]
        years = _ANNIVERSARY_RE.search(event)
        if years is not None:  # "the year relations turned 30": the event's year plus 30
            offset += int(years.group("n"))
            event = _SINCE_RE.sub("", (event[:years.start()] + event[years.end():]).strip(" ,"))
        months = match.groupdict().get("mn")
        if months:  # "two months after …": the event's month moved on, in the event's year or the next
            said = " ".join(months.lower().split())
            count = 2 if said in _COUPLE else 6 if said in _HALVES else 1 if said in _ONE_MONTH else (
                int(months) if months.isdigit() else _COUNT_OF[" ".join(months.lower().split())])
            back = -1 if offset < 0 else 1  # "before": the month moved back
            return YearHop(event, ask, 0, months=back * count) if len(ask.split()) >= _MIN_WORDS else None
        bare = _BARE_YEAR_RE.fullmatch(event)
        if bare is not None and len(ask.split()) >= _MIN_WORDS:
            return YearHop(bare.group(1), ask, offset)  # "… года, следующего за 1997-м": the year itself
        if len(event.split()) >= _MIN_WORDS and (len(ask.split()) >= _MIN_WORDS or (
                whole and text.startswith(ask) and _TOPIC_RE.fullmatch(ask) and not _ASKS_RE.search(ask))):
            return YearHop(event, ask, offset, bool(match.groupdict().get("same_month")))
    return None



# "What else was signed on the same day as the Eternal Friendship declaration?": the event dates a day.
_SAME_DAY: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^(?P<ask>.+?)\s+(?:on\s+)?the\s+(?:very\s+)?same\s+day\s+(?:as|when|that)\s+(?P<event>[^?]+?)\??$",
    r"^(?P<ask>.+?)\s*,?\s+в\s+(?:тот\s+же|тот\s+самый|тот\s+же\s+самый)\s+день\s*,?\s*(?:когда|что\s+и|как\s+и)\s+(?P<event>[^?]+?)\??$",
    r"^(?P<ask>.+?)\s+в\s+один\s+день\s+с\s+(?P<event>[^?]+?)\??$",
    # "On the same day the seabed agreement was signed, what declaration …?", "В тот же день, когда …, президенты …":
    # the day named first, its event told up to the comma.
    r"^(?:on\s+)?the\s+(?:very\s+)?same\s+day\s+(?:as\s+|when\s+|that\s+)?(?P<event>[^,?]+),\s*(?P<ask>.+)$",
    r"^on\s+the\s+(?:very\s+)?day\s+(?:when\s+|that\s+)?(?P<event>[^,?]+),\s*(?P<ask>.+)$",
    r"^в\s+(?:тот\s+)?день\s*,?\s*когда\s+(?P<event>[^,?]+),\s*(?P<ask>.+)$",
    r"^в\s+(?:тот\s+же|тот\s+самый|тот\s+же\s+самый)\s+день\s*,?\s*(?:когда|что\s+и|как\s+и)\s+(?P<event>[^,?]+),\s*(?P<ask>.+)$",
    # … typed without the comma: the asked part opens with its question word ("… когда подписали декларацию что ещё …").
    r"^в\s+(?:тот\s+же|тот\s+самый|тот\s+же\s+самый)\s+день\s*,?\s*(?:когда|что\s+и|как\s+и)\s+(?P<event>[^,?]+?)"
    r"\s+(?P<ask>(?:что|кто|какой|какое|какие|какую|сколько)\b[^,]*)$",
    r"^(?P<event>.+?)(?:мен|бен|пен|men|ben|pen)\s+(?:бір|бир|bır|bir)\s+(?:күнде|кунде|künde|kunde|күні|куни|künı|kuni)\s*,?\s+(?P<ask>.+)$",
    # "… қол қойылған күні президенттер тағы …": who acted may come before "тағы" (else), in the asked part;
    # "… қол қойылған күні Каспий бойынша қандай келісім …": or what it names before "қандай" (which).
    r"^(?P<event>.+?(?:ған|ген|қан|кен|ган|кан|ğan|gen|qan|ken|gan|kan|ghan|ghen))\s+(?:сол\s+|sol\s+)?(?:күні|куни|künı|kuni)"
    r"\s*,?\s+(?P<ask>(?:[^\W\d_]+\s+){0,5}?(?:тағы|тагы|tağy|tagy|қандай|кандай|qandai|qandaı|kandai)\b.+)$",
    # "… келісімі жасалған күндері Назарбаев Ресейге барған сапарда неше құжатқа қол қойылды?": on the days of it, how many.
    r"^(?P<event>.+?(?:ған|ген|қан|кен|ган|кан|ğan|gen|qan|ken|gan|kan|ghan|ghen))\s+(?:күндері|кундери|künderı|kunderi)"
    r"\s*,?\s+(?P<ask>.+?\b(?:неше|қанша|канша|neşe|neshe|qanşa|qansha)\b.+)$",
))


@lru_cache(maxsize=1024)
def day_hop(question: str) -> tuple[str, str] | None:
    """The event and the asked part of a question that names its day by an event ("… on the same day
    as X", "в тот же день, когда X", "X-пен бір күнде …"), or None."""
    text = " ".join(question.split())
    for pattern in _SAME_DAY:
        match = pattern.match(text)
        if match is not None:
            event, ask = match.group("event").strip(" ,?"), match.group("ask").strip(" ,")
            if len(event.split()) >= _MIN_WORDS and ask:
                return event, ask
    return None

# "What happened three days after Russia recognised Kazakhstan?": the event dates a day, the count moves it.
_DAYS = r"(?:days?|день|дня|дней|күннен|куннен|künnen|kunnen|күн|кун|kün|kun)"
_DAYS_AFTER: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"^(?P<ask>.+?)\s+{_N}\s+days?\s+(?:after|later than)\s+(?P<event>[^?]+?)\??$",
    rf"^{_N}\s+days?\s+after\s+(?P<event>[^,?]+),\s*(?P<ask>.+)$",
    rf"^(?P<ask>.+?)\s+(?:через|спустя)\s+{_N}\s+(?:день|дня|дней)\s+после\s+(?P<event>[^?]+?)\??$",
    rf"^(?:через|спустя)\s+{_N}\s+(?:день|дня|дней)\s+после\s+(?P<event>[^,?]+),\s*(?P<ask>.+)$",
    # "через 3 дня после того(,) как РФ признала РК(,) что сделал Казахстан": the event told in a clause,
    # and, typed without commas, the asked part opening with its question word.
    rf"^(?:через|спустя)\s+{_N}\s+(?:день|дня|дней)\s+после\s+того,?\s+как\s+(?P<event>[^,?]+?)"
    r"(?:\s*,\s*|\s+(?=(?:что|кто|какой|какое|какие|какую|когда|где|сколько)\b))(?P<ask>.+)$",
    rf"^(?P<event>.+?(?:тан|тен|дан|ден|нан|нен|tan|ten|dan|den|nan|nen|(?:ған|ген|қан|кен|ган|кан|ğan|gen|qan|ken|gan|kan)"
    r"\s+(?:соң|сон|soñ|son)))\s+(?:(?:кейін|кейин|keiın|keiin|keyin)\s+)?"
    rf"(?:дәл\s+|дал\s+|däl\s+|dal\s+)?{_N}\s+{_DAYS}\s+"
    r"(?:өткен соң|откен сон|ötken soñ|otken son|өткенде|откенде|ötkende|otkende|кейін|кейин|keiın|keiin|соң|сон|soñ|son)"
    r"\s*,?\s+(?P<ask>.+)$",
))


# "What did Russia do three days before Kazakhstan announced it recognised Russia?": the day counted back.
_DAYS_BEFORE: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"^(?P<ask>.+?)\s+{_N}\s+days?\s+(?:before|earlier than|prior to)\s+(?P<event>[^?]+?)\??$",
    rf"^{_N}\s+days?\s+(?:before|prior to)\s+(?P<event>[^,?]+),\s*(?P<ask>.+)$",
    rf"^(?P<ask>.+?)\s+за\s+{_N}\s+(?:день|дня|дней)\s+до\s+(?:того,?\s+как\s+)?(?P<event>[^?]+?)\??$",
    rf"^за\s+{_N}\s+(?:день|дня|дней)\s+до\s+(?:того,?\s+как\s+)?(?P<event>[^,?]+),\s*(?P<ask>.+)$",
    rf"^(?P<event>.+?(?:тан|тен|дан|ден|нан|нен|tan|ten|dan|den|nan|nen))\s+{_N}\s+{_DAYS}\s+"
    r"(?:бұрын|бурын|būryn|buryn|burun|ерте|erte)\s*,?\s+(?P<ask>.+)$",
))

_AFTER_WORD_RE = re.compile(r"\s+(?:соң|сон|soñ|son)$", re.IGNORECASE)
""""… таныған соң": "after" closes the event's words; it names nothing of the event."""
_LABEL_RE = re.compile(r"^[^\W\d_]+\s*:\s*")
""""Жұмбақ: Ресей бізді таныған күннен …", "Quiz: …": a label before the question names no part of the event."""


@lru_cache(maxsize=1024)
def days_after(question: str) -> tuple[str, str, int] | None:
    """The event, the asked part and the number of days of a question that names its day as some
    days after an event ("… three days after X?", "через три дня после X", "X-ған соң 3 күн өткенде …"), or before
    it, counted back ("… three days before X?", "за три дня до X", "X-дан үш күн бұрын …")."""
    text = _LABEL_RE.sub("", " ".join(question.split()))
    for patterns, sign in ((_DAYS_AFTER, 1), (_DAYS_BEFORE, -1)):
        for pattern in patterns:
            match = pattern.match(text)
            if match is None:
                continue
            counted = match.group("n")
            event, ask = _AFTER_WORD_RE.sub("", match.group("event").strip(" ,?")), match.group("ask").strip(" ,")
            if len(event.split()) >= _MIN_WORDS and ask:
                return event, ask, sign * (int(counted) if counted.isdigit() else _COUNT_OF[counted.lower()])
    return None


# "And three years before that?", "а на два года позже?", "ал үш жылдан кейін?": a follow-up moving the year just shown.
_YEARS_SHIFT: tuple[tuple[re.Pattern[str], int], ...] = tuple((re.compile(p, re.IGNORECASE), sign) for p, sign in (
    (rf"\b{_N}\s+(?:years?|yrs?)\s+(?:before|earlier|prior)\b", -1),
    (rf"\b{_N}\s+(?:years?|yrs?)\s+(?:after|later|on)\b", 1),
    (rf"\b{_N}\s+(?:год|года|лет)\s+(?:раньше|ранее|назад|прежде|до\s+этого|до\s+того)", -1),
    (rf"\bчерез\s+{_N}\s+(?:год|года|лет)\b", 1),
    (rf"\b{_N}\s+(?:год|года|лет)\s+(?:спустя|позже|позднее|после)", 1),
    (rf"\b{_N}\s+(?:жыл|jyl|жылдан|jyldan)\s+(?:бұрын|бурын|būryn|buryn|ерте|erte)", -1),
    (rf"\b{_N}\s+(?:жыл|jyl|жылдан|jyldan)\s+(?:кейін|кейин|keiın|keiin|keyin|соң|сон|soñ|son|өткен|откен|ötken)", 1),
))


def years_shift(question: str) -> tuple[int, str] | None:
    """The years a follow-up moves the year just shown by, and the words that say so ("three years before
    that" → −3, "three years before"), or None."""
    for pattern, sign in _YEARS_SHIFT:
        match = pattern.search(question)
        if match is not None:
            counted = match.group("n")
            return sign * (int(counted) if counted.isdigit() else _COUNT_OF[" ".join(counted.lower().split())]), match.group()
    return None


# "How many years passed between A and B?", "от A до B", "A-дан B-ға дейін", "после A был подписан B":
# two events whose years are counted apart. Each "and" of a "between" is tried in turn, since an
# event's own name may hold one ("the Treaty of Friendship, Cooperation and Mutual Assistance").
_SPAN_OPENERS = re.compile(r"\b(?:between|from|между|от)\s+(?P<rest>.+)$", re.IGNORECASE)
_SPAN_JOINS = re.compile(r"\s+(?:and|to|until|till|и|до)\s+", re.IGNORECASE)
_ABLATIVE = r"(?:тан|тен|дан|ден|нан|нен|tan|ten|dan|den|nan|nen)"
_AFTER_EVENT: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\bafter\s+(?P<a>.+?)\s+(?P<b>(?:was|were|did)\s+.+)$",
    r"\bпосле\s+(?P<a>.+?)\s+(?P<b>(?:был|была|было|были)\s+.+)$",
    r"\b(?:раньше|позже|позднее)\s+(?P<a>.+?),?\s+чем\s+(?P<b>.+)$",
    r"\b(?:earlier|later)\s+(?P<a>.+?),?\s+than\s+(?P<b>.+)$",
    rf"^(?P<a>.+?{_ABLATIVE})\s+(?P<b>.+?)\s+(?:дейін|дейин|deiın|deiin|deyin)\b",
    rf"^(?P<a>.+?{_ABLATIVE})\s+(?:кейін|кейин|keiın|keiin)\s+(?:неше|қанша|канша|neşe|qanşa|neshe|kansha)\s+"
    r"(?:жылдан|jyldan|zhyldan)\s+(?:соң|сон|кейін|кейин|soñ|son|keiın|keiin)\s+(?P<b>.+)$",
))


_KK_BETWEEN_RE = re.compile(r"^(?P<rest>.+?)\s+(?:арасында|арасынан|аралығында|арасындағы|арасындагы|арасы|arasynda"
                            r"|arasyndağy|arasy|aralyğynda|aralygynda)\b",
                            re.IGNORECASE)
"""Kazakh "A мен B арасында" (between A and B): the events come before the postposition."""
_KK_AND_RE = re.compile(r"\s+(?:мен|пен|бен|men|pen|ben)\s+", re.IGNORECASE)


def two_events(question: str) -> list[tuple[str, str]]:
    """The ways a question may name two events to count the years between, most likely first."""
    text = " ".join(question.split()).rstrip(" ?.!")
    pairs: list[tuple[str, str]] = []
    opener = _SPAN_OPENERS.search(text)
    if opener is not None:
        rest = opener.group("rest")
        pairs += [(rest[:m.start()], rest[m.end():]) for m in _SPAN_JOINS.finditer(rest)]
    between = _KK_BETWEEN_RE.search(text)
    if between is not None:
        rest = between.group("rest")
        pairs += [(rest[:m.start()], rest[m.end():]) for m in _KK_AND_RE.finditer(rest)]
    for pattern in _AFTER_EVENT:
        match = pattern.search(text)
        if match is not None:
            pairs.append((match.group("a"), match.group("b")))
    return [(a.strip(" ,"), b.strip(" ,")) for a, b in pairs
            if len(a.split()) >= _MIN_WORDS and len(b.split()) >= _MIN_WORDS]


# "Что было раньше: X или Y?", "Which came first, X or Y?", "Қайсысы ертерек болды: X ма, әлде Y ма?":
# two events whose dates are set side by side.
_EARLIER_ASK = (
    r"(?:\b(?:что|что из этого|какое событие|какой документ)\s+(?:[а-яё]+\s+){0,2}?(?:раньше|прежде|первым)"
    r"|\bwhich\s+(?:one\s+)?(?:came|happened|was(?:\s+signed|\s+concluded)?)\s+(?:first|earlier)"
    r"|\bwhat\s+(?:came|happened|was\s+signed)\s+first"
    r"|(?:қайсысы|кайсысы|qaisysy|kaisysy|қайсысына|кайсысына|qaisysyna|kaisysyna)\s+(?:ертерек|бұрын|бурын|бірінші|бириньши|бирінші|бириншы|erterek|būryn|buryn"
    r"|bırınşı|birinshi|birinşi)(?:\s+(?:болды|болган|болған|boldy|bolğan|bolgan))?)")
_EARLIER_RE = re.compile(rf"^.*?{_EARLIER_ASK}\s*[:,—–-]?\s*(?P<rest>.+)$", re.IGNORECASE)
_PAIR_FIRST_RE = re.compile(rf"^(?P<pair>[^:?]+?)\s*[:—–]\s*{_EARLIER_ASK}", re.IGNORECASE)
""""X and Y: which came first (and how many years apart)?": the two events named before the question."""
_PAIR_AND_RE = re.compile(r"\s+(?:мен|бен|пен|men|ben|pen|және|жане|jäne|jane|zhane|and|и)\s+", re.IGNORECASE)
_OR_RE = re.compile(r"\s*,?\s+(?:или|or|әлде|алде|älde|alde|немесе|nemese)\s+", re.IGNORECASE)
_PARTICIPLE_OR_RE = re.compile(rf"{_PARTICIPLE}(?<!деген)(?<!degen)\s+(?:не|ne)\s+",
                               re.IGNORECASE)
""""концерті тоқтатылған не елге кіруге тыйым салынған …": "не" between two participles is "or", not "what"
(as in "ҰҚШҰ деген не …", what the CSTO is)."""
_KK_PARTICLE_RE = re.compile(r"\s+(?:ма|ме|ба|бе|па|пе|ma|me|ba|be|pa|pe)$", re.IGNORECASE)


def earlier_pair(question: str) -> tuple[str, str] | None:
    """The two events of a "which came first, X or Y?" (or "X and Y: which came first?") question (each
    without the Kazakh question particle "ма"), or None. What follows a question mark ("… ? и насколько раньше") is left out."""
    text = " ".join(question.split()).strip(" ?.!")
    first = _PAIR_FIRST_RE.match(text)
    if first is not None:
        parts = _PAIR_AND_RE.split(first.group("pair"), maxsplit=1)
        sides = (parts[0].strip(" ,"), parts[1].strip(" ,")) if len(parts) == 2 else None
        return sides if sides and all(len(side.split()) >= _MIN_WORDS for side in sides) else None
    match = _EARLIER_RE.match(text)
    if match is None:
        return None
    sides = _two_sides(match.group("rest").split("?")[0])
    return sides if sides and all(len(side.split()) >= _MIN_WORDS for side in sides) else None


def _two_sides(text: str) -> tuple[str, str] | None:
    """The two alternatives of "X or Y", each without the Kazakh question particle ("X ма, әлде Y ма")."""
    parts = _OR_RE.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    a, b = (_KK_PARTICLE_RE.sub("", part.strip(" ,")).strip(" ,") for part in parts)
    return a, b


# "2011 jyly qaisysy tezırek östı: Reseige eksport pa, älde jalpy sauda ma?", "What grew faster in 2011,
# trade or exports?": what is compared (the head, before the last colon or comma) and its two measures.
_HEAD_END_RE = re.compile(r"[:,—–]\s")
_YEAR_RE = re.compile(r"\b(?:1[5-9]|20)\d\d\b(?= )")


_FASTER_RE = re.compile(r"^(?P<a>.+?)\s+(?P<verb>рос|росла|росло|росли|вырос|выросла|выросло|выросли"
                        r"|grew|grow|rose|rise|has grown|had grown)\s+(?:быстрее|faster)(?:,?\s+(?:чем|than))?\s+(?P<b>[^?]+)",
                        re.IGNORECASE)
""""Экспорт в 2011-м рос быстрее всего товарооборота?", "Did exports grow faster than trade in 2011?": two measures
set against each other by a comparative, the verb and the years named being both's."""


def or_pair(question: str) -> tuple[str, str, str] | None:
    """The head and the two measures of a question that sets two figures against each other ("X or Y"
    after a colon or comma, or "X grew faster than Y"), or None."""
    text = " ".join(question.split()).strip(" ?.!")
    alternation = _OR_RE.search(text)
    if alternation is None:
        faster = _FASTER_RE.match(text)
        if faster is None:
            return None
        head = " ".join([faster.group("verb"), *_ANY_YEAR_RE.findall(text)])
        return head, faster.group("a").strip(" ,"), faster.group("b").strip(" ,.")
    ends = [m.end() for m in _HEAD_END_RE.finditer(text[:alternation.start()] + " ")]
    if not ends:  # "which grew faster in 2011 kazakh exports or total trade": the head ends at its year
        ends = [m.end() + 1 for m in _YEAR_RE.finditer(text[:alternation.start()])]
    if not ends:
        return None
    # (what follows a question mark asks on: "… или весь товарооборот? На сколько процентов каждый")
    head, sides = text[:ends[-1]].strip(" ,:—–"), _two_sides(text[ends[-1]:].split("?")[0])
    return (head, *sides) if head and sides and all(sides) else None


# "Сравните рост товарооборота и рост экспорта в 2011 году", "2011 жылы экспорт өсімі мен сауда айналымының
# өсімін салыстыр", "Compare Russia's share in … with its share in …": two measures joined by "and"/"with".
_AND_RE = re.compile(r"\s+(?:и|and|with|against|с|со|мен|бен|пен|men|ben|pen|және|жане|jäne|jane|zhane)\s+", re.IGNORECASE)
_ANY_YEAR_RE = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def and_pairs(question: str) -> list[tuple[str, str, str]]:
    """Each way of reading a question that compares as two measures joined by "and" or "with": the years both
    measures are asked in as the head, then the text before and after one conjunction. A year said first
    ("2011 жылы экспорт … мен сауда …") or after the second measure ("… и рост экспорта в 2011 году") is both's;
    one closing the first measure ("share in all trade in 2011 with the share in EAEU trade") is its own.
    The caller keeps the first reading whose two sides each find a figure."""
    text = " ".join(question.split()).strip(" ?.!").split("?")[0]
    pairs = []
    for match in _AND_RE.finditer(text):
        a, b = text[:match.start()].strip(" ,"), text[match.end():].strip(" ,")
        if len(a.split()) >= _MIN_WORDS and len(b.split()) >= _MIN_WORDS:
            head = " ".join(_ANY_YEAR_RE.findall(" ".join(a.split()[:_HEAD_WORDS])) + _ANY_YEAR_RE.findall(b))
            pairs.append((head, a, b))
    return pairs


_HEAD_WORDS = 3
"""Words opening a question among which a year is said of all it asks ("2011 жылы", "in 2011 compare")."""


def or_halves(question: str) -> tuple[str, str] | None:
    """The two halves of a question that asks for either of two things ("whose concerts were cancelled or
    who were banned from entering?"), each of two words or more, or None."""
    text = " ".join(question.split()).strip(" ?.!")
    parts = _OR_RE.split(text, maxsplit=1)
    if len(parts) != 2:
        parts = _PARTICIPLE_OR_RE.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    a, b = (part.strip(" ,") for part in parts)
    return (a, b) if len(a.split()) >= _MIN_WORDS and len(b.split()) >= _MIN_WORDS else None


# "… the treaty whose tenth anniversary Tokayev mentioned in November 2023?": the anniversary, said in a year,
# dates the event that many years before it.
_DECADES = {"десяти": 10, "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50,
            "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
_RU_DECADE = r"(?:(?P<word>десяти|двадцати|тридцати|сорока|пятидесяти)|(?P<n>\d{1,2})\s*-?\s*)"
_ANNIVERSARY_OF_WHICH: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"\b(?:о\s+|к\s+)?{_RU_DECADE}лети[еяюи]\w*\s+которо(?:го|й)\b",
    rf"\b{_RU_DECADE}летн\w*\s+юбиле\w*\s+которо(?:го|й)\b",  # "договор, десятилетний юбилей которого …"
    rf"\bотмечал[аои]?\s+{_RU_DECADE}лети[еяю]\b(?:,?\s+о\s+котором)?",  # "… отмечал десятилетие, о котором говорил …"
    r"\bwhose\s+(?:(?P<word>tenth|twentieth|thirtieth|fortieth|fiftieth)|(?P<n>\d{1,2})(?:st|nd|rd|th))\s+anniversary\b",
    r"\bthe\s+(?:(?P<word>tenth|twentieth|thirtieth|fortieth|fiftieth)|(?P<n>\d{1,2})(?:st|nd|rd|th))\s+anniversary\s+of\s+which\b",
))
_SAID_IN_RE = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def anniversary_back(question: str) -> str | None:
    """The question with the year an anniversary was spoken of moved back to the event's own year
    ("договор, о десятилетии которого Токаев говорил в ноябре 2023-го" → "… 2013-го"), or None: a
    relative clause names the event by its anniversary, and the one year named is the anniversary's."""
    for pattern in _ANNIVERSARY_OF_WHICH:
        match = pattern.search(question)
        if match is None:
            continue
        years = _SAID_IN_RE.findall(question)
        if len(set(years)) != 1:
            return None
        n = _DECADES[match.group("word").lower()] if match.group("word") else int(match.group("n"))
        # The anniversary itself is left out: it asked no count of years ("whose tenth anniversary" → "which").
        if "юбиле" in match.group(0).lower():
            # "В каком году был подписан договор, десятилетний юбилей которого … приближался в ноябре 2023 года?": the rest
            # tells only when the anniversary was spoken of; the treaty is the one of 2013.
            return f"{question[:match.start()].rstrip(' ,')} {int(years[0]) - n}?"
        said = "which" if match.group(0)[:1].isascii() else "подписанный" if match.group(0).lower().startswith("отмечал") \
            else "которого"
        plain = question[:match.start()] + said + question[match.end():]
        return _SAID_IN_RE.sub(str(int(years[0]) - n), plain)
    return None


_DESCRIBED_EN_RE = re.compile(
    r"\b(?P<desc>the (?:(?:man|woman|person|guy|politician|leader) (?:who|that)|one who) .+?|the winner of .+?)"
    r"\s+(?P<rest>(?:later |then |first |once |also |soon )?(?:arrive|arrived|came|come|visit|visited|pay|paid|make|made|go|"
    r"went|travel|travelled|traveled|fly|flew|sign|signed|meet|met|talk|talked|hold|held)\b.*)$", re.IGNORECASE)
_DESCRIBED_RU_RE = re.compile(
    r"(?P<desc>(?:победитель|победителя) .+?)\s+(?P<rest>(?:позже |потом |затем |впоследствии )?(?:приезжал|приехал|"
    r"посетил|посещал|прибыл|побывал|подписал|встречался|встретился|ездил|съездил)\b.*)$", re.IGNORECASE)
_DESCRIBED_KK_RE = re.compile(
    r"^(?P<desc>\S.{8,}?(?:ген|ған|кен|қан|gen|ğan|ken|qan|gan) (?:адам|кісі|adam|kısı|kisi))\s+(?P<rest>\S.*)$", re.IGNORECASE)


def described_person(question: str) -> str | None:
    """A question that names a person by what they did, inside its own clause ("On what day did the man who won
    Russia's first open presidential election arrive in Almaty?", "Ресейдегі тұңғыш ашық президент сайлауын
    жеңген адам 1996 жылы Қазақстанға қай айда келді?"), told as the description first and the question pointing
    back at it ("The man who won … - on what day did he arrive in Almaty?"), which is answered in two steps. None
    when no person is described so."""
    match = _DESCRIBED_EN_RE.search(question)
    if match is not None:
        desc = match.group("desc")
        before = question[:match.start()]
        return f"{desc[:1].upper()}{desc[1:]} - {before}he {match.group('rest')}"
    match = _DESCRIBED_RU_RE.search(question)
    if match is not None:
        desc = match.group("desc")
        return f"{desc[:1].upper()}{desc[1:]} - {question[:match.start()]}он {match.group('rest')}"
    match = _DESCRIBED_KK_RE.search(question)
    if match is not None:
        pronoun = "ол" if re.search(r"[а-яәғқңөұүһі]", match.group("desc"), re.IGNORECASE) else "ol"
        return f"{match.group('desc')} - {pronoun} {match.group('rest')}"
    return None
