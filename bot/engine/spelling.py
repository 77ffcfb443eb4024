"""Spellings the fold cannot tell apart by itself: Latin-script Kazakh typed on a Turkish keyboard,
and years written with two digits.

The 2021 alphabet writes і as "ı" and ы as "y" ("jyly", "bırlesıp"); people typing on a Turkish
keyboard write ы as "ı" and і as "i" ("jılı", "boldı", "arasında"). Folding "ı" one way breaks the
other, so each word with a dotless i is read the 2021 way unless only the keyboard reading is a word
the engine knows: then its "ı" not after a vowel (after one it is й, "aınalım") stands for ы.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.text import fold, stem, tokens

_SHORT_YEAR_RE = re.compile(
    r"(?<![\w.,'’])([3-9]\d)(?:\s*-?\s*(го|м|ом|й|ый)(?!\w)|((?:\s+|\s*-\s*)(?:году|года|жылы|jyly|zhyly|жылғы|жылгы|jylğy|jylgy|zhylgy))(?!\w))"
    r"|(?<![\w'’])['’]([3-9]\d)(?![\w'’])"
    r"|(?:(?<=\bin )|(?<=\bof )|(?<=\bsince ))([3-9]\d)(?=\s*(?:[?!.,]|$))",
    re.IGNORECASE)


_SHORT_DECADE_RE = re.compile(r"(?<![\w.,'’])['’]?([3-9]0)(-х|-е|-ых|-ые|'?s)(?!\w)", re.IGNORECASE)
_SPOKEN_DECADES: dict[str, dict[str, str]] = {
    "ru": {"восьмидесят": "1980", "девяност": "1990", "двухтысячн": "2000"},
    "en": {"eighties": "1980", "nineties": "1990", "noughties": "2000"},
    "kk": {"сексенінші": "1980", "сексенинши": "1980", "seksenınşı": "1980", "sekseninshi": "1980",
           "тоқсаныншы": "1990", "токсаныншы": "1990", "toqsanynşy": "1990", "toqsanynshy": "1990", "toksanynshy": "1990"},
}
"""A decade's name in words, per language, and the decade's first year."""


def _said(lang: str) -> str:
    return "|".join(map(re.escape, _SPOKEN_DECADES[lang]))


_SPOKEN_DECADE_RE = re.compile(
    rf"(?<!\w)(?:(?P<ru>{_said('ru')})(?:ые|ых|ым|ыми)(?!\w)(?:\s+год(?:ы|ах|ов|ам|ами))?"
    rf"|(?P<en>{_said('en')})(?!\w)"
    rf"|(?P<kk>{_said('kk')})(?=\s+(?:жылдар|jyldar|zhyldar)))", re.IGNORECASE)
"""A decade said in words ("в девяностые", "the nineties", "тоқсаныншы жылдары")."""


def _caseless(word: str) -> str:
    """A word as the decade table is looked up: "SEKSENINŞI" matches "seksenınşı" (the pattern ignores case,
    and Latin Kazakh's dotless ı has the capital I of English i)."""
    return word.casefold().replace("ı", "i")


_DECADE_OF = {lang: {_caseless(word): year for word, year in words.items()} for lang, words in _SPOKEN_DECADES.items()}


def _spoken_decade(match: re.Match[str]) -> str:
    lang = str(match.lastgroup)
    decade = _DECADE_OF[lang][_caseless(match.group(lang))]
    return f"{decade}s" if lang == "en" else decade if lang == "kk" else f"{decade}-е"


def full_years(text: str) -> str:
    """Two-digit years and decades written as people say them ("договор 94-го", "в 98 году", "94 жылы", "96-жылы",
    "in '94", "the first half of 98", "в 90-х", "the 90s", "в девяностые", "тоқсаныншы жылдары") in full.
    Only 32–99 are read so: a smaller number before "-го" is a day ("12-го июня")."""
    return _SHORT_YEAR_RE.sub(_full_year, _SHORT_DECADE_RE.sub(r"19\1\2", _SPOKEN_DECADE_RE.sub(_spoken_decade, text)))


_SPAN_BEFORE_RE = re.compile(r"(?:\b(?:за|через|спустя|на|около|почти|более|менее|уже|for|over)\s+)$", re.IGNORECASE)
"""A number of years, not a year: "за 32 года" (over 32 years), "через 40 лет"."""


def _full_year(match: re.Match[str]) -> str:
    if match.group(3) and _SPAN_BEFORE_RE.search(match.string, 0, match.start()):
        return match.group(0)  # "подписали за 32 года": a count of years
    if match.group(4) or match.group(5):
        return f"19{match.group(4) or match.group(5)}"
    return f"19{match.group(1)}{match.group(3) or ''}"


_WORD_RE = re.compile(r"[^\W\d_]*ı[^\W\d_]*", re.UNICODE)
_YERU_RE = re.compile(r"(?<![aeiouäöüūıAEIOUÄÖÜŪ])ı")


class _OtherReading:
    """Reads each word that holds a telltale letter another way, where only that reading is a word the
    engine knows (the lexicon's words and the facts')."""

    pattern: re.Pattern[str]
    letters: str

    def __init__(self, known: Iterable[str]) -> None:
        self.known = frozenset(known)

    def read(self, text: str) -> str:
        if not any(letter in text for letter in self.letters):
            return text
        return self.pattern.sub(self._word, text)

    def _word(self, match: re.Match[str]) -> str:
        word = match.group()
        if self._knows(word):
            return word
        other = self.reading(word)
        return other if other != word and self._knows(other) else word

    def reading(self, word: str) -> str:
        raise NotImplementedError

    def _knows(self, word: str) -> bool:
        toks = tokens(word)
        return bool(toks) and all(tok in self.known for tok in toks)


class DotlessI(_OtherReading):
    """Reads Turkish-keyboard Kazakh ("jılı") as the 2021 spelling ("jyly") where only that is known."""

    pattern = _WORD_RE
    letters = "ı"

    def reading(self, word: str) -> str:
        return _YERU_RE.sub("y", word)


class KeyboardE(_OtherReading):
    """Reads "э" as "ә" in a word the engine knows only that way: Kazakh typed on a Russian keyboard
    often writes ә as "э" ("сэлем", "тэуелсиздик", "Мэскеу"), which the fold reads as "e", not as the
    "a" that ә folds to. Words known as typed ("ТЭЦ", "экспорт") stay as they are."""

    pattern = re.compile(r"[^\W\d_]*[эЭ][^\W\d_]*", re.UNICODE)
    letters = "эЭ"

    def reading(self, word: str) -> str:
        return word.replace("э", "ә").replace("Э", "Ә")


_ANY_WORD_RE = re.compile(r"[^\W\d_]+")
_NEXT_WORD_RE = re.compile(r" ([^\W\d_]+)")


class Abbreviations:
    """Writes out shorthand typed in capitals ("ТО РК–РФ" → "товарооборот РК–РФ"), unless the whole message is
    in capitals: in small letters, or shouted, the same letters are a word ("то")."""

    def __init__(self, abbreviations: Mapping[str, str]) -> None:
        self.abbreviations = dict(abbreviations)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, self.abbreviations)) + r")(?!\w)") \
            if self.abbreviations else None

    def read(self, text: str) -> str:
        if self.pattern is None:
            return text
        long_words = [word for word in _ANY_WORD_RE.findall(text) if len(word) >= SHOUTED_WORD]
        if sum(word.isupper() for word in long_words) * 2 > len(long_words) > 0:
            return text
        return self.pattern.sub(lambda m: self.abbreviations[m.group()], text)


