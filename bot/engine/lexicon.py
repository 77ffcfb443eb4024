"""The word lists the engine understands questions with, loaded from `data/lexicon/*.yaml`.

They live in data so that a linguist can extend them without touching code; the loader checks
them as strictly as the fact store and names `file:line` for every problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.script import is_latin
from bot.text import fold, stem, tokens

UNITS = ("area_units", "length_units", "weight_units", "volume_units", "percent_units", "people_units")
"""Word lists of units: a question asking a quantity in one is answered only by a fact that uses it."""
WORD_LISTS = ("stopwords", "day_words", "which_words", "out_of_scope", "next_words", "period_words",
              "rate_words", "currency_words", "money_nouns", "other_parties", "number_words", "followup", "person_words",
              "generic",
              "smalltalk_filler", "refers", "place_words", "extension_words", "future_words", "document_words", "same_day",
              "same_year", "same_month", "year_after", "per_year", "region_words", "times_words", "further_words",
              "joining_words", "first_words",
              "later_words", "later_openers", "earlier_words", "before_that", "in_force", "planned_words",
              "spring_words", "summer_words", "autumn_words", "winter_words",
              "measure_words", "whole_words", "and_words",
              "what_words", "previous_year", "not_money", "union_words", "russia_places", "russia_people", "kazakhstan_people",
              "russia_presidents", "kazakhstan_presidents", "head_words", "russia_names", "kazakhstan_names", "belarus_names",
              "kazakhstan_places", "rank_words", "year_words", "eaeu_words", "country_words", "anniversary_words", "role_words",
              "membership_words", "flow_words", "import_words", "turnover_words", "plea_words", "counterfactual_words",
              "locative_words", "holiday_words",
              "name_words", "city_words",
              "place_plurals", "founding_words", "beginning_words", "courtesy_phrases", "idiom_phrases",
              "person_pronouns", "person_refers", "person_verbs",
              "leaving_words", "end_words", "mutual_phrases", "holder_phrases", "reverse_phrases", "reporting_words",
              "claim_phrases", "act_words", "outcome_words", "count_words", "part_year_words", "regard_words", "relative_heads",
              "time_nouns", "signing_words", "visit_words", "ordinal_words", "size_words", "change_words", "comparing_words",
              "speech_verbs", "statement_words", "seeking_words", "self_words", "commodity_words", "party_lookalikes",
              "enumerate_words", "source_phrases", "source_nouns", "beyond_words", "thing_names", "called_words", "other_words",
              "please_words", "located_words", *UNITS)
INTENTS = ("when", "where", "who", "how_much", "why", "duration", "until", "day", "month", "money", "elapsed", "ago", "list",
           "compare", "overview")
SMALLTALK = ("greeting", "thanks", "who", "abilities", "bye")
SMALLTALK_PRECEDENCE = ("who", "abilities", "bye", "thanks", "greeting")
"""The kinds of small talk in the order a message is read for them: "who are you" before the greeting around it."""
KEYS = frozenset((*WORD_LISTS, "acronym_parties", "intents", "smalltalk", "synonyms", "stands_for", "swap", "abbreviations",
                  "language_hints", "topic_tags"))
LANGS = ("kk", "ru", "en")

Phrase = tuple[str, ...]
_APOSTROPHE_RE = re.compile(r"(?<=\w)['’ʼ](?=\w)")
"""An apostrophe inside a word ("what's"): a message's punctuation is read as spaces ("what s up"), and so
is a phrase's, or "what's up" would match no phrase."""


