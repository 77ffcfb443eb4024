"""Answerability: answer only when the chosen fact holds what is asked.

A question asks for something (a date, a number, a person, an end year, a duration); when the
closest fact lacks it, the reply says plainly what the sources don't say and gives that fact,
and counts as a decline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from bot.engine.lexicon import UNITS, Lexicon, side_tokens
from bot.engine.understanding import (
    MONTH_WORDS,
    YEAR_RE,
    Query,
    asked_currency,
    asks_for_list,
    currencies_in,
    find_phrases,
    mentions,
    month_of,
    said_as_place,
)
from bot.model import LANGS, Fact
from bot.sentences import asks, message_sentences
from bot.text import fold, raw_tokens, stem, tokens

_WHERE_ASKED_RE = re.compile(
    r"(?:^|[.?!,;:—–-]\s*|\b(?:а|и|and|ал|al)\s+)(?:где|where|қайда|кайда|qaida|қай\s+жерде|кай\s+жерде|qai\s+jerde)\b",
    re.IGNORECASE)
""""Where" opening a question or a clause ("а где его подписали?"), not a relative one ("the paper where both promised …")."""

_DURATION_RE = re.compile(
    r"\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|два|две|три|четыре|пять|десять|"
    r"двадцать|тридцать|пятьдесят|бір|екі|үш|төрт|бес|он|жиырма|отыз|елу)\s*(?:-?\s*)"
    r"(?:years?|year-|лет|года|год|жыл|жылға|жылдық)", re.IGNORECASE)
_WE = frozenset(("мы", "нас", "нам", "біз", "бізді", "биз", "бизди", "biz", "bızdı", "bizdi", "we", "us"))
_OR = frozenset(("или", "әлде", "алде", "элде", "älde", "alde", "or", "не"))
_KAZAKHSTAN = (["kazahstan"], ["kazakstan"])  # the first token of a name of Kazakhstan, in either script
_MONEY_RE = re.compile(r"\$|\b(?:USD|dollars?|roubles?|rubles?|tenge|euros?)\b", re.IGNORECASE)
_ARTICLE_ASKED_RE = re.compile(r"\b(?:which|what)\s+article\b|\b(?:как(?:ой|ая|ую)|котор(?:ой|ая|ую))\s+стать"
                               r"|\b(?:қай|кай|qai|нешінші|нешинши|neşınşı|neshinshi)\s+(?:баб|bab)", re.IGNORECASE)
"""A question asking which article of a document says something ("какой статьёй регулируется …")."""
_ARTICLE_SAID_RE = re.compile(r"\barticle\s+\d|\bстать\w*\s+\d|\d+\s*-?\s*(?:бап|bap)", re.IGNORECASE)
"""A fact naming an article by number ("Article 17", "17-бабында")."""
_UNTIL_RE = re.compile(r"(?:until|till|through|до|дейін|по)\s+(?:\d{1,2}\s+\w+\s+)?(?:1[5-9]\d\d|20\d\d)"
                       r"|until the end of|до конца|соңына дейін|аяғына дейін"
                       r"|(?:1[5-9]\d\d|20\d\d)\s*[–-]\s*(?:1[5-9]\d\d|20\d\d)", re.IGNORECASE)  # a span's end: "1998–2007"
_DAY_TOLD_RE = re.compile(r"\b(?:[1-9]|[12]\d|3[01])(?:\s*[–-]\s*(?:[1-9]|[12]\d|3[01]))?\s+([^\W\d_]+)")
"""A day (or days) and the word after it: "3–4 July" tells the days though the fact is dated by its report."""
_COUNTED_RE = re.compile(r"\b\d+(?:-\w+)?(?:\s+[^\W\d_]+)?\s+([^\W\d_]+)")
"""A number and the word it counts, past one word between ("22 major documents", "400-ден астам шарт")."""
_AFTER_EVENT_RE = re.compile(r"\b(?:после того как|после|after|before|following|since|до)\s+([^\W\d_]+)"
                             r"|([^\W\d_]+(?:нан|нен|дан|ден|тан|тен|nan|nen|dan|den|tan|ten))\s+"
                             r"(?:кейін|кейин|keiın|keiin|keyin|соң|сон|soñ|son|бері|beri|berı)\b", re.IGNORECASE)
"""The word of the event another is dated from ("после установления", "орнағаннан кейін")."""


@lru_cache(maxsize=256)
def _counted_from(text: str) -> tuple[str, ...]:
    """The tokens of the events a question dates another from (cached: `missing` asks it of every candidate fact)."""
    return tuple(tok for m in _AFTER_EVENT_RE.finditer(text) for tok in tokens(m.group(1) or m.group(2)))


_FINISHED_RE = re.compile(r"\b(?:finished|completed|заверши|закончи|аяқта|бітір)", re.IGNORECASE)
"""A work told as finished: "when did the demarcation end?" asks that date, not an expiry."""


EVENT_WORDS = (("founding_words", ("founding_words", "beginning_words")), ("leaving_words", ("leaving_words",)),
               ("beginning_words", ("beginning_words", "founding_words")))
"""Word lists that name an event a "when" question asks the date of, each with the lists a fact
must use a word of to tell that date."""
_BEGAN_DOING_RE = re.compile(r"\b(?:start|starts|started|begin|begins|began|начал|начала|начали|начало|начинает|начинают)"
                             r"\s+(?:to\s+)?[^\W\d_]{3,}(?:ing|ть)\b", re.IGNORECASE)
"""A start said of doing something ("start renting", "began leasing", "начала арендовать"): the doing is the event."""
SHORT_UNIT = 2
"""Letters of an area abbreviation that squares the unit after it ("sq", "кв")."""
OFFICE_STEM = 5
"""Letters of an office word a fact's word must start with to name that office ("toraga" / "toragasy")."""
_PAIR_NOUNS = ("ел елі елдің елдiң el elı eldıñ сторон стороны тарап тараптар tarap sides parties states countries "
               "президенттері президента президентов presidents leaders басшылары лидеров")
"""Nouns "two" counts the sides with ("екі ел", "двух стран", "the two presidents"): no quantity a fact tells."""
_SIDE_RES = {"russia": re.compile(r"^(?:ресей|росси|resei|russia|рф)", re.IGNORECASE),
             "kazakhstan": re.compile(r"^(?:қазақстан|казакстан|казахстан|qazaqstan|kazakstan|kazakhstan)", re.IGNORECASE)}
