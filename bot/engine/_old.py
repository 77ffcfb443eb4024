"""The answer engine: a question in any of our languages and scripts → a short cited answer.

Ranking is lexical: every fact's titles, aliases, names and texts in all three languages are
folded and stemmed once at load into an inverted index; a query's words are matched exactly,
by prefix (case endings the stemmer missed) or fuzzily with rapidfuzz's plain ratio (typos),
and weighed by how rare they are. WRatio and partial scorers were measured and rejected: they
score a short query word highly against any long text containing it. A question whose
distinctive words the best fact does not cover is declined rather than guessed.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from rapidfuzz import fuzz, process

from bot.dates import MONTHS, RU_GENITIVE, format_date, format_period
from bot.i18n import t
from bot.model import LANGS, Citation, Fact, Source
from bot.store import FactStore
from bot.text import detect_language, fold, fold_word, raw_tokens, stem, tokens, word_tokens

Status = Literal["fact", "decline"]

FIELD_WEIGHTS = {"title": 3.0, "alias": 3.0, "name": 2.0, "tag": 1.5, "text": 1.0}
YEAR_RE = re.compile(r"(?<![\d.,])(1[5-9]\d\d|20\d\d)(?![\d])")
# "1990-х", "1990s", "1990-е", "1990 жылдары": a decade stands for its ten years.
DECADE_RE = re.compile(
    r"(?<![\d.,])(1[5-9]\d0|20\d0)"
    r"(?:'?s\b|\s*-\s*(?:х|е|ых|ые|ші|шы|шы жылдар|ші жылдар)|\s*-?\s*(?:жылдар|jyldar|zhyldar))",
    re.IGNORECASE)
MIN_COVERAGE = 0.55
VERB_WEIGHT = 1.5
ORDER_WEIGHT = 0.5
ORDER_CHECKED = 10
RERANKED = 25
PARTY_COVERAGE = 0.75
RELATED_RATIO = 0.9
LIST_RATIO = 0.5
FULL_MATCH = 0.99
MAX_RELATED = 4

# Function words and question words of the three languages, in stemmed form: they carry no
# topic, so they neither match facts nor count against a fact's coverage.
_STOP_SOURCE = """
the a an of and or in on at to for from by with about is are was were be been did do does
what when where who whom whose which why how much many there their its it this that these
those has have had will would can could please tell me you your our us between than as
any some all also into over after before during since until made make happen happened
say said says tell told terms term kind sort way ways get got give gave take took name named
call called know known mention mentioned take place took there here one two
role play plays played роль играет играл рөл рөлі атқарады his her he she they them
focus focused other others besides addition apart кроме помимо другие других басқа баска baska
іске иске iske деп dep will shall будет будут болады boladı
и в во на с со по к ко о об от до за из у при для между как какой какая какие какое каким
каких какую когда где кто что чем чей чья почему зачем сколько ли же бы был была были было
это этот эта эти есть ещё еще году год года г лет которые который которая также всего
там их его её ее мне вы вам нам нас они он она оно
мен пен бен және мен да де та те ма ме ба бе па пе ба қай қандай қанша қашан қайда кім
кімдер не неге неше қалай жылы жылдың жылғы жылдары ж жж ол бұл осы сол оның олар
болды болған болып еді екен туралы бойынша арасында арасындағы арасындагы екі ел елдер
елдің елі қай кай кандай канша кашан кайда ким кимдер
qai qandai qanşa qaşan qaida kim ne nege qalai jyly jyldyñ men jäne turaly boiynşa
arasynda arasyndağy eki el bolğan boldy kai kandai kansha kashan kaida zhyly zhane
"""
STOPWORDS = frozenset(stem(part) for word in _STOP_SOURCE.split() for part in fold(word).split())

_INTENTS: dict[str, tuple[str, ...]] = {
    "when": ("when", "date", "year", "когда", "дата", "числа", "какого", "қашан", "кашан", "qaşan",
             "qashan", "kashan"),
    "where": ("where", "где", "куда", "откуда", "қайда", "кайда", "qaida", "kaida", "city", "город",
              "қала", "кала"),
    "who": ("who", "whom", "кто", "кого", "кім", "ким", "kim", "кімдер", "кимдер"),
    "how_much": ("much", "many", "сколько", "объем", "объём", "размер", "қанша", "канша", "qanşa",
                 "qansha", "kansha", "volume", "amount", "неше", "көлемі"),
    "why": ("why", "почему", "зачем", "неге", "nege", "reason", "причина", "себебі"),
}
# "қай күні" (which day) asks when; "Ресей күні" (Russia Day) names a holiday.
DAY_WORDS = frozenset(stem(fold(w)) for w in ("күні", "күн", "куни", "kuni", "kün", "künı", "kun"))
WHICH_WORDS = frozenset(stem(fold(w)) for w in ("қай", "қандай", "кай", "qai", "kai", "which", "what", "какой", "какого"))
INTENT_WORDS = {stem(p): name for name, words in _INTENTS.items() for w in words for p in fold(w).split()}

# Words that make a question one of opinion, prediction or live data: no source answers those.
_OUT_OF_SCOPE = """should ought opinion think better worse predict forecast future weather
tomorrow tonight today news стоит стоило нужно надо следует лучше хуже мнение думаете
прогноз погода завтра сегодня новости керек қажет пікір ойыңыз болжам ауа райы
ертең бүгін жаңалық kerek qajet bügın erteñ auarai bugin erten"""
OUT_OF_SCOPE = frozenset(stem(p) for w in _OUT_OF_SCOPE.split() for p in fold(w).split())
# "Next year" asks about the future; "the next meeting" may be in the sources.
NEXT_WORDS = frozenset(stem(fold(w)) for w in "next следующем следующий следующего келесі kelesı kelesi".split())
PERIOD_WORDS = frozenset(stem(fold(w)) for w in "year году год жылы жыл jyly zhyly week неделе month месяце".split())
# A rate is live data only when it is the price of a currency ("курс доллара", not "курс на интеграцию").
RATE_WORDS = frozenset(stem(fold(w)) for w in "rate rates курс курса бағам бағамы bağamy bagamy".split())
CURRENCY_WORDS = frozenset(stem(fold(w)) for w in """dollar dollars доллар доллара долларов тенге теңге
tenge teñge рубль рубля рублей рублю rouble roubles ruble rubles рубль рублінің евро euro юань yuan usd kzt""".split())

# English irregular forms, cross-word-class pairs and cross-language words the stemmer cannot join.
_SYNONYMS = (
    ("long", "length"), ("sell", "sold", "sale"), ("buy", "bought", "purchase"), ("meet", "met", "meeting"),
    ("grow", "grew", "growth", "increase", "rise", "рост", "растет", "растёт", "растут", "вырос", "выросла",
     "выросли", "увеличился", "увеличилась", "өсім", "өсті", "өсуі", "артты", "ulgaiu"),
    ("percent", "процент", "процентов", "пайыз", "paiyz"),
    ("celebrate", "celebrated", "celebrates", "отмечают", "отмечается", "празднуют", "празднуется",
     "атап", "аталып", "atap"),
    ("investment", "invest", "invested", "инвестиции", "инвестировать", "инвестировала", "инвестировали",
     "инвестировал", "вложения", "вложила", "вложили", "инвестиция", "инвестициялар"),
    ("km", "kilometre", "kilometres", "kilometer", "kilometers", "километр", "километров", "шақырым", "shaqyrym"),
    ("sign", "signed", "signing"), ("treaty", "treaties"), ("country", "countries"), ("ban", "banned", "prohibit"),
    ("protiazhenn", "dlina"), ("uzyndyk", "uzyndygy", "uzyn"),
)
SYNONYMS: dict[str, tuple[str, ...]] = {}
for _group in _SYNONYMS:
    _stems = tuple(stem(fold(w)) for w in _group)
    for _s in _stems:
        SYNONYMS[_s] = tuple(o for o in _stems if o != _s)

# Endings of verb forms (folded): an unknown verb ("упомянул", "орнады", "caused") says little
# about the topic, unlike an unknown noun ("China", "погода"), so it weighs less.
_VERB_ENDINGS = ("al", "ala", "ali", "il", "ila", "ili", "ul", "ula", "uli", "el", "ela", "eli", "yl",
                 "yla", "yli", "lsia", "las", "lis", "tsia", "dy", "di", "ty", "ti", "gan", "gen",
                 "kan", "ken", "ady", "edi", "ed", "ing")

# Countries and bodies other than the two the sources are about: a question naming one is
# answered only by a fact that names it too ("Kazakhstan and China" is not "Kazakhstan and Russia").
_OTHER_PARTIES = """china китай қытай qytai kitai uzbekistan узбекистан өзбекстан ozbekstan özbekstan
kyrgyzstan kirgizia киргизия кыргызстан қырғызстан qyrgyzstan tajikistan таджикистан тәжікстан tazhikstan
turkmenistan туркменистан түрікменстан turkey turkiye турция түркия turkia america american usa сша америка
amerika aqsh ukraine украина украина украина ukraina germany германия
германия germania france франция франция fransia britain британия великобритания ұлыбритания japan япония
жапония zhaponia india индия үндістан undistan iran иран азербайджан azerbaijan әзірбайжан armenia армения
армения georgia грузия грузия mongolia монголия моңғолия mongolia poland польша польша italy италия италия
canada канада korea корея корея afghanistan афганистан ауғанстан pakistan пакистан israel израиль израиль
nato нато oon оон бұұ""".split()
OTHER_PARTIES = frozenset(stem(fold(w)) for w in _OTHER_PARTIES if len(w) > 3) | {"oon", "buu", "nato", "sha"}
_PARTY_BY_PREFIX = tuple((p[:-1], p) for p in sorted(OTHER_PARTIES) if len(p) >= 5)
_PARTY_PREFIXES = tuple(prefix for prefix, _ in _PARTY_BY_PREFIX)
# Short names that are ordinary words in lower case ("un", "us") count only when typed as acronyms.
ACRONYM_PARTIES = frozenset({"UN", "US", "USA", "EU", "ЕС", "ЕО", "АҚШ", "AQSh", "AQŞ", "США", "ООН", "БҰҰ", "NATO", "НАТО"})


def parties(words: Iterable[str]) -> frozenset[str]:
    """The other countries and bodies named among stemmed words (long names also by prefix)."""
    found = set()
    for word in words:
        if word in OTHER_PARTIES:
            found.add(word)
        elif word.startswith(_PARTY_PREFIXES):
            found.update(party for prefix, party in _PARTY_BY_PREFIX if word.startswith(prefix))
    return frozenset(found)

MONTH_WORDS: dict[str, int] = {}
for _names in (MONTHS["kk"], MONTHS["ru"], MONTHS["en"], RU_GENITIVE):
    for _i, _name in enumerate(_names, 1):
        MONTH_WORDS[stem(fold(_name))] = _i


@dataclass(frozen=True, slots=True)
class Reference:
    """A numbered entry of an answer's source list: one source and the lines cited from it."""

    n: int
    source: Source
    lines: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """One statement of an answer and the reference numbers that back it."""

    text: str
    refs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    """What the engine says: body segments with numbered references, or a decline with suggestions."""

    query: str
    lang: str
    status: Status
    segments: tuple[Segment, ...]
    references: tuple[Reference, ...]
    facts: tuple[Fact, ...]
    suggestions: tuple[Fact, ...] = ()
    heading: str = ""
    when: str = ""
    related: tuple[Segment, ...] = ()

    @property
    def answered(self) -> bool:
        return self.status != "decline"


