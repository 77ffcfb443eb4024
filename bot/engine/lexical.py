"""The lexical index: every fact's titles, aliases, example questions, names and texts in all
three languages, folded and stemmed once at load into an inverted index.

A query's words are matched exactly, by prefix (case endings the stemmer missed), fuzzily with
rapidfuzz's plain ratio (typos) and through the lexicon's synonyms, and weighed by how rare
they are. WRatio and partial scorers were measured and rejected: they score a short query
word highly against any long text containing it.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.engine.lexicon import Lexicon
from bot.engine.ranking import WEIGHTS
from bot.engine.understanding import YEAR_RE, Query
from bot.model import LANGS, Fact
from bot.text import consonants, dropped_letters, tokens

VOWEL_SWAP = {"a": "o", "o": "a"}
SPELLED_OUT = 2
"""Words of a one-word stand-in's target from which it is an abbreviation spelled out ("csto": collective security …)."""
SKELETON_MIN = 4
"""Fewest consonants a word with dropped vowels needs before its consonants alone may name an index word."""
_EXTENDED_MIN = 4
"""Letters a query's word needs before a name's word that starts with it may be the same word in word order."""
_EXTENDED_BY = 2
"""Letters a query's word (of at least `_EXTENDED_MIN`) may lack of a name's word that starts with it for both to
be one word in word order: an ending ("тану", "тануы"), not another word ("agre…", "agreement")."""
SKELETON_SIMILARITY = 0.8
_SHORT_ROOT_ENDINGS = frozenset({"nan", "nen", "dan", "den", "tan", "ten", "nyn", "nin", "dyn", "din", "tyn", "tin"})
"""Kazakh case endings that follow a three-letter root whole ("ұйымнан", "ұйымның"): the stemmer keeps five letters,
so such a word reaches its root only through them (only the ablative and the genitive: "тенге" and "бірге" end as a
dative would, but are words of their own)."""

FUZZY_MIN = 5
"""Shortest query word matched to index words by typo similarity (shorter ones share too many letters by chance)."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A fact and how well the lexical index matched it: score, and the share of the query's
    weight that the fact covers (coverage)."""

    fact: Fact
    score: float
    coverage: float


_VOICED = {"k": "g", "p": "b", "g": "k", "b": "p"}


def _alternants(word: str) -> tuple[str, ...]:
    """The stem with its Kazakh consonant alternation: "odak" → "odag"; "odagy" → "odak"."""
    if len(word) >= 4 and word[-1] in _VOICED:
        return (word[:-1] + _VOICED[word[-1]],)
    if len(word) >= 5 and word[-1] in "aeiouy" and word[-2] in _VOICED:
        return (word[:-2] + _VOICED[word[-2]],)
    return ()


