"""Follow-ups: a question that leans on the previous answer ("and in 2012?", "а кто подписал?",
"ал 2012 жылы ше?", "and Russia's?", "what else?") is resolved against it.

The engine stays stateless: the caller keeps the last `Turn` of a chat (in private chats for a
limited time; in groups only a reply to the bot's own answer carries it) and passes it back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Literal

from bot.engine.direction import destination, without_direction
from bot.engine.language import kazakh_latin
from bot.engine.lexicon import Lexicon, side_tokens
from bot.engine.understanding import ASKING, YEAR_RE, Query, find_phrases, mentions, named_days
from bot.script import is_latin
from bot.text import fold, raw_tokens, stem, tokens, word_tokens

Resolution = Literal["standalone", "followup", "else", "unresolved"]
_WORD_RE = re.compile(r"[^\W\d_]+(?:'s)?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Turn:
    """What a follow-up may lean on: the question as it was understood and what was shown."""

    question: str
    lang: str
    script: str
    fact_ids: tuple[str, ...]
    kind: str
    plain_latin: bool = False
    """The Latin reply was in plain letters ("shilde"): a follow-up that shows no spelling of its own keeps it."""
    dotted_i: bool = False
    """The Latin reply wrote і as a dotted "i" ("şilde"), as the asker did: a follow-up keeps that too."""
    listed: tuple[str, ...] = ()
    """Facts the reply only named in its "see also" lines: "what else was signed that day?" may still tell them."""


@dataclass(frozen=True, slots=True)
class Resolved:
    text: str
    how: Resolution


_ENGLISH_I_RE = re.compile(r"I(?:['’](?:m|d|ve|ll)\b|\s+[a-z]{2})")
"""English "I" (a capital Latin I before an apostrophe or a word in small letters): the asker, not Russian "и"
("I v 2010?", transliterated "и в 2010?", still follows up)."""


def has_marker(question: str, lex: Lexicon) -> bool:
    """Whether a question opens (or, in Kazakh, closes with "ше") like a follow-up."""
    toks = tuple(tokens(question))
    if not toks:
        return False
    words = lex.words["followup"]
    # The first word as typed, before repeated letters collapse: English "all" is not Kazakh "ал".
    raw = raw_tokens(question)
    first = fold(raw[0]) if raw else toks[0]
    if raw and _ENGLISH_I_RE.match(question.lstrip()):
        first = ""  # English "I need …", "I'm …" folds as Russian "и" (and) does, but opens no follow-up
    if raw and raw[0] in ("a", "A") and lex.hints.get("en", frozenset()).intersection(fold(w) for w in raw[1:]):
        first = ""  # the English article ("a brief overview of Baikonur"), not Russian "а" (and) typed in Latin ("a v 2010?")
    if first in words or toks[-1] in ("she", "shi"):
        return True
    # "Кейін тағы кімдер қосылды?": "after" said first leaves the follow-up's opening word second
    skip = 1 if toks[0] in lex.words["later_openers"] and len(toks) > 1 else 0
    if skip and toks[1] in words:
        return True
    return any(k == skip for k, _ in find_phrases(toks, lex.phrases["followup"]))


_BEFORE_QUOTED_RE = re.compile(r"[^\W\d_]+\s+(?=[«„“\"][^\W\d_])")
"""A word just before a name in quotes ("сол «Эмба» полигоны", "that "Emba" range"): it points at the name it stands
before, not back at something said before."""


def refers_back(question: str, lex: Lexicon) -> bool:
    """Whether a question points back at something said before ("where is that spaceport?")."""
    question = _BEFORE_QUOTED_RE.sub(" ", question)
    toks = tuple(tokens(question))
    # Kazakh typed in plain Latin letters ("Osy ras pa?") shows no letter English lacks: its pointing
    # words count as well, as no English word is one of them.
    kazakh = lex.latin_refers.get("kk", frozenset())
    latin = kazakh if kazakh_latin(question) else kazakh | lex.latin_refers.get("en", frozenset())
    for raw in raw_tokens(question):
        pointing = latin if is_latin(raw) else lex.words["refers"]
        # A word that is its own stem points back only as typed: "не" (not) is no "нее".
        if any(tok in pointing and (tok != fold(raw) or fold(raw) in lex.refers_typed) for tok in word_tokens(raw)):
            return True
    return bool(find_phrases(toks, lex.phrases["refers"]))


def asks_else(question: str, lex: Lexicon) -> bool:
    """"What else?", "что ещё?", "тағы не?": more of what was found before."""
    toks = tuple(tokens(question))
    return len(toks) <= 3 and any(len(ph) >= 2 for _, ph in find_phrases(toks, lex.phrases["followup"])) and \
        not YEAR_RE.search(question)


def _side_swap(word: str, lex: Lexicon) -> str | None:
    """The other side's name for a side's name in any case form, also typed in Latin letters or
    without Kazakh letters ("Reseidiñ", "Казакстаннын"): by the word itself, its folded form, or its stem."""
    other = lex.swap.get(word.lower())
    if other is not None:
        return other
    folded = lex.folded_swap.get(is_latin(word), {})
    key = fold(word)
    return folded.get(key) or folded.get(stem(key))


def swap_sides(text: str, lex: Lexicon) -> str:
    """The previous question with Kazakhstan and Russia swapped, case forms kept ("and Russia's?")."""
    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        other = _side_swap(word, lex)
        if other is None:
            return word
        if word.isupper() and len(word) > 1:
            return other.upper()  # "РФ" → "РК"
        return other[:1].upper() + other[1:] if word[:1].isupper() else other
    return _WORD_RE.sub(one, text)


def only_sides(question: str, lex: Lexicon) -> bool:
    """"а Казахстан Россию?", "and Russia Kazakhstan?": a follow-up that names the two sides and
    nothing else (but a question word: "а Казахстан Россию когда?") swaps who did what to whom; it is
    never a new question about "Kazakhstan, Russia"."""
    if not names_side(question, lex):
        return False
    rest = tokens(_strip_markers(question, lex))
    return all(tok in lex.words["stopwords"] or any(tok in asks for asks in lex.intents.values()) for tok in rest)


def _both_sides(question: str, lex: Lexicon) -> bool:
    """Whether a question names Kazakhstan and Russia both (each side's name swaps to the other's)."""
    named = {fold(w) for w in _WORD_RE.findall(question) if _side_swap(w, lex) is not None}
    swapped = {fold(_side_swap(w, lex) or "") for w in _WORD_RE.findall(question) if _side_swap(w, lex) is not None}
    return len(named) >= 2 and bool(named & swapped)


_QUOTED_RE = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")
"""A name in quotes («Ресей күні», "Russia Day"): a title, whatever side it holds."""


def quoted_names(question: str) -> list[str]:
    """The names a message gives in quotes, without the quotes."""
    return [span[1:-1].strip() for span in _QUOTED_RE.findall(question)]


def names_side(question: str, lex: Lexicon) -> bool:
    return any(_side_swap(w, lex) is not None for w in _WORD_RE.findall(question))


def _names_side_unquoted(question: str, lex: Lexicon) -> bool:
    """Whether a follow-up names a side outside a name in quotes (not "ал «Ресей күні» қай жылдан бері?")."""
    return names_side(_QUOTED_RE.sub(" ", question), lex)


def resolve(question: str, query: Query, previous: Turn | None, lex: Lexicon,
            context: Callable[[Turn], tuple[frozenset[str], tuple[str, ...]]] | None = None,
            names: frozenset[str] = frozenset()) -> Resolved:
    """The question to answer: the question itself, or the previous one carried forward with what
    the follow-up changes (a year, a side, a detail). A follow-up that asks something new ("where
    is it?" after "when was it signed?") or points back at it ("в какой области он находится?")
    is joined to the previous turn's topic (`context`: what it asked, and what it was about, the
    narrowest reading first), not to its question: the old "when" would pull the answer back to the fact just shown."""
    own = [w for w in query.words if w not in lex.words["refers"]]  # "сонда" (then) is no topic of its own
    # "Сол сапарында ол … кездесті ме?": a question that opens by pointing back leans on the answer however long.
    opens_pointing = bool(own) and bool(query.tokens) and query.tokens[0] in lex.words["refers"]
    pointing = previous is not None and refers_back(question, lex) and (len(own) <= 4 or opens_pointing)
    marker = has_marker(question, lex) or pointing
    short = len(query.words) <= 1
    looks_followup = marker and (short or len(query.words) <= 3 or pointing)
    asks = bool(query.intents) or bool(lex.words["which_words"].intersection(query.tokens))  # "Қай облыстардың арасында?"
    # "neşe paiyzğa östı?" (by how many percent did it grow?): words that only ask, of no topic of their own.
    topicless = bool(own) and all(w in lex.asking_words for w in own)
    # "Ресей жағының үлесі қанша пайыз?" after a joint venture: one side's detail, of no topic of its own.
    sides = side_tokens(lex) if previous is not None else frozenset()
    unsided = [w for w in own if w not in sides]
    side_detail = len(unsided) < len(own) and bool(unsided) and all(w in lex.asking_words for w in unsided)
    bare_detail = not query.named_years and asks and (((short or topicless) and len(tokens(question)) <= 4)
                                                      or (side_detail and len(tokens(question)) <= 5))
    if previous is None:
        # "а чё было в 2009 между Казахстаном и Россией" opens a chat with a year and a topic of its own.
        whole = bool(query.named_years) and bool(query.words)
        # "А кто кого раньше признал — Россия Казахстан или Казахстан Россию?": both sides and what one did to the other.
        whole = whole or (_both_sides(question, lex) and not only_sides(question, lex))
        return Resolved(question, "unresolved" if (looks_followup or (bare_detail and marker)) and not whole else "standalone")
    if mentions(query.tokens, lex, "reverse_phrases"):
        # "А в обратном направлении?", "and the other way round?", "а наоборот?": the previous question, sides swapped.
        return Resolved(swap_sides(previous.question, lex), "followup")
    # "Ресейдің басқа полигондары ше?" after Baikonur: the other things of a kind, named in a word and asked of no
    # deed ("what other documents were signed?" asks of the day shown), are asked on their own.
    kind = [w for w in own if w not in sides and w not in lex.words["other_words"] and w not in lex.asking_words]
    if lex.words["other_words"].intersection(query.tokens) and 1 <= len(kind) <= 2 and not query.verbs and not query.named_years:
        return Resolved(question, "standalone")
    if asks_else(question, lex) and not query.intents & ASKS:  # "а когда?" asks when, not what else
        return Resolved(previous.question, "else")
    # "1998 жылғы толық сомасы қанша?" after a yearly figure: a year and "the full amount" name no topic of their own.
    whole_of_year = bool(query.named_years) and bool(own) and lex.words["whole_words"].issuperset(own)
    # "неге тыйым салды?" after "who was banned from entering in January 2024?": a short question that asks anew
    # in the words the previous question used names no topic of its own.
    echo = asks and not query.named_years and 0 < len(own) <= 2 and echoes(own, query.verbs, previous.question) \
        and not query.intents <= {"list"}
    # "How much up on 2010?", "На сколько больше, чем в 2010?" after a year's figure: a year to compare it with, and
    # no topic of its own.
    compared = "compare" in query.intents and len(query.named_years) == 1 and short and bool(YEAR_RE.search(previous.question))
    new_year = short and bool(query.named_years) and (marker or whole_of_year)
    # "ал 2013 жылғы шарт қалай аталады?" after the 1992 treaty: the name of a thing the year tells asks anew.
    own_topic = [w for w in own if w not in lex.words["year_words"] and w not in lex.asking_words and w not in sides]
    anew = bool(query.named_years) and bool(own_topic) and not pointing and mentions(query.tokens, lex, "called_words")
    if anew or not (looks_followup or bare_detail or echo or compared or new_year):
        return Resolved(question, "standalone")
    text = previous.question
    if query.named_years:
        new = str(query.named_years[0])
        # "а на сколько больше, чем в 2010?" sets a year beside the one asked; "а в 2010?" replaces it; "what
        # anniversary did it mark in 2023?" counts from the year asked to the new one.
        replaces = YEAR_RE.search(text) and not query.intents & {"compare", "anniversary", "elapsed"}
        text = YEAR_RE.sub(new, text) if replaces else f"{text} {new}"
    # "And Kazakh exports to Russia alone?" after the turnover: goods sent to a side it names are a direction of its
    # own, which replaces the previous question's sides rather than swapping them.
    directed = bool(lex.words["flow_words"].intersection(tokens(question))) and destination(question) is not None
    if directed:
        # (a pair of sides written as one word, "KZ–RU", goes too: it opens with a side's short name)
        text = " ".join(w for w in text.split() if _side_swap(w.strip("?!.,"), lex) is None and tokens(w)[:1] != ["kz"])
    elif _names_side_unquoted(question, lex):
        swapped = swap_sides(text, lex)
        if swapped == text and context is not None:
            # "al Qazaqstan Reseige she?" after "how much did it put in?": the sides were the answer's, its title names them.
            swapped = swap_sides(context(previous)[1][-1], lex)
        text = swapped
    rest = _strip_markers(question, lex, keep_sides=directed)
    if rest and query.named_years and ([w for w in own if w not in lex.words["year_words"]]
                                       or query.intents & {"compare", "elapsed", "anniversary"}):
        # "2011-де экспорт ше?": a new year and a new detail, both carried into the question before; "how much up
        # on 2010?" sets the year beside the one asked, which only its own words say; "2024 jyly oğan neşe jyl
        # tolady?" counts the years to it.
        text = f"{text} {YEAR_RE.sub(' ', rest)}"
    if rest and not query.named_years:
        if context is not None:
            asked, about = context(previous)
            if about and (query.intents & ASKS - asked or pointing):
                text = swap_sides(about[0], lex) if names_side(question, lex) else about[0]
        ordinals = lex.words["ordinal_words"]
        if ordinals.intersection(tokens(rest)):
            # "ал үшінші кезеңі ше?" after the second stage: the new ordinal replaces the one asked before.
            text = " ".join(w for w in text.split() if not ordinals.intersection(tokens(w)))
        flows = lex.words["flow_words"]
        if flows.intersection(tokens(rest)):
            # "а ввозит оттуда что?" after exports: the direction named replaces the one asked before, and
            # "а экспорт?" after "товарооборот 2011" the trade in both directions.
            replaced = flows | lex.words["turnover_words"]
            text = without_direction(" ".join(w for w in text.split() if not replaced.intersection(tokens(w))))
        elif lex.words["turnover_words"].intersection(tokens(rest)) and flows.intersection(tokens(text)):
            # "ал екі елдің жалпы сауда айналымы ше?" after exports in 2011: the trade both ways replaces the direction.
            text = without_direction(" ".join(w for w in text.split() if not flows.intersection(tokens(w))))
        # ("Кейін …", "ал кейін …": "after" said first, with nothing before it to be after, is "later")
        opening = query.tokens[1:2] if query.tokens[:1] and query.tokens[0] in lex.words["followup"] else query.tokens[:1]
        if lex.words["later_words"].intersection(query.tokens) or find_phrases(query.tokens, lex.phrases["later_words"]) \
                or find_phrases(query.tokens, lex.phrases["per_year"]) or lex.words["later_openers"].intersection(opening):
            # "what did it turn into later?" after the union's start in 2010 asks a later time, and "how fast is it
            # growing each year?" after trade in 2005 a yearly rate: neither is the year asked before.
            text = " ".join(YEAR_RE.sub(" ", text).split())
        if not query.intents & ASKS:
            text = _without_replaced_names(text, question, lex, names)
        text = f"{text} {rest}"
    return Resolved(text, "followup")


def echoes(words: Iterable[str], verbs: Collection[str], previous: str) -> bool:
    """Whether a question's words are the previous question's (a verb and at most one new word aside): "неге тыйым
    салды?" after a question about who was banned."""
    said = set(tokens(previous))
    own = set(words)
    return bool(own & said) and own <= said | set(verbs) and len(own - said) <= 1