SHOUTED_WORD = 4
"""Letters a word needs to tell a message typed in capitals: shorter ones ("РК", "РФ") are shorthand anyway."""


class SplitWords:
    """Joins a word that speech-to-text or a slip of the space bar split in two ("көк шетауда",
    "qos tanai") where the two halves are not both known and the whole is."""

    def __init__(self, known: Iterable[str], particles: Iterable[str] = ()) -> None:
        self.known = frozenset(known)
        self.particles = frozenset(particles)
        """Short function words ("за", "в", "on"), which open no word heard apart: "за вводом" is no "заводом"."""
        by_start: dict[str, list[str]] = {}
        for word in self.known:
            if len(word) >= FUZZY_JOINED_MIN:
                by_start.setdefault(word[0], []).append(word)
        self.long_known = {start: tuple(words) for start, words in by_start.items()}
        """Long known words by their first letter: a word heard apart keeps its first letter, and the fuzzy
        match then reads a few thousand words, not the whole vocabulary of a large store."""

    def read(self, text: str) -> str:
        out: list[str] = []
        last = 0
        for match in _ANY_WORD_RE.finditer(text):
            if match.start() < last:
                continue
            nxt = _NEXT_WORD_RE.match(text, match.end())
            if nxt is not None and self._joins(match.group(), nxt.group(1)):
                out.append(text[last:match.start()] + match.group() + nxt.group(1))
                last = nxt.end()
        out.append(text[last:])
        return "".join(out)

    def _joins(self, first: str, second: str) -> bool:
        if len(first) < 2 or len(second) < 2 or len(first + second) < JOINED_MIN:
            return False
        # the whole is stemmed here, not through the token cache: most pairs are no word at all
        opening = tokens(first)
        if (opening and opening[0] in self.particles) or (self._knows(first) and self._knows(second)):
            return False
        whole = stem(fold(first + second))
        if whole in self.known:
            return True
        # "поле гоны": heard apart and spelt as it sounds, one letter off a long known word, when neither half is a word
        return not self._knows(first) and not self._knows(second) and len(whole) >= FUZZY_JOINED_MIN and process.extractOne(
            whole, self.long_known.get(whole[0], ()), scorer=OSA.distance, score_cutoff=1) is not None

    def _knows(self, word: str) -> bool:
        toks = tokens(word)
        return len(toks) == 1 and toks[0] in self.known