@dataclass(frozen=True, slots=True)
class Hit:
    fact: Fact
    score: float
    coverage: float


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


def parse_query(text: str) -> Query:
    decades = [int(d) for d in DECADE_RE.findall(text)]
    named_years = tuple(dict.fromkeys(int(y) for y in YEAR_RE.findall(DECADE_RE.sub(" ", text))))
    years = tuple(dict.fromkeys([*(y for d in decades for y in range(d, d + 10)), *named_years]))
    words: list[str] = []
    months: list[int] = []
    intents: set[str] = set()
    oos = False
    verbs: set[str] = set()
    acronyms: set[str] = set()
    named: set[str] = set()
    for raw in raw_tokens(text):
        if not raw[0].isdigit():
            folded = fold_word(raw)
            if len(folded) >= 5 and folded.endswith(_VERB_ENDINGS):
                verbs.add(stem(folded))
            if 2 <= len(raw) <= 5 and raw.isupper():
                acronyms.update(word_tokens(raw))
            if raw in ACRONYM_PARTIES:
                named.update(word_tokens(raw))
    toks = tokens(text)
    if RATE_WORDS.intersection(toks) and CURRENCY_WORDS.intersection(toks):
        oos = True
    if any(a in NEXT_WORDS and b in PERIOD_WORDS for a, b in zip(toks, toks[1:], strict=False)):
        oos = True
    for k, tok in enumerate(toks):
        if tok in DAY_WORDS:
            if k and toks[k - 1] in WHICH_WORDS:
                intents.add("when")
                continue
        if tok in INTENT_WORDS:
            intents.add(INTENT_WORDS[tok])
        if tok in OUT_OF_SCOPE:
            oos = True
        if tok in MONTH_WORDS:
            months.append(MONTH_WORDS[tok])
        if tok[0].isdigit():
            if YEAR_RE.fullmatch(tok):
                continue
            words.append(tok)
        elif tok not in STOPWORDS and tok not in INTENT_WORDS and len(tok) > 1:
            words.append(tok)
    unique = tuple(dict.fromkeys(words))
    return Query(text, detect_language(text), unique, frozenset(verbs), years, named_years,
                 tuple(months), frozenset(intents), oos, parties(unique) | named, frozenset(acronyms))