def _without_replaced_names(previous: str, question: str, lex: Lexicon, known: frozenset[str] = frozenset()) -> str:
    """"ал Эмба полигоны ше?" after "Байконыр қай облыста?": a name the follow-up brings replaces the names
    the question before asked about, which would otherwise find the one fact that names both. (The
    follow-up's first word is capitalised as any first word is: "Нәтижесінде …?" brings no name.) Typed in
    small letters ("ал эмба полигоны ше?"), a name is a word the facts' titles only write as one (`known`)."""

    common = side_tokens(lex) | lex.asking_words | lex.words["stopwords"]

    def names(words: list[str]) -> set[str]:
        return {raw for raw in words if common.isdisjoint(tokens(raw))
                and ((raw[0].isupper() and not raw.isupper()) or (raw.islower() and known.intersection(tokens(raw))))}

    new = names(_WORD_RE.findall(question)[1:])
    old = names(_WORD_RE.findall(previous)) - new
    asked = set(tokens(previous))
    if not new or not old or any(tokens(n) and tokens(n)[0] in asked for n in new):
        return previous
    return " ".join(w for w in previous.split() if w.strip("?!.,:;«»\"") not in old)


ASKS = ASKING | {"duration", "until", "countries"}
"""What a question may ask for: a follow-up asking one the previous question did not asks anew."""