class LexiconError(Exception):
    """A lexicon file is broken; `problems` holds every `file:line: what is wrong`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


DATE_INTENTS = ("when", "day")
"""The intents that ask a date."""


def side_tokens(lex: Lexicon) -> frozenset[str]:
    """The words that name Kazakhstan or Russia (the `swap` pairs, in every case form listed)."""
    return frozenset(tok for word in (*lex.swap, *lex.swap.values()) for tok in tokens(word))


def phrase(text: str) -> Phrase:
    """A word or phrase as the engine matches it: folded, stemmed tokens."""
    return tuple(tokens(text))


def normalise(text: str) -> str:
    """A whole message as small talk is matched: folded words joined by single spaces."""
    text = _APOSTROPHE_RE.sub(" ", text)
    return " ".join(w for w in fold(text).replace("-", " ").split() if w).strip(" ?!.,;:)(")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list, merged over the three languages, in the engine's matching form."""

    words: Mapping[str, frozenset[str]]
    phrases: Mapping[str, tuple[Phrase, ...]]
    intents: Mapping[str, frozenset[str]]
    intent_phrases: Mapping[str, tuple[Phrase, ...]]
    acronym_parties: frozenset[str]
    smalltalk: Mapping[str, frozenset[str]]
    synonyms: Mapping[str, tuple[str, ...]]
    stands_for: Mapping[Phrase, Phrase] = field(default_factory=dict)
    swap: Mapping[str, str] = field(default_factory=dict)
    topic_tags: Mapping[str, tuple[Phrase, ...]] = field(default_factory=dict)
    """A fact tag → the words that name its topic ("oil-gas": "нефтегазовой", "мұнай-газ"): an overview of that
    topic is told from the facts filed under it."""
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    """Shorthand typed in capitals → the words the facts use ("ТО" → "товарооборот"): in small letters it is a word."""
    hints: Mapping[str, frozenset[str]] = field(default_factory=dict)
    latin_refers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """The pointing words written in Latin letters, per language ("it" in en, "ol" in kk): a Latin
    "on" is English "on", not the Russian "он" it folds to, and Kazakh "ше" is not English "she"."""
    refers_typed: frozenset[str] = frozenset()
    """The pointing words as typed (folded, unstemmed): "нее" stems to what "не" (not) is, but only
    "нее" points back."""
    latin_intent_words: frozenset[str] = frozenset()
    """Words asking a date that only Latin-script items list ("day"): the Cyrillic word folding to one (Russian
    "дай", give) asks none. (Other intents keep such kin: Russian "документы" asks a list as "documents" does.)"""
    kazakh_written: frozenset[str] = frozenset()
    """kk.yaml's words that only Kazakh spells (with ә, і, ң …), lowercase as written: with the facts' words, the
    Kazakh an asker's Latin spelling is checked against ("bizdiñ" for "біздің")."""
    no_topic: frozenset[str] = frozenset()
    """Stop words, pointing words and small-talk filler: what a sentence may hold and still name no topic."""
    question_words: frozenset[str] = frozenset()
    """The words that ask (when, where, who, how much, why, which, what): a sentence holding one asks
    even without a question mark."""
    hedges: frozenset[str] = frozenset()
    """Small-talk filler words no small-talk phrase uses ("actually", "өзі"): left out, "what can you
    actually do?" is "what can you do"."""
    smalltalk_longest: tuple[tuple[str, str], ...] = ()
    """Every small-talk phrase with its kind, longest first: "сәлеметсің бе" is a greeting before "бе"
    is a goodbye. Sorted once here, not for every message."""
    smalltalk_by_first: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """The places in `smalltalk_longest` of the phrases each word opens, in its order: a message's words find the
    few phrases to look for without a pass over them all (small talk is tried on every sentence of a long message)."""
    asking_words: frozenset[str] = frozenset()
    """The words of every intent and unit: a question made of these alone names no topic of its own."""
    folded_swap: Mapping[bool, Mapping[str, str]] = field(default_factory=dict)
    """`swap` looked up by folded form or stem, per script of the word (Latin: True): a side typed
    in Latin letters or without Kazakh letters, in a case form the list lacks ("Reseidiñ",
    "Казакстаннын", "ресейдегі"), is swapped for the other side in the word's own script."""

    def has(self, name: str, word: str) -> bool:
        return word in self.words[name]

    def known_words(self) -> frozenset[str]:
        """Every token some list names: with the facts' own words, what counts as a word at all."""
        known: set[str] = set()
        for group in (*self.words.values(), *self.intents.values()):
            known.update(group)
        for phrases in (*self.phrases.values(), *self.intent_phrases.values(), self.stands_for, self.stands_for.values()):
            for ph in phrases:
                known.update(ph)
        for said in self.smalltalk.values():
            known.update(tok for text in said for tok in tokens(text))
        known.update(self.synonyms)
        return frozenset(known)


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def fail(self, node: Node, what: str) -> None:
        self.problems.append(f"{self.path}:{node.start_mark.line + 1}: {what}")

    def strings(self, node: Node, what: str) -> list[str]:
        if not isinstance(node, SequenceNode):
            self.fail(node, f"{what} must be a list of words")
            return []
        out: list[str] = []
        for item in node.value:
            if not isinstance(item, ScalarNode) or not str(item.value).strip():
                self.fail(item, f"{what}: each item must be a non-empty word or phrase")
            elif not phrase(str(item.value)):
                self.fail(item, f"{what}: {item.value!r} has no letters or digits")
            else:
                out.append(str(item.value))
        return out

    def mapping(self, node: Node, what: str) -> list[tuple[Node, Node]]:
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what} must be a mapping")
            return []
        return list(node.value)