"""A word that starts as a side's name in any language and script ("Ресейдің", "России", "Reseidıñ")."""
_SIDE_NOUN_RE = re.compile(r"^(?:sides?|delegations?|signator\w*|жағынан|жагынан|jağynan|jagynan|zhagynan|jaghynan"
                           r"|жағы|жагы|jağy|jagy|jaghy|тарап\w*|tarap\w*|сторон[аыуе]?|делегаци\w*|delegatsi\w*|delegaci\w*)$",
                           re.IGNORECASE)
"""A side's word ("on the Russian side", "Ресей жағынан", "с российской стороны", "the Russian delegation")."""
_SIDE_ASKED_RES = {"russia": _SIDE_RES["russia"],
                   "kazakhstan": re.compile(r"^(?:қазақ|казак|казах|qazaq|kazak|kazakh)", re.IGNORECASE)}
"""A side's name or adjective, "Kazakh" too: "the Kazakh side" is Kazakhstan's."""
_SIGNER_OR_HEAD_RE = re.compile(r"^(?:sign\w*|подпис\w*|қол|кол|qol|delegat\w*|делегаци\w*|басқар\w*|баскар\w*|basqar\w*"
                                r"|baskar\w*|возглав\w*|led|headed)$", re.IGNORECASE)
"""Words of signing or leading ("who signed on the Russian side?", "Ресей делегациясын кім басқарды?"): a person is asked,
whom a fact naming no one does not give; "who founded it on the Russian side?" may be answered with a firm."""
SIDE_OF_NOUN = 2
"""Words between a side's word and the side's name ("со стороны России", "on the Russian side")."""
PERSON_STEM = 5
"""Letters of a surname that name the person in any case form and script ("nazar" of "nazarba", "nazarbaev")."""
_CITY_NAMED_RE = re.compile(r"\b[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s+қала(?:сы|сында|сындағы)\b|(?<!\d)(?<!\d\s)(?<!г)\bг\.\s*[А-ЯЁ][\w-]+"
                            r"|\bгород(?:е|а)?\s+[А-ЯЁ][\w-]+|\bcity of [A-Z][\w-]+")
"""A city named as one: "Миасс қаласындағы", "(г. Миасс)", "в городе Омске", "the city of Omsk" (not the "г." of a
year: "1992 г. Казахстан …")."""
PARTY_STEM = 4
"""Letters a third country's stem needs to be told from a short word of another language ("ООН" stems as "on")."""
SIDE_OF_PLACE = 2
"""Words between a place word and the side it is of ("Ресейдің қай қаласында", "which city in Russia")."""
_EXACTLY_RE = re.compile(r"^(?:нақты|накты|naqty|nakty|дәл|дал|däl|именно|точно|exactly|precisely|exact)$", re.IGNORECASE)
"""A word that only stresses the place asked ("Ресейдің нақты қай қаласында"): it parts the side from the place word
no more than a space."""
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'-]*")
"""A word written with a capital (in English, a name's)."""
COUNTED_PREFIX = 4
"""Letters of a counted word that name it in any case form ("kuzh" of "құжатқа", "құжаттың")."""
PLACE_STEM = 5
"""Letters of a place name compared, inflected or not ("kostana" of "kostanaisk")."""
LOCAL_PLACE_FACTS = 6
"""A place named by at most this many facts is local, one a figure for the whole countries does not cover."""
FIRST_STEM = 4
"""Letters an ordinal shares with "first" in its case forms ("perv" of "первом")."""
OFFICE_REACH = 3
"""Words either side of an office in which the holder's name stands ("President Boris Yeltsin")."""


MEASURE_UNITS = frozenset(("km", "percent", "tonnes"))
"""Units of a figure that measures rather than counts."""
_SHARE_RE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|percent\b|per cent\b)")
_DATE_NUMBER_RE = re.compile(r"\b(?:1[5-9]|20)\d\d(?:s)?\b|\b\d{1,2}(?:st|nd|rd|th)?\b(?=[–-]?\d{0,2}\s+(?:January|February"
                             r"|March|April|May|June|July|August|September|October|November|December))|\b\d+(?:st|nd|rd|th)\b")


def shares_only(fact: Fact) -> bool:
    """Whether the only numbers a fact's text gives, dates aside, are percentages."""
    text = fact.text["en"]
    return bool(_SHARE_RE.search(text)) and not re.search(r"\d", _DATE_NUMBER_RE.sub(" ", _SHARE_RE.sub(" ", text)))


DOCUMENT_STEM = 6
"""Shortest document word a longer inflected form is read by ("kelisim" of "kelisimder")."""
_BETWEEN_RE = re.compile(r"\b(?:between|между)\s+(?P<after>(?:\S+\s+){1,5})"
                         r"|(?P<before>(?:\S+\s+){1,5})(?:арасында|арасынд[аә]ғы|арасындагы|arasynda)", re.IGNORECASE)
"""Two parties of a figure ("trade between Kostanay Region and Russia", "Атырау мен Астрахан арасындағы"),
either of them maybe a part of a country: the words after "between", or before "арасында"."""
_SUM_METRICS = ("trade_turnover", "export_kz", "import_kz", "investment_")
"""Metrics whose values are sums of money whether or not the source names the currency."""


