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

from rapidfuzz import fuzz, process

from bot.dates import MONTHS, RU_GENITIVE, format_date, format_period
from bot.i18n import t
from bot.model import LANGS, Citation, Fact, Source
from bot.store import FactStore
from bot.text import detect_language, fold, raw_tokens, stem, tokens

Status = Literal["fact", "decline"]

FIELD_WEIGHTS = {"title": 3.0, "alias": 3.0, "name": 2.0, "tag": 1.5, "text": 1.0}
YEAR_RE = re.compile(r"(?<![\d.,])(1[5-9]\d\d|20\d\d)(?![\d])")
MIN_COVERAGE = 0.62
RELATED_RATIO = 0.9
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
и в во на с со по к ко о об от до за из у при для между как какой какая какие какое каким
каких какую когда где кто что чем чей чья почему зачем сколько ли же бы был была были было
это этот эта эти есть ещё еще году год года г лет которые который которая также всего
там их его её ее мне вы вам нам нас они он она оно
мен пен бен және мен да де та те ма ме ба бе па пе ба қай қандай қанша қашан қайда кім
кімдер не неге неше қалай жылы жылдың жылғы жылдары ж жж ол бұл осы сол оның олар
болды болған болып еді екен туралы бойынша арасында арасындағы арасындагы екі ел елдер
елдің елі қай күні күні кай кандай канша кашан кайда ким кимдер
qai qandai qanşa qaşan qaida kim ne nege qalai jyly jyldyñ men jäne turaly boiynşa
arasynda arasyndağy eki el bolğan boldy kai kandai kansha kashan kaida zhyly zhane
"""
STOPWORDS = frozenset(stem(part) for word in _STOP_SOURCE.split() for part in fold(word).split())

_INTENTS: dict[str, tuple[str, ...]] = {
    "when": ("when", "date", "year", "когда", "дата", "числа", "какого", "қашан", "кашан", "qaşan",
             "qashan", "kashan", "күні", "куни", "kuni", "күн"),
    "where": ("where", "где", "куда", "откуда", "қайда", "кайда", "qaida", "kaida", "city", "город",
              "қала", "кала"),
    "who": ("who", "whom", "кто", "кого", "кім", "ким", "kim", "кімдер", "кимдер"),
    "how_much": ("much", "many", "сколько", "объем", "объём", "размер", "қанша", "канша", "qanşa",
                 "qansha", "kansha", "volume", "amount", "неше", "көлемі"),
    "why": ("why", "почему", "зачем", "неге", "nege", "reason", "причина", "себебі"),
}
INTENT_WORDS = {stem(p): name for name, words in _INTENTS.items() for w in words for p in fold(w).split()}

# Words that make a question one of opinion, prediction or live data: no source answers those.
_OUT_OF_SCOPE = """should ought opinion think better worse predict forecast future will weather
forecast rate tomorrow tonight стоит стоило нужно надо следует лучше хуже мнение думаете
прогноз будет будут погода курс завтра керек қажет пікір ойыңыз болжам ауа райы бағамы
ертең бүгін кейін kerek qajet bağamy bügın erteñ auarai bagamy bugin erten"""
OUT_OF_SCOPE = frozenset(stem(p) for w in _OUT_OF_SCOPE.split() for p in fold(w).split())

# English irregular forms and a few cross-word-class pairs the stemmer cannot join.
_SYNONYMS = (
    ("long", "length"), ("sell", "sold", "sale"), ("buy", "bought", "purchase"), ("meet", "met", "meeting"),
    ("grow", "grew", "growth", "increase"), ("sign", "signed", "signing"), ("ban", "banned", "prohibit"),
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
    months: tuple[int, ...]
    intents: frozenset[str]
    out_of_scope: bool


def parse_query(text: str) -> Query:
    years = tuple(int(y) for y in YEAR_RE.findall(text))
    words: list[str] = []
    months: list[int] = []
    intents: set[str] = set()
    oos = False
    verbs: set[str] = set()
    for raw in raw_tokens(text):
        if not raw[0].isdigit():
            folded = fold(raw)
            if len(folded) >= 5 and folded.endswith(_VERB_ENDINGS):
                verbs.add(stem(folded))
    for tok in tokens(text):
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
    return Query(text, detect_language(text), tuple(dict.fromkeys(words)), frozenset(verbs), years,
                 tuple(months), frozenset(intents), oos)


class FactIndex:
    """The inverted index over every fact's words in every language, built once at load."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.facts: tuple[Fact, ...] = tuple(facts)
        weights: list[dict[str, float]] = []
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, fact in enumerate(self.facts):
            bag: dict[str, float] = {}
            for field, text in _fields(fact):
                w = FIELD_WEIGHTS[field]
                for tok in tokens(text):
                    if YEAR_RE.fullmatch(tok):
                        continue
                    if tok not in STOPWORDS and bag.get(tok, 0.0) < w:
                        bag[tok] = w
            weights.append(bag)
            for tok, w in bag.items():
                postings[tok].append((i, w))
        n = max(len(self.facts), 1)
        self.postings = {tok: tuple(p) for tok, p in postings.items()}
        self.idf = {tok: math.log(1.0 + n / len(p)) for tok, p in self.postings.items()}
        self.max_idf = math.log(1.0 + n)
        self.vocab: tuple[str, ...] = tuple(sorted(self.postings))
        common_cut = max(1000, n // 200)
        self.common_maps = {tok: dict(p) for tok, p in self.postings.items() if len(p) > common_cut}
        by_year: dict[int, list[int]] = defaultdict(list)
        for i, fact in enumerate(self.facts):
            for year in fact.years:
                by_year[year].append(i)
        self.by_year = {y: tuple(ix) for y, ix in by_year.items()}
        self.titles: tuple[tuple[frozenset[str], ...], ...] = tuple(
            tuple(frozenset(tok for tok in tokens(f.title[lang]) if tok in self.idf) for lang in LANGS)
            for f in self.facts
        )
        self._vocab_set = frozenset(self.vocab)
        self.expand = lru_cache(maxsize=20000)(self._expand)

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
            for cand, score, _ in process.extract(word, self.vocab, scorer=fuzz.ratio,
                                                  score_cutoff=cutoff, limit=6):
                found.setdefault(cand, 0.85 * score / 100.0)
        for other in SYNONYMS.get(word, ()):
            if other in self._vocab_set:
                found.setdefault(other, 0.9)
        return tuple(found.items())

    def word_weight(self, word: str, verb: bool = False) -> float:
        """How much a query word counts: the idf of what it matches; unknown nouns weigh most."""
        matches = self.expand(word)
        if not matches:
            if verb:
                return 1.0
            return self.max_idf if len(word) >= 4 and not word[0].isdigit() else 0.5
        best = max(sim for _, sim in matches)
        return min(self.idf[w] for w, sim in matches if sim == best)

    def _title_coverage(self, i: int, matched: set[str]) -> float:
        """How much of a fact's title (best language) the query names: favours the specific fact."""
        best = 0.0
        for title in self.titles[i]:
            total = sum(self.idf[tok] for tok in title)
            if total:
                best = max(best, sum(self.idf[tok] for tok in title & matched) / total)
        return best

    def search(self, query: Query, limit: int = 10) -> list[Hit]:
        """Facts ranked for a query. Words matching a large share of facts only add to facts
        that rarer words already found, so a query costs little even at 100,000 facts."""
        n = len(self.facts)
        common_cut = max(1000, n // 200)
        scores: dict[int, float] = defaultdict(float)
        covered: dict[int, float] = defaultdict(float)
        mass = 0.0
        deferred: list[tuple[float, list[tuple[str, float]], dict[int, tuple[float, float]]]] = []
        for word in query.words:
            weight = self.word_weight(word, word in query.verbs)
            mass += weight
            cands = list(self.expand(word))
            common = [(c, sim) for c, sim in cands if len(self.postings[c]) > common_cut]
            best: dict[int, tuple[float, float]] = {}
            for cand, sim in cands:
                if (cand, sim) in common:
                    continue
                idf = self.idf[cand]
                for i, w in self.postings[cand]:
                    s = sim * idf * w
                    prev = best.get(i)
                    if prev is None or s > prev[0]:
                        best[i] = (s, min(sim * idf, weight))
            for i, (s, c) in best.items():
                scores[i] += s
                covered[i] += c
            if common:
                deferred.append((weight, common, best))
        year_weight = 2.0
        wanted = set(query.years)
        if wanted:
            mass += year_weight
            for i in {i for y in wanted for i in self.by_year.get(y, ())}:
                scores[i] += 2.5 * year_weight
                covered[i] += year_weight
        if deferred and not scores:
            candidates: set[int] | range = range(n)
        else:
            candidates = set(scores)
        for weight, common, best in deferred:
            for i in candidates:
                top = best.get(i, (0.0, 0.0))
                for cand, sim in common:
                    found = self.common_maps[cand].get(i)
                    if found is not None:
                        s = sim * self.idf[cand] * found
                        if s > top[0]:
                            top = (s, min(sim * self.idf[cand], weight))
                old = best.get(i, (0.0, 0.0))
                if top[0] > old[0]:
                    scores[i] += top[0] - old[0]
                    covered[i] += top[1] - old[1]
        ranked: list[tuple[float, int]] = []
        for i, score in scores.items():
            fact = self.facts[i]
            if wanted and not (fact.years & wanted):
                score *= 0.35 if fact.years else 0.5
            if query.months and fact.when and fact.when.month in query.months:
                score *= 1.15
            ranked.append((score * _intent_factor(query.intents, fact), i))
        ranked.sort(reverse=True)
        matched = {cand for word in query.words for cand, _ in self.expand(word)}
        hits = [
            Hit(self.facts[i], score * (1.0 + self._title_coverage(i, matched)),
                min(covered[i] / mass, 1.0) if mass else 0.0)
            for score, i in ranked[: max(limit, 40)]
        ]
        hits.sort(key=lambda h: (-h.score, h.fact.id))
        return hits[:limit]


def _intent_factor(intents: frozenset[str], fact: Fact) -> float:
    factor = 1.0
    if "how_much" in intents and (fact.value is not None or any(c.value for c in fact.claims)):
        factor *= 1.25
    if "when" in intents and fact.when is not None:
        factor *= 1.1
    if "where" in intents and fact.place:
        factor *= 1.2
    if "who" in intents and fact.people:
        factor *= 1.2
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
        close = [h.fact for h in hits[1:MAX_RELATED + 1]
                 if h.score >= RELATED_RATIO * top.score and h.coverage >= MIN_COVERAGE]
        return self.fact_answer(top.fact, reply_lang, question, related=close)

    def _declines(self, query: Query, hits: list[Hit]) -> bool:
        top = hits[0]
        if query.out_of_scope:
            return True
        if query.years and not (set(query.years) & self.known_years):
            return True
        if top.coverage < MIN_COVERAGE:
            return True
        if "how_much" in query.intents and top.coverage < 0.85 and not _has_number(top.fact):
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
    when = fact_when(fact, lang)
    return f"{when} — {fact.title[lang]}" if when else fact.title[lang]


def _has_number(fact: Fact) -> bool:
    if fact.value is not None or any(c.value is not None for c in fact.claims):
        return True
    return any(tok[0].isdigit() and not YEAR_RE.fullmatch(tok) for tok in raw_tokens(fact.text["en"]))


_CONTROL_RE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def _clean(question: str) -> str:
    """Drop control and invisible formatting characters and cap the length a query may have."""
    return _CONTROL_RE.sub("", question)[:500].strip()