class FactIndex:
    """The inverted index over every fact's words in every language, built once at load.

    Postings are numpy arrays and a query is scored over dense per-fact vectors, so the cost of
    a question grows with the postings it touches, not with Python loops over facts."""

    def __init__(self, facts: Iterable[Fact], lex: Lexicon) -> None:
        self.lex = lex
        self.facts: tuple[Fact, ...] = tuple(facts)
        n = len(self.facts)
        postings: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        stop = lex.words["stopwords"]
        for i, fact in enumerate(self.facts):
            bag: dict[str, float] = {}
            for field, text in fact_fields(fact):
                w = WEIGHTS.field[field]
                for tok in tokens(text):
                    if YEAR_RE.fullmatch(tok):
                        continue
                    if tok not in stop and bag.get(tok, 0.0) < w:
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
        others = lex.words["other_parties"]
        self.names_countries = np.fromiter((bool(others.intersection(tokens(f.text["en"]))) for f in self.facts),
                                           dtype=bool, count=n)
        self.titles: tuple[tuple[frozenset[str], ...], ...] = tuple(
            tuple(frozenset(tok for tok in tokens(f.title[lang]) if tok in self.idf) for lang in LANGS)
            for f in self.facts
        )
        spelled = {key[0]: words for key, words in lex.stands_for.items() if len(key) == 1 and len(words) >= SPELLED_OUT}
        self.spelled_titles = tuple(tuple(title | {tok for word in title for tok in spelled.get(word, ()) if tok in self.idf}
                                          for title in titles) for titles in self.titles)
        """Titles with their abbreviations spelled out ("ҰҚШҰ": ұжымдық қауіпсіздік …): a question that spells
        one out touches the title, though its words do not weigh in the ranking as the title's own."""
        self.title_totals = tuple(tuple(sum(self.idf[tok] for tok in title) for title in titles)
                                  for titles in self.titles)
        self.vocab_set = frozenset(self.vocab)
        initials: dict[str, list[str]] = defaultdict(list)
        for tok in self.vocab:
            initials[tok[0]].append(tok)
        # Typos keep the first letter (the skeleton already joins scripts and keyboards), so a
        # fuzzy look-up only scans the words that start like the query word.
        self.by_initial = {c: tuple(words) for c, words in initials.items()}
        skeletons: dict[str, list[str]] = defaultdict(list)
        for tok in self.vocab:
            skeletons[consonants(tok)].append(tok)
        self.by_skeleton = {k: tuple(words) for k, words in skeletons.items() if len(k) >= SKELETON_MIN}
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

    def order_agreement(self, i: int, word_sets: list[frozenset[str]], matched: frozenset[str],
                        memo: dict[tuple[int, str], bool] | None = None) -> float:
        """How well the query's word order agrees with the title or alias sharing most of its words,
        in [0, 1]; 0.5 when none holds two of them ("Russia recognised Kazakhstan" vs the reverse).
        A name's word that extends one the query stands for is found too ("тануы" of "тану"): a title holding
        every word asked outweighs an alias that leaves a side out ("Ресей тәуелсіздігін тану" of Kazakhstan
        recognising Russia, which would agree with "Ресей Қазақстанның …").
        `word_sets` holds, per query word in order, the index words it stands for; `matched` their union; `memo`
        (shared by one search's facts, whose titles share words) which name words each query word stands for."""
        best = (1, 0.5)
        stands = {} if memo is None else memo
        for first in self.phrases(i):
            if len(matched.intersection(first)) < 2:
                continue
            positions: list[int] = []
            for w, cands in enumerate(word_sets):
                found = []
                for tok, k in first.items():
                    hit = stands.get((w, tok))
                    if hit is None:
                        hit = stands[(w, tok)] = tok in cands or any(
                            len(c) >= _EXTENDED_MIN and tok.startswith(c) and len(tok) - len(c) <= _EXTENDED_BY for c in cands)
                    if hit:
                        found.append(k)
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
        if word in self.vocab_set:
            found[word] = 1.0
        if word[0].isdigit():
            return tuple(found.items())
        if len(word) >= 4:
            for cand in self._extending(word, 6):
                if cand != word:
                    found.setdefault(cand, 0.9 - 0.02 * (len(cand) - len(word)))
            for cut in range(len(word) - 1, 3, -1):
                prefix = word[:cut]
                if prefix in self.vocab_set and len(word) - cut <= 4:
                    found.setdefault(prefix, 0.88 - 0.03 * (len(word) - cut))
            if word not in self.vocab_set and word[:3] in self.vocab_set and word[3:] in _SHORT_ROOT_ENDINGS:
                found.setdefault(word[:3], 0.88 - 0.03 * (len(word) - 3))
            for other in _alternants(word):
                # Kazakh voices a stem's last consonant before a vowel ending: одақ / одағы, кітап / кітабы.
                for cand in self._extending(other, 4):
                    found.setdefault(cand, 0.85)
        if len(word) >= FUZZY_MIN:
            cutoff = WEIGHTS.fuzzy_long if len(word) >= 7 else WEIGHTS.fuzzy_short
            pool = self._starting_like(word)
            for cand, score, _ in process.extract(word, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=6):
                found.setdefault(cand, 0.85 * score / 100.0)
            if len(word) < 7 and not found:
                # The ratio counts a changed or swapped letter as two edits, so "puten" never reached
                # "putin" nor "lenght" "length": one edit of either kind (OSA distance) is a typo.
                for cand, _, _ in process.extract(word, pool, scorer=OSA.distance, score_cutoff=1, limit=6):
                    if len(cand) == len(word):
                        found.setdefault(cand, 0.85 * WEIGHTS.fuzzy_long / 100.0)
        if not found and len(word) == FUZZY_MIN - 1 and not word[0].isdigit():
            # A four-letter word one vowel short of a five-letter one ("lese", "trde"): too short for
            # the ratio, but a dropped vowel is the commonest typo (a dropped consonant makes another word).
            for cand in self.by_initial.get(word[0], ()):
                if len(cand) == len(word) + 1 and dropped_letters(word, cand) and consonants(cand) == consonants(word):
                    found.setdefault(cand, SKELETON_SIMILARITY)
        if not found and len(consonants(word)) >= SKELETON_MIN:
            # Vowels dropped in fast typing ("брнши", "мемлекеттк"): every consonant in place, a word
            # the letters typed run through in order.
            for cand in self.by_skeleton.get(consonants(word), ()):
                if len(cand) > len(word) and cand[0] == word[0] and dropped_letters(word, cand):
                    found.setdefault(cand, SKELETON_SIMILARITY)
        for other in self.lex.synonyms.get(word, ()):
            if other in self.vocab_set:
                found.setdefault(other, 0.9)
        return tuple(found.items())

    def _extending(self, stem: str, most: int) -> Iterator[str]:
        """Index words that start with `stem` and add at most `most` letters (the vocabulary is sorted)."""
        i = bisect_left(self.vocab, stem)
        while i < len(self.vocab) and self.vocab[i].startswith(stem):
            if len(self.vocab[i]) - len(stem) <= most:
                yield self.vocab[i]
            i += 1

    def _starting_like(self, word: str) -> tuple[str, ...]:
        """Index words a typo of `word` may stand for: those with its first letter, and for an
        opening a/o both (Russian writes an unstressed о as а: "атношения", "абъём")."""
        first = word[0]
        pool = self.by_initial.get(first, ())
        other = VOWEL_SWAP.get(first)
        return pool + self.by_initial.get(other, ()) if other else pool

    def near_vocabulary(self, word: str, cutoff: float) -> bool:
        """Whether a word `expand` found nothing for is still a typo away from an indexed word
        ("leas" → "lease"): then it is a misspelt topic word, not a word no fact uses. `expand`
        already tries typos of words of FUZZY_MIN letters or more, at a looser ratio than
        `cutoff`, so only a shorter word needs the look."""
        if len(word) >= FUZZY_MIN:
            return False
        return process.extractOne(word, self.by_initial.get(word[0], ()), scorer=fuzz.ratio,
                                  score_cutoff=cutoff) is not None

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
        return min(idf, WEIGHTS.verb) if verb else idf

    def _title_coverage(self, i: int, matched: frozenset[str]) -> float:
        """How much of a fact's title (best language) the query names: favours the specific fact."""
        best = 0.0
        for title, total in zip(self.titles[i], self.title_totals[i], strict=True):
            common = title & matched
            if common and total:
                best = max(best, sum(self.idf[tok] for tok in common) / total)
        return best

    def _spelled(self, words: Iterable[str]) -> frozenset[str]:
        """Every token the query words may stand for in the facts (their own, inflected and mistyped forms)."""
        return frozenset(c for w in words for c, _ in self.expand(w))

    def title_share(self, i: int, words: Iterable[str]) -> float:
        """The share of a fact's (best-language) title words that the given query words name."""
        wanted = self._spelled(words)
        best = 0.0
        for title in self.spelled_titles[i]:
            if title:
                best = max(best, len(title & wanted) / len(title))
        return best

    def names_alias(self, i: int, words: Iterable[str]) -> bool:
        """Whether the query words name every word of one of the fact's aliases ("жылу электр
        орталығы" of a fact titled "… ЖЭО …"): they touch its subject though not its title."""
        return self._names_in_full(self.facts[i].aliases, words)

    def names_person(self, i: int, words: Iterable[str]) -> bool:
        """Whether the query words name in full a person the fact names ("Тоқтар Әубәкіров кім?")."""
        return self._names_in_full(self.facts[i].people or {}, words)

    def people_named(self, i: int, words: Iterable[str]) -> int:
        """How many of the people a fact names the query words name, by surname at least ("Medvedev pen Nazarbaev")."""
        wanted = self._spelled(words)
        names = self.facts[i].people or {}
        return max((sum(1 for name in names.get(lang, ()) if (said := tokens(name)) and said[-1] in wanted)
                    for lang in LANGS), default=0)

    def _names_in_full(self, names: Mapping[str, Sequence[str]], words: Iterable[str]) -> bool:
        wanted = self._spelled(words)
        return any((said := tokens(name)) and wanted.issuperset(said) for lang in LANGS for name in names.get(lang, ()))

    def search(self, query: Query, limit: int = 10) -> list[Hit]:
        """Facts ranked for a query: each word adds its best match's idf-weighted score to a fact."""
        n = len(self.facts)
        scores = np.zeros(n)
        covered = np.zeros(n)
        mass = 0.0
        chatty = len(query.words) >= WEIGHTS.chatty_words
        for word in query.words:
            if chatty and not self.expand(word):
                continue  # a long polite question's words that no fact uses are chatter, not topic
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
            year_weight = WEIGHTS.year
            mass += year_weight
            in_year = np.zeros(n, dtype=bool)
            for y in wanted:
                if y in self.by_year:
                    in_year[self.by_year[y]] = True
            scores[in_year] += WEIGHTS.year_bonus * year_weight
            covered[in_year] += year_weight
            scores *= np.where(in_year, 1.0, np.where(self.dated, WEIGHTS.other_year, WEIGHTS.undated))
        if query.months:
            scores[np.isin(self.month, query.months)] *= WEIGHTS.month
        scores *= self._intent_factors(query.intents)
        top_n = min(max(limit, WEIGHTS.reranked), int(np.count_nonzero(scores)))
        if top_n == 0:
            return []
        top = np.argpartition(-scores, top_n - 1)[:top_n] if top_n < n else np.arange(n)
        word_sets = [frozenset(cand for cand, _ in self.expand(word)) for word in query.words]
        matched = frozenset().union(*word_sets)
        coverage = np.minimum(covered / mass, 1.0) if mass else covered
        ranked = sorted(((float(scores[i] * coverage[i]) * (1.0 + self._title_coverage(int(i), matched)), int(i))
                         for i in top if scores[i] > 0), key=lambda si: -si[0])
        memo: dict[tuple[int, str], bool] = {}
        hits = [Hit(self.facts[i], score * (1.0 + WEIGHTS.order * (self.order_agreement(i, word_sets, matched, memo) - 0.5))
                    if rank < WEIGHTS.order_checked else score, float(coverage[i]))
                for rank, (score, i) in enumerate(ranked)]
        hits.sort(key=lambda h: (-h.score, h.fact.id))
        return hits[:limit]

    def _intent_factors(self, intents: frozenset[str]) -> np.ndarray | float:
        """Per-fact boosts for facts that hold what the question asks for (a number, a date, …)."""
        factor: np.ndarray | float = 1.0
        if "how_much" in intents:
            factor = factor * np.where(self.has_value, WEIGHTS.intent_value, 1.0)
        if "when" in intents:
            factor = factor * np.where(self.has_when, WEIGHTS.intent_when, 1.0)
        if "where" in intents:
            factor = factor * np.where(self.has_place, WEIGHTS.intent_place, 1.0)
        if "who" in intents:
            factor = factor * np.where(self.has_people, WEIGHTS.intent_people, 1.0)
        if "countries" in intents:
            factor = factor * np.where(self.names_countries, WEIGHTS.intent_countries, 1.0)
        return factor


def fact_fields(fact: Fact) -> Iterable[tuple[str, str]]:
    for lang in LANGS:
        yield "title", fact.title.get(lang, "")
        yield "text", fact.text.get(lang, "")
        for alias in fact.aliases.get(lang, ()):
            yield "alias", alias
        for question in fact.questions.get(lang, ()):
            yield "question", question
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