class Answerability:
    """Checks a fact against what a question asks for."""

    def __init__(self, facts: Iterable[Fact], lex: Lexicon, vocabulary: frozenset[str] = frozenset()) -> None:
        self.lex = lex
        facts = tuple(facts)
        names: set[str] = set()
        for fact in facts:
            for lang in LANGS:
                for person in (fact.people or {}).get(lang, ()):
                    names.update(tokens(person))
        self.person_names = frozenset(names) - lex.words["person_words"]
        """Tokens of people's names ("nazarbaev", "putin"), not of their offices."""
        self.person_words = self.person_names | lex.words["person_words"]
        self.in_force_said = lex.words["in_force"] | frozenset(ph[-1] for ph in lex.phrases["in_force"])
        """The words a fact must say to date a document's coming into force (the phrases' last: "force", "силу")."""
        self.pair_nouns = lex.words["country_words"] | frozenset(stem(fold(word)) for word in _PAIR_NOUNS.split())
        """What "two" counts in "the two countries", "екі елдің", "обеих сторон": the sides, no quantity told."""
        self.by_part_of_year = frozenset(f.id for f in facts
                                         if any(mentions(tuple(tokens(f.text[lang])), lex, "part_year_words") for lang in LANGS))
        """Facts that give a figure for a quarter or a month (none in today's sources, which give years)."""
        self.units_in = lru_cache(maxsize=1024)(self._units_in)  # asked of every candidate fact of a question
        self.unit_words = frozenset().union(*(lex.words[name] for name in UNITS))
        """Every word of every unit list ("percent", "км", "пайыз")."""
        self.vocabulary = vocabulary
        """Every word the facts use (the index's): a claim measuring in a unit none of them uses ("1000 megawatts") is unsaid."""
        self.office_words = lex.words["person_words"] | lex.words["role_words"]
        """Words for a person or an office ("premier", "посол"): whose name a question may ask."""
        self.office_stems = frozenset(w[:OFFICE_STEM] for w in self.office_words)
        places: set[str] = set()
        for fact in facts:
            for lang in LANGS:
                if fact.place and lang in fact.place:
                    places.update(tokens(fact.place[lang]))
        self.place_words = frozenset(places) | lex.words["place_words"]
        self.side_words = side_tokens(lex)
        self.russia = lex.words["russia_names"]
        self.kazakhstan = lex.words["kazakhstan_names"]
        self.stand_ins = frozenset(ph[0] for ph in lex.stands_for if len(ph) == 1) | self.place_words
        """Single words standing for something else ("Kremlin", "Akorda") and place words (named places among them):
        no name of a thing."""
        self.people_sides = {side: tuple(name[:PERSON_STEM] for name in lex.words[f"{side}_people"])
                             for side in ("russia", "kazakhstan")}
        """Whose side a named person acted for, by the first letters of the name's tokens ("nazar" of "Назарбаевтың")."""
        self.named_places = frozenset(places) - self.side_words - lex.words["place_words"] - lex.words["stopwords"] \
            - lex.synonyms.keys()
        """Cities and regions the facts took place in ("almat", "omsk"), not the two countries nor the
        border a marker was set on (a word with synonyms names no city)."""
        self.cities = frozenset(tok for word in lex.words["city_words"] for tok in tokens(word) if month_of(tok) is None)
        """The cities a fact's place may be, the capitals too (Astana also stands for its state, so it is no
        named place); not "қазан", Kazan, which is October in Kazakh."""
        said_by = Counter(tok for fact in facts for tok in {t for lang in LANGS for t in tokens(fact.text[lang])})
        self.capitals = frozenset(tok for name in ("russia_places", "kazakhstan_places", "city_words")
                                  for word in lex.words[name] for tok in tokens(word))
        """"Москва", "Mäskeu men Astana": a capital or a city visited stands for its state, not for a place of its own."""
        self.local_places = frozenset(p for p in self.named_places if said_by[p] <= LOCAL_PLACE_FACTS
                                      and p not in self.capitals)
        """Places few facts speak of ("atyra", "aktob"): not a capital, nor the border ("shekara") a fact took place on."""
        firsts = tuple(w[:FIRST_STEM] for w in lex.words["ordinal_words"] & lex.words["first_words"])
        self.rank_words = frozenset(w for w in lex.words["ordinal_words"] if not w.startswith(firsts))
        """Ranks from the second on ("the second largest republic"): a size asked is told by one; not "first",
        which tells what came first, not how big."""
        self.region_tokens = frozenset(tok for word in lex.words["region_words"] for tok in tokens(word))
        self.region_stems = tuple(sorted(tok for tok in self.region_tokens if len(tok) >= PLACE_STEM))
        """A region word in a case form its list lacks ("облысының" folds to "oblysy") opens with one of these."""
        self.city_named = frozenset(fact.id for fact in facts if any(_CITY_NAMED_RE.search(text) for text in fact.text.values()))
        """Facts whose words name a city as one ("Миасс қаласындағы", "г. Миасс"): where one of their parties is."""
        self.in_region = frozenset(
            fact.id for fact in facts if fact.place
            and (own := {tok for name in fact.place.values() for tok in tokens(name)} - self.side_words - lex.words["stopwords"])
            and not own & lex.words["city_words"])
        """Facts whose place is a part of a country, not a city ("West Kazakhstan"): they say the region."""
        self.fact_tokens: dict[str, frozenset[str]] = {}
        self.not_counted = frozenset().union(*(lex.words[name] for name in (
            *UNITS, "times_words", "year_words", "day_words", "period_words")))
        """What "how many" may count without the fact naming it: units, times, years, days."""

    @staticmethod
    def has_figure(fact: Fact) -> bool:
        """Whether a fact gives a figure of its own (or its sources' versions of one do)."""
        return fact.value is not None or any(c.value is not None for c in fact.claims)

    def has_number(self, fact: Fact) -> bool:
        """Whether a fact states a quantity at all (a figure, or a number in words: "twice", "a quarter")."""
        if self.has_figure(fact) or fact.times:
            return True  # … or a count of occurrences ("visited three more times")
        for lang in LANGS:
            toks = raw_tokens(fact.text[lang])
            for k, tok in enumerate(toks):
                if not tok[0].isdigit() and stem(fold(tok)) in self.lex.words["number_words"]:
                    if k + 1 < len(toks) and stem(fold(toks[k + 1])) in self.pair_nouns:
                        continue  # "двух стран": the two sides
                    return True
                if not tok[0].isdigit() or YEAR_RE.fullmatch(tok):
                    continue
                # "6 January", "January 6": a day of a date is not a quantity.
                near = [stem(fold(w)) for w in toks[max(k - 1, 0):k + 2] if not w[0].isdigit()]
                if not any(w in MONTH_WORDS for w in near):
                    return True
        return False

    def _units_in(self, text: str) -> tuple[frozenset[str], ...]:
        """The unit word lists a question's text names; "what share": the intent's own words count too.
        Not a unit word inside a phrase asking a price ("қанша тұрады": how much does it cost, not live),
        nor one after a currency ("қанша доллар тұрады")."""
        typed = tokens(text)
        priced = {k + j for k, ph in find_phrases(tuple(typed), self.lex.intent_phrases["money"]) for j in range(len(ph))}
        priced.update(k for k in range(1, len(typed)) if asked_currency(typed[k - 1:k]))
        units = self.unit_words
        area = self.lex.words["area_units"]
        # "sq", "кв" square a unit after them ("sq km", "кв. км"); alone, "ск" is chat's shorthand for "сколько".
        typed = [tok for k, tok in enumerate(typed) if k not in priced
                 and not (tok in area and len(tok) <= SHORT_UNIT and not (k + 1 < len(typed) and typed[k + 1] in units))]
        return tuple(self.lex.words[name] for name in UNITS if self.lex.words[name].intersection(typed))

    def asks_unit(self, query: Query) -> bool:
        return bool(self.units_in(query.text))

    def ranks_size(self, query: Query, fact: Fact) -> bool:
        """"Kazakh SSR size USSR" of "the second largest union republic": a size asked, told as a rank
        (not "how much was invested?" of "Russia ranks fifth among investors"). The words are read as typed:
        "how big" asks an amount, so the reading of what is asked leaves "big" out of the query's tokens."""
        return bool(self.lex.words["size_words"].intersection(tokens(query.text))) and any(
            stem(fold(tok)) in self.rank_words for lang in LANGS for tok in raw_tokens(fact.text[lang]))

    def lacks_unit(self, query: Query, fact: Fact) -> bool:
        """"How many square kilometres…?" of a fact that measures nothing in them."""
        asked = self.units_in(query.text)
        if len(asked) > 1:  # "the share … grew to how many tonnes?": the unit of the figure asked decides
            asked = tuple(unit for unit in asked if unit is not self.lex.words["percent_units"])
        said = self.said(fact) if asked else frozenset()
        return any(not unit & said for unit in asked)

    def union_figure(self, query: Query, fact: Fact) -> bool:
        """"Какое население Москвы?", "What is Russia's GDP?" of a figure for the Customs Union's
        countries together: a question about one country is not answered by their sum; nor is a
        question about all of Kazakhstan's trade by its share of trade with the EAEU countries."""
        if fact.metric is None:
            return False
        if "customs-union" in fact.tags and not self.lex.words["union_words"].intersection(query.tokens):
            # ("Resei, Qazaqstan, Belarus elderinde qansha adam turady?": the three members named one by one ask the sum)
            return not (self.russia.intersection(query.tokens) and self.kazakhstan.intersection(query.tokens)
                        and self.lex.words["belarus_names"].intersection(query.tokens))
        return "eaeu" in fact.tags and not self.lex.words["eaeu_words"].intersection(query.tokens)

    def elsewhere(self, query: Query, fact: Fact) -> bool:
        """"What was trade between Kostanay Region and Russia in 2011?", "how long is the border between
        Atyrau and Astrakhan?" of the two countries' figure: a region's or a city's figure is not theirs."""
        if "how_much" not in query.intents:
            return False
        between = _BETWEEN_RE.search(f"{query.text} ")
        if between is None and not fact.metric:
            return False
        # Without "between", a region named anywhere ("протяжённость границы Омской области") asks its own figure.
        toks = tokens(between.group("after") or between.group("before")) if between else tokens(query.text)
        asked = {tok for tok in toks if tok in self.local_places} if between else set()
        for k in range(len(toks) - 1):
            if toks[k + 1] not in self.region_tokens and not (between is None and toks[k + 1].startswith(self.region_stems)):
                continue
            # "Батыс Қазақстан облысы", "North Kazakhstan Region": the word before the side names the region.
            tok = toks[k - 1] if toks[k] in self.side_words and k > 0 else toks[k]
            if len(tok) >= 4 and tok not in self.lex.words["stopwords"] and tok not in self.side_words \
                    and tok not in self.capitals:
                asked.add(tok)
        if not asked:
            return False
        said = self.said(fact) | {tok for name in (fact.place or {}).values() for tok in tokens(name)}
        return not any(tok.startswith(place[:PLACE_STEM]) for place in asked for tok in said)

    def turnover_for_flow(self, query: Query, fact: Fact) -> bool:
        """"What were Kazakhstan's exports to Russia in 2008?" of the two countries' whole trade that
        year: exports or imports are one direction of it, which the turnover does not give."""
        return (fact.metric or "").startswith("trade_") \
            and bool(self.lex.words["flow_words"].intersection(query.tokens)) \
            and not self.lex.words["flow_words"] & self.said(fact)

    def flow_for_mutual(self, query: Query, fact: Fact) -> bool:
        """"На какую сумму наторговали Астана и Москва друг с другом в 2011 году?" of Kazakhstan's exports
        that year: trade both ways is the turnover, which one direction of it does not give."""
        return (fact.metric or "").startswith(("export_", "import_")) \
            and not self.lex.words["flow_words"].intersection(query.tokens) \
            and bool(find_phrases(query.tokens, self.lex.phrases["mutual_phrases"]))

    def flow_of_no_trade(self, query: Query, fact: Fact) -> bool:
        """"2023 жылы Ресейдің Қазақстанға экспорты нақты қанша доллар болды?" of the forum's 100 billion dollars of
        agreements: an amount of exports or imports asked of a fact that never speaks of trade."""
        if not {"how_much", "money"} & query.intents or not self.lex.words["flow_words"].intersection(query.tokens):
            return False
        return fact.kind != "trade" and not (self.lex.words["flow_words"] | self.lex.words["turnover_words"]) & self.said(fact)

    def other_flow(self, query: Query, fact: Fact) -> bool:
        """"And imports that year?" of Kazakhstan's exports in 2011: a figure of one direction of trade
        does not give the other."""
        if not fact.metric:
            return False
        flows, into = self.lex.words["flow_words"], self.lex.words["import_words"]
        asked, given = flows.intersection(query.tokens), flows & self.said(fact)
        if not asked or not given:
            return False
        return (asked <= into and not given & into) or (not asked & into and given <= into)

    def unmeasured(self, query: Query, fact: Fact) -> bool:
        """"What was the trade turnover in 2023?" of a fact that never speaks of turnover (the value
        of agreements signed at a forum): its figures measure something else."""
        measures = self.lex.words["measure_words"]
        # "Депутат говорит: … рос медленнее, чем весь товарооборот. Правда ли это? Какой был прирост экспорта?":
        # a measure named only in a sentence that tells (not asks) is the claim's context, not what is asked.
        asking = [s for s in message_sentences(query.text) if asks(s)]
        asked = measures.intersection(tokens(" ".join(asking)) if asking else query.tokens)
        if "how_much" not in query.intents or not asked:
            return False
        named = measures.union(*(self.lex.synonyms.get(word, ()) for word in asked))  # turnover: trade
        return not named & self.said(fact)

    def measures_other(self, query: Query, fact: Fact) -> bool:
        """"Total population of those three countries?" of the trade growth just talked of: a measure the
        question names (population, length, turnover) that the fact never speaks of, however inflected."""
        measures = self.lex.words["measure_words"]
        asked = measures.intersection(query.tokens)
        if "how_much" not in query.intents or not asked:
            return False
        kin = {m for m in measures for word in asked if m[:4] == word[:4]}  # "длину" is "длина", a synonym of "протяжённость"
        said = self.said(fact)
        return not any(tok[:5] == word[:5] for word in kin.union(*(self.lex.synonyms.get(w, ()) for w in kin))
                       for tok in said)

    def uncounted(self, query: Query, fact: Fact) -> bool:
        """"How many delegates attended the forum?" of a fact with no figure of its own that never
        mentions delegates: whatever numbers it holds count something else."""
        counted = query.counted
        if counted is None or "how_much" not in query.intents or "duration" in query.intents:
            return False  # "қанша мерзімге?" asks how long, which the duration check weighs
        if "money" in query.intents and self.gives_money(fact) and not self.is_document(counted):
            return False  # "сколько стоят соглашения?": a price asked ("стоят" counts nothing) of a fact that gives a sum
        if counted in self.lex.words["times_words"] and not fact.times and "compare" not in query.intents \
                and not self.lex.words["comparing_words"].intersection(query.tokens) \
                and not self.lex.words["times_words"] & self.said(fact):
            return True  # "сколько раз проводился форум?" of the 2023 forum: its figures count other things, not times
        documents = self.lex.words["document_words"]
        if self.is_document(counted) and "money" not in query.intents and self.gives_money(fact) \
                and not self.counts_documents(fact) and not self.units_in(query.text):
            return True  # "how many agreements were signed at the forum?" (not their sum) of agreements worth 100 billion dollars
        if counted in self.lex.words["money_nouns"] and self.gives_money(fact):
            return False  # "how much money was agreed?" of agreements worth 100 billion dollars: a sum is the money
        if counted in self.lex.words["commodity_words"] and not any(tok.startswith(counted[:4]) for tok in self.said(fact)):
            return True  # "how much coal did Kazakhstan export?" of all its exports in dollars: no coal is counted there
        if self.has_figure(fact) and (not self.measures(fact) or self.units_in(query.text)
                                      or not self.lex.words["count_words"].intersection(query.tokens)):
            return False  # a count or an amount of money answers "how many" of what it counts; a unit asked is weighed apart
        if any(counted == u or (len(u) >= 4 and counted.startswith(u)) for u in self.not_counted):
            return False  # "шақырымға" of the unit "шақырым"
        if counted in self.lex.words["number_words"]:
            return False  # "на сколько миллиардов?" asks an amount in billions, not a count of them
        said = self.said(fact)
        prefix = counted[:3] if len(counted) <= 4 else counted[:4]
        if any(tok.startswith(prefix) for tok in said):
            # named, or shortened ("docs" of documents): it counts them, unless its only numbers are
            # shares ("how many engines a year?" of a plant whose founders hold 60% and 40%)
            return not self.has_figure(fact) and shares_only(fact) and not self.units_in(query.text)
        countries = self.lex.words["country_words"]
        if counted in documents and self.counts_documents(fact):
            return False  # "how many papers were signed?" of "22 major documents"
        return not (counted in countries and countries & said)  # "member states" of "five countries"

    def side_asked(self, text: str) -> str | None:
        """The one side a question asks a person of ("who signed on the Russian side?", "Ресей жағынан кім …")."""
        raws = raw_tokens(text)
        nouns = [k for k, raw in enumerate(raws) if _SIDE_NOUN_RE.match(raw)]
        named = {side for k, raw in enumerate(raws) for side, pattern in _SIDE_ASKED_RES.items()
                 if pattern.match(raw) and any(0 < abs(k - p) <= SIDE_OF_NOUN for p in nouns)}
        return next(iter(named)) if len(named) == 1 else None

    def names_only_other_side(self, query: Query, fact: Fact) -> bool:
        """"Who signed the Baikonur lease on the Russian side?" of a fact that names Nazarbayev alone: the
        people it names are all the other side's, so whoever acted for the side asked goes unnamed."""
        side = self.side_asked(query.text) if any(self.people_sides.values()) else None
        if side is None:
            return False
        sides = {named for tok in self.people_of(fact) for named, stems in self.people_sides.items()
                 if any(tok.startswith(name) for name in stems)}
        if not sides:  # a fact that names nobody names no signer or head, though it may name a founding firm
            return any(_SIGNER_OR_HEAD_RE.match(raw) for raw in raw_tokens(query.text))
        return side not in sides

    def side_of_place(self, text: str) -> str | None:
        """The side a question asks a place of ("Ресейдің қай қаласында", "в каком городе России"): a side's
        name next to a place word, not one said elsewhere ("the Kazakh and Russian presidents")."""
        raws = [raw for raw in raw_tokens(text) if not _EXACTLY_RE.match(raw)]
        places = [k for k, raw in enumerate(raws) if stem(fold(raw)) in self.lex.words["place_words"]]
        named = {side for k, raw in enumerate(raws) for side, pattern in _SIDE_RES.items()
                 if pattern.match(raw) and any(abs(k - p) <= SIDE_OF_PLACE for p in places)}
        return next(iter(named)) if len(named) == 1 else None

    def place_sides(self, fact: Fact) -> frozenset[str]:
        """The side (or sides) a fact's place belongs to: "Astana" is Kazakhstan's."""
        place = frozenset(tokens((fact.place or {}).get("en", "")))
        return frozenset(side for side in ("russia", "kazakhstan") if place & self.lex.words[f"{side}_places"])

    def counts_asked(self, query: Query, fact: Fact) -> bool:
        """"Сол сапарда неше құжатқа қол қойылды?" of "among the 22 documents signed during the visit, …": a
        fact that counts the very thing asked answers it, whatever its title is about."""
        if query.counted is None or "how_much" not in query.intents:
            return False
        prefix = query.counted[:COUNTED_PREFIX]
        for lang in LANGS:
            toks = [fold(tok) for tok in raw_tokens(fact.text[lang])]
            if any(tok[0].isdigit() and not YEAR_RE.fullmatch(tok) and any(w.startswith(prefix) for w in toks[k + 1:k + 3])
                   for k, tok in enumerate(toks)):
                return True
        return False

    def counts_documents(self, fact: Fact) -> bool:
        """Whether a fact gives a number of documents ("22 major documents", "400-ден астам шарт")."""
        documents = self.lex.words["document_words"]
        return any(stem(fold(m.group(1))) in documents for lang in LANGS for m in _COUNTED_RE.finditer(fact.text[lang]))

    def claims(self, query: Query) -> bool:
        """Whether the question puts up a claim to be checked ("is it true that …", "рас па")."""
        return mentions(query.tokens, self.lex, "claim_phrases")

    def unknown_measure(self, query: Query) -> bool:
        """"… a total capacity of 1000 megawatts?": a figure in a unit no fact uses, which none can confirm."""
        toks = query.tokens
        lex = self.lex
        return any(tok[0].isdigit() and not YEAR_RE.fullmatch(tok) and nxt.isalpha() and len(nxt) >= 3
                   and nxt not in self.vocabulary and nxt not in lex.no_topic and nxt not in lex.asking_words
                   and nxt not in lex.words["number_words"] and not month_of(nxt)  # "17 желтоқсанында" is a date
                   for tok, nxt in zip(toks, toks[1:], strict=False))

    def unsaid_act(self, query: Query, fact: Fact) -> bool:
        """"When did parliament ratify the 1992 treaty?", "when was the lease extended?" of a fact that
        tells its signing: the step asked about is another event, which the fact does not report."""
        acts = (self.lex.words["act_words"] | self.lex.words["extension_words"]).intersection(query.tokens)
        if not acts:
            return False
        said = self.said(fact)
        return any(not any(tok.startswith(act[:5]) for tok in said) for act in acts)

    def unsaid_part_of_year(self, query: Query, fact: Fact) -> bool:
        """"Trade turnover in 2011 by quarter?" of a fact giving the year's figure: the sources give
        yearly figures, and a fact that speaks of no quarter or month holds no such breakdown. (A fact with no
        figure has nothing to break down: "Medvedev's 2008 visits, by month" asks when each one was.)"""
        return fact.id not in self.by_part_of_year and self.has_figure(fact) \
            and mentions(query.tokens, self.lex, "part_year_words")

    @staticmethod
    def measures(fact: Fact) -> bool:
        """Whether a fact's figures are all measures (kilometres, tonnes, percent), not counts or money:
        "how many checkpoints are on the border?" is not answered by its length."""
        units = {fact.unit} if fact.value is not None else set()
        units |= {c.unit for c in fact.claims if c.value is not None}
        return bool(units) and units <= MEASURE_UNITS

    def asks_level(self, query: Query) -> bool:
        """"How much were exports in 2011?": an amount, with no word of change ("grow") or percent."""
        return ("how_much" in query.intents and "compare" not in query.intents
                and not self.lex.words["percent_units"].intersection(query.tokens))

    def change_for_level(self, query: Query, fact: Fact) -> bool:
        """"What was trade in 2009?" of a fact that gives only its growth: the amount is not said."""
        return self.asks_level(query) and (fact.metric or "").endswith("_growth")

    def event_asked(self, query: Query) -> frozenset[str]:
        """The words a fact must say to date the event a "when" question names, or none: "when was
        the SCO founded?" of how it began, "when did the peacekeepers leave?" of their leaving. (Not
        "when did they join?": one joins a mission by taking part, and "іске қосылды" is a launch.)"""
        if "when" not in query.intents:
            return frozenset()
        # "В каком году после установления дипотношений подписали договор …?": the event a date is counted
        # from is not the one asked.
        named = Counter(query.tokens) - Counter(_counted_from(query.text))
        if self.lex.words["in_force"].intersection(+named) or find_phrases(query.tokens, self.lex.phrases["in_force"]):
            # "When did the 1992 treaty enter into force?": its coming into force, not its signing, is dated.
            return self.in_force_said
        for asked, told in EVENT_WORDS:
            if asked == "beginning_words" and _BEGAN_DOING_RE.search(query.text):
                continue  # "when did Moscow start renting the base?": the renting is dated, its start with it
            if self.lex.words[asked].intersection(+named):
                return frozenset().union(*(self.lex.words[name] for name in told))
        return frozenset()

    def is_document(self, tok: str) -> bool:
        """Whether a token names a kind of document, as listed or by a long stem's inflection ("келісімдерге")."""
        documents = self.lex.words["document_words"]
        return tok in documents or any(tok.startswith(d) for d in documents if len(d) >= DOCUMENT_STEM)

    def lacks_documents(self, query: Query, fact: Fact) -> bool:
        """"What documents did Tokayev sign in Moscow?" of a visit that names no document."""
        documents = self.lex.words["document_words"]
        # As typed ("CSTO" expands to "…Treaty Organization"), and by stem: "келісімдерге" keeps its plural.
        asked = [tok for tok in tokens(query.text) if self.is_document(tok)]
        if asked and self.written_in(query.text):
            return False  # "как империя называла казахов в своих документах?": where it was written, no papers asked
        which = "list" in query.intents or bool(self.lex.words["which_words"].intersection(query.tokens))
        # "Сол кезде қай мұнай құбыры …?" after a turn about a statement: "which" asks of a thing the fact
        # names, and the document word is only carried over.
        toks = query.tokens
        heads = [toks[k + 1] for k in range(len(toks) - 1)
                 if toks[k] in self.lex.words["which_words"] and toks[k + 1] in query.words]
        if heads and not any(self.is_document(h) for h in heads) and set(heads) <= self.said(fact):
            return False
        # "What statement did Putin make?": something said, not a paper signed.
        made = self.lex.words["speech_verbs"].intersection(query.tokens) and set(asked) <= self.lex.words["statement_words"]
        return bool(asked) and which and not made and fact.kind != "treaty" and not documents & self.said(fact)

    def written_in(self, text: str) -> bool:
        """Whether every document word of a question names where something was written: after "в"/"in" (one
        word such as "своих"/"its" may stand between) or with a Kazakh locative ending ("құжаттарында")."""
        raws = [fold(raw) for raw in raw_tokens(text)]
        at = [k for k, raw in enumerate(raws) if self.is_document(raw)]
        return bool(at) and all(said_as_place(raws, k, self.lex.words["locative_words"], reach=2) for k in at)

    def said(self, fact: Fact) -> frozenset[str]:
        """Every word a fact uses (text, title, unit, claims; percent when it gives one), cached."""
        said = self.fact_tokens.get(fact.id)
        if said is None:
            texts = [t for lang in LANGS for t in (fact.text[lang], fact.title[lang], fact.unit or "",
                                                     *(c.note[lang] for c in fact.claims))]
            percent = "%" in " ".join(texts) or fact.unit == "percent" or any(c.unit == "percent" for c in fact.claims)
            said = self.fact_tokens[fact.id] = frozenset(
                {tok for text in texts for tok in tokens(text)} | (self.lex.words["percent_units"] if percent else set()))
        return said

    @staticmethod
    def dated_to_day(fact: Fact) -> bool:
        """Whether a fact gives the day: where its sources disagree, every claim must give one (a claim
        of "early 2000" beside a day of 2009 leaves the day of the event asked unknown)."""
        dated = [c.date for c in fact.claims if c.date]
        if dated:
            return all(d.day for d in dated)
        when = fact.when
        return bool(when and when.day) or any(month_of(stem(fold(m.group(1)))) for m in _DAY_TOLD_RE.finditer(fact.text["en"]))

    @staticmethod
    def dated_to_month(fact: Fact) -> bool:
        """Whether a fact gives the month: every claim must, where its sources disagree."""
        dated = [c.date for c in fact.claims if c.date]
        if dated:
            return all(d.month for d in dated)
        when = fact.when
        return bool(when and when.month) or any(month_of(stem(fold(word))) for word in fact.text["en"].split())

    @staticmethod
    def gives_money(fact: Fact) -> bool:
        """Whether a fact states a sum of money (a currency, or a currency word in its text)."""
        if fact.currency or any(getattr(c, "currency", None) for c in fact.claims):
            return True
        if (fact.metric or "").startswith(_SUM_METRICS) and fact.value is not None:
            return True  # "4.1 billion, the currency not given": a turnover is a sum all the same
        return bool(_MONEY_RE.search(fact.text["en"]))

    def names_both_sides(self, text: str) -> bool:
        """"Who recognised whom first, Kazakhstan or Russia?": the answer to "who" is a country. So it is
        when an asker from Kazakhstan says "us" for it, beside "or" ("кто первый признал, Россия нас или мы
        их?", "Ресей бізді ме, әлде біз Ресейді ме?")."""
        forms = {w.lower().strip("?!.,;:") for w in text.split()}
        named = {w for w in forms if w in self.lex.swap}
        if any(tokens(self.lex.swap[a])[:1] == tokens(b)[:1] for a in named for b in named if a != b):
            return True
        return bool(forms & _WE and forms & _OR and any(tokens(self.lex.swap[a])[:1] in _KAZAKHSTAN for a in named))

    def in_city(self, fact: Fact) -> bool:
        """Whether a fact took place in a city ("Astana" as its place, not a mention of it in passing)."""
        return fact.place is not None and any(self.cities.intersection(tokens(name)) for name in fact.place.values())

    def names_place(self, fact: Fact) -> bool:
        if fact.place:
            return True
        return any(tok in self.place_words for lang in LANGS for tok in tokens(fact.text[lang]))

    def people_of(self, fact: Fact) -> set[str]:
        """The tokens of the people a fact names: its listed people, and any person's name its words use."""
        people = {tok for lang in LANGS for person in (fact.people or {}).get(lang, ()) for tok in tokens(person)}
        people.update(tok for tok in self.said(fact) if tok in self.person_names)
        return people

    def names_someone_else(self, query: Query, fact: Fact) -> bool:
        """"When did Putin visit Kazakhstan in 2008?" of Medvedev's visits: the fact names someone of the side a person
        the question names acted for, and not that person (a fact naming only the other side's leader, Tokayev at the
        forum Putin came to, may leave the guest unnamed)."""
        asked = self.person_names.intersection(query.tokens)
        people = self.people_of(fact) if asked else set()
        unnamed, others = asked - people, people - asked
        if not people or not unnamed:
            return False
        # (each person asked: "Nazarbayev and Putin" of Tokayev's meetings with Putin names Putin, not Nazarbayev)
        return any(stems and any(tok.startswith(stems) for tok in unnamed) and any(tok.startswith(stems) for tok in others)
                   for stems in self.people_sides.values())

    def names_other(self, query: Query, fact: Fact) -> bool:
        """Whether a fact gives the name of someone the question does not name itself, not only an
        office ("the prime ministers signed"; "Nazarbayev met the head of government")."""
        asked = set(query.tokens)
        others = self.people_of(fact) - asked - self.lex.words["person_words"]
        offices = self.offices_asked(query)
        if not others or not offices:
            return bool(others)
        # "… the head of government Nazarbayev met in June 2000" of a fact that names the head of
        # government and, further on, Russia's first president: the name must stand by the office.
        for lang in LANGS:
            toks = tokens(fact.text[lang])
            at = [k for k, tok in enumerate(toks) if tok.startswith(offices)]
            if any(tok in others for k in at for tok in toks[max(0, k - OFFICE_REACH):k + OFFICE_REACH + 1]):
                return True
        return False

    def asks_name(self, query: Query) -> bool:
        """"Как звали премьер-министра?", "the name of the head of government": a person's name."""
        lex = self.lex
        named = lex.words["name_words"].intersection(query.tokens) or find_phrases(query.tokens, lex.phrases["name_words"])
        if named:
            return bool(self.offices_asked(query)) and not find_phrases(query.tokens, lex.phrases["thing_names"])
        # "Who was Russia's prime minister at the Omsk meeting?": who held an office a person holds is a name.
        return bool(find_phrases(query.tokens, lex.phrases["holder_phrases"])) \
            and bool(lex.words["role_words"].intersection(query.tokens))

    def offices_asked(self, query: Query) -> tuple[str, ...]:
        """The offices a question names, as stems any form of them starts with ("toraga" of "Төрағасының")."""
        return tuple(sorted({tok[:OFFICE_STEM] for tok in query.tokens if tok[:OFFICE_STEM] in self.office_stems}))

    def names_person(self, fact: Fact) -> bool:
        if fact.people:
            return True
        return any(tok in self.person_words for lang in LANGS for tok in tokens(fact.text[lang]))

    def enumerates(self, query: Query) -> bool:
        """Whether a question asks outright for a list ("перечислите", "list", "тізіп")."""
        return asks_for_list(query.tokens, self.lex)

    def asks_region(self, text: str) -> bool:
        """Whether a question asks a region: it names one, and no other kind of place unless right after a
        which-word ("in what region of our republic?"); "In which city … for the cross-border regions forum?"
        asks the city, its regions being the forum's name."""
        said = tuple(tokens(text))
        regions = self.lex.words["region_words"]
        if not regions.intersection(said):
            return False
        which = self.lex.words["which_words"]
        return not (self.lex.words["place_words"] - regions).intersection(said) \
            or any(a in which and b in regions for a, b in zip(said, said[1:], strict=False))

    def counts_by_naming(self, query: Query, fact: Fact) -> bool:
        """"How many countries were in the Customs Union in 2010?" of a fact of that year naming Belarus besides
        the two sides: the countries it names then are the count, though it gives no number. (Without the year,
        "how many countries did it have in the end?" is the count a later fact gives.)"""
        if not set(query.years) & fact.years or not self.lex.words["country_words"].intersection(query.tokens) \
                or not self.lex.words["count_words"].intersection(query.tokens):
            return False
        return any(len(party) >= PARTY_STEM for party in self.lex.words["other_parties"] & self.said(fact))

    def asks_called(self, query: Query) -> bool:
        """Whether a question asks what an event or a body was called ("как назывался фестиваль")."""
        return mentions(query.tokens, self.lex, "called_words") and not self.asks_name(query)

    def gives_a_name(self, fact: Fact) -> bool:
        """Whether a fact's English text calls something by a name of its own: a capitalised word past a sentence's
        first that is no side, month, person, place or stand-in for a side ("the Kostanay Diesel Plant", "the
        Interregional Cooperation Forum"; not "a music festival … singers, including Grigory Leps")."""
        if fact.kind == "treaty":
            return True  # a document's name is what it is about ("an agreement on the metallurgical complex")
        plain = self.side_words | self.people_of(fact) | self.stand_ins
        for sentence in message_sentences(fact.text["en"]):
            found = _CAPITALISED_RE.findall(sentence)
            for raw in found[1 if sentence.lstrip()[:1].isupper() else 0:]:  # (a sentence's first word is capitalised anyway)
                if (raw.isupper() and len(raw) > 1) or (not month_of(fold(raw)) and not set(tokens(raw)) <= plain):
                    return True  # (an abbreviation, "CSTO", is a body's name)
        return False

    def missing(self, query: Query, fact: Fact) -> str | None:
        """The asked-for detail the fact does not hold (a catalogue key), or None."""
        texts = " ".join(fact.text[lang] for lang in LANGS) + " " + " ".join(
            c.note[lang] for c in fact.claims for lang in LANGS)
        if self.asks_called(query) and not self.gives_a_name(fact):
            return "name"  # "what was the name of the music festival Kazakhstan cancelled?": it is unnamed
        if self.names_someone_else(query, fact):
            return "person"
        if "day" in query.intents and ("when" in query.intents or not query.words) and not self.dated_to_day(fact):
            return "day"
        if "month" in query.intents and not self.dated_to_month(fact):
            return "month"  # "in which month of 2000 was the demarcation finished?" of a fact dated to its year
        if "money" in query.intents and not self.gives_money(fact):
            return "money"
        asked_in = asked_currency(query.tokens)
        if asked_in and query.intents & {"money", "how_much"} and self.gives_money(fact) \
                and asked_in not in {fact.currency, *(getattr(c, "currency", None) for c in fact.claims)} \
                and asked_in not in currencies_in(self.said(fact)):
            return "currency"  # "how much in tenge?" of a sum the sources give in dollars
        if asked_in and "how_much" in query.intents and not self.gives_money(fact) \
                and asked_in not in currencies_in(self.said(fact)):
            return "money"  # "how many dollars …?" of a head count
        if "until" in query.intents and fact.end is None and not _UNTIL_RE.search(texts) and not _FINISHED_RE.search(texts):
            return "until"
        if "duration" in query.intents and not (fact.start and fact.end) and not _DURATION_RE.search(texts) \
                and not _UNTIL_RE.search(texts) \
                and not self.lex.words["length_units"] & self.said(fact):  # "how long is the border?" asks a length
            return "duration"
        if "how_much" in query.intents and "when" not in query.intents and not self.has_number(fact) \
                and not self.ranks_size(query, fact) and not self.counts_by_naming(query, fact):
            return "number"
        if "how_much" in query.intents and self.lacks_unit(query, fact):
            return "number"
        if "how_much" in query.intents and self.union_figure(query, fact):
            return "number"
        if self.change_for_level(query, fact) or self.turnover_for_flow(query, fact) or self.other_flow(query, fact) \
                or self.flow_of_no_trade(query, fact) or self.flow_for_mutual(query, fact):
            return "number"
        if self.uncounted(query, fact) or self.unmeasured(query, fact) or self.elsewhere(query, fact):
            return "number"
        if _ARTICLE_ASKED_RE.search(query.text) and not any(_ARTICLE_SAID_RE.search(text) for text in fact.text.values()):
            return "number"  # "какой статьёй договора …?" of a treaty whose articles the fact does not number
        if self.unsaid_act(query, fact):
            return "act"
        if "planned" in fact.tags and self.lex.words["outcome_words"].intersection(query.tokens):
            return "outcome"  # "what was decided at the 2024 SCO summit?" of a report that the meeting was set
        if self.unsaid_part_of_year(query, fact):
            return "part_year"
        if self.claims(query):
            if query.days and not self.dated_to_day(fact):
                return "day"  # "is it true it was signed on 11 November 2013?" of a fact dated to its year
            if self.unknown_measure(query):
                return "number"
        if "countries" in query.intents and "list" in query.intents and not self.lex.words["other_parties"] & self.said(fact):
            return "countries"  # "which countries are in the EAEU?" of a fact naming none but the two sides
        if self.lacks_documents(query, fact):
            return "documents"
        if "where" in query.intents and not self.names_place(fact):
            return "where"
        regions = self.lex.words["region_words"]
        if "where" in query.intents and self.asks_region(query.text) \
                and not regions & self.said(fact) and fact.id not in self.in_region:
            return "where"  # "in which region?" of a fact that names a place but no region
        if "where" in query.intents and (fact.place or fact.kind == "treaty") \
                and self.lex.words["place_words"].intersection(tokens(query.text)) and not self.named_places & self.said(fact) \
                and not self.in_city(fact) and fact.id not in self.city_named:
            # "In which city?" of a fact that took place in a country as far as it says, or of a treaty
            # that names no city ("in which city was the 2013 treaty signed?").
            return "where"
        if "where" in query.intents and fact.kind == "treaty" and not fact.place and not self.in_city(fact) \
                and fact.id not in self.city_named and not self.named_places & self.said(fact) \
                and self.lex.words["signing_words"].intersection(tokens(query.text)) \
                and ("when" not in query.intents or _WHERE_ASKED_RE.search(query.text) is not None):
            # "А где его подписали?" of a treaty that names no place: the countries it is between are no place it was
            # signed in ("the paper where both promised …" asks when, not where).
            return "where"
        if "where" in query.intents and fact.kind == "visit" and self.lex.words["place_words"].intersection(tokens(query.text)):
            # "In which city of Russia did they meet in October 2023?" of a meeting "in Russia" (no city), or of one in Astana.
            side = self.side_of_place(query.text)
            if side is not None and ((not fact.place and not self.named_places & self.said(fact))
                                     or (fact.place and side not in self.place_sides(fact))):
                return "where"
        roles = self.lex.words["role_words"].intersection(query.tokens)
        asks_holder = "who" in query.intents or not query.intents - {"list"}
        if roles and asks_holder and not any(tok.startswith(role[:5]) for role in roles for tok in self.said(fact)):
            # "who was Russia's ambassador then?" of a fact that names a president; not "since when have
            # relations been at embassy level ("елшілік")?", which asks a date of the office's stem.
            return "who"
        if "who" in query.intents and not self.names_person(fact) and not self.names_both_sides(query.text):
            return "who"
        if self.asks_name(query) and not self.names_other(query, fact):
            return "who"  # "what was the prime minister's name?" of a fact that names only the office
        if ("who" in query.intents or self.asks_name(query)) and self.names_only_other_side(query, fact):
            return "who"
        if "when" in query.intents and fact.when is None and not YEAR_RE.search(texts):
            return "date"
        needed = self.event_asked(query)
        if needed and not needed & self.said(fact):
            return "date"  # "when was the SCO founded?" of a fact about an SCO summit
        return None