JOINED_MIN = 7
"""Shortest whole a split is mended into: shorter joins are too often two words of their own."""
FUZZY_JOINED_MIN = 6
"""Shortest stem a split, one letter off, is mended into ("поле гоны" → "polego", read as "poligo")."""
PARTICLE = 3
"""Longest stop word read as a preposition or particle, which opens no word heard apart."""


class Transposed:
    """Mends two neighbouring letters typed the wrong way round ("foregin") where nothing in the
    index answers the word as typed and exactly one swap inside the stem makes a known word: the
    stemmer would otherwise cut a wrong ending off the typo ("foreg"), out of the fuzzy match's reach."""

    def __init__(self, known: Iterable[str], matches: Callable[[str], bool]) -> None:
        self.known = frozenset(known)
        self.matches = matches

    def read(self, text: str) -> str:
        return _ANY_WORD_RE.sub(self._word, text)

    def _word(self, match: re.Match[str]) -> str:
        word = match.group()
        typed = tokens(word) if len(word) >= TRANSPOSED_MIN else []
        if not typed or any(tok in self.known for tok in typed):
            return word
        mended = {swapped for k in range(1, len(word) - 1) if word[k] != word[k + 1]
                  and self._knows(swapped := word[:k] + word[k + 1] + word[k] + word[k + 2:], k)}
        # the index's own (fuzzy, slower) match is asked last, of the few words a swap would mend
        if len(mended) != 1 or any(self.matches(tok) for tok in typed):
            return word
        return mended.pop()

    def _knows(self, word: str, swap: int) -> bool:
        """Whether `word` stems to one known word whose stem holds both swapped letters."""
        toks = tokens(word)
        return len(toks) == 1 and toks[0] in self.known and len(toks[0]) >= swap + 2 and fold(word).startswith(toks[0])


TRANSPOSED_MIN = 5
"""Shortest word whose swapped letters are mended: in shorter ones a swap too often makes another word."""


_REPEATS_RE = re.compile(r"(.)\1+")
_CYRILLIC_LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüūığşñ"