class FactIndex:
    """The inverted index over every fact's words in every language, built once at load.

    Postings are numpy arrays and a query is scored over dense per-fact vectors, so the cost of
    a question grows with the postings it touches, not with Python loops over facts."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.facts: tuple[Fact, ...] = tuple(facts)
        n = len(self.facts)
        postings: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for i, fact in enumerate(self.facts):
            bag: dict[str, float] = {}
            for field, text in _fields(fact):
                w = FIELD_WEIGHTS[field]
                for tok in tokens(text):
                    if YEAR_RE.fullmatch(tok):
                        continue
                    if tok not in STOPWORDS and bag.get(tok, 0.0) < w:
                        bag[tok] = w
            for tok, w in bag.items():
                ids, ws = postings[tok]
                ids.append(i)
                ws.append(w)
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {
            tok: (np.asarray(ids, dtype=np.int32), np.asarray(ws, dtype=np.float64))
            for tok, (ids, ws) in postings.items()
        }
        size = max(n, 1)
        self.idf = {tok: math.log(1.0 + size / len(p[0])) for tok, p in self.postings.items()}
        self.max_idf = math.log(1.0 + size)
        self.vocab: tuple[str, ...] = tuple(sorted(self.postings))
        by_year: dict[int, list[int]] = defaultdict(list)
        for i, fact in enumerate(self.facts):
            for year in fact.years:
                by_year[year].append(i)
        self.by_year = {y: np.asarray(ix, dtype=np.int32) for y, ix in by_year.items()}
        self.dated = np.fromiter((bool(f.years) for f in self.facts), dtype=bool, count=n)
        self.month = np.fromiter((f.when.month or 0 if f.when else 0 for f in self.facts), dtype=np.int8, count=n)
        self.has_value = np.fromiter((f.value is not None or any(c.value for c in f.claims) for f in self.facts),
                                     dtype=bool, count=n)
        self.has_when = np.fromiter((f.when is not None for f in self.facts), dtype=bool, count=n)
        self.has_place = np.fromiter((bool(f.place) for f in self.facts), dtype=bool, count=n)
        self.has_people = np.fromiter((bool(f.people) for f in self.facts), dtype=bool, count=n)
        self.titles: tuple[tuple[frozenset[str], ...], ...] = tuple(
            tuple(frozenset(tok for tok in tokens(f.title[lang]) if tok in self.idf) for lang in LANGS)
            for f in self.facts
        )
        self.title_totals = tuple(tuple(sum(self.idf[tok] for tok in title) for title in titles)
                                  for titles in self.titles)
        self._vocab_set = frozenset(self.vocab)
        initials: dict[str, list[str]] = defaultdict(list)
        for tok in self.vocab:
            initials[tok[0]].append(tok)
        # Typos keep the first letter (the skeleton already joins scripts and keyboards), so a
        # fuzzy look-up only scans the words that start like the query word.
        self.by_initial = {c: tuple(words) for c, words in initials.items()}
        self.expand = lru_cache(maxsize=20000)(self._expand)
        self.phrases = lru_cache(maxsize=4096)(self._phrases)

    def _phrases(self, i: int) -> tuple[dict[str, int], ...]:
        """A fact's titles and aliases, each as its words' first positions: word order there says
        who did what to whom."""
        fact = self.facts[i]
        texts = [fact.title[lang] for lang in LANGS] + [a for lang in LANGS for a in fact.aliases.get(lang, ())]
        out: list[dict[str, int]] = []
        for text in texts:
            first: dict[str, int] = {}
            for k, tok in enumerate(tokens(text)):
                first.setdefault(tok, k)
            if len(first) >= 2:
                out.append(first)
        return tuple(out)

    def order_agreement(self, i: int, word_sets: list[frozenset[str]], matched: frozenset[str]) -> float:
        """How well the query's word order agrees with the title or alias sharing most of its words,
        in [0, 1]; 0.5 when none holds two of them ("Russia recognised Kazakhstan" vs the reverse).
        `word_sets` holds, per query word in order, the index words it stands for; `matched` their union."""
        best = (1, 0.5)
        for first in self.phrases(i):
            if len(matched.intersection(first)) < 2:
                continue
            positions: list[int] = []
            for cands in word_sets:
                found = [first[c] for c in cands if c in first]
                if found:
                    pos = min(found)
                    if pos not in positions:
                        positions.append(pos)
            if len(positions) >= 2:
                ordered = sum(a < b for a, b in zip(positions, positions[1:], strict=False))
                best = max(best, (len(positions), ordered / (len(positions) - 1)))
        return best[1]

    def _expand(self, word: str) -> tuple[tuple[str, float], ...]:
        """Index words that a query word stands for, each with a similarity in (0, 1]."""
        found: dict[str, float] = {}
        if word in self._vocab_set:
            found[word] = 1.0
        if word[0].isdigit():
            return tuple(found.items())
        if len(word) >= 4:
            i = bisect_left(self.vocab, word)
            while i < len(self.vocab) and self.vocab[i].startswith(word):
                cand = self.vocab[i]
                if cand != word and len(cand) - len(word) <= 6:
                    found.setdefault(cand, 0.9 - 0.02 * (len(cand) - len(word)))
                i += 1
            for cut in range(len(word) - 1, 3, -1):
                prefix = word[:cut]
                if prefix in self._vocab_set and len(word) - cut <= 4:
                    found.setdefault(prefix, 0.88 - 0.03 * (len(word) - cut))
        if len(word) >= 5:
            cutoff = 82.0 if len(word) >= 7 else 85.0
            for cand, score, _ in process.extract(word, self.by_initial.get(word[0], ()), scorer=fuzz.ratio,
                                                  score_cutoff=cutoff, limit=6):
                found.setdefault(cand, 0.85 * score / 100.0)
        for other in SYNONYMS.get(word, ()):
            if other in self._vocab_set:
                found.setdefault(other, 0.9)
        return tuple(found.items())

    def word_weight(self, word: str, verb: bool = False, acronym: bool = False) -> float:
        """How much a query word counts: the idf of what it matches; unknown nouns and acronyms
        ("GDP", "ВВП") weigh most, unknown verbs least."""
        matches = self.expand(word)
        if not matches:
            if verb:
                return 1.0
            return self.max_idf if (len(word) >= 4 or acronym) and not word[0].isdigit() else 0.5
        best = max(sim for _, sim in matches)
        idf = min(self.idf[w] for w, sim in matches if sim == best)
        return min(idf, VERB_WEIGHT) if verb else idf

    def _title_coverage(self, i: int, matched: frozenset[str]) -> float:
        """How much of a fact's title (best language) the query names: favours the specific fact."""
        best = 0.0
        for title, total in zip(self.titles[i], self.title_totals[i], strict=True):
            common = title & matched
            if common and total:
                best = max(best, sum(self.idf[tok] for tok in common) / total)
        return best

    def search(self, query: Query, limit: int = 10) -> list[Hit]:
        """Facts ranked for a query: each word adds its best match's idf-weighted score to a fact."""
        n = len(self.facts)
        scores = np.zeros(n)
        covered = np.zeros(n)
        mass = 0.0
        for word in query.words:
            weight = self.word_weight(word, word in query.verbs, word in query.acronyms)
            mass += weight
            best = np.zeros(n)
            best_cover = np.zeros(n)
            for cand, sim in self.expand(word):
                ids, ws = self.postings[cand]
                idf = self.idf[cand]
                vals = ws * (sim * idf)
                better = vals > best[ids]
                if better.all():
                    best[ids] = vals
                    best_cover[ids] = sim * weight
                else:
                    hit = ids[better]
                    best[hit] = vals[better]
                    best_cover[hit] = sim * weight
            scores += best
            covered += best_cover
        wanted = set(query.years)
        if wanted:
            year_weight = 2.0
            mass += year_weight
            in_year = np.zeros(n, dtype=bool)
            for y in wanted:
                if y in self.by_year:
                    in_year[self.by_year[y]] = True
            scores[in_year] += 2.5 * year_weight
            covered[in_year] += year_weight
            scores *= np.where(in_year, 1.0, np.where(self.dated, 0.35, 0.5))
        if query.months:
            scores[np.isin(self.month, query.months)] *= 1.15
        scores *= self._intent_factors(query.intents)
        top_n = min(max(limit, RERANKED), int(np.count_nonzero(scores)))
        if top_n == 0:
            return []
        top = np.argpartition(-scores, top_n - 1)[:top_n] if top_n < n else np.arange(n)
        word_sets = [frozenset(cand for cand, _ in self.expand(word)) for word in query.words]
        matched = frozenset().union(*word_sets)
        coverage = np.minimum(covered / mass, 1.0) if mass else covered
        ranked = sorted(((float(scores[i] * coverage[i]) * (1.0 + self._title_coverage(int(i), matched)), int(i))
                         for i in top if scores[i] > 0), key=lambda si: -si[0])
        hits = [Hit(self.facts[i], score * (1.0 + ORDER_WEIGHT * (self.order_agreement(i, word_sets, matched) - 0.5))
                    if rank < ORDER_CHECKED else score, float(coverage[i]))
                for rank, (score, i) in enumerate(ranked)]
        hits.sort(key=lambda h: (-h.score, h.fact.id))
        return hits[:limit]

    def _intent_factors(self, intents: frozenset[str]) -> np.ndarray | float:
        """Per-fact boosts for facts that hold what the question asks for (a number, a date, …)."""
        factor: np.ndarray | float = 1.0
        if "how_much" in intents:
            factor = factor * np.where(self.has_value, 1.25, 1.0)
        if "when" in intents:
            factor = factor * np.where(self.has_when, 1.1, 1.0)
        if "where" in intents:
            factor = factor * np.where(self.has_place, 1.2, 1.0)
        if "who" in intents:
            factor = factor * np.where(self.has_people, 1.2, 1.0)
        return factor