_LAST_READ: dict[tuple[object, ...], Lexicon] = {}
"""The last lexicon read, by its files' names, times and sizes: start-up validates the data, then the engine reads it again."""


def load_lexicon(directory: Path | str) -> Lexicon:
    """Read and merge every `*.yaml` of the lexicon directory, or raise LexiconError (a lexicon is immutable:
    an unchanged directory gives back the one read last)."""
    root = Path(directory)
    files = sorted(root.glob("*.yaml"))
    if not files:
        raise LexiconError([f"{root}:1: no lexicon files (*.yaml) found"])
    try:
        key: tuple[object, ...] = (root.resolve(), *((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files))
    except OSError:
        return _read_lexicon(files)
    lexicon = _LAST_READ.get(key)
    if lexicon is None:
        lexicon = _read_lexicon(files)
        _LAST_READ.clear()
        _LAST_READ[key] = lexicon
    return lexicon


def _read_lexicon(files: list[Path]) -> Lexicon:
    words: dict[str, set[str]] = {name: set() for name in WORD_LISTS}
    phrases: dict[str, set[Phrase]] = {name: set() for name in WORD_LISTS}
    intents: dict[str, set[str]] = {name: set() for name in INTENTS}
    intent_phrases: dict[str, set[Phrase]] = {name: set() for name in INTENTS}
    smalltalk: dict[str, set[str]] = {name: set() for name in SMALLTALK}
    acronyms: set[str] = set()
    groups: list[tuple[str, ...]] = []
    stands: dict[Phrase, Phrase] = {}
    swap: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    topic_tags: dict[str, set[Phrase]] = {}
    hints: dict[str, set[str]] = {lang: set() for lang in LANGS}
    latin_refers: dict[str, set[str]] = {lang: set() for lang in LANGS}
    refers_typed: set[str] = set()
    kazakh_written: set[str] = set()
    intent_scripts: dict[bool, set[str]] = {True: set(), False: set()}
    problems: list[str] = []
    for path in files:
        reader = _Reader(path)
        try:
            root_node = yaml.compose(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(f"{path}:{mark.line + 1 if mark else 1}: not valid YAML: {getattr(exc, 'problem', exc)}")
            continue
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{path}:1: cannot read: {exc}")
            continue
        if root_node is None:
            problems.append(f"{path}:1: file is empty")
            continue
        if path.stem == "kk":
            kazakh_written.update(_kazakh_words(root_node))
        for key_node, value in reader.mapping(root_node, "file"):
            key = str(key_node.value)
            if key not in KEYS:
                reader.fail(key_node, f"unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
            elif key in WORD_LISTS:
                items = reader.strings(value, key)
                _add(items, words[key], phrases[key])
                if key == "refers":
                    refers_typed.update(fold(item) for item in items if " " not in item)
                if key == "refers" and path.stem in LANGS:
                    # a phrase ("as a result") points back only whole: its words alone ("a") point at nothing
                    latin_refers[path.stem].update(tok for item in items if is_latin(item) and len(tokens(item)) == 1
                                                   for tok in tokens(item))
            elif key == "acronym_parties":
                acronyms.update(reader.strings(value, key))
            elif key in ("intents", "smalltalk"):
                names = INTENTS if key == "intents" else SMALLTALK
                for sub_key, sub_value in reader.mapping(value, key):
                    name = str(sub_key.value)
                    if name not in names:
                        reader.fail(sub_key, f"{key}: unknown kind {name!r} (known: {', '.join(names)})")
                        continue
                    items = reader.strings(sub_value, f"{key}.{name}")
                    if key == "intents":
                        _add(items, intents[name], intent_phrases[name])
                        if name in DATE_INTENTS:
                            for item in items:
                                if len(toks := phrase(item)) == 1:
                                    intent_scripts[is_latin(item)].add(toks[0])
                    else:
                        smalltalk[name].update(normalise(item) for item in items)
            elif key == "synonyms":
                if not isinstance(value, SequenceNode):
                    reader.fail(value, "synonyms must be a list of groups")
                    continue
                for group in value.value:
                    items = reader.strings(group, "synonyms group")
                    stems = tuple(dict.fromkeys(tok for item in items for tok in phrase(item)))
                    if len(stems) < 2 and items:
                        reader.fail(group, "synonyms group needs two different words")
                    groups.append(stems)
            elif key == "language_hints":
                if path.stem not in LANGS:
                    reader.fail(key_node, f"language_hints belong in kk.yaml, ru.yaml or en.yaml, not {path.name}")
                else:
                    hints[path.stem].update(fold(w) for w in reader.strings(value, key))
            elif key == "swap":
                for sub_key, sub_value in reader.mapping(value, key):
                    if not isinstance(sub_value, ScalarNode) or not str(sub_value.value).strip():
                        reader.fail(sub_value, f"swap.{sub_key.value}: needs one word form")
                    else:
                        swap[str(sub_key.value).lower()] = str(sub_value.value).lower()
            elif key == "topic_tags":
                for sub_key, sub_value in reader.mapping(value, key):
                    named = {phrase(item) for item in reader.strings(sub_value, f"topic_tags.{sub_key.value}")}
                    topic_tags.setdefault(str(sub_key.value), set()).update(ph for ph in named if ph)
            elif key == "abbreviations":
                for sub_key, sub_value in reader.mapping(value, key):
                    if not isinstance(sub_value, ScalarNode) or not str(sub_value.value).strip() \
                            or not str(sub_key.value).isupper():
                        reader.fail(sub_value, f"abbreviations.{sub_key.value}: needs capitals and the words it stands for")
                    else:
                        abbreviations[str(sub_key.value)] = str(sub_value.value)
            else:
                for sub_key, sub_value in reader.mapping(value, key):
                    source = phrase(str(sub_key.value))
                    target = tuple(tok for item in reader.strings(sub_value, f"stands_for.{sub_key.value}")
                                   for tok in phrase(item))
                    if not source:
                        reader.fail(sub_key, f"stands_for: {sub_key.value!r} has no letters")
                    elif target:
                        stands[source] = target
        problems.extend(reader.problems)
    if problems:
        raise LexiconError(problems)
    # A change over time ("grew", "вырос", "өсті") asks to compare two times; listed once, as change_words,
    # it reads as a comparison too.
    intents["compare"] |= words["change_words"]
    intent_phrases["compare"] |= phrases["change_words"]
    synonyms: dict[str, set[str]] = {}
    for stems in groups:
        for s in stems:
            synonyms.setdefault(s, set()).update(o for o in stems if o != s)
    longest = tuple(sorted(((phrase, kind) for kind in SMALLTALK_PRECEDENCE for phrase in smalltalk.get(kind, ())),
                           key=lambda pk: -len(pk[0])))
    return Lexicon(
        words={k: frozenset(v) for k, v in words.items()},
        phrases={k: tuple(sorted(v)) for k, v in phrases.items()},
        intents={k: frozenset(v) for k, v in intents.items()},
        intent_phrases={k: tuple(sorted(v)) for k, v in intent_phrases.items()},
        acronym_parties=frozenset(acronyms),
        smalltalk={k: frozenset(v) for k, v in smalltalk.items()},
        synonyms={k: tuple(sorted(v)) for k, v in synonyms.items()},
        stands_for=stands,
        swap=swap,
        abbreviations=abbreviations,
        topic_tags={k: tuple(sorted(v)) for k, v in topic_tags.items()},
        hints={k: frozenset(v) for k, v in hints.items()},
        latin_refers={k: frozenset(v) for k, v in latin_refers.items()},
        refers_typed=frozenset(refers_typed),
        kazakh_written=frozenset(kazakh_written),
        latin_intent_words=frozenset(intent_scripts[True] - intent_scripts[False]),
        no_topic=frozenset().union(*(words.get(name, ()) for name in ("stopwords", "refers", "smalltalk_filler"))),
        question_words=frozenset().union(*(intents.get(name, ()) for name in ("when", "where", "who", "how_much", "why")),
                                         words.get("which_words", ()), words.get("what_words", ())),
        hedges=frozenset(words.get("smalltalk_filler", ()))
        - {stem(w) for kind in smalltalk.values() for said in kind for w in said.split()},
        smalltalk_longest=longest,
        smalltalk_by_first=_by_first_word(longest),
        asking_words=frozenset().union(*intents.values(), *(words.get(unit, ()) for unit in UNITS)),
        folded_swap={latin: _folded_swap(swap, latin) for latin in (False, True)},
    )


_KAZAKH_WORD_RE = re.compile(r"[а-яё]*[әғқңөұүһі][а-яёәғқңөұүһі]*")


def _kazakh_words(node: Node) -> Iterator[str]:
    """Every word with a Kazakh-only letter in a YAML tree's keys and values."""
    if isinstance(node, ScalarNode):
        yield from _KAZAKH_WORD_RE.findall(str(node.value).lower())
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _kazakh_words(item)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _kazakh_words(key)
            yield from _kazakh_words(value)


def _by_first_word(longest: Sequence[tuple[str, str]]) -> dict[str, tuple[int, ...]]:
    """Each small-talk phrase's place in `longest`, under its first word."""
    places: dict[str, list[int]] = {}
    for k, (phrase, _) in enumerate(longest):
        places.setdefault(phrase.split(" ", 1)[0], []).append(k)
    return {word: tuple(ks) for word, ks in places.items()}


def _folded_swap(swap: Mapping[str, str], latin: bool) -> dict[str, str]:
    """The swap pairs by folded form, then by stem for any other case form (the plainest pair wins);
    the pairs of the given script are laid last, so theirs win: "Ресейдин" → "Қазақстанның", not "Qazaqstannyñ"."""
    pairs = sorted(swap.items(), key=lambda kv: (is_latin(kv[0]) == latin, -len(kv[0])))
    folded = {stem(fold(k)): v for k, v in pairs}
    folded.update({fold(k): v for k, v in pairs})
    return folded


def _add(items: Iterable[str], single: set[str], multi: set[Phrase]) -> None:
    for item in items:
        toks = phrase(item)
        if len(toks) == 1:
            single.add(toks[0])
        else:
            multi.add(toks)


def default_lexicon_dir() -> Path:
    """`lexicon/` of the data folder in use, else the one shipped beside the package's facts
    (a test's own small fact folder still gets the real word lists)."""
    from bot.loader import default_data_dir

    own = Path(default_data_dir()) / "lexicon"
    if own.is_dir():
        return own
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "data" / "lexicon", here / "data" / "lexicon"):
        if candidate.is_dir():
            return candidate
    return own