def retries(question: str, query: Query, previous: Turn, lex: Lexicon,
            context: Callable[[Turn], tuple[frozenset[str], tuple[str, ...]]]) -> list[str]:
    """Other readings of a question that could not be answered, in a conversation: with the two
    sides swapped, the previous question alone ("and when did Kazakhstan return the favour?"); a
    short or pointing question, joined to the previous turn's topic ("қанша жылға жалға берілді?"
    after a question about Baikonur); last, a question of two words or more on its own."""
    readings: list[str] = []
    swapped = swap_sides(previous.question, lex)
    # (not "а премьер-министр России кто был?" after "how many documents?": a person asked anew is no swap)
    asks_anew = "who" in query.intents and "who" not in context(previous)[0]
    if _names_side_unquoted(question, lex) and len(query.words) <= 3 and swapped != previous.question and not asks_anew:
        readings.append(swapped)  # (the previous question unchanged would only give its answer again)
    if len(query.words) <= 3 or refers_back(question, lex):
        rest = _strip_markers(question, lex)
        # "а в 2012?": the year named replaces the topic's own, which would find that year's fact again;
        # "and imports?": the direction named replaces the topic's ("exports to Russia"), as in `resolve`.
        flows = lex.words["flow_words"]
        turned = bool(flows.intersection(tokens(rest)))
        readings.extend(" ".join(f"{_without_flow(YEAR_RE.sub(' ', about) if query.named_years else about, flows, turned)} "
                                 f"{rest}".split())
                        for about in context(previous)[1] if rest)
        if rest and "where" in query.intents and refers_back(question, lex) and not query.named_years:
            # "И в какой он области?" after "the largest of them?": "he" is what the question before asked for,
            # which its own words ("the largest") name, not the topic alone.
            readings.append(" ".join(f"{previous.question} {rest}".split()))
    if len(query.words) >= 2 or (query.named_years and query.words):
        # "and how long is the border by that account?" after the first boundary marker, "2011-де экспорт
        # ше?": a question that names its own topic (or a topic and a year) is, last of all, asked on its own.
        readings.append(question)
    return readings