def _fields(fact: Fact) -> Iterable[tuple[str, str]]:
    for lang in LANGS:
        yield "title", fact.title.get(lang, "")
        yield "text", fact.text.get(lang, "")
        for alias in fact.aliases.get(lang, ()):
            yield "alias", alias
        if fact.place and lang in fact.place:
            yield "name", fact.place[lang]
        if fact.people:
            for person in fact.people.get(lang, ()):
                yield "name", person
    for claim in fact.claims:
        for lang in LANGS:
            yield "text", claim.note.get(lang, "")
    for tag in fact.tags:
        yield "tag", tag.replace("-", " ")


class AnswerEngine:
    """Turns questions into Answers over one FactStore; safe to share, holds no per-query state."""

    def __init__(self, store: FactStore) -> None:
        self.store = store
        self.index = FactIndex(store.facts)
        self.known_years = frozenset(store.years())

    def answer(self, question: str, lang: str | None = None) -> Answer:
        """The reply to one question, in `lang` if given, else in the question's own language."""
        question = _clean(question)
        query = parse_query(question)
        reply_lang = lang or query.lang or "en"
        hits = self.index.search(query) if query.words or query.years else []
        if not hits or self._declines(query, hits):
            return self._decline(question, reply_lang, hits)
        top = hits[0]
        close = [h.fact for h in hits[1:MAX_RELATED + 1] if self._equally_good(h, top)]
        return self.fact_answer(top.fact, reply_lang, question, related=close)

    @staticmethod
    def _equally_good(hit: Hit, top: Hit) -> bool:
        """Whether a runner-up belongs in the answer's list: nearly the best score, or a keyword
        query ("visits 2008") that it matches in full just as the best fact does."""
        if hit.coverage < MIN_COVERAGE:
            return False
        if hit.score >= RELATED_RATIO * top.score:
            return True
        return min(hit.coverage, top.coverage) >= FULL_MATCH and hit.score >= LIST_RATIO * top.score

    def _declines(self, query: Query, hits: list[Hit]) -> bool:
        top = hits[0]
        if query.out_of_scope:
            return True
        if query.years and not (set(query.years) & self.known_years):
            return True
        if top.coverage < MIN_COVERAGE:
            return True
        if query.named_years and not set(query.named_years) & _fact_years(top.fact):
            return True
        if query.parties and (top.coverage < PARTY_COVERAGE or not query.parties <= parties(_fact_words(top.fact))):
            return True
        if "how_much" in query.intents and not _has_number(top.fact):
            return True
        return False

    def fact_answer(self, fact: Fact, lang: str, question: str = "", related: Iterable[Fact] = ()) -> Answer:
        """One fact told in full (each source's version where they disagree), then close matches."""
        refs = RefNumbering(self.store.sources)
        segments: list[Segment] = []
        if fact.claims:
            segments.append(Segment(fact.text[lang], refs.add(fact.cite)))
            segments.append(Segment(t(lang, "answer.disputed", n=len(fact.claims)), ()))
            for claim in fact.claims:
                segments.append(Segment(claim.note[lang], refs.add(claim.cite)))
        else:
            segments.append(Segment(fact.text[lang], refs.add(fact.cite)))
        others = tuple(related)
        see_also = tuple(Segment(_list_line(f, lang), refs.add(f.citations())) for f in others)
        return Answer(question, lang, "fact", tuple(segments), refs.references(), (fact, *others),
                      heading=fact.title[lang], when=fact_when(fact, lang), related=see_also)

    def _decline(self, question: str, lang: str, hits: list[Hit]) -> Answer:
        suggestions = tuple(h.fact for h in hits[:3] if h.coverage > 0.2)
        return Answer(question, lang, "decline", (Segment(t(lang, "answer.decline"), ()),), (), (),
                      suggestions=suggestions)