class DroppedLetter:
    """Mends a word typed with one letter left out inside it ("agreemnts", "облсында") where nothing
    the engine knows answers it as typed and exactly one of the index's fuzzy readings of it is that
    word with one letter put back: the fuzzy match alone counts such a word only in part."""

    def __init__(self, known: Iterable[str], readings: Callable[[str], Iterable[str]], said: Iterable[str] | None = None) -> None:
        self.known = frozenset(known)
        self.readings = readings
        # the words the facts use: a vowel put back must make one of them ("anthem" is no "anythem")
        self.said = self.known if said is None else frozenset(said)
        # An answer reads its question more than once (a pass to find what the model must embed, then the
        # answer): each word is mended once.
        self._mended = lru_cache(maxsize=DROPPED_CACHE)(self._mend)

    def read(self, text: str) -> str:
        return _ANY_WORD_RE.sub(lambda match: self._mended(match.group()), text)

    def _mend(self, word: str) -> str:
        typed = tokens(word) if len(word) >= DROPPED_MIN else []
        if not typed or any(tok in self.known for tok in typed):
            return word
        lower = word.lower()
        plain = fold(lower)
        if any(plain[:n] in self.known for n in range(max(DROPPED_MIN - 1, len(plain) - ENDING_MAX), len(plain))):
            return word  # a known stem and an ending ("работаю", "сомаға"): an inflection, not a typo
        found = tuple({reading for tok in typed for reading in self.readings(tok) if len(reading) >= DROPPED_MIN - 1})
        mended = self._put_back(word, found) if found else {}
        if not mended and len(typed) == 1:
            # "oblsta": the fuzzy match reads its stem ("oblst") as another word ("oblast"), but one vowel put
            # back into a run of consonants no word has makes a known word of the whole ("oblysta", stem "oblys"),
            # and only one does
            mended = self._put_back(word, None)
        return next(iter(mended.values())) if len(mended) == 1 else word

    def _put_back(self, word: str, found: tuple[str, ...] | None) -> dict[str, str]:
        """The spellings of `word` with one letter put back inside it whose stem is one of `found` (or, with
        None, any stem the facts use at least as long as the word typed less its ending), by that stem."""
        lower = word.lower()
        plain = fold(lower)
        letters = _LATIN_LETTERS if lower[0] in _LATIN_LETTERS else _CYRILLIC_LETTERS
        # (with no reading to reach, only a vowel inside a run of consonants is tried: few words have one)
        places = range(1, len(lower)) if found is not None else [k for k in range(1, len(lower)) if _in_cluster(lower, k)]
        letters = letters if found is not None else "".join(letter for letter in letters if letter in _VOWELS)
        mended: dict[str, str] = {}
        doubled = _doubled(plain)
        for k in places:
            for letter in letters:
                folded = fold(lower[:k] + letter + lower[k:])
                # "rents" is no "reents": a doubled letter is too often a word of its own
                if _doubled(folded) != doubled:
                    continue
                if found is not None:
                    if _REPEATS_RE.sub(r"\1", folded).startswith(found) and (known := _uncached_stem(folded)) in found:
                        mended.setdefault(known, word[:k] + letter + word[k:])
                elif (known := _uncached_stem(folded)) in self.said \
                        and len(known) >= DROPPED_MIN and k < len(known) and folded.startswith(known):
                    mended.setdefault(known, word[:k] + letter + word[k:])
        return mended


DROPPED_MIN = 5
"""Shortest word a left-out letter is put back into."""

_uncached_stem = stem.__wrapped__
"""The stemmer past its cache: a candidate spelling is stemmed once and is no word to keep."""

DROPPED_CACHE = 512
"""Words whose reading is kept: enough for the passes of one answer, which read the same words again."""

ENDING_MAX = 3
"""Longest ending after a known stem that makes a word an inflection rather than a typo."""


_VOWELS = frozenset("aeiouyäöüūıаеёиоуыэюяәөұүі")

CLUSTER_MIN = 3
"""Consonants in a row that a word rarely has and a left-out vowel often leaves ("oblsta", "сапрмен")."""


def _in_cluster(word: str, k: int) -> bool:
    """Whether a letter put before `word[k]` falls inside a run of at least CLUSTER_MIN consonants."""
    start = k
    while start > 0 and word[start - 1] not in _VOWELS and word[start - 1].isalpha():
        start -= 1
    end = k
    while end < len(word) and word[end] not in _VOWELS and word[end].isalpha():
        end += 1
    return start < k < end and end - start >= CLUSTER_MIN


def _doubled(folded: str) -> int:
    return sum(a == b for a, b in zip(folded, folded[1:], strict=False))