def _without_flow(text: str, flows: frozenset[str], turned: bool) -> str:
    """A topic without its direction of trade, when the follow-up names one of its own."""
    if not turned:
        return text
    return without_direction(" ".join(w for w in text.split() if not flows.intersection(tokens(w))))


def topic(text: str, query: Query) -> str:
    """The words of a question that say what it is about (its content words as typed, without its
    question words): "Когда подписали соглашение об аренде Байконура?" → "подписали соглашение
    аренде Байконура"."""
    kept = []
    for raw in _WORD_RE.findall(text):
        toks = tokens(raw)
        if toks and all(tok in query.words for tok in toks):
            kept.append(raw)
    return " ".join(kept)


def _strip_markers(question: str, lex: Lexicon, keep_sides: bool = False) -> str:
    """The follow-up's own words without its opening marker and without country names (but for the
    country in a day named for it: "Russia Day", "День России", or when `keep_sides`)."""
    named = {w for day in named_days(question, side_tokens(lex)) for w in day.split()}
    words = [w for w in question.split()
             if keep_sides or w.strip("?!.,") in named or _side_swap(w.strip("?!.,"), lex) is None]
    if words and tokens(words[0]) and tokens(words[0])[0] in lex.words["followup"]:
        words = words[1:]
    return " ".join(words).strip(" ?!.,")