class RefNumbering:
    """Numbers sources in the order a message first cites them: [1], [2], …"""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.order: dict[str, int] = {}
        self.lines: dict[str, list[int]] = defaultdict(list)

    def add(self, cites: Iterable[Citation]) -> tuple[int, ...]:
        out: list[int] = []
        for cite in cites:
            n = self.order.setdefault(cite.source, len(self.order) + 1)
            if cite.line not in self.lines[cite.source]:
                self.lines[cite.source].append(cite.line)
            if n not in out:
                out.append(n)
        return tuple(out)

    def references(self) -> tuple[Reference, ...]:
        return tuple(Reference(n, self.sources[sid], tuple(sorted(self.lines[sid])))
                     for sid, n in sorted(self.order.items(), key=lambda kv: kv[1]))


def fact_when(fact: Fact, lang: str) -> str:
    """The date of a fact as a reader sees it (a period, a date, or the versions in dispute)."""
    if fact.start and fact.end:
        return format_period(fact.start, fact.end, lang)
    if fact.date or fact.start:
        return format_date(fact.date or fact.start, lang)  # type: ignore[arg-type]
    dated = sorted({c.date for c in fact.claims if c.date})
    return " / ".join(format_date(d, lang) for d in dated)


def _list_line(fact: Fact, lang: str) -> str:
    """A fact as one line of a list: its date first, unless the title already names it."""
    when = fact_when(fact, lang)
    title = fact.title[lang]
    if not when or when in title or (_YEAR_ONLY_RE.fullmatch(when) and when[:4] in title):
        return title
    return f"{when} — {title}"


