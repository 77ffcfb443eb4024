"""The answer engine: a question in any of our languages and scripts → a short cited answer.

It puts the pieces together: small talk first, then a follow-up resolved against the previous
turn, then the question understood, ranked by the lexical index fused with the semantic signal,
checked for answerability and composed as a fact, a list, a comparison or an overview.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from cachetools import LRUCache

from bot.dates import MONTHS
from bot.engine.answerability import Answerability
from bot.engine.compose import MAX_LIST, Answer, Composer, Script, days_apart, fitted, importance
from bot.engine.conversation import (
    Resolved,
    Turn,
    asks_else,
    echoes,
    names_side,
    only_sides,
    quoted_names,
    refers_back,
    resolve,
    retries,
    topic,
)
from bot.engine.direction import acting_side, destination
from bot.engine.hops import (
    YearHop,
    and_pairs,
    anniversary_back,
    day_hop,
    days_after,
    described_person,
    earlier_pair,
    or_halves,
    or_pair,
    two_events,
    year_hop,
    years_shift,
)
from bot.engine.language import LanguageDetector
from bot.engine.lexical import FUZZY_MIN, FactIndex, Hit, fact_fields
from bot.engine.lexicon import Lexicon, default_lexicon_dir, load_lexicon, side_tokens
from bot.engine.numerals import ordinal_value, spoken_years, year_of_ordinal
from bot.engine.ranking import WEIGHTS
from bot.engine.semantic import Embedder, SemanticIndex, load_model
from bot.engine.smalltalk import (
    courtesy_lead,
    introduces_self,
    reported_question,
    reports_asking,
    sentences,
    smalltalk_kind,
    smalltalk_sentences,
    without_courtesy,
    without_own_things,
    without_self_clause,
)
from bot.engine.spelling import PARTICLE, Abbreviations, DotlessI, DroppedLetter, KeyboardE, SplitWords, Transposed, full_years
from bot.engine.understanding import ASKING, KAZAKH_AND, YEAR_RE, Query, Understanding, find_phrases, mentions, month_of
from bot.model import LANGS, Claim, Fact, PartialDate, Source
from bot.script import formal_words, is_latin, shows_spelling, typed_plainly, writes_dotted_i
from bot.store import FactStore
from bot.text import fold, forget_folded_words, raw_tokens, stem, tokens, word_tokens

log = logging.getLogger(__name__)
_CONTROL_RE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_LATIN_APOSTROPHE_RE = re.compile(r"(?<=[OoGg])['ʻ’‘`](?=[^\W\d_sStT])")
_MODEL_UNSET: object = object()
_PAREN_RE = re.compile(r"\([^)]*\)")
_FIGURES_RE = re.compile(r"\b(?:numbers|figures|statistics|stats|цифр(?:ы|ах|ами)|статистик[аеу]|показател(?:и|ях|ями)"
                         r"|сандар\w*|цифрлар\w*|көрсеткіштер\w*|корсеткиштер\w*|sandar\w*|körsetkışter\w*)\b", re.IGNORECASE)
"""Figures in the plural ("an overview of trade numbers", "сводка в цифрах"): wanted in an overview, not one amount asked."""
_FIGURE_WORDS = ("numbers", "figures", "number", "figure", "цифры", "показатели", "сандар")
"""Their "how much" words: asked beside no other, they ask no amount."""
_WORD_RE = re.compile(r"[^\W\d_][\w'-]*")
_OF_THEM = ("сі", "си", "sı", "si")
"""The Kazakh ending of "the n-th of them" ("үшіншісі"), left off before its ordinal is read."""
_TERM_RE = re.compile(r"\bfor (\d{1,3}) years\b")
MAX_ANNIVERSARY = 200
"""The largest number read as an anniversary ("the 30th"): a larger one is a figure, not a count of years."""
_MONTH_YEAR_RE = re.compile(r"(?P<month>[^\W\d_]{3,})\s+(?P<year>(?:1[5-9]|20)\d\d)\b")
"""A month and year said in an event ("Tokayev's November 2022 visit", "25 мая 1992"): it dates the event itself."""
_SPAN_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\s*[–—-]\s*(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Ranked:
    """A candidate fact with both signals: lexical score and coverage, semantic cosine, fused score."""

    fact: Fact
    index: int
    lexical: float
    coverage: float
    cosine: float
    fused: float


ANSWERS_KEPT = 2048
"""Answers the engine remembers (a few kilobytes each; as many as the bot keeps rendered replies)."""
SEARCHES_KEPT = 128
"""Lexical searches the engine remembers: one answer makes at most about a dozen, each searched again
after its embeddings come in, while a few other chats' answers are worked out; a finished answer is kept
whole (`ANSWERS_KEPT`), so older searches are only memory (4–5 kB each)."""
GATHER_ROUNDS = 6
"""Passes `answer()` makes to gather the embeddings it needs before it answers with the model called
inline (one pass finds nearly every question's; a second where the real scores lead elsewhere)."""

_CAPITAL_RE = re.compile(r"(?<!^)\b[^\W\d_a-zа-яёәғқңөұүһі]")
"""A capital letter past a question's first: a name is written with one."""
_NAME_RE = re.compile(r"[^\W\d_][\w-]*")
"""A word as written, to tell a name by its capital."""
TURNOVER_METRIC = "trade_turnover"
"""The metric of the yearly trade figures, both flows together."""
_LEVEL_OF_CHANGE = {"trade_growth": TURNOVER_METRIC, "export_growth": "export_kz_ru"}
"""The level a change measures the growth of: "and in 1997?" after a growth asks the level where no growth is told."""
_ALL_RE = re.compile(r"\ball\b", re.IGNORECASE)
"""English "all", which asks a list (Kazakh "ал", and, folds to the same token)."""
_DOCUMENT_SUBJECT_RES = (
    re.compile(r"\b(?:treaty|agreement|accord|pact|convention)\s+(?:on|about)\s+(?:the\s+)?(?P<subject>[^\W\d_]+"
               r"(?:\s+(?!(?:between|with|of|signed|and)\b)[^\W\d_]+){0,2})", re.IGNORECASE),
    re.compile(r"\b(?:договор|соглашени|конвенци)\w*\s+(?:о|об|по)\s+(?P<subject>[^\W\d_]+"
               r"(?:\s+(?!(?:между|с|со|и)\b)[^\W\d_]+){0,2})", re.IGNORECASE),
    re.compile(r"(?P<subject>(?:[^\W\d_]+\s+){1,4})(?:туралы|turaly)\s+(?:шарт|келісім|келисим|şart|shart|kelısım|kelisim)",
               re.IGNORECASE),
)
"""A document named by its subject: "treaty on the state border", "договор о государственной границе",
"мемлекеттік шекара туралы шарт"."""


_RANGE_RE = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")
MAX_RANGE = 12
"""Most years a range asked of ("2022–2024") may span to be told year by year."""


def _dated_apart(first: Fact, second: Fact) -> bool:
    """Whether two dated facts lie apart in time by a count worth telling (other years, or days of one year)."""
    return first.when is not None and second.when is not None and (first.when.year != second.when.year
                                                                   or bool(days_apart(first, second)))


class AnswerEngine:
    """Turns questions into Answers over one FactStore; safe to share, holds no per-chat state."""

    def __init__(self, store: FactStore, lexicon: Lexicon | None = None, model: Embedder | None | object = _MODEL_UNSET,
                 cache: Path | None = None, progress: bool = True,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self.store = store
        self.today = today
        """What "how many years ago" counts to; tests pin it."""
        self.lex = lexicon or load_lexicon(default_lexicon_dir())
        self.language = LanguageDetector(self.lex)
        self.index = FactIndex(store.facts, self.lex)
        self.understanding = Understanding(self.lex, self.index.vocab_set, _abbreviations(store.facts))
        self.spelling = DotlessI(self.understanding.known)  # the lexicon's words and the facts' (one set, shared)
        self.keyboard_e = KeyboardE(self.understanding.known)
        self.tag_sizes = Counter(tag for fact in store.facts for tag in fact.tags)
        self.figure_words = frozenset(tok for word in _FIGURE_WORDS for tok in tokens(word))
        # The facts' and the lexicon's Kazakh words in 2021 Latin letters: an asker who writes one with "i" for its
        # "ı" dots і.
        self.formal_latin = formal_words((*(text for f in store.facts for text in (f.text["kk"], f.title["kk"])),
                                          *self.lex.kazakh_written))
        self.split_words = SplitWords(self.understanding.known, (w for w in self.lex.words["stopwords"] if len(w) <= PARTICLE))
        self.abbreviations = Abbreviations(self.lex.abbreviations)
        self.transposed = Transposed(self.understanding.known, self._names_topic)
        self.asked_of_both = self.lex.words["change_words"] | self.lex.words["percent_units"]
        self.dropped = DroppedLetter(self.understanding.known, self._fuzzy_readings, self.understanding.vocabulary)
        self.and_words = self.lex.words["and_words"] | KAZAKH_AND
        """Words that join two things asked ("and", Kazakh "мен/пен/бен")."""
        self.position = {f.id: i for i, f in enumerate(self.index.facts)}
        # (and the last year of a span a title names: "the treaty that ran until 2007" is of 1998–2007)
        self.known_years = frozenset(store.years()) | {span[1] for f in store.facts if (span := _span(f))}
        self.compose = Composer(store.sources)
        self.attribution = _attribution_re(store.sources.values())
        self.answerable = Answerability(store.facts, self.lex, self.index.vocab_set)
        self.searched: LRUCache[Query, list[Hit]] = LRUCache(maxsize=SEARCHES_KEPT)
        self.given: LRUCache[tuple[str, str | None, Turn | None, dt.date], Answer] = LRUCache(maxsize=ANSWERS_KEPT)
        """Answers already worked out, by question, language, previous turn and day (an Answer is
        immutable; "how many years ago" changes with the day): the same questions recur, and an answer
        `pending_embeddings` could give in full is kept here for `answer()`."""
        self.given_lock = threading.Lock()
        self.side_words = side_tokens(self.lex)
        self.frame_words = self.lex.words["generic"] - self.side_words
        """Generic words that frame an overview's topic ("relations", "сфере"), the sides not among them."""
        plain = self.frame_words | self.side_words | self.lex.words["stopwords"]
        self.framing_tags = frozenset(tag for tag, named in self.lex.topic_tags.items()
                                      if any(set(phrase) <= plain for phrase in named))
        """Topic tags that the frame's own words name ("relations": "Kazakhstan and Russia relations")."""
        titles = [title for fact in store.facts for title in fact.title.values()]
        lower = {tok for title in titles for raw in _WORD_RE.findall(title) if raw[:1].islower() for tok in tokens(raw)}
        self.title_names = frozenset(tok for title in titles for raw in _WORD_RE.findall(title)
                                     if raw[:1].isupper() and _named_in(raw, title) for tok in tokens(raw)) - lower
        """Words the facts' titles only ever write as names ("Baikonur", "ОДКБ"; not "Economic" of "Eurasian Economic
        Union", which other titles write in small letters): a topic however the question types it."""
        self.time_words = self.lex.words["day_words"] | self.lex.words["period_words"] | self.lex.words["year_words"]
        """Days, periods, years: "how many days between …" counts time, not one figure of each side."""
        self.intent_words = frozenset(word for words in self.lex.intents.values() for word in words if " " not in word)
        """Words that say what is asked ("айырмашылық", "difference"): known words, though no fact uses them."""
        chosen = load_model() if model is _MODEL_UNSET else model
        self.semantic: SemanticIndex | None = None
        if chosen is not None:
            try:
                self.semantic = SemanticIndex(self.index.facts, chosen, cache, progress,  # type: ignore[arg-type]
                                              refers=self.lex.words["refers"])
            except Exception as exc:  # noqa: BLE001 - a broken model must not stop the bot
                log.warning("semantic index unavailable (%s: %s): answering from the lexical index alone",
                            type(exc).__name__, str(exc)[:200])
        self.words = [frozenset(tok for _, text in fact_fields(f) for tok in tokens(text)) for f in self.index.facts]
        # Figures by metric and year, and facts by year: comparisons and year lists look them up
        # instead of scanning every fact (the store may grow to 100,000 facts).
        self.figures: dict[tuple[str, int], list[Fact]] = {}
        for f in self.index.facts:
            if f.metric and f.when and f.value is not None:
                self.figures.setdefault((f.metric, f.when.year), []).append(f)
        self.series: dict[str, frozenset[int]] = {m: frozenset(y for n, y in self.figures if n == m) for m, _ in self.figures}
        """The years each metric has a figure for: a yearly series ("trade_turnover": 1997, 2005, …)."""
        titled: dict[tuple[str, ...], list[int]] = {}
        for i, f in enumerate(self.index.facts):
            titled.setdefault(tuple(sorted(tokens(f.title["en"]))), []).append(i)
        self.acting = {i: side for group in titled.values() if len(group) == 2 for i in group
                       if (side := acting_side(self.index.facts[i].title["en"])) is not None}
        """Facts that tell one thing each way round ("Russia's recognition of Kazakhstan's independence", and
        Kazakhstan's of Russia's), by the side that acts in each: the model reads the two as one."""
        sides = {"russia": self.lex.words["russia_places"], "kazakhstan": self.lex.words["kazakhstan_places"]}
        self.visit_side = {i: side for i, f in enumerate(self.index.facts) if f.kind == "visit" and f.place
                           for side, places in sides.items() if places.intersection(tokens(f.place["en"]))}
        """The side each visit went to, by its place: a question naming the other side's capital is not about it."""
        self.entity_names = frozenset(_opening(title) for f in self.index.facts if f.kind == "figure"
                                      for title in f.title.values())
        """The first two words of each described thing's title ("Baikonur cosmodrome, …"): its name."""
        self.goods_side = {i: side for i, f in enumerate(self.index.facts) if f.kind == "trade"
                           and (side := destination(f.title["en"], located=True)
                                or destination(f.text["en"], located=True)) is not None}
        """The side goods or money go to, by the title ("Kazakh investment in Russia") or else the text
        ("… investment in Kazakhstan's economy"): "Ресейдегі қазақстандық инвестиция" is not Russia's in Kazakhstan."""
        general = self.side_words | self.lex.words["region_words"] | self.lex.words["stopwords"]
        self.place_words: dict[int, frozenset[str]] = {
            i: words for i, f in enumerate(self.index.facts) if f.place
            and (words := frozenset(tok for name in f.place.values() for tok in tokens(name)
                                    if len(tok) >= 4 and tok not in general))}
        """The city or region each fact took place in, as words ("astan"): "met in Astana" then
        prefers the Astana meeting, though "Astana" also stands for Kazakhstan as a whole."""
        self.fact_years = {f.id: f.years | {int(y) for lang in LANGS for y in YEAR_RE.findall(f.text[lang])}
                           for f in self.index.facts}
        self.mirrors = _mirrors(self.index.facts)
        """Each fact whose title says the same of the other side ("Russia's recognition of Kazakhstan's
        independence" and the reverse): a question asking it of both sides is answered with both."""
        self._people_by_date: list[tuple[tuple[int, int, int], Fact]] | None = None
        """The facts that name people, by date (`_when_or_titled`), sorted when first asked "what came next"."""
        forget_folded_words()

    # -- public API -------------------------------------------------------------------------

    def answer(self, question: str, lang: str | None = None, previous: Turn | None = None) -> Answer:
        """The reply to one question, in `lang` if given, else in the question's own language;
        `previous` is the chat's last turn, which a follow-up may lean on."""
        given = self._given(question, lang, previous)
        if given is not None:
            return given
        answer = self._worked_out(question, lang, previous)
        self._remember(question, lang, previous, answer)
        return answer

    def _given(self, question: str, lang: str | None, previous: Turn | None) -> Answer | None:
        with self.given_lock:
            return self.given.get((question, lang, previous, self.today()))

    def _remember(self, question: str, lang: str | None, previous: Turn | None, answer: Answer) -> None:
        with self.given_lock:
            self.given[(question, lang, previous, self.today())] = answer

    def _worked_out(self, question: str, lang: str | None, previous: Turn | None) -> Answer:
        if self.semantic is not None:
            for _ in range(GATHER_ROUNDS):
                texts = self.pending_embeddings(question, previous, lang)
                if not texts:
                    return self._given(question, lang, previous) or self._reply(question, lang, previous)
                self.semantic.embed_all(texts)
        return self._reply(question, lang, previous)

    def _reply(self, question: str, lang: str | None, previous: Turn | None) -> Answer:
        """The reply to a message without the gloss it gives of itself, or, when that finds no answer, with it
        ("… обменялись послами, то есть установили официальные отношения": the gloss says it plainer); and
        likewise without an aside about the asker ("…, мен оны бойлап талай жыл жүрдім, қызық."). Cut to the reply limit
        here, where both `answer()` and `pending_embeddings()` (which keeps the answer for the bot) take it."""
        typed = _clean(question)
        cleaned = without_self_clause(typed, self.lex)
        glossless = self._without_restatement(cleaned)
        unattributed = self.attribution.sub(" ", glossless) if self.attribution is not None else glossless
        unattributed = _SOURCE_YEAR_RE.sub(lambda m: m.group("noun") or "", unattributed)
        if unattributed != glossless:
            glossless = " ".join(unattributed.split())
        described = described_person(glossless)
        if described is not None:
            told = self._reply_to(described, lang, previous)
            if told.answered:
                return fitted(told)
        answer = self._reply_to(glossless, lang, previous)
        if glossless != cleaned and not answer.answered:
            answer = self._reply_to(cleaned, lang, previous)
        if cleaned != typed and not answer.answered:
            answer = self._reply_to(typed, lang, previous)
        return fitted(answer)

    def _reply_to(self, question: str, lang: str | None, previous: Turn | None) -> Answer:
        asked_before = [int(y) for y in YEAR_RE.findall(previous.question)] if previous is not None else []
        whole = self.dropped.read(self.transposed.read(self.split_words.read(self.spelling.read(self.keyboard_e.read(
            full_years(year_of_ordinal(spoken_years(self.abbreviations.read(question)),
                                       asked_before[-1] if asked_before else None)))))))
        question = self._told(whole)
        back = anniversary_back(question)
        if back is None and (whole_back := anniversary_back(whole)) is not None:
            back = self._told(whole_back)  # ("… юбилей которого, по словам К.-Ж. Токаева, …": the initials cut the sentence)
        question = back or question
        detected = self.language.detect(question)
        if previous is not None and detected == "en" != previous.lang and not self.language.names_english(question):
            detected = None  # "sebebi ne?" after a Kazakh answer: no English word, the conversation's language
        reply_lang = lang or detected or (previous.lang if previous else None) or "en"
        script = _script_of(question, reply_lang)
        if previous is not None and detected is None:
            script = "latn" if previous.script == "latn" else "cyrl"
        courtesy = (smalltalk_kind(whole, self.lex) or self._courtesy_only(whole)) if whole != question else None
        if courtesy:  # "жарайды, сау бол! кейін тағы жазамын": its courtesy was left out, told by the whole
            said = lang or self.language.detect(whole) or reply_lang
            return replace(self.compose.smalltalk(courtesy, said, whole), script=_script_of(whole, said),
                           plain_latin=typed_plainly(whole), dotted_i=writes_dotted_i(whole, self.formal_latin))
        # A year named by an event ("… танығаннан кейінгі жылдың қазанында … және …?") is read whole:
        # its asked part may itself have two parts, which the hop asks of that year together.
        # So is a day named by one ("… в тот же день, что и Декларацию …?"), whose "что" asks nothing.
        hopped = year_hop(question) or day_hop(question) or days_after(question)
        parts = self.understanding.two_parts(question) if hopped is None else None
        both = self._both_parts(question, parts, reply_lang, previous) if parts is not None else None
        story = self._after_story(whole, reply_lang) or self._person_story(whole, reply_lang) if previous is None else None
        answer = both or story or self._answer(question, reply_lang, previous)
        if not answer.answered:
            answer = self._asked_sentence(whole, question, reply_lang, previous, answer) or answer
        elif answer.kind == "fact" and answer.facts and answer.facts[0].claims \
                and self.lex.words["comparing_words"].intersection(tokens(question)):
            answer = self.compose.with_spread(answer, reply_lang)  # "how many km apart are the sources' figures?"
        script = script if reply_lang == "kk" else "cyrl"
        latin = script == "latn"
        plain, dotted = latin and typed_plainly(whole), latin and writes_dotted_i(whole, self.formal_latin)
        if latin and previous is not None and previous.script == "latn" and not shows_spelling(whole):
            # "sol forumda qandai jospar qabyldandy?" after "…qaraşada…": the conversation's spelling, not plain letters
            plain, dotted = previous.plain_latin, dotted or previous.dotted_i
        return replace(answer, script=script, plain_latin=plain, dotted_i=dotted)

    def _year_off_shown(self, question: str, first: Query, previous: Turn, lang: str) -> Answer | None:
        """"And what did trade reach the year after?", "and how big was trade the year before that?", "and three years
        before that?": the year after (or before, or some years off) the fact just shown, a past year however "next"
        sounds; the phrase itself is not what is asked about (None when no such phrase, a year of its own, or no answer)."""
        if first.named_years:
            return None
        said_all = tuple(tokens(question))  # (the query's own tokens are without "the year before", read as a comparison)
        shown = self._shown(previous)
        year = next((f.when.year for f in shown if f.when), None)
        if year is None:
            return None
        moves: list[tuple[set[str], int]] = []  # the words that move the year, and by how many years
        for key, step in (("year_after", 1), ("previous_year", -1)):
            phrases = find_phrases(said_all, self.lex.phrases[key])
            # (not "how much was that up on the year before?" after a year's figure, which compares the two years)
            if phrases and not (step < 0 and any(f.metric for f in shown)):
                moves.append(({tok for _, ph in phrases for tok in ph}, step))
        moved = years_shift(question)
        if moved is not None and moved[0]:
            moves.append((set(tokens(moved[1])), moved[0]))
        for said, step in moves:
            shifted = self.understanding.parse(f"{question} {year + step}")
            # (a year before said beside a year reads as "compared with the year before": here it is the year itself)
            shifted = replace(shifted, words=tuple(w for w in shifted.words if w not in said), out_of_scope=False,
                              named_years=(year + step,), years=(year + step,),
                              intents=shifted.intents - {"compare"} if step < 0 else shifted.intents)
            if not set(shifted.words) - self.lex.words["followup"] and str(year) in previous.question:
                # "And the following year?" after "what was turnover in 2010?": that question, of 2011.
                shifted = self.understanding.parse(previous.question.replace(str(year), str(year + step)))
            answer = self._route(shifted, lang)
            if answer.answered:
                return answer
        return None

    def _asked_sentence(self, whole: str, question: str, lang: str, previous: Turn | None, declined: Answer) -> Answer | None:
        """"… I'm giving a library lesson on «Eurasian integration» tomorrow, so I have a question. Which
        countries joined …?": a message whose story around its one question hides what that question asks,
        read whole, finds it in the question alone; kept when the whole message's best matches hold its fact,
        and, after a near miss, when it finds a fact besides the one the whole found lacking ("I read Russia pays
        rent for Baikonur. How much is it?" is no more answered by the lease alone)."""
        said = sentences(whole)
        # … or, with no question mark, the one sentence that says what someone would like to know
        asked = [s for s in said if s.rstrip().endswith("?")] or [s for s in said if reports_asking(s, self.lex)]
        if len(said) < 2 or len(asked) != 1:
            return None
        dated = self._dated_by_story(asked[0], said)
        alone = self._answer(self._told(dated or asked[0]), lang, previous)
        where = said.index(asked[0])
        if not alone.answered and where and previous is None:
            # "… they agreed to build power plants in our regions. In which cities exactly?", "… my grandson asked how
            # long the border is. What figure do your sources give?": a question leaning on the sentence just before
            alone = self._answer(self._told(f"{said[where - 1]} {asked[0]}"), lang, previous)
        if not alone.answered or not alone.facts or not {f.id for f in alone.facts} - {f.id for f in declined.facts}:
            return None
        return alone if dated or alone.facts[0].id in self._best_matches(question) else None

    def _after_story(self, whole: str, lang: str) -> Answer | None:
        """"Medvedev made his first foreign trip as president to Kazakhstan. Which other months did he come that
        year?": "that year" is the year of what the sentence before tells, read as the turn the question follows
        (None when a year is named, no "that year" is asked, or the story finds no one dated fact)."""
        said = sentences(whole)
        if len(said) < 2 or YEAR_RE.search(whole) or not said[-1].rstrip().endswith("?") \
                or not find_phrases(tuple(tokens(said[-1])), self.lex.phrases["same_year"]):
            return None
        story = self._answer(self._told(said[-2]), lang, None)
        if not story.answered or not story.facts or story.facts[0].when is None:
            return None
        alone = self._answer(self._told(said[-1]), lang, self.turn(story))
        return alone if alone.answered and alone.facts and alone.facts[0].id != story.facts[0].id else None

    def _person_story(self, whole: str, lang: str) -> Answer | None:
        """"The man who won Russia's first open presidential election: when did he pay a state visit to Almaty?": the
        part before the colon or dash (or the sentence before) describes someone, the question asks of "he"; the
        description is read as the turn the question follows, when the fact it finds names one person (a thing that fact
        quotes by name, asked of with "it", goes to `_thing_story`)."""
        split = _DESCRIBED_RE.fullmatch(whole.strip())
        said = sentences(whole) if split is None else [split.group("head"), split.group("ask")]
        head, ask = (said[-2], said[-1]) if len(said) >= 2 and said[-1].rstrip().endswith("?") else ("", "")
        if not head or head.rstrip().endswith("?"):
            return None
        asked = {fold(m.group()) for m in _WORD_RE.finditer(ask)}
        of_person = bool(asked & (self.lex.words["person_pronouns"] | self.lex.words["person_refers"]))
        # (a year the question names is its own, when it asks what the person described did: "… жеңген адам - ол 1996
        # жылы Қазақстанға қай айда келді?")
        if YEAR_RE.search(ask) and not (of_person and self.lex.words["person_verbs"].intersection(tokens(ask))):
            return None
        if not of_person and not asked & self.lex.words["refers"]:
            return None
        story = self._answer(self._told(head), lang, None)
        if not story.answered or not story.facts:
            return None
        if not of_person or not story.facts[0].people or len(story.facts[0].people["en"]) != 1:
            return self._thing_story(story, ask, lang)
        turn = self.turn(story)
        named = self._person_named(ask, turn) if turn is not None else ask
        if turn is None or named == ask:
            return None
        alone = self._answer(self._told(named), lang, turn)
        return alone if alone.answered and alone.facts and alone.facts[0].id != story.facts[0].id else None

    def _flow_and_turnover(self, query: Query, top: Ranked, ranked: Sequence[Ranked]) -> list[Fact] | None:
        """"Kazakhstan's exports to Russia and the total trade in 2011?": one direction of trade and the whole asked
        together, each the figure of one fact of the same year (neither holds the other); None otherwise."""
        words = self.lex.words
        if not (words["flow_words"].intersection(query.tokens) and words["turnover_words"].intersection(query.tokens)):
            return None
        kinds = {"export_kz_ru": "flow", "import_kz_ru": "flow", "trade_turnover": "whole"}
        for r in ranked[1:WEIGHTS.answerable_tries]:
            pair = (top.fact, r.fact)
            year = top.fact.when.year if top.fact.when else None
            if {kinds.get(f.metric or "") for f in pair} == {"flow", "whole"} and r.fact.when and year == r.fact.when.year \
                    and (not query.named_years or year in query.named_years):
                return sorted(pair, key=lambda f: kinds.get(f.metric or "") != "flow")
        return None

    def _thing_story(self, story: Answer, ask: str, lang: str) -> Answer | None:
        """"The largest of Russia's ranges here — for how many years was it leased?": the description finds a fact whose
        titles quote one name («Байконур», in each language), and the question points back at it; it is asked as the
        turn after that fact, and its answer must quote the same name."""
        names = _quoted_in_titles(story.facts[0])
        if not names or any(len(quoted_names(title)) > 1 for title in story.facts[0].title.values()):
            return None
        alone = self._answer(self._told(ask), lang, self.turn(story))
        return alone if alone.answered and alone.facts and alone.facts[0].id != story.facts[0].id \
            and names <= _quoted_in_titles(alone.facts[0]) else None

    def _dated_by_story(self, asked: str, said: Sequence[str]) -> str | None:
        """"My nephew says 1996 was an important year for us. What happened that year?": the question
        with the one year the rest of the message names, which its "that year" points to (None otherwise)."""
        if YEAR_RE.search(asked) or not find_phrases(tuple(tokens(asked)), self.lex.phrases["same_year"]):
            return None
        years = {y for s in said if s is not asked for y in YEAR_RE.findall(s)}
        return f"{asked.rstrip(' ?')} {years.pop()}?" if len(years) == 1 else None

    def _told(self, text: str) -> str:
        """What a message asks, without its courtesies and the asker's report of it ("my teacher asked …")."""
        return reported_question(without_courtesy(text, self.lex, self._names_topic), self.lex, self.index.idf.__contains__)

    def _best_matches(self, question: str, fused: bool = False) -> set[str]:
        """The ids of a whole question's best lexical matches: what a part or a sentence of it must find; with
        `fused`, its best by both signals too (the first part, asked on its own: "what does Kazakhstan sell to
        Russia, and what comes from there?" matches the imports' words best, and the exports' meaning)."""
        query = self.understanding.parse(question)
        best = {h.fact.id for h in self._search(query)[:WEIGHTS.part_pool]}
        if fused and self.semantic is not None and query.words:
            best.update(r.fact.id for r in self.rank(query)[:WEIGHTS.part_pool])
        return best

    def pending_embeddings(self, question: str, previous: Turn | None = None, lang: str | None = None) -> list[str]:
        """Every text whose embedding `answer()` needs and has not cached yet ([] when none is left).

        The answer is worked out with the model barred (`SemanticIndex.gathering`): each text it
        would have embedded is noted and scored as if the model were absent, so one pass finds a
        two-part question's parts and its whole together, and the caller embeds them side by side
        off the event loop (`embed_all`; the model releases the GIL). Where the real scores then
        lead elsewhere, the next pass finds what that path needs. With nothing missing, the answer
        is final and kept for `answer()`."""
        if self.semantic is None or self._given(question, lang, previous) is not None:
            return []
        with self.semantic.gathering() as missing:
            answer = self._reply(question, lang, previous)
        if missing:
            return list(missing.values())
        self._remember(question, lang, previous, answer)
        return []

    def embed(self, texts: Sequence[str]) -> None:
        """Compute and cache these texts' embeddings, side by side (slow: run it in a worker thread)."""
        if self.semantic is not None:
            self.semantic.embed_all(texts)

    def fact_answer(self, fact: Fact, lang: str, question: str = "", related: Iterable[Fact] = ()) -> Answer:
        """One fact told in full, e.g. for a button or an inline card."""
        return self.compose.fact(fact, lang, question, related)

    @staticmethod
    def turn(answer: Answer, resolved: str | None = None) -> Turn | None:
        """What the next question may lean on after this answer (nothing after small talk or a decline
        without a fact)."""
        if answer.kind == "smalltalk" or not answer.facts:
            return None
        listed = tuple(f.id for f in answer.facts[len(answer.facts) - len(answer.related):]) if answer.related else ()
        return Turn(resolved or answer.query, answer.lang, answer.script, tuple(f.id for f in answer.facts), answer.kind,
                    answer.plain_latin, answer.dotted_i, listed)

    # -- the pipeline -----------------------------------------------------------------------

    def _answer(self, question: str, lang: str, previous: Turn | None) -> Answer:
        if not question:
            return self.compose.decline(question, lang)
        kind = smalltalk_kind(question, self.lex) or self._courtesy_only(question)
        if kind:
            return self.compose.smalltalk(kind, lang, question)
        if previous is not None:
            question = self._person_named(question, previous)
        first = self.understanding.parse(question)
        if previous is not None and self._asks_source(first):
            shown = self._shown(previous)
            if shown:
                return self.compose.provenance(shown, lang, question)
        resolved = resolve(question, first, previous, self.lex, self._context, self.title_names)
        if resolved.how == "unresolved":
            return self.compose.decline(question, lang, key="followup.unresolved")
        if resolved.how == "else" and previous is not None:
            return self._more(previous, lang)
        if resolved.how == "followup" and previous is not None:
            quoted = self._newly_quoted(question, first, previous, lang)
            if quoted is not None:
                return quoted
        if resolved.how == "followup" and previous is not None and len(first.named_years) == 1 \
                and self.lex.words["whole_words"].issuperset(first.words):
            # "and in 2023?" (or "the full total for 1998?") after trade in 2008: a year the series skips
            # has no figure, whatever else it saw.
            shown = self._shown(previous)
            metric = shown[0].metric if len(shown) == 1 else None
            level = _LEVEL_OF_CHANGE.get(metric or "")
            if metric and level and self._skips(metric, first.named_years[0]) \
                    and (level, first.named_years[0]) in self.figures \
                    and not self.lex.words["percent_units"].intersection(first.tokens):
                # "ал 1997 жылы қанша болған?" after the growth of 1998's first half: a year the growth series skips,
                # asked "how much" (not "by how many percent"), is asked of the level that grew: 1997's turnover.
                return self.compose.fact(self.figures[(level, first.named_years[0])][0], lang, question)
            if metric and self._skips(metric, first.named_years[0]):
                return self.compose.decline(question, lang, [self.figures[(metric, y)][0] for y in sorted(
                    self.series[metric], key=lambda y: abs(y - first.named_years[0]))[:3]])
        # "al Kandelaki she?": Kazakh "ал" (and) folds as English "all" does, and so reads as asking a list;
        # before a name (a capital letter) it asks of that name as "а Канделаки?" does.
        named_after_and = fold("ал") in first.tokens and not _ALL_RE.search(question) and _CAPITAL_RE.search(question)
        asks = first.intents - {"list"} if named_after_and else first.intents
        if (resolved.how == "followup" and previous is not None and not asks and not first.named_years
                and 1 <= len(first.words) <= 2 and not names_side(question, self.lex) and years_shift(question) is None):
            other = self._other_named(question, first, previous, lang)
            if other is not None:
                return other
        if previous is not None and not first.named_years:
            dated = self._on_shown_date(question, first, previous, lang)
            if dated is not None:
                return dated
        shifted_year = self._year_off_shown(question, first, previous, lang) if previous is not None else None
        if shifted_year is not None:
            return shifted_year
        # "… and on that day in 1991?", "… on the same date one year later": that day of another year.
        named_year = first.named_years[0] if len(first.named_years) == 1 else None
        years_on = 1 if named_year is None and find_phrases(first.tokens, self.lex.phrases["year_after"]) else 0
        other_year = named_year is not None or years_on > 0
        if previous is not None and ("when" not in first.intents or other_year) \
                and find_phrases(first.tokens, self.lex.phrases["same_day"]):
            # (but "when was that day made a holiday?" asks a date of the day, not what else it saw)
            same_day = (None if other_year else self._of_shown_day(first, previous, lang)) \
                or self._same_day(previous, lang, question, named_year, years_on)
            if same_day is not None:
                return same_day
        # ("after that" with a topic of its own — "а после этого когда ужесточили визовые правила?" — asks that topic)
        after_that = {tok for _, ph in find_phrases(first.tokens, self.lex.phrases["next_words"]) for tok in ph}
        if previous is not None and not first.named_years and (
                self.lex.words["next_words"].intersection(first.tokens)
                or (after_that and len([w for w in first.words if w not in after_that]) <= AFTER_THAT_WORDS)):
            following = self._next_of_shown(previous, lang, question, mentions(first.tokens, self.lex, "planned_words"))
            if following is not None:
                return following
        before_that = {tok for _, ph in find_phrases(first.tokens, self.lex.phrases["before_that"]) for tok in ph}
        if previous is not None and not first.named_years and before_that \
                and len([w for w in first.words if w not in before_that]) <= AFTER_THAT_WORDS:
            preceding = self._last_before_shown(previous, lang, question, first.months)
            if preceding is not None:
                return preceding
        holder = self._office_holder(first, lang, previous) if previous is not None and not first.named_years else None
        if holder is not None:  # "а кто тогда был президентом России?": in the year of the fact just shown
            return holder
        if (previous is not None and not first.named_years and len(first.words) <= WEIGHTS.short_words + 1
                and (resolved.how == "followup" or refers_back(question, self.lex)) and not names_side(question, self.lex)):
            of_day = self._of_shown_day(first, previous, lang)
            if of_day is not None:
                return of_day
        if resolved.how == "followup" and previous is not None and not first.words and first.intents == {"where"}:
            # "Қай қалаларда?" right after a fact that says where: that fact, not every fact that names a city.
            shown = self._shown(previous)
            # (unless it names no place but the thing talked of: "where exactly is it?" after the cosmonauts who flew
            # "from Baikonur" asks where Baikonur is)
            # (a capital too, where the fact also names the month: "in October in Russia, in November in Astana")
            placed = bool(shown) and bool(shown[0].place or self.answerable.named_places & self.answerable.said(shown[0])
                                          or (_months_told(shown[0]) and self.answerable.cities & self.answerable.said(shown[0])))
            if previous.kind == "fact" and placed and self.answerable.missing(first, shown[0]) is None:
                return self.compose.fact(shown[0], lang, question)
        if resolved.how == "followup" and previous is not None and previous.kind == "fact" and not first.words \
                and ((first.intents == {"when"} and refers_back(question, self.lex))
                     or ("month" in first.intents and first.intents <= {"when", "month"})):
            # "а когда это было?" (or "Қай айда?") right after a dated fact: that fact, not what the previous question's
            # words find with "when" ("first" of "the first trip abroad" finds the first stage of relations).
            shown = self._shown(previous)
            if shown and shown[0].when is not None and (shown[0].when.month or "month" not in first.intents) \
                    and self.answerable.missing(first, shown[0]) is None:
                return replace(self.compose.fact(shown[0], lang, question), query=resolved.text)
        nth = self._nth_summed(first, previous, lang, question) if previous is not None and previous.kind == "fact" else None
        if nth is not None:
            return nth
        if resolved.how == "followup" and previous is not None and previous.kind in ("fact", "list") and not first.words \
                and "day" in first.intents:
            # "Қай күндері?" right after a fact and those told beside it, or a list: the first of them that gives its days.
            with_days = next((f for f in self._shown(previous) if self.answerable.missing(first, f) is None), None)
            if with_days is not None:
                return self.compose.fact(with_days, lang, question)
        # "неге тыйым салды?" after a ban: words the question before used stand alone only by chance, and name no
        # new detail.
        echoed = previous is not None and echoes(first.words, first.verbs, previous.question)
        if resolved.how == "followup" and previous is not None and not only_sides(question, self.lex) and not echoed:
            # A word pointing back ("their country") may point inside a long question that matches a fact in full.
            pointing = refers_back(question, self.lex)
            if (not pointing or len(first.words) > WEIGHTS.short_words) and not self._flow_of_year(first, previous) and \
                    self._stands_alone(first, previous, WEIGHTS.full_match if pointing else WEIGHTS.followup_alone):
                resolved = Resolved(question, "standalone")
            elif pointing and self._names_other_title(first, previous):
                # "When did it get the name Russia Day?": "it" is the holiday its own words name in full.
                resolved = Resolved(question, "standalone")
        if resolved.how == "standalone" and previous is not None and self._about_previous(first, previous) \
                and not self.lex.words["other_words"].intersection(first.tokens):  # ("and the other ranges?" asks beyond it)
            # "Ресей жағынан құрылтайшысы кім болды?" right after the joint venture's fact, which
            # names its founders: asked of that fact first, not of any founders anywhere.
            for about in self._context(previous)[1]:
                leaning = self._route(self.understanding.parse(f"{about} {question}"), lang)
                if leaning.answered:
                    return leaning
        counts_time = self._counts_time(first)
        # "How many days passed between …?" too: two days of one year are counted in days.
        if resolved.how == "standalone" and ("elapsed" in first.intents or (
                "how_much" in first.intents and self.lex.words["day_words"].intersection(first.tokens))):
            between = self._between(question, lang)
            if between is not None:
                return between
        halves_both_ways = self.understanding.both_ways(question) if resolved.how == "standalone" and not counts_time else None
        if halves_both_ways is not None:
            directions = self._both_directions(halves_both_ways, first, lang, question)
            if directions is not None:
                return directions
        if resolved.how == "standalone" and find_phrases(first.tokens, self.lex.phrases["mutual_phrases"]):
            both = self._mutual(first, lang, question)
            if both is not None:
                return both
        if resolved.how == "standalone" and (halves_both_ways is not None or "compare" in first.intents
                                             or self.understanding.side_turns(question) >= 2):
            mirrored = self._mirrored(first, lang, question)
            if mirrored is not None:
                counted = self._apart(mirrored, lang, question) if counts_time else None
                return counted or mirrored
        measures = or_pair(question) if resolved.how == "standalone" and "compare" in first.intents else None
        if measures is not None:
            set_side_by_side = self._compare_measures(measures, lang, question)
            if set_side_by_side is not None:
                return set_side_by_side
        elif resolved.how == "standalone" and self.lex.words["comparing_words"].intersection(first.tokens) \
                and len(set(first.named_years)) < 2:
            # "Compare X and Y" (not "compare 1997 with 2011", one measure in two years): two measures
            set_side_by_side = self._compare_joined(question, lang)
            if set_side_by_side is not None:
                return set_side_by_side
        pair = earlier_pair(question) if resolved.how == "standalone" else None
        if pair is not None:
            ordered = self._earlier(pair, lang, question)
            if ordered is not None:
                return ordered
        day_of = day_hop(question) if resolved.how == "standalone" else None
        if day_of is not None:
            on_that_day = self._on_event_day(*day_of, lang, question)
            if on_that_day is not None:
                return on_that_day
        later = days_after(question) if resolved.how == "standalone" else None
        if later is not None:
            event, ask, days = later
            days_on = self._on_event_day(event, ask, lang, question, days)
            if days_on is not None:
                return days_on
        hop = year_hop(question) if resolved.how == "standalone" else None
        if hop is not None:
            hopped = self._hop(hop, lang, question)
            if hopped is not None:
                return hopped
        beyond = self._beyond_named(first, lang) if resolved.how == "standalone" else None
        if beyond is not None:
            return beyond
        if resolved.how == "standalone" and "list" in first.intents and len(first.named_years) == 1 and first.days:
            # "List everything signed on 6 July 1998 (I only remember the declaration)": that day's facts,
            # not the one the rest of the message names again.
            signed = self._on_days({(first.named_years[0], month, day) for month, day in first.days})
            if len(signed) > 1:
                return self.compose.listing(signed, lang, question, "")
        if previous is None and self._typed_topic(first):
            overview = self._overview(first, self.rank(first), lang)
            if overview is not None:
                return overview
        query = first if resolved.text == question else self.understanding.parse(resolved.text)
        answer = self._route(query, lang)
        if resolved.how == "followup" and previous is not None and answer.facts and not first.intents \
                and not first.named_years and answer.facts[0].id not in previous.fact_ids \
                and self.index.people_named(self.position[previous.fact_ids[0]], first.words) \
                and self._about_previous(first, previous):
            # "Putin oğan baramyn dedı me?" (did Putin say he would go?) after the SCO summit in Astana, whose fact
            # says Putin will come: read with "in Astana" alone it finds Putin's other words; a yes-or-no question
            # of someone the shown fact names is asked of that fact, as its title's reading finds it.
            answer = next((leaning for about in self._context(previous)[1][1:]
                           if (leaning := self._route(self.understanding.parse(f"{about} {question}"), lang)).facts
                           and leaning.facts[0].id == previous.fact_ids[0]), answer)
        if resolved.how == "standalone" and answer.kind == "fact" and self._asks_next(first, answer):
            # "After the Astana forum, when was their next meeting planned?": the later meeting of the
            # same people, not the forum the question starts from.
            following = self._next_of_shown(Turn(question, lang, answer.script, (answer.facts[0].id,), "fact"),
                                            lang, question)
            if following is not None:
                return following
        # ("… when the union grew, which countries joined it?" asks the same on its own)
        newcomers = self._who_joined(query, first, answer, lang) \
            if resolved.how == "followup" or "countries" in first.intents else None
        if newcomers is not None:
            return replace(newcomers, query=resolved.text)
        unsaid = self._unsaid_of_shown(question, first, previous, lang) \
            if resolved.how == "followup" and previous is not None and answer.kind == "list" else None
        if unsaid is not None:
            return unsaid
        if resolved.how == "followup" and previous is not None and first.months and not first.named_years:
            answer = self._of_named_month(query, first.months, previous, answer, lang)
        if resolved.how == "followup" and previous is not None and answer.kind == "fact" and first.words \
                and not first.months and not echoed:
            answer = self._beyond_shown(query, first, previous, lang) or answer
        halves = or_halves(question) if resolved.how == "standalone" and "list" in first.intents else None
        if halves is not None and (not answer.answered or answer.kind == "fact"):
            either = self._either(halves, lang, question)
            if either is not None:
                return either
        elif halves is not None and answer.kind == "list":
            # "… whose concerts were cancelled or who was not let in?": a list that found only the first kind
            # takes in what the other half finds.
            either = self._either(halves, lang, question)
            if either is not None and {f.id for f in either.facts} - {f.id for f in answer.facts}:
                joined = sorted({f.id: f for f in (*answer.facts, *either.facts)}.values(), key=_in_order)
                return self.compose.listing(joined, lang, question, "", dated=True)
        # "total population of those 3 countries?" after trade growth: the topic carried over found a figure of another measure.
        other_measure = resolved.how == "followup" and answer.answered and bool(answer.facts) \
            and self.answerable.measures_other(first, answer.facts[0])
        if (not answer.answered or other_measure) and previous is not None and resolved.how != "else":
            # "Resei jağynan oğan kım qol qoidy?" of the treaty just told, which names no signer: a person the shown
            # fact lacks is declined as such, not asked on its own of any fact that names presidents. (Not "and how
            # long is the border by that account?": a measure asked anew finds its own fact.)
            of_shown = resolved.how == "followup" and bool(answer.facts) and answer.facts[0] in self._shown(previous)
            lacked = of_shown and "who" in first.intents
            # ("Naqty qai küni?" of a treaty the sources date by its year alone: no other paper's day is its day)
            undated = of_shown and "day" in first.intents and not first.words
            for text in () if undated else retries(question, first, previous, self.lex, self._context):
                if lacked and text == question:
                    continue
                reading = self.understanding.parse(text)
                retry = self._route(reading, lang)
                if retry.answered and retry.facts and self.answerable.measures_other(first, retry.facts[0]):
                    continue  # "total population of those 3 countries?" is not told by the trade growth talked of
                if retry.answered and retry.kind == "fact" and first.words and retry.facts[0].id in previous.fact_ids:
                    # "ал қазіргі атауын қашан алды?" read with the holiday just shown: a detail that fact lacks
                    # is told by the close runner-up that has it.
                    retry = self._beyond_shown(reading, first, previous, lang, further=False) or retry
                if retry.answered:
                    return replace(retry, query=text)
        return replace(answer, query=resolved.text) if resolved.how == "followup" else answer

    def _goes_the_other_way(self, query: Query, top: Ranked) -> bool:
        """Whether the goods or money a question asks of go to one side and the top fact's to the other."""
        way = destination(query.text, located=True)
        return way is not None and self.goods_side.get(top.index, way) != way

    def _on_shown_date(self, question: str, first: Query, previous: Turn, lang: str) -> Answer | None:
        """"Ал сол жылдың қазанында президенттер қай қалада кездесті?", "and what joint venture was agreed
        that same month?": the question asked again of the year (or the month and year) of the fact just shown."""
        for key in ("same_year", "same_month"):
            if not find_phrases(first.tokens, self.lex.phrases[key]):
                continue
            when = next((f.when for f in self._shown(previous) if f.when and (key == "same_year" or f.when.month)), None)
            if when is None:
                continue
            said = f"{MONTHS['en'][when.month - 1]} {when.year}" if key == "same_month" and when.month else str(when.year)
            asked = self.understanding.parse(f"{question} {said}")
            dated = self._route(asked, lang)
            before = self.lex.words["earlier_words"].intersection(first.tokens)
            if before and when.month and not (dated.answered and dated.facts and dated.facts[0].when is not None
                                              and dated.facts[0].when.key < when.key):
                # "Had they already met earlier that year?" after the November meeting: a fact of that year dated before it.
                ranked = self.rank(asked)[:WEIGHTS.answerable_tries]
                least = min(WEIGHTS.min_coverage, ranked[0].coverage) if ranked else 1.0
                earlier = next((r.fact for r in ranked if r.fact.when and r.fact.when.year == when.year and r.fact.when.month
                                and r.fact.when.key < when.key and r.coverage >= least), None)
                return self.compose.fact(earlier, lang, question) if earlier is not None else None
            if dated.answered:
                return dated
        return None

    def _fuzzy_readings(self, typed: str) -> list[str]:
        """The known words the index's fuzzy match reads a mistyped word as, closely enough to mend it."""
        return [found for found, score in self.index.expand(typed) if score >= WEIGHTS.mend_similarity]

    def _without_restatement(self, question: str) -> str:
        """A question without the gloss it gives of itself, when enough of it is left to ask and the gloss asks
        nothing of its own ("…, that is, which treaty came first?" is the question)."""
        # A gloss between commas first ("Baykonur antlaşmasınan bir jıl soñ, yani kelesi jılı, … qay küni qol qoydı?"),
        # whose commas close up into one, then one that runs to the question's end.
        for pattern, joint in ((_RESTATED_INSET_RE, ","), (_RESTATED_RE, "")):
            match = pattern.search(question)
            if match is not None and len(question[:match.start()].split()) >= RESTATED_MIN \
                    and not self.lex.question_words.intersection(tokens(match.group())):
                question = question[:match.start()] + joint + question[match.end():]
        return question

    def _names_topic(self, word: str) -> bool:
        """Whether a word is one the facts use, inflected or mistyped ("Азию" of "Азия"), unlike "Bishkek"."""
        return bool(self.index.expand(word))

    def _courtesy_only(self, question: str) -> str | None:
        """Thanks, a goodbye or a greeting followed by words that name nothing the facts speak of
        ("…, that really helps for my olympiad", "…, ертең тағы жазамын"), or sentences that are each
        small talk or name nothing ("Сен кімсің өзі? Ботсың ба?", "а ты кто вообще? че умеешь"): small
        talk all the same. A sentence that leans on the answer before ("what else?") is a question."""
        lead = courtesy_lead(question, self.lex)
        kind, rests = (lead[0], [lead[1]]) if lead else smalltalk_sentences(question, self.lex) or (None, [])
        if kind is None:
            return None
        filler = self.lex.words["smalltalk_filler"]
        for rest in rests:
            if lead is None and introduces_self(rest, self.lex):
                continue
            query = self.understanding.parse(without_own_things(rest))
            if query.years or (lead is None and (refers_back(rest, self.lex) or asks_else(rest, self.lex))):
                return None
            # "… Can you help with my deliverables on KZ-RU?": the asker's own work names no topic, nor do
            # the two sides every fact is about, asked of alone.
            known = [w for w in query.words if w in self.index.idf and w not in filler]
            # A chatty message that asks nothing ("Спасибо за вчерашние ответы, я внуку показала, он
            # сказал …") may use a few words the facts use too; a question mark or mostly such words ask.
            if set(known) - self.side_words if "?" in question else len(known) * WEIGHTS.chatter_known > len(query.words):
                return None
        return kind

    def _both_parts(self, question: str, parts: tuple[str, str], lang: str, previous: Turn | None) -> Answer | None:
        """"Where is Baikonur and for how long was it leased?": the first part answered, then the
        second as its follow-up; both facts told, when each part has its own and both are among
        the whole question's best lexical matches (a follow-up read wrongly finds something else).
        Tried before the whole question, whose model call it then saves. The same asked of each side
        in turn ("when did Russia recognise Kazakhstan and when Kazakhstan Russia?") gets both facts."""
        if previous is None and self.understanding.side_turns(question) >= 2:
            whole = self.understanding.parse(question)
            mirrored = self._mirrored(whole, lang, question)
            if mirrored is not None:  # "на сколько дней раньше …, чем …?" counts the days between the two too
                counted = self._apart(mirrored, lang, question) if self._counts_time(whole) else None
                return counted or mirrored
        first = self._answer(parts[0], lang, previous)
        if first.answered and first.kind == "overview":
            # "What is Baikonur and what has it to do with Kazakhstan and Russia?": an overview already tells
            # the rest, when the second part, asked of it, finds nothing the overview leaves out.
            generic = self.lex.words["generic"]
            if all(w in self.side_words or w in generic for w in self.understanding.parse(parts[1]).words):
                return replace(first, query=question)
            second = self._answer(parts[1], lang, self.turn(first))
            return replace(first, query=question) if not second.answered or second.facts[0] in first.facts else None
        if not first.answered or first.kind not in ("fact", "list"):
            return None  # a list ("which region?" told by the facts placed there) leads with its best fact
        changes = self.lex.words["change_words"]
        percent = self.lex.words["percent_units"]
        asks_alike = self.lex.asking_words.intersection(tokens(parts[0])) & self.lex.asking_words.intersection(tokens(parts[1]))
        if asks_alike and not changes.intersection(tokens(parts[1])):
            # "… экспорт канша пайызға өсті, ал жалпы сауда канша пайызға?": the second part asks alike and leaves
            # out the change the first asks of, which it asks as well; and the unit ("на сколько процентов вырос
            # экспорт и на сколько — товарооборот?": the percent too).
            carried = changes if percent.intersection(tokens(parts[1])) else changes | percent
            parts = (parts[0], " ".join([parts[1], *(w for w in _WORD_RE.findall(parts[0]) if carried.intersection(tokens(w)))]))
        second = self._answer(parts[1], lang, self.turn(first))
        if second.answered and second.kind == "fact" and second.facts[0] == first.facts[0]:
            if self._says_own_words(parts, first.facts[0]):
                return replace(first, query=question)  # one fact holds both details
            # "… and what does it import from there?": its own word is not in the fact just found,
            # which the follow-up's borrowed words pulled back; the part is asked with the sides alone,
            # and the first part's year when it names none ("In 2011 exports grew by how much, and the whole trade?").
            sides = " ".join(w for w in _WORD_RE.findall(parts[0]) if w.lower() in self.lex.swap)
            years = "" if YEAR_RE.search(parts[1]) else " ".join(YEAR_RE.findall(parts[0]))
            second = self._answer(f"{sides} {years} {parts[1]}".strip(), lang, None)
        if second.kind == "list" and len(second.facts) == 2 and first.facts[0] in second.facts \
                and _number_and_sum(*second.facts):
            # "… қанша жоба іске асырылып жатыр, олардың құны қанша?": the second part, a sum asked beside
            # the number just found, has told both already.
            return self.compose.listing([first.facts[0], *(f for f in second.facts if f != first.facts[0])],
                                        lang, question, "", in_full=2)
        listed = second.kind == "list" and "list" in self.understanding.parse(parts[1]).intents
        # (an overview's first fact is what the part asked: "… and what is their combined economic potential?")
        told_one = second.kind in ("fact", "overview")
        if not second.answered or (not told_one and not listed) or second.facts[0] == first.facts[0]:
            return None
        # "… where is Russia's largest range, and when was it leased?": a second part pointing back at a name the first
        # part's fact titles («Байконур») is asked of that name, which the whole question's words never said.
        named = _quoted_in_titles(first.facts[0]) & _quoted_in_titles(second.facts[0])
        pointed = bool(named) and refers_back(parts[1], self.lex)
        best = self._best_matches(question)
        if (second.facts[0].id not in best and not pointed) \
                or (first.facts[0].id not in best and first.facts[0].id not in self._best_matches(question, fused=True)):
            return None
        # "… where is it, and what agreements are there on it?": a list asked second is told after the first fact.
        told = [first.facts[0], *(f for f in second.facts if f != first.facts[0])] if listed \
            else [first.facts[0], second.facts[0]]
        return self.compose.listing(told, lang, question, "", in_full=2)

    def _says_own_words(self, parts: tuple[str, str], fact: Fact) -> bool:
        """Whether a fact tells (in its text, title or names for it, not the sample questions its index holds)
        every word the second part of a question adds to the first (sides aside)."""
        before = set(self.understanding.parse(parts[0]).words)
        own = [w for w in self.understanding.parse(parts[1]).words if w not in before and w not in self.side_words]
        said = self.answerable.said(fact) | {tok for names in fact.aliases.values() for name in names for tok in tokens(name)}
        return all(w in said for w in own)

    def _person_named(self, question: str, previous: Turn) -> str:
        """"Did he later come to Kazakhstan?" right after a fact that names one person: that person
        ("did Yeltsin later come …"), found like any name, not the topic of the question before."""
        pointing = self.lex.words["person_pronouns"]
        if self.language.detect(question) == "kk":
            pointing = pointing - {fold("ше")}  # "al Kandelaki she?": the Kazakh particle "ше", not "she"
        if not any(fold(m.group()) in pointing for m in _WORD_RE.finditer(question)):
            # "он", "ол" also mean "it": they stand for a person only beside what a person does ("приезжал").
            person_done = self.lex.words["person_verbs"].intersection(tokens(question))
            pointing = self.lex.words["person_refers"] if person_done else frozenset()
        pronouns = [m for m in _WORD_RE.finditer(question) if fold(m.group()) in pointing]
        shown = self._shown(previous)
        people = shown[0].people if shown and shown[0].people else {}
        if not pronouns or len(people.get("en", ())) != 1:
            return question
        name = people.get(previous.lang, people["en"])[0].split()[-1]
        return _WORD_RE.sub(lambda m: name if fold(m.group()) in pointing else m.group(), question)

    def _context(self, previous: Turn) -> tuple[frozenset[str], tuple[str, ...]]:
        """What the previous question asked, and what it was about. When it was answered with one
        fact (or a list, by the fact that leads it): the names in that fact's title the question
        used ("Байконур" of "Соглашение об аренде космодрома «Байконур»": "where is it?" means the
        cosmodrome), else the title words it used,
        else the title (with the year only if the question named it); otherwise its content words.
        Each narrower reading comes first; a follow-up that finds no answer tries the next."""
        before = self.understanding.parse(previous.question)
        years = " ".join(str(y) for y in before.named_years)
        fact = self.store.get(previous.fact_ids[0]) if previous.kind in ("fact", "list") and previous.fact_ids else None
        if fact is None:
            return before.intents, (f"{topic(previous.question, before)} {years}".strip(),)
        if before.named_years and not set(before.named_years) & self._years_of(fact) and fact.when:
            # "Is it true the Customs Union started in 2011?" told 2010: the follow-up leans on the year the fact is from.
            years = str(fact.when.year)
        lang = previous.lang if previous.lang in fact.title else "en"
        title = _PAREN_RE.sub(" ", fact.title[lang])
        # … as typed or mistyped ("exprots" used "exports")
        typed = set(before.words) | {c for w in before.words if len(w) >= FUZZY_MIN and not w[0].isdigit()
                                     and w not in self.index.vocab_set for c, _ in self.index.expand(w)
                                     if c not in self.lex.synonyms.get(w, ())}
        # … or stemmed apart ("экспорта" → "ekspor", "экспорт" → "eksport")
        used = [w for w in _WORD_RE.findall(title) if (toks := tokens(w)) and all(
            tok in typed or (len(tok) >= FUZZY_MIN and any(t.startswith(tok) for t in typed)) for tok in toks)]
        # (Not the sides, inflected or not: "Казахстана", "Россию" name what every fact is about.)
        names = [w for w in used if w.lower() not in self.lex.swap and not set(tokens(w)) <= self.side_words
                 and _named_in(w, fact.text[lang])]
        # The title's names the question did not use come before the whole title: after "на сколько
        # лет?" or "from which spaceport did they fly?", "where is it?" asks where Baikonur is.
        named = [w for w in _WORD_RE.findall(title) if w not in used and w.lower() not in self.lex.swap
                 and not set(tokens(w)) <= self.side_words and w[:1].isupper() and _named_in(w, fact.text[lang])]
        # "Договор" opening a title is capitalised as a name is, but names no one document.
        documents = self.lex.words["document_words"]
        names, named = ([w for w in ws if not set(tokens(w)) <= documents] for ws in (names, named))
        # Last, a name quoted beyond its title: "for how many years was it leased?" after a list of Russia's test ranges
        # and «Байқоңыр», the largest, asks of Baikonur; so it does after a fact whose text quotes that one name alone.
        told = self._shown(previous)[1:] if previous.kind == "list" else []
        names_told = [n for f in told for n in quoted_names(f.title[lang])]
        in_text = list(dict.fromkeys(quoted_names(fact.text[lang])))
        quoted = " ".join(name for name in dict.fromkeys(names_told + (in_text if len(in_text) == 1 else []))
                          if len(name) <= QUOTED_NAME_CHARS and fold(name) not in fold(title))
        readings = (" ".join(names), " ".join(used), " ".join(named), title, quoted)
        return before.intents, tuple(dict.fromkeys(f"{r} {years}".strip() for r in readings if r))

    def _between(self, question: str, lang: str) -> Answer | None:
        """"How many years passed between the 1992 treaty and the 2013 one?": each event found on its
        own, and the years between their dates computed (two events ranked together blur)."""
        ends = self.lex.words["end_words"]
        days = self.lex.words["day_words"]

        def event(text: str) -> Fact | None:  # "the end of Kasym Khan's reign" is found as his reign
            # ("Ресей бізді таныған күн", the day Russia recognised us: the day is what is counted, not a word of the event)
            return self._dated_event(" ".join(w for w in text.split() if not (ends | days).intersection(tokens(w))))

        for a, b in two_events(question):
            first, second = event(a), event(b)
            if first is not None and second is not None and _dated_apart(first, second):
                ended = frozenset(f.id for f, text in ((first, a), (second, b)) if ends.intersection(tokens(text)))
                return self.compose.elapsed(first, second, None, lang, question, ended)
        return None

    def _office_holder(self, query: Query, lang: str, previous: Turn | None = None) -> Answer | None:
        """"Who was Russia's president in 1998?", "… when the first marker was put up?" (its year hopped to), "and who
        was running Russia then?" (the year of the fact just shown): the president of each side named, as the fact
        naming a president of that side nearest to the year shows him. None unless a head of state is asked in one
        year, in a few words."""
        lex = self.lex
        toks = set(query.tokens)
        heads = lex.words["head_words"] & toks or find_phrases(query.tokens, lex.phrases["head_words"])
        # (asked as "who was …" or in a few words, "а кто тогда президентом России?", not "кто из президентов приезжал
        # с госвизитом …"; and not of a president the question names)
        holder = find_phrases(query.tokens, lex.phrases["holder_phrases"]) or ("who" in query.intents and len(query.words) <= 3)
        if not heads or not holder or (lex.words["russia_presidents"] | lex.words["kazakhstan_presidents"]) & toks:
            return None
        sides = [side for side in ("russia", "kazakhstan") if lex.words[f"{side}_names"] & toks]
        shown = self._shown(previous) if previous is not None else []
        year = query.named_years[0] if query.named_years else next((f.when.year for f in shown if f.when), None)
        # (no more than a word beside the office and the sides: "кім басқарды Ресей делегациясын?" asks of a delegation)
        other = set(query.words) - lex.words["head_words"] - lex.words["russia_names"] - lex.words["kazakhstan_names"]
        if not sides or year is None or len(other) > 1:
            return None
        held: list[tuple[Fact, str]] = []
        for side in sides:  # "who were the presidents of KZ and Russia in 2009?": each side's
            presidents = lex.words[f"{side}_presidents"]
            # (not one a fact calls a past president: "… met Russia's first president Boris Yeltsin" in 2000)
            named = [(f.when.key, f, person, en) for f in self.store.facts if f.when and f.people
                     for person, en in zip(f.people[lang], f.people["en"], strict=True)
                     if presidents & set(tokens(en)) and not _named_as_former(f, en)]
            before = max((n for n in named if n[0][0] <= year), key=lambda n: n[0], default=None)
            after = min((n for n in named if n[0][0] >= year), key=lambda n: n[0], default=None)
            if before is None and after is None or (before and after and before[3] != after[3]):
                return None  # the nearest mentions on either side of the year name different presidents: a guess
            nearest = min((n for n in (before, after) if n is not None), key=lambda n: (abs(n[0][0] - year), n[0]))
            held.append((nearest[1], nearest[2]))
        facts = list({fact.id: fact for fact, _ in held}.values())
        intro = self.compose.office_holder(", ".join(name for _, name in held), year, lang, len(held))
        return self.compose.fact(facts[0], lang, query.text, related=facts[1:], intro=intro)

    def _counts_time(self, query: Query) -> bool:
        """Whether a question counts the time between things ("how many years passed", "неше күн")."""
        return "elapsed" in query.intents or ("how_much" in query.intents and bool(self.time_words.intersection(query.tokens)))

    def _apart(self, told: Answer, lang: str, question: str) -> Answer | None:
        """"Which came first, A or B? How many days apart?": two dated facts told side by side, with the time
        between them counted (None unless they are two, dated apart)."""
        dated = sorted((f for f in told.facts if f.when), key=lambda f: f.when.key if f.when else (0, 0, 0))
        if len(told.facts) != 2 or len(dated) != 2 or dated[0].id == dated[1].id \
                or not _dated_apart(dated[0], dated[1]):
            return None
        return self.compose.elapsed(dated[0], dated[1], None, lang, question)

    def _earlier(self, pair: tuple[str, str], lang: str, question: str) -> Answer | None:
        """"Which came first, X or Y?": each event found on its own and both told in date order, with
        the years between them when their years differ."""
        first, second = self._dated_event(pair[0]), self._dated_event(pair[1])
        if first is None or second is None or first.id == second.id or not (first.when and second.when):
            return None
        if _dated_apart(first, second):
            return self.compose.elapsed(first, second, None, lang, question)
        ordered = sorted((first, second), key=lambda f: f.when.key if f.when else (0, 0, 0))
        return self.compose.listing(ordered, lang, question, "", dated=True)

    def _compare_measures(self, measures: tuple[str, str, str], lang: str, question: str) -> Answer | None:
        """"What grew faster in 2011, trade or exports?": each measure asked with the head ("grew",
        2011), and the two figures set side by side when both are given in the same unit."""
        head, *parts = measures
        bare = not self.understanding.parse(parts[1]).words
        years = [YEAR_RE.search(part) for part in parts]
        if bare and years[0] and years[1]:
            # "trade in 2008 or in 2011?": the second part is the first one's measure in its own year
            parts[1] = YEAR_RE.sub(years[1].group(), parts[0])
        elif years[0] and not years[1] and not YEAR_RE.search(head) \
                and find_phrases(tuple(tokens(parts[1])), self.lex.phrases["same_year"]):
            head = f"{head} {years[0].group()}"  # "exports in 2011 against the whole turnover that year"
        candidates: list[list[Fact]] = []
        for part in parts:
            query = self.understanding.parse(f"{head} {part}")
            ranked = self.rank(query)
            candidates.append([r.fact for r in ranked[:WEIGHTS.answerable_tries] if r.fact.value is not None
                               and r.coverage >= WEIGHTS.semantic_agree
                               and (not query.named_years or set(query.named_years) & self._years_of(r.fact))])
        if not all(candidates):
            return None
        # The best of the first part, and the best of the second in the same unit: "total trade" next to
        # export growth in percent is its growth, not its value in dollars. A head that asks how something
        # changed ("what grew faster …") sets growth against growth, where the first part has one.
        grew = self.lex.words["change_words"].intersection(tokens(head))
        first = next((f for f in candidates[0] if f.unit == "percent"), candidates[0][0]) if grew else candidates[0][0]
        second = next((f for f in candidates[1] if f.unit == first.unit and f.id != first.id), None)
        if bare:  # (two years of one measure: the first part's metric in the second year)
            second = next((f for f in candidates[1] if f.metric == first.metric and f.unit == first.unit
                           and f.id != first.id), second)
        if second is None:
            return None
        # (one metric of two years is a change; of one dated and one undated figure, two figures side by side)
        by_year = first.metric == second.metric and first.when is not None and second.when is not None
        return self.compose.compare(first, second, lang, question, by_year=by_year)

    def _compare_joined(self, question: str, lang: str) -> Answer | None:
        """"Сравните рост товарооборота и рост экспорта в 2011 году": the first reading of the question as two
        measures joined by "and" or "with" whose figures `_compare_measures` sets side by side. Each side names a
        measure, not only a side ("товарооборот России и Казахстана"), and the conjunction joins no two sides
        or years ("between Astana and Moscow", "2010 и 2011")."""
        # what both are asked by, wherever it is said ("экспорты мен сауда айналымы қанша пайызға өсті?")
        asked = [word for word in question.split() if set(tokens(word)) & self.asked_of_both]
        for head, first, second in and_pairs(question):
            # (a year may end the first measure when the second names its own: "exports in 2011 against the turnover";
            # a side's possessive may open the second: "trade … with Kazakhstan's exports")
            if any((word[0].isdigit() and k) or (not (k and _POSSESSIVE_RE.search(word))
                                                 and (set(tokens(word)) & self.side_words or self._names_a_side(word)))
                   for k, word in enumerate((first.split()[-1], second.split()[0]))):
                continue
            if all(set(self.understanding.parse(side).words) - self.side_words for side in (first, second)):
                set_side_by_side = self._compare_measures((" ".join([head, *asked]), first, second), lang, question)
                if set_side_by_side is not None:
                    return set_side_by_side
        return None

    def _names_a_side(self, word: str) -> bool:
        """Whether a word names another country or one of the two sides, also by a metonym ("Moscow", "Astana")."""
        read = self.understanding.parse(word)
        return bool(read.parties) or bool(set(read.words) & self.side_words)

    def _either(self, halves: tuple[str, str], lang: str, question: str) -> Answer | None:
        """"Whose concerts were cancelled or who was banned from entering in 2023–2024?": each half asked
        on its own (the years said once count for both), and the two facts told in date order."""
        years = " ".join(YEAR_RE.findall(question))
        found: list[Fact] = []
        for half in halves:
            text = half if YEAR_RE.search(half) else f"{half} {years}".strip()
            answer = self._route(self.understanding.parse(text), lang)
            if not answer.answered or answer.kind not in ("fact", "list"):
                return None
            found.append(answer.facts[0])
        if found[0].id == found[1].id:
            return None
        if all(f.value is not None for f in found):
            # "Which was bigger, exports in 2011 or imports in 1999?": two figures, set side by side.
            return self._side_by_side(found[0], found[1], lang, question, in_full=2)
        return self.compose.listing(sorted(found, key=_in_order), lang, question, "", dated=True)

    def _both_directions(self, halves: tuple[str, str], whole: Query, lang: str, question: str) -> Answer | None:
        """"Russia's investment in Kazakhstan and Kazakhstan's in Russia — how much?": each half asked
        with the whole question's intent, and the two facts set side by side when both give a figure
        in one unit (else told one after the other)."""
        parsed = [self.understanding.parse(half) for half in halves]
        if not (set(parsed[0].words) & set(parsed[1].words)) - self.side_words:
            return None  # the halves ask the same of each side ("investment"), not two things
        found: list[Fact] = []
        for half in parsed:
            query = replace(half, intents=whole.intents, years=whole.years, named_years=whole.named_years)
            ranked = self.rank(query)
            if not ranked or not self._confident(query, ranked) or ranked[0].coverage < WEIGHTS.min_coverage:
                return None
            # "Compare Russian investment in Kazakhstan and …": of a half's close matches, the one with a figure
            # ("19 billion"), not one that only speaks of the topic ("Russia ranks fifth among investors").
            valued = next((r for r in ranked[:WEIGHTS.answerable_tries] if r.fact.value is not None
                           and r.coverage >= WEIGHTS.min_coverage), None) if whole.intents & {"compare", "how_much"} else None
            found.append((valued or ranked[0]).fact)
        a, b = found
        if a.id == b.id:
            return None
        return self._side_by_side(a, b, lang, question, in_full=2)

    def _side_by_side(self, a: Fact, b: Fact, lang: str, question: str, **listing: Any) -> Answer:
        """Two facts asked together: compared when both give a figure in one unit, else listed (`listing`:
        how the list is told)."""
        if a.value is not None and b.value is not None and a.unit == b.unit:
            return self.compose.compare(a, b, lang, question, by_year=False)
        return self.compose.listing([a, b], lang, question, "", **listing)

    def _mutual(self, query: Query, lang: str, question: str) -> Answer | None:
        """"When did Kazakhstan and Russia recognise each other's independence?": the two dated facts,
        one for each direction, told in date order; either alone answers half of the question."""
        said = {tok for _, ph in find_phrases(query.tokens, self.lex.phrases["mutual_phrases"]) for tok in ph}
        plain = replace(query, words=tuple(w for w in query.words if w not in said))
        ranked = self.rank(plain)
        if len(ranked) < 2 or not self._confident(plain, ranked):
            return None
        top, other = ranked[0], ranked[1]
        if (other.fused < WEIGHTS.mutual_ratio * top.fused or other.coverage < top.coverage - WEIGHTS.mutual_gap
                or not (top.fact.when and other.fact.when)
                or any(self.answerable.missing(plain, r.fact) for r in (top, other))):
            return None
        return self.compose.listing(sorted((top.fact, other.fact), key=_in_order), lang, question, "", dated=True)

    def _mirrored(self, query: Query, lang: str, question: str) -> Answer | None:
        """"When did Russia recognise Kazakhstan and when did Kazakhstan recognise Russia?", "compare
        Russian investment in Kazakhstan with Kazakh investment in Russia": a question naming both
        sides in turn, or comparing, whose two best word matches are one fact and its mirror gets both,
        side by side when they give a figure in one unit, else in date order."""
        # Only two pairs of facts mirror each other: the words alone tell whether one may be meant,
        # before the model is asked for a question that then takes another way.
        both_named = self.understanding.side_turns(question) >= 2
        if both_named:
            # "… таныған күн мен … таныған күнді салыстырып беріңіз, қайсысы бұрын?": the words that only ask
            # (compare, which one, the day) are no part of what either fact must say.
            asking = self.intent_words | self.lex.words["day_words"]
            query = replace(query, words=tuple(w for w in query.words if w not in asking)) \
                if any(w not in asking for w in query.words) else query
            if "how_much" in query.intents and query.intents & {"who", "compare"} \
                    and self.lex.words["day_words"].intersection(query.tokens):
                # "Who recognised whom first? How many days was between?": the two days, told side by side, answer
                # both ("how many days after …?" alone is answered by the fact that counts them).
                query = replace(query, intents=query.intents - {"how_much"})
        near = [h.fact.id for h in self._search(query)[:2 * WEIGHTS.mirror_pool] if h.fact.id in self.mirrors]
        if not near or (len(near) < 2 and not both_named):
            return None
        ranked = sorted(self.rank(query)[:WEIGHTS.mirror_pool], key=lambda r: -r.lexical)
        if len(ranked) < 2:
            return None
        first, second = ranked[:2]
        pair: tuple[Fact, Fact] | None = None
        if self.mirrors.get(first.fact.id) is second.fact and second.lexical > 0 \
                and min(first.coverage, second.coverage) >= WEIGHTS.mirror_coverage:
            pair = first.fact, second.fact
        elif both_named:
            # Both sides named in turn: one of the best matches and its mirror, wherever the mirror ranks
            # ("Russia in Kazakhstan or Kazakhstan in Russia?" matches one direction's words better).
            # "Compare …" spends a word on the asking that neither fact says.
            # The words' own best matches count too: the model may rank another fact's day ("күні") above both.
            least = WEIGHTS.mirror_coverage if "compare" in query.intents else WEIGHTS.min_coverage
            pool = [(r.fact, r.coverage) for r in ranked]
            pool += [(h.fact, h.coverage) for h in self._search(query)[:2 * WEIGHTS.mirror_pool]]
            pair = next(((fact, self.mirrors[fact.id]) for fact, coverage in pool
                         if fact.id in self.mirrors and coverage >= least), None)
        if pair is None or any(self.answerable.missing(query, fact) for fact in pair):
            return None
        a, b = sorted(pair, key=_in_order)
        return self._side_by_side(a, b, lang, question, dated=True)

    def _dated_event(self, text: str) -> Fact | None:
        """The dated fact an event's words find with confidence, or None. The best dated match, not
        the best match: "the Customs Union started" may best match an undated fact about what the
        union became, while the one dated to its start is close behind."""
        event = self.understanding.parse(text)
        # An event named in passing ("декларацияға қол қоюдан бір жыл бұрын") is a fragment the model
        # reads poorly: a dated fact the words find far ahead of any other names it, and the model
        # is not asked (a question naming its year by an event already costs it more than one call).
        hits = self._search(event)
        if hits and hits[0].fact.when and _far_ahead(hits[0].coverage, [h.score for h in hits]):
            return hits[0].fact
        if self.lex.words["beginning_words"].intersection(event.tokens):
            # "Кеден одағы іске қосылған жыл": of the union's facts that match as well, the one that tells it began.
            # Its words of beginning ("вводом в действие") tell which fact, not what the union is: searched without them.
            starts = self.lex.words["beginning_words"] | self.lex.words["founding_words"]
            hits = self._search(replace(event, words=tuple(w for w in event.words if w not in starts))) or hits
            close = [h for h in hits[:WEIGHTS.answerable_tries]
                     if h.coverage >= WEIGHTS.min_coverage and h.score >= WEIGHTS.answerable_ratio * hits[0].score]
            begun = next((h.fact for h in close if h.fact.when and starts & self.answerable.said(h.fact)), None)
            if begun is not None:
                return begun
        ranked = self.rank(event)
        if not ranked:
            return None
        runner_up = max((r.lexical for r in ranked[1:]), default=0.0)
        if not _far_ahead(ranked[0].coverage, (ranked[0].lexical, runner_up)) and not self._confident(event, ranked):
            return None
        return next((r.fact for r in ranked[:WEIGHTS.answerable_tries]
                     if r.fact.when and (r is ranked[0] or r.coverage >= WEIGHTS.min_coverage)), None)

    def _hop(self, hop: YearHop, lang: str, question: str) -> Answer | None:
        """A year hop, or, where it finds nothing, the same hop with the event's last clause moved to the asked part:
        in "В каком городе осенью того же года, когда был подписан Договор …, встречались президенты?" the
        clause after the event's last comma is asked ("встречались президенты"), not part of the event."""
        hopped = self._hop_once(hop, lang, question)
        if hopped is None and not hop.months and "," in hop.event:
            head, tail = (part.strip() for part in hop.event.rsplit(",", 1))
            if len(head.split()) >= 2 and len(tail.split()) >= 2:
                return self._hop(replace(hop, event=head, ask=f"{hop.ask.rstrip(' ?')} {tail}"), lang, question)
        return hopped

    def _hop_once(self, hop: YearHop, lang: str, question: str) -> Answer | None:
        """"In the year Yeltsin won the election, when did Russia recognise Kazakhstan?": the event's
        year (± one), then the rest of the question asked of that year, led by the event's fact."""
        if hop.event.isdigit():  # "… in the first half of the year after 1997": that year, no event to tell
            shifted = self._route(self.understanding.parse(f"{hop.ask} {int(hop.event) + hop.offset}"), lang)
            return shifted if shifted.answered else None
        if hop.months:
            return self._months_after(hop, lang, question)
        dated = self._dated_event(hop.event)
        if dated is None or dated.when is None:
            return None
        year = dated.when.year + hop.offset
        if hop.same_month and dated.when.month is None:
            return None
        month = f"{MONTHS['en'][dated.when.month - 1]} " if hop.same_month and dated.when.month else ""
        asked = self.understanding.parse(f"{hop.ask} {month}{year}")
        answer = self._route(asked, lang)
        # ("what important event happened on the border the year before …?": of that year, the border's event; the
        # words that only say an event is asked name nothing a fact must hold, where with them none is found; not
        # "… which declaration did they sign?", whose signing is what is asked)
        topical = tuple(w for w in asked.words if w not in self.lex.words["generic"])
        if not answer.answered and topical and len(topical) < len(asked.words) \
                and not self.lex.words["signing_words"].intersection(asked.tokens):
            plain = replace(asked, words=topical)
            plainer = self._route(plain, lang)
            if plainer.answered and plainer.facts and year in self._years_of(plainer.facts[0]):
                asked, answer = plain, plainer
        if "who" in asked.intents and not (answer.answered and answer.facts[0].people):
            # "Who was Russia's president when …?" asks a name: a fact of that year that names people.
            named = next((r.fact for r in self.rank(asked) if r.fact.people and r.fact is not dated
                          and year in self._years_of(r.fact) and r.coverage >= WEIGHTS.min_coverage
                          and self.answerable.missing(asked, r.fact) is None), None)
            if named is not None:
                answer = self.compose.fact(named, lang, hop.ask)
        elif not answer.answered and answer.facts and answer.facts[0].id == dated.id:
            # "сумма взаимной торговли в тот год, когда заработал Таможенный союз": the event's own fact matches the
            # asked words best ("mutual trade") and lacks what is asked, which another fact of that year holds.
            held = next((r.fact for r in self.rank(asked) if r.fact is not dated and year in self._years_of(r.fact)
                         and r.coverage >= WEIGHTS.min_coverage and self.answerable.missing(asked, r.fact) is None), None)
            if held is not None:
                answer = self.compose.fact(held, lang, hop.ask)
        if not answer.answered or answer.kind == "smalltalk" or answer.facts[0].id == dated.id:
            return None
        if dated in answer.facts:  # told beside what is asked (the lease signed during the visit): not led by it again
            return replace(answer, query=question)
        return self.compose.after_event(dated, answer, lang, question)

    def _months_after(self, hop: YearHop, lang: str, question: str) -> Answer | None:
        """"What did Kazakhstan announce a couple of months after Tokayev's November 2022 visit?": the month the
        event's month and year (as the question says them, else as its fact does) and `hop.months` come to."""
        said = _MONTH_YEAR_RE.search(hop.event)
        month_year = None
        if said is not None and (named := month_of(stem(fold(said.group("month"))))):
            month_year = (int(said.group("year")), named)
            dated = None
        else:
            dated = self._dated_event(hop.event)
            if dated is not None and dated.when is not None and dated.when.month is not None:
                month_year = (dated.when.year, dated.when.month)
        if month_year is None:
            return None
        count = month_year[0] * 12 + month_year[1] - 1 + hop.months
        # (the month named in the reply's language: an English month name in a Kazakh question reads as a word to match)
        asked = self.understanding.parse(f"{hop.ask} {MONTHS.get(lang, MONTHS['en'])[count % 12]} {count // 12}")
        answer = self._route(asked, lang)
        if not answer.answered or answer.kind == "smalltalk" or (dated is not None and answer.facts[0].id == dated.id):
            return None
        return replace(answer, query=question) if dated is None or dated in answer.facts \
            else self.compose.after_event(dated, answer, lang, question)

    def _on_event_day(self, event: str, ask: str, lang: str, question: str, days: int = 0) -> Answer | None:
        """"What else was signed on the same day as the Eternal Friendship declaration?" (or `days` after
        it: "what did Kazakhstan announce three days after Russia recognised it?"): the other facts of
        that day, led by the event's fact."""
        dated = self._dated_event(event)
        if dated is None or dated.when is None:
            return None
        # An event whose sources date it differently ("signed on 25 May or 20 October 1992") is counted from each
        # date; the version something happened N days after is the one told with the answer.
        versions: list[tuple[PartialDate, Claim | None]] = [(c.date, c) for c in dated.claims if c.date] or [(dated.when, None)]
        for when, claim in versions:
            if when.month is None or not when.day:
                continue
            day = dt.date(when.year, when.month, when.day) + dt.timedelta(days=days)
            others = [f for f in self._on_days({(day.year, day.month, day.day)}) if f is not dated]
            if not others and self.lex.words["holiday_words"].intersection(tokens(ask)):
                # "Какой праздник отмечают в тот же день, когда …": a holiday falls on the day of the calendar, any year.
                others = sorted({f.id: f for f, _ in self.store.on_day(day.month, day.day) if f is not dated}.values(),
                                key=importance)
            if others:
                return self.compose.after_event(dated, self._one_or_list(others, lang, ask), lang, question, claim)
        return None

    def _signed_during(self, query: Query, ranked: Sequence[Ranked], lang: str) -> Answer | None:
        """"Which documents were signed during Nazarbayev's first official visit?": the visit, then the
        documents dated to its days (the visit's fact counts them, the documents' facts name them)."""
        asked = set(query.tokens)
        if "list" not in query.intents or not self.lex.words["visit_words"] & asked \
                or not (self.lex.words["signing_words"] | self.lex.words["document_words"]) & asked:
            return None
        visit = next((r.fact for k, r in enumerate(ranked[:WEIGHTS.answerable_tries]) if r.fact.kind == "visit"
                      and r.coverage >= (WEIGHTS.semantic_agree if k == 0 else WEIGHTS.min_coverage)
                      and r.fact.when and r.fact.when.day), None)
        if visit is None or visit.when is None or (query.named_years and visit.when.year not in query.named_years):
            return None
        first, last = (visit.start or visit.when).key, (visit.end or visit.when).key
        # A document dated to the visit's month only ("March 1994") was signed then too, as its fact tells.
        signed = [f for f in self._of_years({visit.when.year}) if f.kind == "treaty" and f.when
                  and (first <= f.when.key <= last if f.when.day else f.when.month in (first[1], last[1]))]
        return self.compose.listing([visit, *sorted(signed, key=importance)], lang, query.text, "") if signed else None

    def _of_named_month(self, query: Query, months: Sequence[int], previous: Turn, answer: Answer, lang: str) -> Answer:
        """"ал маусымдағы концерті ше?" (and the June concert?) after a fact of March: the follow-up's
        month names another fact than the one just shown, which the borrowed topic words pulled back."""
        shown = answer.facts[0] if answer.answered and answer.facts else None
        if shown is None or shown.id not in previous.fact_ids or (shown.when and shown.when.month in months):
            return answer
        other = next((r.fact for r in self.rank(query)[:WEIGHTS.answerable_tries]
                      if r.fact.when and r.fact.when.month in months and r.coverage >= WEIGHTS.semantic_agree
                      and self.answerable.missing(query, r.fact) is None), None)
        return self.compose.fact(other, lang, query.text) if other is not None else answer

    def _stands_alone(self, query: Query, previous: Turn, coverage: float = WEIGHTS.followup_alone,
                      clear: bool = False, ranked: Sequence[Ranked] | None = None) -> bool:
        """"а какая длина границы?" opens like a follow-up but names its own topic: when its own
        words find a fact strongly, and not the one just shown, it is a new question (`clear`: and
        well ahead of the runner-up, for a short question that points back)."""
        if len(query.words) < 2:
            return False
        units = self.lex.words["percent_units"] | self.lex.words["measure_words"]
        if all(w in self.intent_words or w in units for w in query.words):
            return False  # "канша пайызга ости?" (by how many percent did it grow?) names what is asked, of no topic
        asked = [w for w in query.words if w not in self.side_words]
        shown = self.store.get(previous.fact_ids[0]) if previous.kind == "fact" and previous.fact_ids else None
        if asked and shown is not None and all(w in self.intent_words or w in units for w in asked) \
                and all(self._says(shown, w) for w in asked):
            return False  # "Ресей жағының үлесі қанша пайыз?": one side's share, which the fact just shown gives
        ranked = self.rank(query) if ranked is None else ranked
        if clear and len(ranked) > 1 and ranked[1].fused > WEIGHTS.alone_margin * ranked[0].fused:
            return False
        return bool(ranked) and ranked[0].coverage >= coverage and ranked[0].fact.id not in previous.fact_ids

    def _flow_of_year(self, query: Query, previous: Turn) -> bool:
        """"And Kazakh exports to Russia alone?" right after a year's turnover: one flow of the trade just shown,
        in the same year, though its words alone would find the yearless fact on what those exports are."""
        years = {y for f in self._shown(previous) if f.metric is not None for y in self._years_of(f)}
        flows = self.lex.words["flow_words"].intersection(query.tokens)
        # (a side named is a direction too, "а наш экспорт?" after a year's turnover; not after a change asked of it,
        # which the follow-up carries on asking: "ал Қазақстанның экспорты ше?" after "how much did it grow?")
        if query.named_years or not years or not flows or (destination(query.text) is None and (
                self.side_words.isdisjoint(query.words) or "compare" in self.understanding.parse(previous.question).intents)):
            return False
        alone = self.rank(query)
        if alone and years & self._years_of(alone[0].fact):
            return False  # its own words find that year's figure already
        # (only where the sources give that flow for one of those years, the latest first: imports in 2011 they don't;
        # and the figure found is of that flow, not the year's turnover again)
        for year in sorted(years, reverse=True):
            ranked = self.rank(self.understanding.parse(f"{query.text} {year}"))
            if ranked and ranked[0].coverage >= WEIGHTS.min_coverage and year in self._years_of(ranked[0].fact) \
                    and flows & self.answerable.said(ranked[0].fact):
                return True
        return False

    def _says(self, fact: Fact, word: str) -> bool:
        """Whether a fact holds a word of a question, or the percentages a word for percent asks ("60%")."""
        if word in self.lex.words["percent_units"] and any("%" in text for text in fact.text.values()):
            return True
        said = self.words[self.position[fact.id]]
        return any(c in said for c, _ in self.index.expand(word))

    def _names_other_title(self, query: Query, previous: Turn) -> bool:
        """Whether a short question matches another fact than the one just shown in full, well ahead of
        the rest, and names most of its title ("When did it get the name Russia Day?")."""
        ranked = self.rank(query)
        return self._stands_alone(query, previous, WEIGHTS.full_match, clear=True, ranked=ranked) \
            and self.index.title_share(ranked[0].index, query.words) >= WEIGHTS.title_named

    def _about_previous(self, query: Query, previous: Turn) -> bool:
        """Whether a short question's own words (not the two sides, not "then") are all in the fact just
        shown, and do not name another fact's title, well ahead ("when did the holiday get the name
        Russia Day?" after the declaration whose text speaks of Russia Day)."""
        fact = self.store.get(previous.fact_ids[0]) if previous.kind == "fact" and previous.fact_ids else None
        # (nor "said": "Putin oğan baramyn dedı me?" asks whether the fact just shown says so)
        own = [w for w in query.words if w not in self.side_words and w not in self.lex.words["refers"]
               and w not in self.lex.words["speech_verbs"]]
        if fact is None or not own or len(query.words) > WEIGHTS.short_words:
            return False
        if self._names_other_title(query, previous):
            return False
        # (its words, not the labels it is filed under: "and diplomatic relations?" after a treaty tagged "diplomacy")
        said = frozenset(tok for field, text in fact_fields(fact) if field != "tag" for tok in tokens(text))
        return all(any(c in said for c, _ in self.index.expand(w)) for w in own)

    def _skipped_year(self, query: Query, ranked: Sequence[Ranked]) -> list[Fact] | None:
        """"How big was trade in 2023?": the question's words find a yearly series (trade in 1997, 2005,
        …, ranked below the year's own facts) that skips the year named, so a fact of that year that
        merely speaks of trade does not answer it; the series' facts are offered instead."""
        if "how_much" not in query.intents or "compare" in query.intents or len(query.named_years) != 1:
            return None
        metric = next((r.fact.metric for r in ranked[:WEIGHTS.semantic_pool]
                       if r.fact.metric and r.coverage >= WEIGHTS.min_coverage), None)
        if not metric or not self._skips(metric, query.named_years[0]) or ranked[0].fact.metric == metric:
            return None
        return [r.fact for r in ranked if r.fact.metric == metric][:3]

    def _skips(self, metric: str, year: int) -> bool:
        """Whether a yearly series (figures for two years or more) has no figure for the year."""
        years = self.series.get(metric, frozenset())
        return len(years) >= 2 and year not in years

    def _unsaid_of_shown(self, question: str, first: Query, previous: Turn, lang: str) -> Answer | None:
        """"А в каком городе его подписали?" right after one treaty told in full: "его" is that treaty,
        so a fact that does not say where is a near miss, not a list of other treaties that do."""
        shown = self._shown(previous)
        if previous.kind != "fact" or not shown or not first.intents & {"where", "who"} or not refers_back(question, self.lex) \
                or len(first.words) > WEIGHTS.short_words:
            return None
        missing = self.answerable.missing(first, shown[0])
        return None if missing is None else self.compose.near_miss(shown[0], lang, question, missing)

    def _beyond_shown(self, query: Query, own: Query, previous: Turn, lang: str, further: bool = True) -> Answer | None:
        """A follow-up whose best fact is the one just shown, though it asks something that fact lacks (`_new_detail`)
        or, unless `further` is off, asks for more (`_further`): a close fact not shown yet answers."""
        ranked = self.rank(query)
        if not ranked or ranked[0].fact.id not in previous.fact_ids:
            return None
        other = self._new_detail(query, own, ranked, previous) \
            or (self._further(query, own, ranked, previous) if further else None)
        return None if other is None else self.compose.fact(other.fact, lang, query.text)

    def _new_detail(self, query: Query, own: Query, ranked: Sequence[Ranked], previous: Turn) -> Ranked | None:
        """"ал экономикалық қуаты ше?" after the Customs Union's population: the follow-up's own words
        name a detail the fact just shown lacks, so a fact of the same topic that has it, ranked close
        behind, is the answer (the previous question's words keep the old fact on top)."""
        by_own = {h.fact.id: h.coverage for h in self._search(own)}  # the words' own match: no model call
        if by_own.get(ranked[0].fact.id, 0.0) > 0.0:
            return None
        return self._close_unshown(query, ranked, previous, lambda r: by_own.get(r.fact.id, 0.0))

    def _further(self, query: Query, own: Query, ranked: Sequence[Ranked], previous: Turn) -> Ranked | None:
        """"Кейін оған тағы кімдер қосылды?" after the Customs Union's three founders: "тағы" (more, else) asks
        beyond what was just shown, so the best close fact not shown yet answers, not the one shown again."""
        if not self.lex.words["further_words"].intersection(own.tokens):
            return None
        return self._close_unshown(query, ranked, previous, lambda r: r.coverage)

    def _who_joined(self, query: Query, own: Query, answer: Answer, lang: str) -> Answer | None:
        """"Кейін оған қандай елдер қосылды?" after the Customs Union's start: who joined later is told by the close fact
        that says someone joined (the EAEU's later members), not by the founders' fact the carried words find first;
        an answer whose fact says it is final. None when no joining is asked or no close fact says it."""
        joining = self.lex.words["joining_words"]
        if not joining.intersection(own.tokens):
            return None
        if answer.answered and answer.facts and joining & self.answerable.said(answer.facts[0]):
            return answer
        ranked = self.rank(query)
        joined = next((r for r in ranked[:WEIGHTS.max_related] if joining & self.answerable.said(r.fact)
                       and r.coverage >= WEIGHTS.semantic_agree and self.answerable.missing(query, r.fact) is None), None)
        return None if joined is None else self.compose.fact(joined.fact, lang, query.text)

    def _close_unshown(self, query: Query, ranked: Sequence[Ranked], previous: Turn,
                       cover: Callable[[Ranked], float]) -> Ranked | None:
        """The best runner-up not shown before, covered enough (by `cover`), close behind the best and holding what is asked."""
        return next((r for r in ranked[1:WEIGHTS.max_related] if r.fact.id not in previous.fact_ids
                     and cover(r) >= WEIGHTS.min_coverage and r.fused >= WEIGHTS.detail_ratio * ranked[0].fused
                     and self.answerable.missing(query, r.fact) is None), None)

    def _other_named(self, question: str, query: Query, previous: Turn, lang: str) -> Answer | None:
        """"а Эмба?" right after "where is the Sary-Shagan range?": the previous question asked of the
        thing the follow-up names, its name in place of the one asked about (both would find Sary-Shagan)."""
        own = self.rank(query)
        if not own or own[0].fact.id in previous.fact_ids or not self.index.title_share(own[0].index, query.words):
            return None
        # A name written with a capital that titles the fact ("ал Эмба полигоны ше?") vouches for a looser match.
        capitalised = {tok for m in _NAME_RE.finditer(question) if _CAPITAL_RE.match(question, m.start())
                       for tok in tokens(m.group())}
        titled = any(capitalised & set(tokens(title)) for title in own[0].fact.title.values())
        if own[0].coverage < (WEIGHTS.followup_alone if titled else WEIGHTS.full_match):
            return None
        names = set(self._context(previous)[1][0].lower().split())  # "where is the emba range" typed in small letters
        # (a number in the old name goes with it: "929 ГЛИЦ"; a year stays asked)
        kept = [w for w in previous.question.split() if (bare := w.strip("?!.,;:«»\"'")).lower() not in names
                and not (bare.isdigit() and not YEAR_RE.fullmatch(bare))]
        if len(kept) < len(previous.question.split()):
            answer = self._route(self.understanding.parse(f"{' '.join(kept)} {question}"), lang)
            best = answer.facts[0] if answer.answered and answer.facts else None
            if best is not None and best.id not in previous.fact_ids and any(
                    set(query.words) & set(tokens(title)) for title in best.title.values()):
                return answer
        return None

    def _newly_quoted(self, question: str, query: Query, previous: Turn, lang: str) -> Answer | None:
        """"Ал «Эмба» полигоны ше, ол қайда?" after "which is the largest range?": a name in quotes the
        question before did not use is what the follow-up asks of. Asked alone, it is answered by a fact
        its name titles; carried forward, the old question's "largest" would pull back to Baikonur."""
        quoted = [name for name in quoted_names(question)
                  if 2 <= len(name) <= QUOTED_NAME_CHARS and fold(name) not in fold(previous.question)]
        if not quoted:
            return None
        alone = self._route(query, lang)
        if not alone.answered or not alone.facts:
            return None
        named = {tok for name in quoted for tok in tokens(name)}
        return alone if any(named & set(tokens(title)) for title in alone.facts[0].title.values()) else None

    def _asks_source(self, query: Query) -> bool:
        """"Who wrote this?", "бұл деректі кім жазған?": where the answer just given comes from, with no topic of its
        own ("who wrote War and Peace?" has one)."""
        found = find_phrases(query.tokens, self.lex.phrases["source_phrases"])
        if not found:
            return False
        said = {tok for _, phrase in found for tok in phrase}
        known = self.lex.words["refers"] | self.lex.words["source_nouns"] | self.intent_words | said
        return all(w in known for w in query.words)

    def _shown(self, previous: Turn) -> list[Fact]:
        """The facts of the previous answer."""
        return [f for f in map(self.store.get, previous.fact_ids) if f is not None]

    def _days_summed(self, fact: Fact) -> set[tuple[int, int, int]]:
        """The days of the meetings a fact dated to no day sums up ("two meetings in late 2023: in October in Russia,
        in November in Astana"): the days of its people's facts in the months it names, or in its own month."""
        if fact.when is None or not fact.people:
            return set()
        months = _months_told(fact) or ({fact.when.month} if fact.when.month else set())
        people = set(_people(fact))
        return {when for when, f in self._dated_people() if when[0] == fact.when.year and when[1] in months and when[2]
                and people & set(_people(f))}

    def _nth_summed(self, query: Query, previous: Turn, lang: str, question: str) -> Answer | None:
        """"Where and when was the second meeting?" right after a fact that sums up meetings without their days ("two
        meetings in late 2023: in October in Russia, in November in Astana"): the meeting of the month that ordinal counts
        to, among its people's facts in the months it names."""
        shown = self._shown(previous)[:1]
        ordinals = [n for tok in query.tokens if tok in self.lex.words["ordinal_words"] and (n := ordinal_value(tok))]
        if not ordinals or not shown or shown[0].when is None or shown[0].when.day:
            return None
        months, people = _months_told(shown[0]), set(_people(shown[0]))
        met: dict[int, Fact] = {}
        for when, f in self._dated_people():  # (by date: each month's first meeting of the summing fact's kind)
            if when[0] == shown[0].when.year and when[1] in months and f.kind == shown[0].kind and people & set(_people(f)):
                met.setdefault(when[1], f)
        ordered = [met[month] for month in sorted(met)]
        if len(ordered) < 2 or not 1 <= ordinals[0] <= len(ordered):
            return None
        return self.compose.fact(ordered[ordinals[0] - 1], lang, question)

    def _of_shown_day(self, query: Query, previous: Turn, lang: str) -> Answer | None:
        """A follow-up about the event just shown ("what came out of that meeting?", "what was
        agreed on the Caspian that day?"): the fact of that day its own words match best. A single
        fact just told is not told again, unless all the question's words are in it ("how many
        documents were signed then?" of the visit that names 22); of a list, one is told in full."""
        shown = self._shown(previous)
        days = _days_of(shown) or (self._days_summed(shown[0]) if shown else set())
        if not days or not query.words:
            return None
        if mentions(query.tokens, self.lex, "later_words") or self.lex.words["later_openers"].intersection(query.tokens[:2]) \
                or self.lex.words["joining_words"].intersection(query.tokens):
            return None  # "ал кейін оған қандай елдер қосылды?", "ал оған кімдер қосылды?": a later time, not that day
        # "when …?" of the one fact just told, which gave its date, asks of something else
        # (and "did they sign anything else that day?" asks of another)
        further = self.lex.words["further_words"].intersection(query.tokens)
        if previous.kind == "fact" and "day" in query.intents and query.intents <= {"day", "when"} and len(query.words) <= 1 \
                and not further and refers_back(query.text, self.lex) \
                and shown[0].when is not None and shown[0].when.day and self.answerable.missing(query, shown[0]) is None:
            return self.compose.fact(shown[0], lang, query.text)  # "what day was it signed?" points at that fact
        # (a word pointing back, "тогда", names nothing to be matched: it points at that day; but "anything else that
        # same day?" asks beyond what was shown, and its words are matched as said)
        own = tuple(w for w in query.words if w not in self.lex.words["refers"])
        pointed = not further and bool(own) and len(own) < len(query.words)
        ranked = self.rank(replace(query, words=own) if pointed else query)
        # (… or its words find that fact first, in full, on their own: "how much were the forum's agreements worth?"
        # after the forum's results, told in other words)
        again = bool(ranked) and ranked[0].fact.id == shown[0].id and ranked[0].coverage >= WEIGHTS.lexical_sure
        repeat = previous.kind != "fact" or ((self._about_previous(query, previous) or again)
                                             and "when" not in query.intents and not further)
        that_day = {f.id for f in self._on_days(days)} - (set() if repeat else {shown[0].id})
        best = next((r for r in ranked if r.fact.id in that_day and r.coverage >= WEIGHTS.semantic_agree
                     and self.answerable.missing(query, r.fact) is None), None)
        if best is None or ("when" in query.intents and ranked[0].fact.id not in that_day
                            and ranked[0].coverage >= WEIGHTS.full_match > best.coverage):
            return None  # "ал ол қай жылдан бастап ұлттық мереке болды?": when, of what another fact holds in full
        # ("Солардың бірі азаматтық туралы ма?" after the three documents of a day: the one whose title it names, as
        # well covered, rather than the fact just told again)
        told_again = best.fact.id == shown[0].id
        best = next((r for r in ranked if told_again and r.fact.id in that_day and r.fact.id != shown[0].id
                     and r.coverage >= best.coverage and self.index.title_share(r.index, query.words) > 0
                     and self.answerable.missing(query, r.fact) is None), best)
        return self.compose.fact(best.fact, lang, query.text)

    def _asks_next(self, query: Query, answer: Answer) -> bool:
        """A question asking what came next ("келесі кездесу", "следующая встреча", "next meeting") whose
        best fact is not itself the one the sources call the next ("next year" asks a year, not this)."""
        nexts = self.lex.words["next_words"]
        if not nexts.intersection(query.tokens) or find_phrases(query.tokens, self.lex.phrases["year_after"]):
            return False
        return not self._called_next(answer.facts[0])

    def _called_next(self, fact: Fact) -> bool:
        """Whether a fact's text calls itself the next ("the next meeting … is to be held"): an announced one."""
        nexts = self.lex.words["next_words"]
        return any(nexts.intersection(tokens(fact.text[lang])) for lang in LANGS)

    def _dated_people(self) -> list[tuple[tuple[int, int, int], Fact]]:
        """The facts that name people, by date (`_when_or_titled`), sorted when first asked what came next or before."""
        if self._people_by_date is None:
            self._people_by_date = sorted(((_when_or_titled(f), f) for f in self.store.facts if f.people), key=lambda wf: wf[0])
        return self._people_by_date

    def _next_of_shown(self, previous: Turn, lang: str, question: str, planned: bool = False) -> Answer | None:
        """"When are they due to meet next?": the first later fact naming someone the facts just
        shown, or others of their days, name (the sources' newest meetings are announced ones). Asked
        what was planned next ("келесі кездесу қай жерде жоспарланған?"), the first the sources call the next."""
        shown = self._shown(previous)
        people = {p for f in (*shown, *self._on_days(_days_of(shown))) for p in _people(f)}
        # A fact dated to its year or month ends with it: what came next is after the whole of it; the fact answered
        # dates it, not those it points to ("see also: two meetings in late 2023" after the one of October); a list, all.
        told = shown if previous.kind == "list" else shown[:1]
        dated = [(f.when.key[0], f.when.key[1] or 13, f.when.key[2] or 32) for f in told if f.when]
        if not people or not dated:
            return None
        by_date = self._dated_people()
        last = max(dated)
        start = bisect.bisect_right(by_date, last, key=lambda wf: wf[0])
        later = [f for _, f in by_date[start:] if people & set(_people(f))]
        announced = [f for f in later if self._called_next(f)] if planned else []
        following = next(iter(announced or later), None)
        if not announced:
            # "Medvedev came three more times in 2008: in July, September and December", after his visit of May 2008:
            # a fact dated to the year only comes after the visit when every month its text names is later.
            ahead = [(min(months), f) for when, f in by_date[:start] if when[:2] == (last[0], 0) and f not in told
                     and people & set(_people(f)) and (months := _months_told(f)) and min(months) > last[1]]
            if ahead:
                month, first = min(ahead, key=lambda mf: mf[0])
                if following is None or (last[0], month) < _when_or_titled(following)[:2]:
                    following = first
        return self.compose.fact(following, lang, question) if following is not None else None

    def _last_before_shown(self, previous: Turn, lang: str, question: str, months: tuple[int, ...]) -> Answer | None:
        """"А где они виделись до этого, в октябре?": the last earlier fact naming someone the facts just shown
        name, in the month the question names if it names one."""
        shown = self._shown(previous)[:1]  # the fact answered, not those it points to ("see also")
        people = {p for f in shown for p in _people(f)}
        if not people or shown[0].when is None:
            return None
        by_date = self._dated_people()
        end = bisect.bisect_left(by_date, shown[0].when.key, key=lambda wf: wf[0])
        preceding = next((f for when, f in reversed(by_date[:end]) if when[0] and f.id not in previous.fact_ids
                          and people & set(_people(f)) and (not months or when[1] in months)), None)
        return self.compose.fact(preceding, lang, question) if preceding is not None else None

    def _same_day(self, previous: Turn, lang: str, question: str, year: int | None = None, years_on: int = 0) -> Answer | None:
        """"What else was signed that day?": the other facts dated to the day of the fact just shown.
        That day of another year instead: `year` ("and on that day in 1991?") or `years_on` years on
        ("the same date one year later")."""
        day = next((f.when for f in self._shown(previous) if f.when and f.when.day), None)
        if day is None:
            return None
        moved = year is not None or years_on > 0
        key = (year if year is not None else day.year + years_on, day.key[1], day.key[2])
        if moved and key[0] == day.year:
            return None
        told = set(previous.fact_ids) - set(previous.listed)  # (one only named under "see also" is still to tell)
        others = [f for f in self._on_days({key}) if moved or f.id not in told]
        if not others:
            return self.compose.decline(question, lang, key="followup.nothing_more")
        return self._one_or_list(others, lang, question)

    def _one_or_list(self, facts: Sequence[Fact], lang: str, question: str) -> Answer:
        """The other facts of a day: one told in full, several as a list."""
        return self.compose.fact(facts[0], lang, question) if len(facts) == 1 else self.compose.listing(facts, lang, question, "")

    def _more(self, previous: Turn, lang: str) -> Answer:
        """"What else?": the next facts for the previous question that were not shown."""
        query = self.understanding.parse(previous.question)
        shown = set(previous.fact_ids)
        ranked = [r for r in self.rank(query) if r.fact.id not in shown and r.coverage >= WEIGHTS.min_coverage * 0.8]
        if not ranked:
            return self.compose.decline(previous.question, lang, key="followup.nothing_more")
        facts = [r.fact for r in ranked[:4]]
        return self.compose.listing(facts, lang, previous.question, "")

    def _route(self, query: Query, lang: str) -> Answer:
        question = query.text
        holder = self._office_holder(query, lang) if len(set(query.named_years)) == 1 and year_hop(question) is None else None
        if holder is not None:
            return holder
        if self._hard_decline(query):
            ranked = self.rank(query) if query.words else []
            # "правда что … достроили в 1916": a claim's year no fact is from is corrected when its words find one.
            corrected = self._corrected_year(query, ranked, lang, events_only=True) if ranked and not query.out_of_scope else None
            return corrected or self.compose.decline(question, lang, [r.fact for r in ranked[:3]])
        if query.onwards is not None and (not query.words or query.generic):
            onwards = tuple(y for y in sorted(self.known_years) if y >= query.onwards)
            return self._span(replace(query, years=onwards), lang)
        if query.only_years:
            spanned = _RANGE_RE.search(query.text)
            first, last = (int(spanned.group(1)), int(spanned.group(2))) if spanned else (0, 0)
            if 0 < last - first <= MAX_RANGE:
                # "What happened in 2022–2024?": every year of the range, not the first alone.
                return self._span(replace(query, years=tuple(range(first, last + 1))), lang)
            return self._year(query, lang)
        if query.years and not query.named_years and (not query.words or query.generic):
            return self._span(query, lang)
        if "anniversary" in query.intents:
            marked = self._anniversary(query, lang)
            if marked is not None:
                return marked
        ranked = self._earliest_first(query, self._naming(query, self.rank(query)))
        ranked = self._acting_first(query, self._tallied_first(query, self._span_first(query, ranked)))
        if ("elapsed" in query.intents and "duration" not in query.intents and query.named_years
                and not (ranked and ranked[0].coverage >= WEIGHTS.min_coverage
                         and set(query.named_years) & self._years_of(ranked[0].fact))
                and not (ranked and self._asks_years_counted(query) and _span(ranked[0].fact))):
            # "How many years will relations mark in 2024?": a year no fact of the question is
            # from is where the count ends, not which facts are meant; they are ranked without it.
            counted = self._elapsed(query, self.rank(replace(query, years=(), named_years=())), lang)
            if counted is not None:
                return counted
        elif "elapsed" in query.intents and "duration" not in query.intents and query.named_years and ranked:
            # "How many years had relations existed in 2023?": the year alone lifts a fact of 2023 to
            # the top; the question's own words find relations (1992), and 2023 is where the count ends.
            yearless = self.rank(replace(query, years=(), named_years=()))
            if (yearless and yearless[0].coverage >= WEIGHTS.min_coverage
                    and not set(query.named_years) & self._years_of(yearless[0].fact)
                    and not (self._asks_years_counted(query) and _span(yearless[0].fact))):
                counted = self._elapsed(query, yearless, lang)
                if counted is not None:
                    return counted
        if not ranked:
            return self.compose.decline(question, lang)
        top = ranked[0]
        corrected = self._corrected_year(query, ranked, lang)
        if corrected is not None:
            return corrected
        # "Trade between Germany and Kazakhstan? For comparison with Russia …": another country's figure
        # is not compared with one of the two sides'.
        compared = None if self._party_mismatch(query, top) else self._compare(query, ranked, lang)
        if compared is not None:
            return compared
        mentioned = self._mentioned_document(query, ranked)
        if mentioned is not None and self._confident(query, ranked):
            return self.compose.listing([mentioned, top.fact], lang, question, "", in_full=2)
        during = self._signed_during(query, ranked, lang)
        if during is not None:
            return during
        if self._is_overview(query) and self._named_tags(query) and not self._titled_beyond_topic(query, top):
            # "… экономикалық байланыстары туралы қысқаша шолу, негізгі цифрлармен": a topic the lexicon names is
            # what is asked about, however thinly the rest of a long request matches any one fact.
            tagged = self._overview(query, ranked, lang)
            if tagged is not None:
                return tagged
        if not self._confident(query, ranked):
            named = self._named_topic(query)
            topic = replace(query, words=named)
            overview = self._overview(topic, self.rank(topic), lang) if named else None
            if overview is not None:
                return overview
            near = [r.fact for r in ranked[:3] if r.coverage > 0.2 or r.cosine >= WEIGHTS.semantic_floor]
            return self.compose.decline(question, lang, near)
        if self._names_other_document(query, top):
            return self.compose.decline(question, lang, [r.fact for r in ranked[:3]])
        if (query.intents & ASKING and self.index.title_share(top.index, query.words) == 0
                and not self.index.names_alias(top.index, query.words) and self._cosine(query, top) < WEIGHTS.semantic_sure
                and not self.answerable.counts_asked(query, top.fact)):
            # A question that asks something ("how many people live in Kazakhstan?") of a fact
            # whose title it does not touch at all ("Population of the Customs Union countries")
            # shares only incidental words with it, unless the model finds them close in meaning.
            return self.compose.decline(question, lang, [r.fact for r in ranked[:3]])
        if query.future and top.coverage < WEIGHTS.future_coverage:
            # "Kökşetau, Semei, Öskemende … ne salynbaq?": a plan asked of a fact the words match in full, which the
            # model ranks just behind an older one of the same town.
            planned = next((r for r in ranked[1:WEIGHTS.answerable_tries] if r.coverage >= WEIGHTS.future_coverage
                            and r.fused >= WEIGHTS.tie_ratio * top.fused), None)
            if planned is None:
                return self.compose.decline(question, lang, [r.fact for r in ranked[:3]])
            top, ranked = planned, _led_by(ranked, planned)
        if self._party_mismatch(query, top):
            return self.compose.decline(question, lang)
        if self._only_year_matches(query, top, ranked):
            return self.compose.decline(question, lang, [r.fact for r in ranked[:3]])
        if "how_much" in query.intents and self._goes_the_other_way(query, top):
            # "Ресейден Қазақстанға қанша тауар әкелінді?" of Kazakhstan's exports to Russia: the figure the
            # sources give for one direction is no answer for the other.
            return self.compose.decline(question, lang, [r.fact for r in ranked[:3]])
        skipped = self._skipped_year(query, ranked)
        if skipped is not None:
            return self.compose.decline(question, lang, skipped)
        if query.named_years and not set(query.named_years) & self._years_of(top.fact):
            return self.compose.decline(question, lang, [r.fact for r in ranked[:3]])
        span = _span(top.fact) if self._asks_years_counted(query) else None
        if span is not None:
            # "How many years does the 1998–2007 treaty cover?": the years of its span, counted.
            return self.compose.span(top.fact, span, lang, question)
        if "ago" in query.intents and not query.named_years:
            ago = self._ago(ranked, lang, question)
            if ago is not None:
                return ago
        start, end = top.fact.start, top.fact.end
        if self._asks_years_counted(query) and start and end and end.year > start.year and not query.named_years:
            # "How many years did Kasym Khan rule?" of his reign, 1511–1521: from its start to its end.
            return self.compose.elapsed(top.fact, None, end.year, lang, question)
        if "elapsed" in query.intents and "duration" not in query.intents:
            elapsed = self._elapsed(query, ranked, lang)
            if elapsed is not None:
                return elapsed
        if query.days and query.named_years and "list" in query.intents:
            on_day = self._on_days({(y, m, d) for y in query.named_years for m, d in query.days})
            if len(on_day) >= 2:
                return self.compose.listing(on_day, lang, question, "")
        if (top.fact.times and not self.lex.words["further_words"].intersection(query.tokens)
                and self.answerable.missing(query, top.fact) is None):
            occurrences = self._occurrences(query, top.fact)
            # ("nese ret keldi?": "neşe" typed plainly is a count word, though not an asking word of its own; "how often",
            # "как часто" ask how many a year, and are told by the fact of the meetings a year: their count words are
            # the lexicon's reading, not the asker's)
            tallied = "how_much" in query.intents \
                or (not query.intents & ASKING and bool(self.lex.words["count_words"].intersection(tokens(query.text))))
            if tallied and self.lex.words["times_words"].intersection(query.tokens):
                return self.compose.tally(occurrences, lang, question)
            if (query.intents & {"when", "list"} and "where" not in query.intents and len(occurrences) > 1
                    and not self.lex.words["first_words"].intersection(query.tokens)):
                # "When did Medvedev come in 2008?": the first visit and the three more, not one of them.
                return self.compose.listing(occurrences, lang, question, "")
        # ("… 1990-жылдардағы негізгі келісімдер туралы қысқаша": an overview of a decade's things lists them)
        if "list" in query.intents or len(query.named_years) > 1 or ("overview" in query.intents and len(query.years) > 1):
            listed = self._list(query, ranked, lang)
            if listed is not None:
                return listed
        placed = self._places(query, ranked, lang)
        if placed is not None:
            return placed
        if self._is_overview(query) and not (self._named_tags(query) and self._titled_beyond_topic(query, top)):
            overview = self._overview(query, ranked, lang)
            if overview is not None:
                return overview
        missing = self.answerable.missing(query, top.fact)
        if missing == "until" and (not self.lex.words["extension_words"].intersection(query.tokens)
                                   or self._counterfactual(query)):
            # "When does the lease end?", "if nobody prolonged it, when would it run out?": the first
            # term's end, counted; "until when was it extended?" asks what the sources don't say.
            term = _term_years(top.fact)
            if term is not None and top.fact.when is not None:
                return self.compose.term_end(top.fact, term, lang, question)
        if missing == "number" and self._counts_people(query, top):
            return self.compose.people_count(top.fact, lang, question)
        if missing == "where" and self.answerable.enumerates(query):
            # "List the ranges and the region of each": the list asked for is told, though not where each is
            # (not one range, the runner-up that says its region).
            return self.compose.fact(top.fact, lang, question)
        pair = self._count_and_sum(query, top.fact, [r.fact for r in ranked[1:WEIGHTS.answerable_tries]
                                                     if r.coverage >= WEIGHTS.min_coverage])
        if pair is not None and None in (missing, self.answerable.missing(query, pair)):
            return self.compose.listing([top.fact, pair], lang, question, "", in_full=2)
        if missing:
            # A close runner-up that holds the asked detail answers instead ("who signed it?").
            # A unit asked ("what share") or other countries asked for narrow the runners-up enough to reach further.
            unit = self.answerable.asks_unit(query)
            ratio = WEIGHTS.unit_ratio if unit or missing == "countries" else WEIGHTS.answerable_ratio
            # … and so does a date asked of an undated fact, by a runner-up whose title names the subject at
            # least as fully ("when was the Customs Union formed?": the Customs Union's dated start)
            # (or a sum of money asked: "what are the 100-plus joint projects worth?" of the projects' value)
            titling = self._in_title(query, top.index) if missing in ("date", "money") else set()
            # … and so does one holding every word of the question the best fact lacks ("when did Kazakhstan rent out
            # the big launch site in Kyzylorda Region?": the lease, beside the biggest range's place)
            lacked = set(query.words) - self.words[self.position[top.fact.id]] - self.side_words if missing == "date" else set()
            for r in ranked[1:WEIGHTS.answerable_tries]:
                titled = bool(titling) and titling <= self._in_title(query, r.index)
                fills = bool(lacked) and lacked <= self.words[self.position[r.fact.id]]
                # A unit asked ("by how many percent?") that the runner-up uses, and the model finding it as close
                # as the best fact (or nearly), vouch for a thinner word match.
                # (the words of the best fact's title that the question uses too: another subject's length is no answer).
                # (and a word of the question's own, neither a side nor the unit: "what share of the people are
                # ethnic Russians?" is not asked of a fact whose only shared word is "percent")
                thin = unit and r.cosine >= top.cosine - WEIGHTS.agree_slack > 0 and self._same_subject(query, top, r) \
                    and bool(self.words[self.position[r.fact.id]].intersection(
                        w for w in query.words if w not in self.side_words and w not in self.answerable.unit_words))
                # (or one of the same day whose title names what the question does and the best fact's does not: "how many
                # documents were signed on the visit when the Baikonur lease was made?" of the visit, beside the lease)
                # (the question naming that event well: "jyldyq aqysy qanşa?" names no day's event)
                same_day = r.fact.when is not None and r.fact.when == top.fact.when and top.coverage >= WEIGHTS.min_coverage \
                    and bool(self._in_title(query, r.index) - self._in_title(query, top.index))
                if r.coverage >= (WEIGHTS.semantic_agree if thin or same_day else WEIGHTS.min_coverage) \
                        and r.fused >= (WEIGHTS.lacked_ratio if fills or same_day
                                        else WEIGHTS.unit_ratio if titled else ratio) * top.fused \
                        and self.answerable.missing(query, r.fact) is None and self._keeps_subject(query, missing, top, r) \
                        and (not query.named_years or set(query.named_years) & self._years_of(r.fact)
                             or self._year_describes(query, top, r)) \
                        and not _of_other_month(query, r.fact):
                    # "the combined population and economic potential?": the runner-up holds the unit asked,
                    # the best fact the other thing asked beside it; both are told.
                    half = self._other_half(query, r.fact, [top.fact])
                    if half is not None:
                        return self.compose.listing([r.fact, half], lang, question, "", in_full=2)
                    return self.compose.fact(r.fact, lang, question)
            both = self._flow_and_turnover(query, top, ranked)
            if both is not None:
                return self.compose.listing(both, lang, question, "", in_full=2)
            dated = self._dated_beside(query, missing, top, ranked)
            if dated:
                return self.compose.listing(dated, lang, question, "", in_full=len(dated))
            subject = self._placed_subject(query, top, ranked) if missing == "where" else None
            if subject is not None:
                return self.compose.fact(subject, lang, question)
            turnover = self._year_turnover(query, missing, top.fact)
            if turnover is not None:
                return self.compose.listing([turnover, top.fact], lang, question, "", in_full=2)
            return self.compose.near_miss(top.fact, lang, question, missing)
        if self._off_title(query, top, ranked):
            return self.compose.decline(question, lang, [r.fact for r in ranked[:3]])
        growth = self._growth_beside(query, top, ranked)
        if growth is not None:
            return self.compose.listing([growth, top.fact], lang, question, "", in_full=2)
        if len(ranked) > 1 and self._fuller_runner_up(query, top, ranked[1]):
            top, ranked = ranked[1], [ranked[1], top, *ranked[2:]]
        holiday = self._holiday_of_day(query, top.fact)
        if holiday is not None:
            return self.compose.after_event(top.fact, self.compose.fact(holiday, lang, question), lang, question)
        day_named = self._on_named_day(query, top)
        close = [r.fact for r in ranked[1:WEIGHTS.max_related + 1] if self._equally_good(r, top)
                 or (day_named and self._on_named_day(query, r) and r.coverage >= WEIGHTS.min_coverage)]
        # (a long polite message's chatter thins every fact's cover alike: a runner-up as well covered as the best
        # will do; and a question that asks the same twice, "халқы қанша, экономикасы қанша", needs no close score)
        twice = bool(self._asked_again(query))
        chatty = len(query.words) >= WEIGHTS.chatty_words
        half = self._other_half(query, top.fact, [r.fact for r in ranked[1:WEIGHTS.max_related + 1]
                                                  if r.coverage >= (min(WEIGHTS.min_coverage, top.coverage) if chatty
                                                                    else WEIGHTS.min_coverage)
                                                  and (twice or r.fused >= WEIGHTS.half_ratio * top.fused)])
        if half is not None:
            return self.compose.listing([top.fact, half], lang, question, "", in_full=2)
        return self.compose.fact(top.fact, lang, question, related=close)

    def _holiday_of_day(self, query: Query, fact: Fact) -> Fact | None:
        """"The day Yeltsin was first elected is now celebrated as what holiday?": a holiday asked of a fact's day
        that the fact does not name is the one that falls on that day of the calendar, of any year (Russia Day, 12 June)."""
        holidays = self.lex.words["holiday_words"]
        when = fact.when
        if not holidays.intersection(query.tokens) or when is None or when.month is None or not when.day:
            return None

        def names_holiday(f: Fact) -> bool:
            return any(holidays.intersection(tokens(text)) for text in f.text.values())

        if names_holiday(fact):
            return None
        return next((f for f, _ in self.store.on_day(when.month, when.day) if f is not fact and names_holiday(f)), None)

    def _year_turnover(self, query: Query, missing: str, best: Fact) -> Fact | None:
        """"Customs Union 2010 trade volume": an amount of trade asked of one year, which the best fact (the union's
        start) does not hold, is that year's trade turnover; the best fact is told after it (None when no flow is
        asked instead, "exports", nor a share, nor trade with another country, nor when the best fact is itself a
        figure that lacks what is asked: a region's trade, the part oil made of it)."""
        words = self.lex.words
        if missing != "number" or len(query.named_years) != 1 or not words["turnover_words"].intersection(query.tokens) \
                or words["flow_words"].intersection(query.tokens) or best.metric or query.parties \
                or self.answerable.asks_unit(query):
            return None
        found = self.figures.get((TURNOVER_METRIC, query.named_years[0]))
        return found[0] if found else None

    def _dated_beside(self, query: Query, missing: str, top: Ranked, ranked: Sequence[Ranked]) -> list[Fact]:
        """"When did the Customs Union start working, and what was its countries' population?": two things asked,
        a date and another, of which the best fact holds the other and a close runner-up the date: both are told
        (and a third fact holding a third thing asked beside them)."""
        if missing != "date" or "when" not in query.intents or not (query.intents & ASKING) - {"when"}:
            return []
        if self.answerable.missing(replace(query, intents=query.intents - {"when"}), top.fact) is not None:
            return []
        when = replace(query, intents=frozenset({"when"}))
        dated = next((r for r in ranked[1:WEIGHTS.answerable_tries]
                      if r.coverage >= WEIGHTS.min_coverage and r.fused >= WEIGHTS.answerable_ratio * top.fused
                      and self.answerable.missing(when, r.fact) is None and self._keeps_subject(query, missing, top, r)), None)
        if dated is None:
            return []
        half = self._other_half(query, top.fact, [r.fact for r in ranked[1:WEIGHTS.max_related + 1]
                                                  if r is not dated and r.coverage >= WEIGHTS.min_coverage])
        return [dated.fact, top.fact, *([half] if half is not None else [])]

    def _mentioned_document(self, query: Query, ranked: Sequence[Ranked]) -> Fact | None:
        """"Which treaty's tenth anniversary did Tokayev mention at the Astana forum, and when was it signed?": the
        forum's fact leads, and names the treaty by one of its aliases; the treaty's own fact (a close runner-up)
        gives what is asked of it. None unless the question asks when, or which, of a document the best fact is not."""
        top = ranked[0]
        # ("which treaty's anniversary …?"; not "which documents were signed?", a list, nor "which cosmodrome …?")
        marked = "anniversary" in query.intents or bool(self.lex.words["anniversary_words"].intersection(query.tokens))
        which = marked and not _PLURAL_ASK_RE.search(query.text) and any(
            a in self.lex.words["which_words"] and self.answerable.is_document(b)
            for a, b in zip(query.tokens, query.tokens[1:], strict=False))
        if top.fact.kind == "treaty" or not ("when" in query.intents or which) or self.answerable.enumerates(query) \
                or not any(self.answerable.is_document(tok) for tok in query.tokens):
            return None
        said = {lang: set(tokens(text)) for lang, text in top.fact.text.items()}
        for r in ranked[1:WEIGHTS.answerable_tries]:
            if r.fact.kind == "treaty" and r.coverage >= WEIGHTS.semantic_agree \
                    and self.answerable.missing(query, r.fact) is None and any(
                    len(named := tokens(alias)) >= 2 and said.get(lang, set()).issuperset(named)
                    for lang, aliases in r.fact.aliases.items() for alias in aliases):
                return r.fact
        return None

    def _counterfactual(self, query: Query) -> bool:
        """"If nobody prolonged it, when would the lease end?", "when did its first term end?": the first term is
        asked, not the extension; but "after the first twenty years ran out" only says which term came next."""
        toks = query.tokens
        beyond = self.lex.words["beyond_words"]
        return any(tok in self.lex.words["counterfactual_words"]
                   and not beyond.intersection(toks[max(0, k - WEIGHTS.beyond_reach):k + WEIGHTS.beyond_reach + 1])
                   for k, tok in enumerate(toks))

    def _count_and_sum(self, query: Query, top: Fact, close: Sequence[Fact]) -> Fact | None:
        """"Сколько совместных проектов и на какую сумму?": a number and a sum of money asked of one
        thing, which a source gives in one statement and the store as two facts (how many, what
        worth): the runner-up from the same source line that holds the other of the two."""
        if "money" not in query.intents or not self.lex.words["count_words"].intersection(query.tokens):
            return None
        return next((f for f in close if _number_and_sum(top, f)), None)

    def _other_half(self, query: Query, top: Fact, close: Sequence[Fact]) -> Fact | None:
        """"Кеден одағы елдерінің халқы мен экономикалық әлеуеті қанша?": two things asked, joined by
        "and", of which the best fact holds one and a runner-up the other: both are told in full. The
        runner-up need not score as close as a related fact (`half_ratio` of the best): the best holds
        most of the question's words."""
        joins = self.and_words
        content = set(query.words) - self.side_words
        toks = query.tokens
        # "кеден одағы халқы экономикалық қуаты": keywords typed as into a search box join two asked things
        # without "and" (a measure named, "потенциал", asks no more than the keyword does).
        # (nor a follow-up joined to its topic: "… ал қуаты ше")
        # ("halyq sany", the number of people, is a noun, not "how many")
        asking_at = self._asking_at(query)
        asking = [toks[k] for k in asking_at]
        keywords = not joins.intersection(toks) and query.intents <= {"how_much"} and "?" not in query.text \
            and not asking and len(content) <= WEIGHTS.keyword_words \
            and not self.lex.words["followup"].intersection(toks)
        # A fact's words as its text says them; failing those, of keywords, as its questions ask them too ("halyq
        # sany" beside "халқы").
        # Where two asked things join: each "and", and a question word asked again ("халқы қанша, экономикасы қанша").
        parts = [k for k, tok in enumerate(toks) if tok in joins] + self._asked_again(query, asking_at)
        readings: list[Callable[[Fact], frozenset[str]]] = [self.answerable.said]
        if keywords:
            readings.append(lambda f: self.answerable.said(f) | self.words[self.position[f.id]])
        for uses in readings:
            said = uses(top)
            lacking = content - said
            for fact in close:
                other = uses(fact)
                # The nearest words on either side of each "and" that either fact uses ("халқы мен … әлеуеті"),
                # sides aside: "Kazakhstan and Russia" joins no two asked things.
                told = said | other
                beside = content if keywords else {
                    next((t for t in side if t in self.side_words or (t in content and t in told)), "")
                    for k in parts for side in (reversed(toks[:k]), toks[k + 1:])}
                if lacking & other & beside and (content & said) - other:
                    return fact
        return None

    def _asked_again(self, query: Query, at: Sequence[int] | None = None) -> list[int]:
        """Where "how much" is asked once more ("халқы қанша, экономикасы қанша"): each such place joins two things
        asked, as "and" does. `at`: where the question words stand, when already found."""
        at = self._asking_at(query) if at is None else at
        toks = query.tokens
        return [k for n, k in enumerate(at) if toks[k] in self.understanding.how_many and any(toks[j] == toks[k] for j in at[:n])]

    def _asking_at(self, query: Query) -> list[int]:
        """Where a question's question words stand ("halyq sany", the number of people, is a noun, not "how many";
        but one said twice asks twice: "халқы қанша, экономикасы қанша")."""
        toks, content, counts = query.tokens, set(query.words) - self.side_words, self.lex.words["count_words"]
        said = [k for k, tok in enumerate(toks) if tok in self.lex.question_words]
        again = {toks[k] for k in said if sum(1 for j in said if toks[j] == toks[k]) > 1}
        return [k for k in said if toks[k] in again or not (toks[k] in counts and k and toks[k - 1] in content)]

    @staticmethod
    def _on_named_day(query: Query, r: Ranked) -> bool:
        """"Что подписали 6 июля 1998 года?": every well-matching fact of the day named belongs in the answer."""
        when = r.fact.when
        return bool(when and when.day and (when.month, when.day) in query.days
                    and (not query.named_years or when.year in query.named_years))

    def _growth_beside(self, query: Query, top: Ranked, ranked: Sequence[Ranked]) -> Fact | None:
        """"By how much did trade grow in 2011?" of the year's amount ("grew to 23.8 billion"): the
        year's growth of the same measure, when it ranks close, is told first beside it."""
        metric, when = top.fact.metric or "", top.fact.when
        if "compare" not in query.intents or not metric or metric.endswith("_growth") or when is None:
            return None
        stem = metric.rsplit("_", 1)[0]
        return next((r.fact for r in ranked[1:WEIGHTS.answerable_tries] if (r.fact.metric or "") == f"{stem}_growth"
                     and r.fact.when is not None and r.fact.when.year == when.year
                     and r.coverage >= WEIGHTS.min_coverage and self.answerable.missing(query, r.fact) is None), None)

    def _keeps_subject(self, query: Query, missing: str, top: Ranked, other: Ranked) -> bool:
        """Whether a runner-up still speaks of what the question names in the best fact's title: where or on
        which day (or year) "the 2013 treaty of good-neighbourliness" was signed is not told by another treaty that says."""
        if missing not in ("where", "day", "month", "date"):
            if missing not in ("duration", "number", "money"):
                return True
            # (nor is a length asked of "the Trans-Aral Railway" told by the border's: a name the question types in
            # capitals, which the best fact's title holds, must be the runner-up's too)
            named = {tok for k, raw in enumerate(raw_tokens(query.text)) if k and raw[:1].isupper() for tok in tokens(raw)}
            own = named & {tok for title in top.fact.title.values() for tok in tokens(title)} - self.side_words
            return not own or bool(own & self.words[self.position[other.fact.id]])
        if other.fact.kind != "treaty":
            # only another document is easily taken for the one asked about; but where the best fact names no
            # document either, one that names none tells nothing of when or where "the EAEU treaty" was signed
            def names_document(fact: Fact) -> bool:
                return any(self.answerable.is_document(tok) for tok in self.answerable.said(fact))
            asked = any(self.answerable.is_document(tok) for tok in query.tokens)
            return not asked or names_document(top.fact) or names_document(other.fact)
        if missing in ("month", "date"):
            # … and when the best fact has no date at all, only a name the question gives the document (in
            # capitals: "the treaty on the Eurasian Economic Union") rules a runner-up out; "the first basic
            # treaty after independence" is as well the 1992 treaty as any fact about those years.
            # (the first word too when the best fact's title spells it with a capital inside: "Eurazialyq
            # ekonomikalyq odaq turaly şart …" of "… to the Eurasian Economic Union")
            capitals = {tok for title in top.fact.title.values() for raw in raw_tokens(title)[1:] if raw[:1].isupper()
                        for tok in tokens(raw)}
            # (an abbreviation as the words it stands for: "договор о ЕАЭС")
            raws = raw_tokens(query.text)
            typed = [raw for k, raw in enumerate(raws) if raw[:1].isupper() and (k or set(tokens(raw)) & capitals)]
            named = set(self.understanding.parse(" ".join(typed)).words) if typed else set()
            return self._same_subject(query, top, other, named)
        return self._same_subject(query, top, other)

    def _year_describes(self, query: Query, top: Ranked, other: Ranked) -> bool:
        """"How many inhabitants do the countries of the customs bloc launched in 2010 have?": the year is the best
        fact's own and tells which thing is meant; an undated runner-up about the same thing holds what is asked."""
        return other.fact.when is None and set(query.named_years) <= self._years_of(top.fact) \
            and self._same_subject(query, top, other)

    def _same_subject(self, query: Query, top: Ranked, other: Ranked, among: Collection[str] | None = None) -> bool:
        """Whether a runner-up uses every word the question shares with the best fact's title (sides and
        document words aside; of `among` only, if given)."""
        title = {tok for t in top.fact.title.values() for tok in tokens(t)}
        subject = (set(query.words) & title) - self.side_words - self.lex.words["document_words"]
        if among is not None:
            subject &= set(among)
        return subject <= self.words[self.position[other.fact.id]]

    def _placed_subject(self, query: Query, top: Ranked, ranked: Sequence[Ranked]) -> Fact | None:
        """"In which region is Russia's main rocket base?" when the best fact («Baikonur» – Russia's
        main space complex) does not say where: a fact among the candidates whose title opens with
        the same subject and says where it is ("The Baikonur cosmodrome in Kyzylorda Region …"), of the month asked if
        one is ("which city did they meet in in October 2023?" is not answered by the November forum in Astana)."""
        subject = {tok for title in top.fact.title.values() for tok in _opening(title)} - self.side_words \
            - self.lex.words["document_words"] - self.lex.words["stopwords"]  # "Treaty on …" names no one subject
        if not subject:
            return None
        # … or, failing that, the one place its title names ("Kazakh cosmonauts who flew from Baikonur": the cosmodrome
        # they flew from, asked where it is, is Baikonur)
        named = {tok for tok in tokens(top.fact.title["en"]) if tok in self.title_names} - subject - self.side_words
        openings = (subject, named) if len(named) == 1 else (subject,)
        # (a year that dates the best fact describes the thing asked where it lies: "the cosmodrome leased for 20 years
        # in 1994 — which region is it located in?"; "where was it signed?" asks of that year's event)
        located = bool(self.lex.words["located_words"].intersection(query.tokens))
        return next((r.fact for opening in openings for r in ranked[1:WEIGHTS.semantic_pool]
                     if self._titled_by(r.fact, tuple(opening)) and r.fact.place
                     and self.answerable.missing(query, r.fact) is None and not _of_other_month(query, r.fact)
                     and (not query.named_years or set(query.named_years) & self._years_of(r.fact)
                          or (located and set(query.named_years) <= self._years_of(top.fact)))), None)

    def _asks_years_counted(self, query: Query) -> bool:
        """Whether the question asks how many years (of a span: "how many years does the 1998–2007 treaty cover?"),
        not how many times a year ("сколько раз в год …?")."""
        return (bool(query.intents & {"how_much", "duration", "elapsed"}) and "ago" not in query.intents
                and bool(self.lex.words["year_words"].intersection(query.tokens))
                and not self.lex.words["times_words"].intersection(query.tokens))

    def _counts_people(self, query: Query, top: Ranked) -> bool:
        """"Сколько космонавтов Казахстана летали с Байконура?" of a fact that names them and gives no
        figure: the count is how many it names."""
        people = top.fact.people.get("en", ()) if top.fact.people else ()
        counted = query.counted
        return (len(people) >= 3 and top.coverage >= WEIGHTS.min_coverage and not self.answerable.has_figure(top.fact)
                and bool(self.lex.words["count_words"].intersection(query.tokens)) and counted is not None
                and any(c in self.words[top.index] for c, _ in self.index.expand(counted)))  # not "how many days"

    def _naming(self, query: Query, ranked: list[Ranked]) -> list[Ranked]:
        """"КТК құбырының ұзындығы?": an abbreviation of three letters or more that some fact names
        (a pipeline, a union) is what is asked about, so only facts naming it compete, when any do;
        other words ("length") would otherwise pull in a fact about something else."""
        named = [a for a in query.acronyms if len(a) >= 3 and a in query.words and self.index.expand(a)
                 and not _ROMAN_RE.fullmatch(a)]  # "XXI ғасыр" is a century, not an abbreviation
        if not named:
            return ranked
        naming = [r for r in ranked if all(a in self.words[r.index] for a in named)]
        return naming or ranked

    def _acting_first(self, query: Query, ranked: list[Ranked]) -> list[Ranked]:
        """"Qazaqstan Resei täuelsızdıgın qaşan tanydy?": of the two best facts, when they tell one thing each
        way round, the one whose acting side the question names as acting leads."""
        if len(ranked) < 2 or ranked[0].index not in self.acting or ranked[1].index not in self.acting \
                or self.acting[ranked[0].index] == self.acting[ranked[1].index]:
            return ranked
        side = acting_side(query.text)
        if side is None:
            return ranked
        first, second = ranked[:2] if side == self.acting[ranked[0].index] else ranked[1::-1]
        # The two match the question alike but for words of their own ("officially"): the pair's match is the answer's.
        lead = replace(first, lexical=max(first.lexical, second.lexical), coverage=max(first.coverage, second.coverage),
                       cosine=max(first.cosine, second.cosine), fused=max(first.fused, second.fused))
        return [lead, second, *ranked[2:]]

    def _span_first(self, query: Query, ranked: list[Ranked]) -> list[Ranked]:
        """"1995–2001 жылдары жылына неше рет …?": a rate a year over the span the question names is told by the
        fact of that very span ("10–15 times a year in 1995–2001"), not by one year's count matching more words."""
        years = sorted(set(query.named_years))
        if len(years) != 2 or not ranked or not mentions(query.tokens, self.lex, "per_year"):
            return ranked
        spanning = next((r for r in ranked[:WEIGHTS.answerable_tries] if r.fact.start and r.fact.end
                         and [r.fact.start.year, r.fact.end.year] == years and r.coverage >= WEIGHTS.semantic_agree), None)
        return _led_by(ranked, spanning)

    def _tallied_first(self, query: Query, ranked: list[Ranked]) -> list[Ranked]:
        """"1995 жылы басшылар неше рет кездесті?": the times of one year are told by the fact that counts that
        year's meetings, not by one of a span of years ("10–15 times a year in 1995–2001") matching a little better."""
        if (len(set(query.named_years)) != 1 or not ranked or ranked[0].fact.times or "how_much" not in query.intents
                or not self.lex.words["times_words"].intersection(query.tokens)):
            return ranked
        top = ranked[0]
        counting = next((r for r in ranked[1:WEIGHTS.answerable_tries] if r.fact.times and r.fact.kind == top.fact.kind
                         and self._years_of(r.fact) == set(query.named_years) and r.coverage >= WEIGHTS.min_coverage
                         and r.coverage >= WEIGHTS.first_ratio * top.coverage), None)
        return _led_by(ranked, counting)

    def _earliest_first(self, query: Query, ranked: list[Ranked]) -> list[Ranked]:
        """"When did Nazarbayev first visit Russia as president?": of the facts of the best one's kind
        that match about as well (his visits of 1994 and 2000), the earliest is the first."""
        if (not ranked or query.named_years or "list" in query.intents or "when" not in query.intents
                or not self.lex.words["first_words"].intersection(query.tokens)):
            return ranked
        top = ranked[0]
        if top.fact.when is None:
            return ranked
        # By year: a fact dated only to its year ("three more visits in 2008") is no earlier than one of May that year.
        close = [r for r in ranked[1:WEIGHTS.answerable_tries] if r.fact.kind == top.fact.kind and r.fact.when
                 and r.fact.when.year < top.fact.when.year
                 and r.coverage >= WEIGHTS.min_coverage and r.fused >= WEIGHTS.first_ratio * top.fused]
        earliest = min(close, key=lambda r: r.fact.when.key if r.fact.when else (0, 0, 0), default=top)
        return _led_by(ranked, earliest)

    def _corrected_year(self, query: Query, ranked: Sequence[Ranked], lang: str, events_only: bool = False) -> Answer | None:
        """"Is it true that the tax convention was adopted in 1997?": a claim put up to be checked
        whose year its best fact does not hold, while the question's words without the year find a
        fact of another year that holds what is asked: that fact is told, as the sources' other year.
        A wrong year is corrected, not declined; a plain question about a year the sources lack is not a claim.
        Of a year no fact is from (`events_only`), only an event's is: a yearly figure of another year
        ("trade in 2015 was 20 bn?" → 2008's) is another measurement, not the same one misdated."""
        if not query.named_years or not self.answerable.claims(query):
            return None
        top = ranked[0]
        if set(query.named_years) & self._years_of(top.fact) and top.coverage >= WEIGHTS.min_coverage:
            return None
        yearless_query = replace(query, years=(), named_years=())
        yearless = self.rank(yearless_query)
        if not yearless or not self._confident(yearless_query, yearless):
            return None
        best = yearless[0]
        if (best.coverage < WEIGHTS.min_coverage or best.fact.when is None or (events_only and best.fact.metric)
                or set(query.named_years) & self._years_of(best.fact)
                or self.answerable.missing(yearless_query, best.fact) is not None):
            return None
        return self.compose.other_year(best.fact, lang, query.text)

    def _names_other_document(self, query: Query, top: Ranked) -> bool:
        """"When was the treaty on the state border signed?": a document named by its subject ("treaty on …",
        "договор о …", "… туралы шарт"), asked of a document whose title and other names say nothing of that
        subject (the 1992 treaty speaks of borders only in its text): the sources have no such document."""
        if top.fact.kind != "treaty":
            return False
        match = next((m for m in (r.search(query.text) for r in _DOCUMENT_SUBJECT_RES) if m), None)
        if match is None:
            return False
        subject = [w for w in self.understanding.parse(match.group("subject")).words if w not in self.side_words]
        if not subject:
            return False
        named = self._title_words(top.index) | {tok for names in top.fact.aliases.values() for name in names
                                                for tok in tokens(name)}
        # (nor as the text names a document: "… келісім … пайдаланудың негізгі қағидаттары туралы" is the lease too)
        named |= {tok for text in top.fact.text.values() for r in _DOCUMENT_SUBJECT_RES for m in r.finditer(text)
                  for tok in tokens(m.group("subject"))}
        # (and only where the fact's text says it in passing, which is what found it: a paraphrase of the
        # document's own subject, "бөліп алу" for "межелеу", says nothing the text does)
        meant = {c for w in subject for c, _ in self.index.expand(w)}
        return not meant & named and bool(meant & self.answerable.said(top.fact))

    def _off_title(self, query: Query, top: Ranked, ranked: Sequence[Ranked]) -> bool:
        """A short question that names little of its best fact's title and is not close to it in
        meaning ("Какое население Москвы?" → "Population of the Customs Union countries", "Кто посол
        России в Казахстане?") asks about something else that shares a word or two with it."""
        if not self._short_detail_off_title(query, top.index) or self.index.names_person(top.index, query.words):
            return False  # "Тоқтар Әубәкіров кім?" names in full a person the fact names
        if query.named_years and set(query.named_years) & self._years_of(top.fact) and top.coverage >= WEIGHTS.lexical_sure:
            return False  # "what declaration did they sign in 1998?": the year and every word match it
        named = set(query.named_years)
        if named & self._years_of(top.fact) and top.coverage >= WEIGHTS.min_coverage \
                and not any(r is not top and r.coverage >= WEIGHTS.min_coverage and named & self._years_of(r.fact)
                            for r in ranked[:WEIGHTS.answerable_tries]):
            return False  # "what document was adopted in Russia in 1990?": the one fact of that year the words find
        return self.semantic is not None and self._cosine(query, top) < WEIGHTS.on_topic

    def _cosine(self, query: Query, top: Ranked) -> float:
        """The model's cosine for the best fact, asked now where ranking skipped the model as
        lexically sure (0 without a model)."""
        if self.semantic is not None and not top.cosine:
            scores = self.semantic.scores(query.text)
            return 1.0 if scores is None else float(scores[top.index])  # not embedded yet: on topic, as without a model
        return top.cosine

    def _title_words(self, index: int) -> frozenset[str]:
        """The words of a fact's title, in every language."""
        return frozenset().union(*self.index.titles[index]) if self.index.titles[index] else frozenset()

    def _in_title(self, query: Query, index: int) -> set[str]:
        """The question's words that the fact's title names (in any language, inflected or mistyped)."""
        named = self._title_words(index)
        return {w for w in query.words if any(c in named for c, _ in self.index.expand(w))}

    def _short_detail_off_title(self, query: Query, index: int) -> bool:
        """A short question asking a detail (not keywords, not "what is …?", which name a topic)
        that names less of the fact's title than WEIGHTS.off_title."""
        asks = bool(query.intents & ASKING) or bool(self.lex.words["which_words"].intersection(query.tokens))
        if not asks or "overview" in query.intents or len(query.words) > WEIGHTS.short_words \
                or self.index.title_share(index, query.words) >= WEIGHTS.off_title:
            return False
        # … and whose own topic words (not the two sides) are mostly missing from that title:
        # "Байконыр кай облыста орналаскан" names Baikonur, the subject of its fact's long title.
        own = [w for w in query.words if w not in self.side_words]
        named = self._title_words(index)
        which = self.lex.words["which_words"]
        asked = [b for a, b in zip(query.tokens, query.tokens[1:], strict=False) if a in which]
        if any(c in named for w in asked for c, _ in self.index.expand(w)):
            return False  # "Қызылорда облысында қандай космодром бар?": which one of what the title names
        found = sum(1 for w in own if any(c in named for c, _ in self.index.expand(w)))
        return not own or found / len(own) < WEIGHTS.own_in_title

    # -- ranking ----------------------------------------------------------------------------

    def rank(self, query: Query) -> list[Ranked]:
        """Candidates from both signals, fused: the lexical share of the best score plus the
        semantic cosine's lead over the question's typical cosine."""
        hits = self._search(query)
        lexical = {self.position[h.fact.id]: h for h in hits}
        consult = self.semantic is not None and query.words and not _sure(hits)
        cosines = self.semantic.scores(query.text) if consult and self.semantic is not None else None
        candidates = set(lexical)
        if cosines is not None:
            candidates.update(int(i) for i in np.argsort(-cosines)[:WEIGHTS.semantic_pool])
        if not candidates:
            return []
        top_lex = max((h.score for h in hits), default=0.0) or 1.0
        if cosines is not None:
            best_cos = float(cosines.max())
            base = float(np.median(cosines))
            spread = max(best_cos - base, 1e-6)
        way, goods_way = destination(query.text), destination(query.text, located=True)
        # Goods exported or sold the other way share every word with those asked ("Russia's exports to Kazakhstan",
        # "Kazakhstan's exports to Russia"), so they are set further back than money invested the other way.
        goods_off = WEIGHTS.wrong_way_goods if self.lex.words["flow_words"].intersection(query.tokens) else WEIGHTS.wrong_way
        level = self.answerable.asks_level(query)
        named_places = frozenset(tokens(query.text))
        # "Шанхай ынтымақтастық ұйымы туралы …": a fact that matches every word outranks one the model
        # merely finds close ("cooperation on the Caspian") and that matches few of them.
        full = any(h.coverage >= WEIGHTS.lexical_sure for h in hits)
        ranked: list[Ranked] = []
        for i in candidates:
            hit = lexical.get(i)
            lex_share = hit.score / top_lex if hit else 0.0
            cos = float(cosines[i]) if cosines is not None else 0.0
            fused = lex_share
            if cosines is not None:
                fused += WEIGHTS.semantic * max(cos - base, 0.0) / spread
            if query.named_years and not set(query.named_years) & self._years_of(self.index.facts[i]):
                fused *= WEIGHTS.other_year
            if goods_way is not None and self.goods_side.get(i, goods_way) != goods_way:
                fused *= goods_off
            elif way is not None and self.visit_side.get(i, way) != way:
                fused *= WEIGHTS.wrong_way  # "came to Moscow" is not Medvedev's trip to Kazakhstan
            if named_places & self.place_words.get(i, frozenset()):
                fused *= WEIGHTS.named_place
            if level and (self.index.facts[i].metric or "").endswith("_growth"):
                fused *= WEIGHTS.unasked_change  # "how much were exports?" asks the figure, not its growth
            if full and (hit.coverage if hit else 0.0) < WEIGHTS.min_coverage:
                fused *= WEIGHTS.unmatched
            ranked.append(Ranked(self.index.facts[i], i, hit.score if hit else 0.0, hit.coverage if hit else 0.0, cos, fused))
        ranked.sort(key=lambda r: (-r.fused, -r.coverage, r.fact.id))  # a tie of the two signals goes to the words
        return ranked

    def _search(self, query: Query) -> list[Hit]:
        """The lexical candidates, remembered for a while: a new question is searched while the bot
        works its answer out with the model barred and again once its embedding is in. Keyed by the whole query,
        not its text: a count of years ranks the same text again without its year."""
        if not (query.words or query.years):
            return []
        hits: list[Hit] | None = self.searched.get(query)
        if hits is None:
            hits = self.index.search(query, limit=WEIGHTS.semantic_pool)
            self.searched[query] = hits
        return hits

    def _confident(self, query: Query, ranked: Sequence[Ranked]) -> bool:
        """Whether the best candidate may be given as the answer (else: a decline with suggestions)."""
        top = ranked[0]
        # A short question naming something the facts never mention ("river", "Eurovision") is off
        # topic whatever its meaning resembles, unless the rest matches well; in a long polite
        # question unknown words are chatter.
        unknown = sum(1 for w in query.words if len(w) >= WEIGHTS.unknown_length and not w[0].isdigit()
                      and w not in query.verbs and w not in self.intent_words and not w.endswith(PRESENT_ENDINGS)
                      and w not in self.lex.words["refers"]  # "osylai" (so, like this) points back, names nothing
                      and not self.index.expand(w) and not self.index.near_vocabulary(w, WEIGHTS.typo_cutoff)
                      and not self.understanding.mistyped_function_word(w) and not self.understanding.change_typo(w))
        if any(not self.index.expand(a) and not self.index.near_vocabulary(a, WEIGHTS.typo_cutoff)
               for a in query.acronyms if a in query.words and not a[0].isdigit()):
            return False  # an abbreviation no fact knows ("KTK", "NATO") names what is asked about
        # Unknown words in a long question are chatter, unless they are most of it ("write me a Python
        # function that sorts a list for my homework") and the fact does not match all the rest (an old
        # teacher's long greeting, who she is and whom she tells, around "Путин қазақтар туралы қандай сөз айтты?").
        said = len(query.words) - query.placed
        chatter = said >= WEIGHTS.chatty_words and (unknown * 2 <= said or top.coverage >= WEIGHTS.lexical_sure)
        if unknown and not chatter and "overview" in query.intents and unknown * 2 < len(query.words):
            # "ЕАЭС — что это, кратко для ведущего": asked for an overview, the words no fact knows are
            # chatter when the rest alone finds the same fact, matched well.
            known = tuple(w for w in query.words if self.index.expand(w) or self.index.near_vocabulary(w, WEIGHTS.typo_cutoff))
            again = self.rank(replace(query, words=known)) if known else []
            # … a name of the fact's own ("what is the longest river?" has none)
            named = [w for w in known if w not in self.side_words]
            # … and said after it, apart ("… для моей бабушки"), not as its noun ("the anthem of the Customs Union",
            # "the Customs Union anthem")
            toks = query.tokens
            last = max((k for k, tok in enumerate(toks) if tok in named), default=len(toks))
            apart = all(last < k - 1 and toks[k - 1] not in known
                        for k, tok in enumerate(toks) if tok in query.words and tok not in known)
            chatter = bool(again) and again[0].fact.id == top.fact.id and again[0].coverage >= WEIGHTS.list_coverage \
                and bool(named) and all(self.index.title_share(top.index, [w]) > 0 for w in named) and apart
        if unknown and self.semantic is None and not chatter:
            return top.coverage >= WEIGHTS.unknown_coverage
        if unknown and self.semantic is not None:
            cosine = self._cosine(query, top)
            if cosine < WEIGHTS.semantic_floor:
                return False  # words no fact uses, and the model finds the fact far in meaning: another topic
        if unknown and not chatter:
            # The model must find the fact close too: "самая длинная река в мире" shares most of its
            # words with "the longest land border in the world", but not its meaning.
            # … or both signals put one fact far ahead of the rest: the unknown words are typos of its own
            # ("тауралдың көлмі" of the 1999 imports).
            dominant = len(ranked) > 1 \
                and (ranked[1].fused <= WEIGHTS.dominant_ratio * top.fused or self._alone_of_years(query, ranked)) \
                and top.lexical >= max(r.lexical for r in ranked) and cosine >= max(r.cosine for r in ranked) - 1e-6
            return (top.coverage >= WEIGHTS.unknown_coverage and cosine >= WEIGHTS.semantic_sure) \
                or (top.coverage >= WEIGHTS.min_coverage and cosine >= WEIGHTS.unknown_sure) \
                or (dominant and cosine >= WEIGHTS.semantic_sure)
        if self.semantic is not None and query.words \
                and all(max((score for _, score in self.index.expand(w)), default=0.0) < 1.0 for w in query.words) \
                and self._cosine(query, top) < WEIGHTS.semantic_floor:
            return False  # "Palaudy qalai pisiremin?": every word only resembles one of the facts', and the meaning is far
        if top.coverage >= WEIGHTS.min_coverage:
            return True
        if self.semantic is None:
            return False
        best_cos = self._best_rival(query, ranked, lambda r: r.cosine)
        best_lex = self._best_rival(query, ranked, lambda r: r.lexical)
        if top.cosine >= WEIGHTS.semantic_sure and top.cosine >= best_cos - 1e-6:
            return True
        slack = WEIGHTS.agree_slack if len(query.words) > WEIGHTS.short_words else 1e-6  # "в рамках чего?" is too vague
        agree = top.cosine >= best_cos - slack and top.lexical >= best_lex - 1e-9
        return agree and top.coverage >= WEIGHTS.semantic_agree and top.cosine >= WEIGHTS.semantic_floor

    def _named_topic(self, query: Query) -> tuple[str, ...]:
        """"Байқоңыр туралы қысқаша айтып беріңізші, жастарға әңгімелеп берейін": an overview asked of a thing the
        titles name ("Baikonur", "ОДКБ"), among words that only resemble the facts' (a remark on whom it is for):
        the named words, the topic (none when the question is not such a request)."""
        if "overview" not in query.intents or query.parties or not self._is_overview(query):
            return ()  # (… nor of one between other countries: "Түрікменстан мен Әзірбайжан арасындағы Каспий …")
        named = tuple(w for w in query.words if w in self.title_names and w not in self.side_words)
        if not named or len(named) == len(query.words):
            return ()
        # … the other words said after it, apart ("… for my grandmother"), none of them its noun ("the anthem of the
        # Customs Union", "Кеден одағының әнұраны")
        toks = query.tokens
        first = min(k for k, tok in enumerate(toks) if tok in named)
        # (a frame of the topic, "Қазақстан мен Ресейдің Каспий мәселесіндегі ынтымақтастығы", is no noun of it)
        others = [k for k, tok in enumerate(toks)
                  if tok in query.words and tok not in named and tok not in self.frame_words and tok not in self.side_words]
        apart = all(k > first + 1 and toks[k - 1] not in named for k in others)
        return named if apart else ()

    @staticmethod
    def _alone_of_years(query: Query, ranked: Sequence[Ranked]) -> bool:
        """"1998 2007 ekonomikalik intimaktastik sharti": the two years named are the span the best fact is for, and
        no other's: the span names the fact as surely as its words would."""
        span = _span(ranked[0].fact)
        return span is not None and set(query.named_years) == set(span) \
            and not any(_span(r.fact) == span for r in ranked[1:])

    def _best_rival(self, query: Query, ranked: Sequence[Ranked], score: Callable[[Ranked], float]) -> float:
        """The best score among the top and the candidates that hold what is asked: one that lacks it
        ("how much money" of a fact with no sum) is no rival. Checked best first, until one holds it."""
        return next(score(r) for r in sorted(ranked, key=score, reverse=True)
                    if r is ranked[0] or self.answerable.missing(query, r.fact) is None)

    def _fuller_runner_up(self, query: Query, top: Ranked, r: Ranked) -> bool:
        """"What areas of cooperation were highlighted after the forum?": two facts nearly tied, the runner-up
        holding clearly more of the question's words, both of one day (the forum's results beside the forum): it leads."""
        return r.fact.when is not None and r.fact.when == top.fact.when \
            and r.fused >= WEIGHTS.tie_ratio * top.fused and r.coverage >= top.coverage + WEIGHTS.tie_gap \
            and self.answerable.missing(query, r.fact) is None

    def _equally_good(self, r: Ranked, top: Ranked) -> bool:
        """Whether a runner-up belongs in the answer's list: nearly the best score, or a keyword
        query ("visits 2008") that it matches in full just as the best fact does."""
        if r.coverage < WEIGHTS.min_coverage or top.lexical <= 0:
            return False
        if r.lexical >= WEIGHTS.related_ratio * top.lexical and r.fused >= WEIGHTS.related_ratio * top.fused:
            return True
        return min(r.coverage, top.coverage) >= WEIGHTS.full_match and r.lexical >= WEIGHTS.list_ratio * top.lexical

    # -- declines ---------------------------------------------------------------------------

    def _hard_decline(self, query: Query) -> bool:
        if not query.words and not query.years:
            return True
        if query.out_of_scope:
            return True
        return bool(query.years) and not (set(query.years) & self.known_years) and "elapsed" not in query.intents

    def _only_year_matches(self, query: Query, top: Ranked, ranked: Sequence[Ranked]) -> bool:
        """"What was KZ–Russia trade in 2022?" of a 2022 visit that never speaks of trade: the year and the
        two sides, which every fact of that year shares, are all it matches of the question."""
        if not query.named_years or not set(query.named_years) & self._years_of(top.fact):
            return False
        measures = self.lex.words["turnover_words"] | self.lex.words["flow_words"] | self.lex.words["measure_words"]
        own = [w for w in query.words if w not in self.side_words and w in self.index.vocab_set and w not in query.verbs]
        if not measures.intersection(own):
            return False  # only a figure's measure ("trade") is so plainly absent; other words may be said otherwise
        forms = [{w, *(c for c, _ in self.index.expand(w))} for w in own]  # each word as typed or as the index reads it

        def says(index: int) -> list[bool]:
            return [not said.isdisjoint(self.words[index]) for said in forms]

        # … while a fact of another year says them all, and the model finds it no farther from the question
        # ("How much business did Astana and Moscow do in 2008?" is the 2008 trade, in other words).
        return not any(says(top.index)) and any(
            all(says(r.index)) and r.cosine >= top.cosine for r in ranked[1:WEIGHTS.answerable_tries])

    def _party_mismatch(self, query: Query, top: Ranked) -> bool:
        """A question naming another country is answered only by a fact that names it too."""
        if not query.parties:
            return False
        return not query.parties <= self.understanding.parties(self.words[top.index])

    def _years_of(self, fact: Fact) -> frozenset[int]:
        """The years a fact is dated to or speaks of: a question about another year is not answered by it."""
        return self.fact_years[fact.id]

    # -- composed answers -------------------------------------------------------------------

    def _year(self, query: Query, lang: str) -> Answer:
        """"What happened in 1998": that year's facts, most important first."""
        year = query.named_years[0]
        ids = self.index.by_year.get(year)
        facts = _occasions_first(sorted((self.index.facts[int(i)] for i in ids), key=importance)) if ids is not None else []
        if not facts:
            return self.compose.decline(query.text, lang)
        return self.compose.listing(facts, lang, query.text, str(year))

    def _span(self, query: Query, lang: str) -> Answer:
        """"What happened in the 1990s?": the most important facts of those years, in date order."""
        found = {int(i) for y in query.years for i in self.index.by_year.get(y, ())}
        facts = _occasions_first(sorted((self.index.facts[i] for i in found), key=importance))
        shown = sorted(_each_year_first(facts)[:MAX_LIST], key=lambda f: f.when.key if f.when else (9999, 0, 0))
        if not shown:
            return self.compose.decline(query.text, lang)
        return self.compose.listing(shown, lang, query.text, f"{query.years[0]}–{query.years[-1]}", dated=True)

    def _compare(self, query: Query, ranked: Sequence[Ranked], lang: str) -> Answer | None:
        """Two years of one metric: both values and the change."""
        years = [y for y in query.named_years if y in self.known_years]
        if len(years) < 2:
            return self._compare_two(query, ranked, lang)
        wanted = set(years[:2])
        metrics = [r.fact.metric for r in ranked[:8] if r.fact.metric]
        with_both = [m for m in metrics if all((m, y) in self.figures for y in wanted)]
        amounts = [r.fact.metric for r in ranked[:8] if r.fact.metric and r.fact.unit != "percent"]
        if not with_both:
            each_year = self._each_year(wanted, ranked, lang, query.text)
            if each_year is not None:
                return each_year
        # The best-matching amount lacks one of the years (not when a better-matching measure has both: growth in
        # 1998 and in 2011 compared, beside the turnover of 2011 alone)
        if amounts and amounts[0] not in with_both and metrics[0] not in with_both:
            figure_and_change = self._stated_change(amounts[0], max(wanted), ranked, lang, query.text)
            if figure_and_change is not None:
                return figure_and_change
        metric = with_both[0] if with_both else (metrics[0] if metrics else None)
        if metric is None:
            return None
        by_year: dict[int, Ranked] = {}
        for r in ranked:
            when = r.fact.when
            if r.fact.metric == metric and when and when.year in years[:2] and r.fact.value is not None:
                by_year.setdefault(when.year, r)
        for y in years[:2]:
            if y not in by_year and (metric, y) in self.figures:
                by_year[y] = Ranked(self.figures[(metric, y)][0], 0, 0, 0, 0, 0)
        if len(by_year) < 2:
            return None
        first, second = (by_year[y].fact for y in sorted(by_year)[:2])
        # A fact stating the change itself in percent for the later year ("trade grew by 42.3%").
        stated = None
        if first.when and second.when and second.when.year == first.when.year + 1:
            # The sources' own growth figure for the later year ("trade grew by 42.3% in 2011"), of the same measure.
            stated = next(iter(self.figures.get((f"{metric.split('_')[0]}_growth", second.when.year), ())), None)
        if stated is None and second.when:
            stated = _stated_percent(ranked, second.when.year, (first, second))
        return self.compose.compare(first, second, lang, query.text, stated=stated)

    def _ago(self, ranked: Sequence[Ranked], lang: str, question: str) -> Answer | None:
        """"How many years ago were relations established?": the years from the best dated fact
        to today, computed at reply time (never stored in a fact's text, where it would go stale)."""
        dated = [r.fact for r in ranked[:WEIGHTS.answerable_tries]
                 if r.fact.when and r.coverage >= WEIGHTS.semantic_agree]
        return self.compose.ago(dated[0], self.today().year, lang, question) if dated else None

    def _elapsed(self, query: Query, ranked: Sequence[Ranked], lang: str) -> Answer | None:
        """"How many years after independence was the 2013 treaty signed?": the years between the
        two best dated facts (or between a fact and a year the question names), computed."""
        dated: list[Fact] = []
        for r in ranked[:WEIGHTS.answerable_tries + 2]:
            when = r.fact.when
            if when and r.coverage >= WEIGHTS.semantic_agree and all(f.when and f.when.year != when.year for f in dated):
                dated.append(r.fact)
        others = [y for y in query.named_years if not any(f.when and f.when.year == y for f in dated[:1])]
        if dated and others and (len(dated) < 2 or others[0] not in self._years_of(dated[1])):
            return self.compose.elapsed(dated[0], None, others[0], lang, query.text)
        named = [w for w in query.words if w not in self.time_words and not w[0].isdigit()]
        if dated and len(named) == 1 and not query.named_years:  # "сколько лет дипотношениям?": one event, to this year
            return self.compose.ago(dated[0], self.today().year, lang, query.text)
        if len(dated) >= 2:
            return self.compose.elapsed(dated[0], dated[1], None, lang, query.text)
        return None

    def _anniversary(self, query: Query, lang: str) -> Answer | None:
        """"In which year was the 30th anniversary of relations?": the event's year plus 30; "the
        anniversary of relations in 2024": the years from the event to 2024. The event is ranked
        without the number and the year, which are not what it is."""
        n = next((int(w) for w in query.words if w.isdigit() and 0 < int(w) <= MAX_ANNIVERSARY), None)
        event = replace(query, years=(), named_years=(), words=tuple(w for w in query.words if not w[0].isdigit()))
        ranked = self.rank(event)
        if not ranked or not self._confident(event, ranked):
            return None
        dated = next((r.fact for r in ranked[:WEIGHTS.answerable_tries]
                      if r.fact.when and r.coverage >= WEIGHTS.min_coverage), None)
        if dated is None:
            return None
        if n is not None:
            return self.compose.anniversary(dated, n, lang, query.text)
        to = [y for y in query.named_years if y not in self._years_of(dated)]
        if to:  # "… established in 1992: how many years do they turn in 2024?" counts to 2024
            return self.compose.elapsed(dated, None, to[0], lang, query.text)
        if "how_much" in query.intents and not query.named_years:  # "сколько лет исполнится дипотношениям?": counted to this year
            return self.compose.ago(dated, self.today().year, lang, query.text)
        return None

    def _each_year(self, years: set[int], ranked: Sequence[Ranked], lang: str, question: str) -> Answer | None:
        """"1997 жылғы тауар айналымымен салыстырғанда 1998 жылдың бірінші жартысында …?": two years that no one
        measure has figures for, each with a figure of its own among the best matches (turnover in 1997, growth in half
        of 1998; exports in 2011 against imports in 1999): both figures, each cited, in the same unit where one can be."""
        best = [r for r in ranked[:WEIGHTS.answerable_tries] if r.fact.value is not None and r.fact.metric
                and r.coverage >= WEIGHTS.semantic_agree and r.fact.when is not None and r.fact.when.year in years]
        by_year = {y: [r.fact for r in best if r.fact.when and r.fact.when.year == y] for y in years}
        if not all(by_year.values()):
            return None
        early, late = (by_year[y] for y in sorted(years))
        pair = next(((a, b) for a in early for b in late if a.unit == b.unit), (early[0], late[0]))
        return self.compose.listing(list(pair), lang, question, "")

    def _stated_change(self, metric: str, year: int, ranked: Sequence[Ranked], lang: str, question: str) -> Answer | None:
        """"How did exports change in 2011 against 2010?" when the sources give exports for 2011
        only, but state the change in percent: that year's figure and the stated change."""
        if (metric, year) not in self.figures:
            return None
        figure = self.figures[(metric, year)][0]
        change = _stated_percent(ranked, year, (figure,))
        if change is None:
            return None
        return self.compose.listing([figure, change], lang, question, "")

    def _compare_two(self, query: Query, ranked: Sequence[Ranked], lang: str) -> Answer | None:
        """"Compare Russian investment in Kazakhstan with Kazakh investment in Russia": the two best
        facts, when both give a value in the same unit."""
        if "compare" not in query.intents or len(ranked) < 2:
            return None
        # The two best facts that give a figure: a fact that only speaks of the topic ("Russia is
        # the fifth largest investor") may rank above them without being what is compared.
        valued = [r for r in ranked[:WEIGHTS.answerable_tries] if r.fact.value is not None and r.fact.metric
                  and (not query.named_years or set(query.named_years) & self._years_of(r.fact))]  # of the year asked
        if len(valued) < 2:
            return None
        first, second = valued[0], valued[1]
        a, b = first.fact, second.fact
        if a.unit != b.unit:
            return None
        explicit = (self.lex.intents["compare"] - self.lex.words["change_words"]).intersection(query.tokens) \
            or find_phrases(query.tokens, self.lex.intent_phrases["compare"])
        if not explicit and not (set(query.words) & self.answerable.said(b)) - self.answerable.said(a):
            return None  # "на сколько процентов вырос экспорт в 2011?": one thing's growth, the other not named
        if min(first.coverage, second.coverage) < WEIGHTS.semantic_agree:
            return None
        if (a.metric == b.metric and not (a.when and b.when)) or any((f.metric or "").startswith("average_") for f in (a, b)):
            return None  # an average rate is no year to compare another year's figure with
        return self.compose.compare(a, b, lang, query.text, by_year=a.metric == b.metric)

    def _list(self, query: Query, ranked: Sequence[Ranked], lang: str) -> Answer | None:
        """"Which agreements were signed in 1994", "Yeltsin's visits": every fact that matches in full."""
        signed = self._signed_in(query)
        if len(signed) >= 2:
            return self.compose.listing(signed, lang, query.text, "", dated=True)
        full = _close_matches(ranked)
        full += self._namesakes(query, ranked, full)
        if query.named_years:
            full = [r for r in full if set(query.named_years) & self._years_of(r.fact)]
            full += self._tag_kin(query, full, ranked)
        if query.intents & {"where", "who", "day", "month"} or self.answerable.event_asked(query) \
                or self.answerable.asks_name(query):
            # "Which region is it in?", "on what exact day in July?", "the prime ministers' names?": a list of
            # facts that do not say where, are dated only to their month or name only the office is no answer to it.
            full = [r for r in full if self.answerable.missing(query, r.fact) is None]
        if len(full) < 2:
            return None
        facts = sorted((r.fact for r in full), key=lambda f: f.when.key if f.when else (9999, 0, 0))
        # The best match leads, told in full: where it sums the topic up ("five test ranges: …"),
        # the lines below only add to it.
        # "Which countries are in the EAEU?": the best fact that names countries leads, even one that
        # shares fewer of the question's words ("входят") than the lines below.
        lead = next((r for r in (ranked[0], *full) if self.index.names_countries[r.index]), full[0]) \
            if "countries" in query.intents else full[0]
        if lead.fact in facts:
            facts.remove(lead.fact)
        return self.compose.listing([lead.fact, *facts], lang, query.text, "", in_full=1)

    def _tag_kin(self, query: Query, full: Sequence[Ranked], ranked: Sequence[Ranked]) -> list[Ranked]:
        """"List the steps Kazakhstan took in 2023 and 2024 that did not please Moscow: visas, bans, concerts": the
        facts of the years asked that share the best match's narrowest topic tag with any ("tensions"), ranked however
        far down, as the list asks for all of them, not only those whose words the question repeats."""
        # (the best match leads them when none matches in full: the list's words are its examples, "visas, bans")
        lead = full[:1] or [r for r in ranked[:1] if set(query.named_years) & self._years_of(r.fact)
                            and self._confident(query, ranked)]
        if not lead or query.intents != {"list"} or not (self.answerable.enumerates(query) or _PLURAL_ASK_RE.search(query.text)):
            return []  # (one thing asked, "which summit", "қандай кәсіпорын", is no list of a topic)
        listed = {r.fact.id for r in (*full, *lead)}
        of_years = [f for f in self._of_years(query.named_years) if f.id not in listed]
        named = self._named_tags(query)  # "эпизоды, осложнившие отношения": tensions, though the Leps concerts are culture too
        for tag in sorted((t for t in lead[0].fact.tags if self.tag_sizes[t] <= KIN_TAG_FACTS),
                          key=lambda t: (t not in named, self.tag_sizes[t])):
            kin = [Ranked(f, self.position[f.id], 0.0, 0.0, 0.0, 0.0) for f in of_years if tag in f.tags]
            if kin:  # the narrowest tag that has kin in the years asked
                return kin if full else [*lead, *kin]
        return []

    def _namesakes(self, query: Query, ranked: Sequence[Ranked], full: Sequence[Ranked]) -> list[Ranked]:
        """"Which events with Leps were cancelled?": the other facts that name the rarest word the question
        shares with its best match (a person, a place), scored near it, though they share few of the
        question's other words ("the festival he was to play at" is one of them, "his concert" the other)."""
        if not full:
            return []
        said = self.answerable.said(ranked[0].fact)
        rare = [w for w in query.words if w in said and w not in self.side_words and w in self.index.postings
                and len(self.index.postings[w][0]) <= WEIGHTS.namesake_facts]
        if not rare:
            return []
        name = max(rare, key=self.index.idf.__getitem__)
        return [r for r in ranked[1:] if r not in full and r.fused >= WEIGHTS.list_ratio * ranked[0].fused
                and name in self.answerable.said(r.fact)]

    def _signed_in(self, query: Query) -> list[Fact]:
        """"Which agreements were signed in 1996?": the treaties dated to the years asked, in date order.
        Facts about a span of years that holds 1996 ("1995–2001: rapprochement") match its words better
        than the treaties themselves, which seldom say "agreements were signed"."""
        documents = self.lex.words["document_words"]
        if not query.named_years or not documents.intersection(query.tokens) or query.intents - {"list", "overview"}:
            return []
        signing = self.lex.words["signing_words"]
        named = [w for w in query.words if w not in documents and w not in self.side_words and not w[0].isdigit()
                 and w not in self.lex.words["year_words"] and w not in signing and w not in self.intent_words]
        if len(named) > 1:
            return []  # "… during Nazarbayev's visit", "the economic treaty …": one occasion or one document
        return sorted((f for f in self._of_years(query.named_years) if f.kind == "treaty" and f.when
                       and f.when.year in query.named_years), key=_in_order)

    def _places(self, query: Query, ranked: Sequence[Ranked], lang: str) -> Answer | None:
        """"In which regions are Russia's test ranges?": every close match that says where it is,
        each told in full (the place is in its text), not the one summary that names none."""
        if "where" not in query.intents or not self.lex.words["place_plurals"].intersection(tokens(query.text)):
            return None
        # The bar is the best fact that says where: a summary naming no place may score far above them all.
        # "Which cities will the power plants be built in?" of the agreement that names them: the places must
        # be of what is asked (a word the best match shares with the question, the sides aside), not of others.
        # (as written: "жылу электр станциясы" stands for the "орталық" every centre's name holds)
        shared = {w for w in query.words if w not in self.side_words and ranked and w in self.words[ranked[0].index]}
        # (and each must say what is asked: "в каком именно городе" is not told by a fact placed only in Russia)
        placed = [r.fact for r in _close_matches([r for r in ranked if r.fact.place])
                  if (not shared or shared & self.words[r.index]) and self.answerable.missing(query, r.fact) is None]
        return self.compose.listing(placed, lang, query.text, "", in_full=len(placed)) if len(placed) >= 2 else None

    @staticmethod
    def _titled_by(fact: Fact, words: Sequence[str]) -> bool:
        """Whether a fact's title opens with the topic ("Baikonur cosmodrome, …"): it is about the
        topic itself, not about something done there ("Kazakh cosmonauts who flew from Baikonur")."""
        return any(_opening(title) & set(words) for title in fact.title.values())

    def _occurrences(self, query: Query, top: Fact) -> list[Fact]:
        """The facts that record occurrences (`times`) of the top fact's kind, people and year, in
        order: Medvedev's first visit of 2008, then his three more. "How many times in all" adds
        them up; "when did he come" lists them ("how many more times" asks for the one fact)."""
        years = set(query.named_years) or self._years_of(top)
        return sorted((f for f in self._of_years(years) if f.times and f.kind == top.kind and _people(f) == _people(top)),
                      key=_in_order)

    def _beyond_named(self, query: Query, lang: str) -> Answer | None:
        """"What was the third document signed on 20 January 1995?" when the sources say three were signed and name
        two: the k-th of a day's things past those named is not said, and the fact that counts them is the closest
        (None unless one ordinal past the first is asked of a day one fact counts at least that many things of)."""
        if not query.days or not query.named_years:
            return None  # (checked first: most questions name no day, and reading ordinals word by word costs)
        ordinals = self.lex.words["ordinal_words"]
        asked = {n for raw in _WORD_RE.findall(query.text) if ordinals.intersection(tokens(raw))
                 and (n := ordinal_value(raw) or (ordinal_value(raw[:-2]) if raw.endswith(_OF_THEM) else None))
                 and n >= 2}
        if len(asked) != 1:
            return None
        k = asked.pop()
        on_day = self._on_days({(y, m, d) for y in query.named_years for m, d in query.days})
        numbers = self.lex.words["number_words"]
        counting = [f for f in on_day if any((n := ordinal_value(w)) is not None and n >= k
                                             for w in _WORD_RE.findall(f.title["en"]) if numbers.intersection(tokens(w)))]
        named = [f for f in on_day if f not in counting]
        if len(counting) != 1 or len(named) >= k:
            return None
        return self.compose.near_miss(counting[0], lang, query.text, "unnamed")

    def _on_days(self, days: set[tuple[int, int, int]]) -> list[Fact]:
        """Every fact dated to one of the days (year, month, day), most important first."""
        return sorted((f for f in self._of_years({d[0] for d in days}) if f.when and f.when.key in days), key=importance)

    def _of_years(self, years: Iterable[int]) -> list[Fact]:
        """Each fact the index files under one of the years, once."""
        facts = (self.index.facts[int(i)] for y in years for i in self.index.by_year.get(y, ()))
        return list({f.id: f for f in facts}.values())

    def _is_overview(self, query: Query) -> bool:
        asking = {"when", "where", "who", "how_much", "money", "why", "until", "duration"} & query.intents
        if "overview" in query.intents and asking == {"how_much"} and _FIGURES_RE.search(query.text) \
                and not (self.understanding.how_many - self.figure_words).intersection(query.tokens):
            asking = set()  # "give me an overview of trade numbers", "дай сводку в цифрах": figures in an overview
        if "overview" in query.intents and self.lex.words["first_words"].intersection(query.tokens) \
                and self.lex.words["document_words"].intersection(query.tokens):
            return False  # "What was the first basic treaty …?" asks which one, not an overview of treaties
        return not asking and not query.years and ("overview" in query.intents or len(query.words) == 1
                                                   or len(raw_tokens(query.text)) == 1  # "ОДКБ", spelt out in three words
                                                   or (len(query.words) == 2 and self._names_entity(query.words)))

    def _titled_beyond_topic(self, query: Query, top: Ranked) -> bool:
        """"What is the key area of economic cooperation?": words beyond those naming a topic ("key area") that the best
        fact's title holds, with all the question's words matched, ask that fact, not an overview of the topic."""
        said = tuple(tokens(query.text))
        naming = {tok for named in self.lex.topic_tags.values() for _, phrase in find_phrases(said, named) for tok in phrase}
        beyond = {w for w in query.words if w not in self.side_words and w not in self.frame_words and w not in naming}
        return top.coverage >= WEIGHTS.lexical_sure and bool(beyond) and beyond <= self._in_title(query, top.index)

    def _typed_topic(self, query: Query) -> bool:
        """"Казакстан-Ресей шекарасы": one topic word beside the two sides, typed as into a search box (no question,
        no asking word), asks for the topic at large."""
        topic = [w for w in query.words if w not in self.side_words]
        return len(topic) == 1 and not topic[0][0].isdigit() and len(query.words) <= 3 and not query.intents \
            and not query.years and not query.acronyms and not query.out_of_scope \
            and "?" not in query.text and not self.lex.question_words.intersection(query.tokens)

    def _named_tags(self, query: Query) -> set[str]:
        """The topic tags the question names by the lexicon's words for them (`topic_tags`)."""
        said = tuple(tokens(query.text))  # as typed: "нефтегазовой" before it stands for "нефть, газ"
        tags = {tag for tag, named in self.lex.topic_tags.items() if find_phrases(said, named)}
        if any(w not in self.frame_words and w not in self.side_words for w in query.words):
            # ("Baikonur in Kazakhstan–Russia relations": the relations frame a topic named beside them, and their tag,
            # named by the frame's words alone, is no topic then)
            tags -= self.framing_tags
        return tags

    def _tagged_topic(self, query: Query, ranked: Sequence[Ranked]) -> list[Fact]:
        """"Расскажи про сотрудничество в нефтегазовой сфере": a topic the lexicon names by its tag (`topic_tags`)
        is told from the facts filed under it; the words alone would pull in any fact that mentions oil once
        (the Kazakh SSR's resources)."""
        tags = self._named_tags(query)
        if not tags:
            return []
        score = {r.fact.id: r.fused for r in ranked}
        # (those filed under every topic named first ("energy, oil and gas"); then those filed under fewest other
        # topics, which are most about this one (not the Kazakh SSR's history, which names its oil); then the best match)
        return sorted((f for f in self.store.facts if tags & set(f.tags)),
                      key=lambda f: (-len(tags & set(f.tags)), len(f.tags), -score.get(f.id, 0.0)))

    def _names_entity(self, words: Sequence[str]) -> bool:
        """Whether two words are the name a described thing's title opens with ("Baikonur cosmodrome"):
        the topic itself, asked for as one word would be."""
        return frozenset(words) in self.entity_names

    def _overview(self, query: Query, ranked: Sequence[Ranked], lang: str) -> Answer | None:
        """"Байконур", "what is the CSTO": the topic's main facts, the best told in full."""
        topic = tuple(w for w in query.words if w not in self.frame_words)
        framed = "overview" in query.intents and len(topic) < len(query.words) and bool(set(topic) - self.side_words)
        if framed:
            # "Расскажите про Байконур в отношениях Казахстана и России": the topic is Baikonur; "the relations"
            # frame it, and would bring in facts about the relations at large.
            query = replace(query, words=topic)
            ranked = self.rank(query)
        tagged = self._tagged_topic(query, ranked)
        if len(tagged) >= 2:
            return self.compose.overview(tagged, lang, query.text, _topic_heading(query.text, tagged))
        about = [r for r in ranked if r.coverage >= WEIGHTS.list_coverage]
        if len(about) < 2 and "overview" in query.intents:
            # "ШОС — что это и при чём тут Казахстан с Россией?": the sides' words, in every fact, thin the match.
            about = [r for r in ranked[:WEIGHTS.overview_pool] if r.coverage >= WEIGHTS.min_coverage]
        if len(about) < 2:
            return None
        # The facts whose titles name the topic most, led by what the topic is: the best fact that
        # describes it (kind "figure": "Baikonur, the largest test range, in Kyzylorda Region"),
        # then the treaties and events about it ("leased to Russia in 1994").
        # "What is the EAEU and who is in it?": the facts naming its countries lead.
        members = "countries" in query.intents
        # "Medvedev pen Nazarbaevtyñ kezdesuleri": the facts naming the people asked about lead.
        # (A name framed by the relations names the two sides as every fact does: "Baikonur in the relations of
        # Kazakhstan and Russia" is led by the titles that name Baikonur most, not those that also name Kazakhstan;
        # "the economic ties between Kazakhstan and Russia" are the relations at large, sides and all.)
        named = tuple(w for w in query.words if w not in self.side_words) if framed else ()
        capitalised = {tok for raw in raw_tokens(query.text) if raw[:1].isupper() for tok in tokens(raw)}
        named = named if set(named) <= capitalised | self.title_names else ()
        # (of titles naming it alike, an undated treaty or event last: a remark without a date says less of the
        # relations than a dated one or a figure: Baikonur's 1994 lease before "Wikipedia mentions the agreement")
        about.sort(key=lambda r: (members and not self.index.names_countries[r.index],
                                  -self.index.people_named(r.index, query.words),
                                  -self.index.title_share(r.index, named or query.words),
                                  r.fact.when is None and r.fact.kind != "figure", -r.fused))
        figures = [r for r in about if r.fact.kind == "figure" and self._titled_by(r.fact, query.words)
                   and (not members or self.index.names_countries[r.index])]
        # … and of those, one that says where it is: in every language the same fact leads; unless a fact on which
        # the sources disagree names the topic more fully (the border's length, not its first marker, placed).
        described = next((r for r in figures if r.fact.place), figures[0] if figures else None)
        share = {r.fact.id: self.index.title_share(r.index, named or query.words) for r in about}
        # (of those, one whose versions are figures, the measure of the topic itself, before one whose are dates)
        def weight(r: Ranked) -> tuple[float, bool, bool]:
            return share[r.fact.id], r is described, any(claim.value is not None for claim in r.fact.claims)
        disputed = max((r for r in about if r.fact.kind == "figure" and r.fact.disputed), default=None, key=weight)
        lead = described or (about[0] if about else None)
        if lead is not None and disputed is not None and weight(disputed) > weight(lead):
            described = disputed
        if described is not None:
            about.remove(described)
            about.insert(0, described)
        heading = _topic_heading(query.text, [r.fact for r in about])
        return self.compose.overview([r.fact for r in about], lang, query.text, heading)


_PLURAL_ASK_RE = re.compile(r"\b(?:какие|каких|(?:which|what)\s+(?:[^\W\d_]+\s+)?(?!(?:was|has|does|is)\b)[^\W\d_]+s"
                            r"|(?:қандай|кандай|qandai|kandai)\s+[^\W\d_]+(?:лар|лер|дар|дер|тар|тер|lar|ler|dar|der|tar|ter)\w*)\b",
                            re.IGNORECASE)
"""Several things asked for by a plural ("какие шаги", "which steps", "қандай шешімдер"), not one ("which summit", "which
treaty was it")."""
KIN_TAG_FACTS = 8
"""A topic tag on at most this many facts names a topic narrow enough that a list of a year's facts under it is the
list asked for ("tensions", "migration"; not "economy")."""

AFTER_THAT_WORDS = 2
"""Words besides stop words a follow-up opened by "after that" may have and still ask for the next meeting
("одан кейін президенттер қайда кездесті?"), not a topic of its own."""

PRESENT_ENDINGS = ("at", "iat")
"""Russian present-tense plural endings ("лежат", "входят"): a word no fact uses that ends so is a verb
of the question's wording, not a topic the sources lack (they are past-tense texts). The singular
"-ет/-ит" is left out: "выиграет" is a future, which the sources cannot answer."""


def _stated_percent(ranked: Sequence[Ranked], year: int, besides: Sequence[Fact]) -> Fact | None:
    """A well-matching fact that states a year's change itself, in percent ("trade grew by 42.3%")."""
    return next((r.fact for r in ranked[:8] if r.fact.unit == "percent" and r.fact.when and r.fact.when.year == year
                 and r.fact not in besides and r.coverage >= WEIGHTS.semantic_agree), None)


def _people(fact: Fact) -> tuple[str, ...]:
    return tuple(fact.people["en"]) if fact.people else ()


def _days_of(facts: Iterable[Fact]) -> set[tuple[int, int, int]]:
    """The days (year, month, day) the facts are dated to, where dated to the day."""
    return {f.when.key for f in facts if f.when and f.when.day}


def _quoted_in_titles(fact: Fact) -> set[str]:
    """The names a fact's titles quote («Байконур»; the English title quotes none), folded."""
    return {fold(name) for title in fact.title.values() for name in quoted_names(title)}


def _months_told(fact: Fact) -> set[int]:
    """The months a fact's English text names ("in July, September and December"; capitalised, so not "may")."""
    return {m for word in fact.text["en"].split() if word[:1].isupper() and (m := month_of(stem(fold(word.strip(",.;:()–")))))}


def _when_or_titled(fact: Fact) -> tuple[int, int, int]:
    """A fact's date, or for an undated one (a meeting only announced) the first year its title
    names; (0, 0, 0) for neither."""
    if fact.when is not None:
        return fact.when.key
    year = YEAR_RE.search(fact.title["en"])
    return (int(year.group(1)), 0, 0) if year else (0, 0, 0)


_FORMER_RE = re.compile(r"\b(?:first|former|ex-?)\s+(?:\w+\s+)?president\s+$", re.IGNORECASE)


def _named_as_former(fact: Fact, name_en: str) -> bool:
    """Whether a fact names a president as one past ("Russia's first president Boris Yeltsin", "the former president")."""
    at = fact.text["en"].find(name_en)
    return at > 0 and _FORMER_RE.search(fact.text["en"][max(0, at - 40):at]) is not None


def _of_other_month(query: Query, fact: Fact) -> bool:
    """"On what exact date in October 2023 …?" of a fact dated 9 November: the question names another month, so the
    day that fact gives is not the one asked."""
    when = fact.when
    return bool(query.months) and when is not None and when.month is not None and when.month not in query.months \
        and not (fact.start and fact.end)


def _in_order(fact: Fact) -> tuple[int, int, int]:
    """Earliest first, a fact dated only by its year after that year's dated ones ("first in May, then three more")."""
    year, month, day = fact.when.key if fact.when else (9999, 0, 0)
    return year, month or 13, day or 32


def _sure(hits: Sequence[Hit]) -> bool:
    """A fact that matches nearly every word of the question, well ahead of the next one: the
    semantic signal was measured to change such answers almost never (on the tune set, never for
    the worse), and skipping it saves the model call, the slow part of a new question."""
    if not hits or hits[0].coverage < WEIGHTS.lexical_sure:
        return False
    return len(hits) < 2 or hits[1].score < WEIGHTS.lexical_lead * hits[0].score


def _named_in(word: str, text: str) -> bool:
    """Whether a word is a name in a text: written with a capital inside a sentence."""
    return any(m.group(0)[:1].isupper() for m in re.finditer(rf"(?<![.!?]\s)(?<!^)(?<=[\s«\"(]){re.escape(word)}", text))


def _led_by(ranked: list[Ranked], lead: Ranked | None) -> list[Ranked]:
    """The ranking with `lead`, a runner-up a rule prefers, moved to the front (as it was without one)."""
    return ranked if lead is None else [lead, *(r for r in ranked if r is not lead)]


def _span(fact: Fact) -> tuple[int, int] | None:
    """The span of years a fact is for ("the 1998–2007 treaty"), read from its English title."""
    match = _SPAN_RE.search(fact.title["en"])
    if match is None or int(match.group(2)) <= int(match.group(1)):
        return None
    return int(match.group(1)), int(match.group(2))


def _term_years(fact: Fact) -> int | None:
    """The term a fact states in years ("for 20 years"), read from its English text."""
    match = _TERM_RE.search(fact.text["en"])
    return int(match.group(1)) if match else None


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _number_and_sum(a: Fact, b: Fact) -> bool:
    """Whether two facts are how many of a thing and what it is worth, as one source line gives them."""
    return bool(set(a.cite) & set(b.cite)) and (a.unit == "count") != (b.unit == "count") \
        and bool(a.currency) != bool(b.currency)


def _topic_heading(text: str, facts: Sequence[Fact]) -> str:
    """The one word asked about, as a heading: an abbreviation typed in lower case ("одкб", "csto")
    is spelt as the facts spell it ("ОДКБ"), not "Одкб"."""
    words = [w for w in re.findall(r"[^\W\d_][\w-]*", text) if len(w) > 2]
    if len(words) != 1:
        return ""
    word = words[0]
    spelt: list[str] = [token for fact in facts for lang in LANGS for token in _LETTERS_RE.findall(fact.title[lang])]
    return next((token for token in spelt if token.isupper() and token.lower() == word.lower()),
                word[:1].upper() + word[1:])


def _script_of(text: str, lang: str) -> Script:
    """Kazakh typed in Latin letters is answered in Latin letters; everything else in Cyrillic."""
    return "latn" if lang == "kk" and is_latin(text) else "cyrl"


_POSSESSIVE_RE = re.compile(r"['’]s$")
"""An English possessive ("Kazakhstan's"): the word names whose a measure is."""

_DESCRIBED_RE = re.compile(r"(?P<head>[^?:]{12,}?)\s*(?::|\s[-–—]\s)\s*(?P<ask>[^:]+\?)\s*")
"""A description of someone, then a colon or a dash, then the question asked of them."""


QUOTED_NAME_CHARS = 40
"""The longest text in quotes taken for a name («Эмба», "Emba"); a longer one quotes a sentence."""


def _close_matches(ranked: Sequence[Ranked]) -> list[Ranked]:
    """The facts a list may take: matching most of the question, and scored near the best."""
    return [r for r in ranked if r.coverage >= WEIGHTS.list_coverage and r.fused >= WEIGHTS.list_ratio * ranked[0].fused]


_ROMAN_RE = re.compile(r"(?:ks|[ivxlcsh])+")
"""A Roman numeral as folded ("XXI" is "ksksi"; in Cyrillic lookalikes "ХХІ" is "hhi")."""


def _abbreviations(facts: Iterable[Fact]) -> frozenset[str]:
    """The tokens the facts write only in capitals, three to five letters ("КТК", "CSTO", not the
    century "XXI"): a question may type them in small letters and still name that thing."""
    capital: set[str] = set()
    small: set[str] = set()
    for fact in facts:
        for text in (*fact.text.values(), *fact.title.values()):
            for raw in raw_tokens(text):
                if not raw[0].isdigit():
                    (capital if 3 <= len(raw) <= 5 and raw.isupper() else small).update(word_tokens(raw))
    return frozenset(tok for tok in capital - small if not _ROMAN_RE.fullmatch(tok))


_ATTRIBUTING = (r"по\s+мнению|по\s+словам|по\s+оценке|согласно|according\s+to|in\s+the\s+(?:view|opinion)\s+of")
_SCHOLAR = r"(?:профессора|профессор|автора|историка|учёного|ученого|professor|prof\.?|the\s+author|historian|scholar)\s+"
_OPINION = r"(?:пікірінше|пикиринше|pıkırınşe|pikirinshe|айтуынша|aituynşa|aituynsha|ойынша|oiynşa|oiynsha)"


_SOURCE_NOUN = (r"(?:стать\w*|обзор\w*|разбор\w*|reviews?|articles?|papers?|мақала\w*|шолу\w*|maqala\w*|sholu\w*"
                r"|şolu\w*)")
_SOURCE_YEAR_RE = re.compile(
    rf"\b(?P<noun>{_SOURCE_NOUN})\s+(?:за\s+)?(?:19|20)\d\d(?:\s*(?:года|г\.|год|жылғы|жылгы|jylğy|jylgy))?(?!\d)"
    rf"|\b(?:19|20)\d\d(?:\s*(?:-?го|года|г\.|жылғы|жылгы|jylğy|jylgy|zhylgy)|'s|-year)?\s+(?=(?:[^\W\d_]+\s+)?{_SOURCE_NOUN}\b)",
    re.IGNORECASE)
"""The year of a source named as such ("по данным статьи 2009 года", "the 2009 analytical article", "2024 жылғы
шолу"): when it was written, not a year the question asks about."""


def _attribution_re(sources: Iterable[Source]) -> re.Pattern[str] | None:
    """"по мнению профессора Борбасова", "according to Borbasov", "Борбасовтың пікірінше": the answer is the source's
    anyway, and its author's name is in no fact about what he wrote (it would find the fact about him instead)."""
    surnames = sorted({form.split()[-1] for source in sources for form in source.author_forms.values()
                       if len(form.split()) >= 2})
    if not surnames:
        return None
    named = rf"(?:[^\W\d_]+\s+)?(?:{'|'.join(map(re.escape, surnames))})\w*(?:'s)?"
    return re.compile(rf",?\s*\b(?:(?:{_ATTRIBUTING})\s+(?:{_SCHOLAR})?{named}|(?:{_SCHOLAR})?{named}\s+{_OPINION})\b\s*,?",
                      re.IGNORECASE)


def _clean(question: str) -> str:
    """Drop control and invisible formatting characters and the apostrophe of an Uzbek-style o' or g'
    ("bo'lghan" is "bolghan"; not "Russia's"), and cap the length a query may have."""
    return _LATIN_APOSTROPHE_RE.sub("", _CONTROL_RE.sub("", question))[:QUERY_CHARS].strip()


_GLOSSES = (r"(?:то есть|т\.\s?е\.|иначе говоря|иными словами|i\.\s?e\.|that is(?: to say)?|in other words"
            r"|яғни|ягни|yağni|yagni|яни|yani|басқаша айтқанда|баскаша айтканда)")
_RESTATED_RE = re.compile(rf",?\s+{_GLOSSES}[\s,]+[^?.!]*", re.IGNORECASE)
"""The asker's own gloss of what they ask ("…, то есть начали сношения на уровне посольств и МИД?"): it says again,
in other words, what was asked before it, whose words it would only dilute."""
_RESTATED_INSET_RE = re.compile(rf",\s+{_GLOSSES}[\s,]+[^,?.!]+,", re.IGNORECASE)
"""A gloss set off by commas inside the question ("…, yani kelesi jılı, …"): the question goes on after it."""
RESTATED_MIN = 4
"""Words the question must keep before its gloss for the gloss to be left out."""


QUERY_CHARS = 1500
"""Characters of a message read: a retired diplomat's polite letter runs to 700 and asks in its fifth sentence;
a pasted page is cut rather than read whole."""


__all__ = ["AnswerEngine", "Ranked", "Resolved"]


def _each_year_first(facts: Sequence[Fact]) -> list[Fact]:
    """Facts in their order, but each year's first before any year's second: "the 1990s" is not the first half of them."""
    first: dict[int, Fact] = {}
    for fact in facts:
        first.setdefault(fact.when.year if fact.when else 0, fact)
    led = {id(f) for f in first.values()}
    return [*first.values(), *(f for f in facts if id(f) not in led)]


def _occasions_first(facts: Sequence[Fact]) -> list[Fact]:
    """Facts in their order, but one per visit's day first: a year's list names its occasions (the
    January visa rules, the March festival) before a second and third fact of one forum day. The
    visit stands for its day, at the place of the day's first fact: it names the occasion."""
    days: dict[tuple[int, int, int], list[Fact]] = {}
    for fact in facts:
        if fact.when is not None and fact.when.day:
            days.setdefault(fact.when.key, []).append(fact)
    lead = {key: visit for key, group in days.items() if (visit := next((f for f in group if f.kind == "visit"), None))}
    days = {key: group for key, group in days.items() if key in lead}  # a day of documents only lists them all
    first: list[Fact] = []
    later: list[Fact] = []
    for fact in facts:
        key = fact.when.key if fact.when is not None and fact.when.key in days else None
        if key is None:
            first.append(fact)
        elif fact is days[key][0]:
            first.append(lead[key])
        if key is not None and fact is not lead[key]:
            later.append(fact)
    return first + later


def _mirrors(facts: Sequence[Fact]) -> dict[str, Fact]:
    """Pairs of facts whose titles, in some language, hold the same words in another order."""
    found: dict[str, Fact] = {}
    for lang in LANGS:
        by_words: dict[frozenset[str], list[Fact]] = {}
        for fact in facts:
            by_words.setdefault(frozenset(tokens(fact.title[lang])), []).append(fact)
        for pair in by_words.values():
            if len(pair) == 2:
                found[pair[0].id], found[pair[1].id] = pair[1], pair[0]
    return found


def _opening(title: str) -> frozenset[str]:
    """The words a title opens with, which name its subject ("Baikonur cosmodrome, …")."""
    return frozenset(tokens(title)[:TITLE_OPENING])


TITLE_OPENING = 2


def _far_ahead(coverage: float, scores: Sequence[float]) -> bool:
    """Whether the first of `scores` (lexical, best first) matches enough of an event's words and leads
    the next by `event_lead`: the words alone then name the event."""
    return coverage >= WEIGHTS.min_coverage and (len(scores) < 2 or scores[0] >= WEIGHTS.event_lead * scores[1])