_YEAR_ONLY_RE = re.compile(r"\d{4}(?:\s*(?:ж|г)\.)?")


def _fact_years(fact: Fact) -> frozenset[int]:
    """The years a fact is dated to or speaks of: a question about another year is not answered by it."""
    return fact.years | {int(y) for lang in LANGS for y in YEAR_RE.findall(fact.text[lang])}


def _fact_words(fact: Fact) -> frozenset[str]:
    return frozenset(tok for _, text in _fields(fact) for tok in tokens(text))


NUMBER_WORDS = frozenset("""once twice two three four five six seven eight nine ten eleven twelve
fifteen twenty thirty forty fifty hundred hundreds thousand thousands million millions billion
billions trillion dozen dozens half quarter double""".split())


def _has_number(fact: Fact) -> bool:
    """Whether a fact states a quantity at all (a figure, or a number in words: "twice", "a quarter")."""
    if fact.value is not None or any(c.value is not None for c in fact.claims):
        return True
    return any((tok[0].isdigit() and not YEAR_RE.fullmatch(tok)) or tok.lower() in NUMBER_WORDS
               for tok in raw_tokens(fact.text["en"]))


_CONTROL_RE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def _clean(question: str) -> str:
    """Drop control and invisible formatting characters and cap the length a query may have."""
    return _CONTROL_RE.sub("", question)[:500].strip()
