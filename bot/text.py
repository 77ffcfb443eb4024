"""Normalising what users type into one matching form, whatever the script or keyboard.

Kazakh Cyrillic, Kazakh typed on a Russian keyboard (қ→к …), the 2021 Kazakh Latin alphabet,
informal Latin, Russian and English all fold into one Latin skeleton, then case endings are
cut (once, never below five letters), so that "Қазақстанның", "Казакстан", "Qazaqstan" and "Kazakhstan" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "ў": "u",  # an Uzbek or Belarusian layout types it for the у of "саўда"
}
_LAT = {
    "ä": "a", "ğ": "g", "q": "k", "ñ": "n", "ö": "o", "ū": "u", "ü": "u", "ı": "i", "ş": "sh", "ș": "sh",
    "ç": "ch", "j": "zh", "c": "k", "w": "v", "x": "ks", "é": "e", "á": "a", "ó": "o", "ý": "i",
    "ǵ": "g", "ń": "n",
}
_TABLE = str.maketrans({**_CYR, **_LAT})
_DIGRAPHS = (("kh", "h"), ("ya", "ia"), ("yu", "iu"), ("yo", "io"), ("ye", "e"),
             ("sch", "sh"), ("ck", "k"))
# A Kazakh case ending hyphenated onto an abbreviation or number ("ЕАЭО-ға", "ҰҚШҰ-ның") belongs to it.
_HYPHEN_SUFFIX_RE = re.compile(
    r"(?<=\w)-(?:ға|ге|қа|ке|на|не|да|де|та|те|дан|ден|тан|тен|нан|нен|ның|нің|дың|дің|тың|тің|ны|ні|ды|ді|ты|ті"
    r"|мен|бен|пен|ы|і|сы|сі|ғы|гі|қы|кі|ші|шы|ншы|нші|ге|ğa|ge|qa|ke|na|ne|da|de|ta|te|nyñ|nıñ|dyñ|dıñ|tyñ|tıñ"
    # "КСР-інің", "ШЫҰ-ына", "ЕАЭО-сында" (and as typed on a Russian keyboard or in Latin): a vowel-led ending.
    r"|ының|інің|ынын|инин|ына|іне|ине|ында|інде|инде|ынан|інен|инен|ымен|імен|имен|сының|сінің|сынын|синин|сына|сіне|сине"
    r"|сында|сінде|синде|нын|нин|дын|дин|тын|тин|ynyñ|ınıñ|yna|ına|ynda|ında|ynan|ınan|ymen|ımen|synyñ|sınıñ|syna|sına"
    r"|synda|sında)\b",
    re.IGNORECASE)
# "в ноябре 2023-го", "к 2010-му": a Russian ordinal ending on a number is part of the number, no word.
_ORDINAL_SUFFIX_RE = re.compile(r"(?<=\d)-?(?:го|ого|ому|му|ом|ем|ый|ой|ий|ых|х|м|й)\b", re.IGNORECASE)
# Informal Latin writes й after a vowel as "y" ("aynalym", "Baykonur"), the 2021 alphabet and our
# Cyrillic fold as "i": both meet at "i".
_VOWEL_Y_RE = re.compile(r"(?<=[aeiou])y(?![aeiouy])")
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+", re.UNICODE)
_REPEAT_RE = re.compile(r"(.)\1+")

# Case, plural, possessive and common derivational endings of Kazakh and Russian, in the
# skeleton form; longest first.
_SUFFIXES = tuple(sorted({
    # Kazakh
    "larynyn", "lerinin", "darynyn", "derinin", "tarynyn", "terinin",
    "lary", "leri", "dary", "deri", "tary", "teri", "lar", "ler", "dar", "der", "tar", "ter",
    "nyn", "nin", "dyn", "din", "tyn", "tin",
    "nda", "nde", "da", "de", "ta", "te",
    "nan", "nen", "dan", "den", "tan", "ten",
    "men", "ben", "pen",
    "ga", "ge", "ka", "ke", "na", "ne",
    "ny", "ni", "dy", "di", "ty", "ti",
    "ymyzda", "imizde", "ymyzga", "imizge", "ymyzdyn", "imizdin", "ymyzdan", "imizden",
    "ymyz", "imiz", "yndagy", "indegi", "dagy", "degi", "tagy", "tegi", "ndagy", "ndegi",
    "lyk", "lik", "dyk", "dik", "tyk", "tik", "shy", "shi",
    "sy", "si", "yn", "in",
    # Russian
    "iami", "ami", "iakh", "akh", "iah", "ah", "ovykh", "ykh", "ikh", "yh", "ih",
    "ogo", "ego", "omu", "emu", "ymi", "imi", "oi", "ei", "ii", "yi",
    "om", "em", "ov", "ev", "ia", "iu", "ym", "im", "aia", "oe", "ee", "uiu",
    "nie", "niia", "nii", "niiu",
    "a", "y", "i", "u", "e", "o",
    # English
    "ing", "ed", "es", "s",
}, key=len, reverse=True))
_MIN_STEM = 5


def fold(text: str) -> str:
    """Lowercase Latin skeleton of any text: one spelling per word whatever the script."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("i̇", "i")
    text = text.translate(_TABLE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for src, dst in _DIGRAPHS:
        text = text.replace(src, dst)
    return _VOWEL_Y_RE.sub("i", text)


def _protected(word: str, suffix: str) -> bool:
    """Endings that look like a Kazakh suffix but belong to the word: the "-stan" of country names,
    "-sy" after Russian "ts" (ц) as in "granitsy", and the "t" of Russian "-ost'" as in "nezavisimosti"."""
    if suffix == "tan" and word.endswith("stan"):
        return True
    if suffix.startswith("n") and word[: -len(suffix)].endswith("sta"):
        return True  # "Қазақстанда", "Казахстане": the case ending is "-да", "-е", not "-нда", "-не"
    before = word[-len(suffix) - 1]
    return (suffix in ("sy", "si") and before == "t") or (suffix == "ti" and before == "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Cut case endings off one folded word; repeated letters fold ("kassym" = "kasym")."""
    if word.isdigit() or len(word) <= _MIN_STEM:
        return _REPEAT_RE.sub(r"\1", word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM and not _protected(word, suffix):
            word = word[: -len(suffix)]
            break
    return _REPEAT_RE.sub(r"\1", word)


def raw_tokens(text: str) -> list[str]:
    """The words and numbers of a text as typed (decimal commas kept with their number)."""
    text = _ORDINAL_SUFFIX_RE.sub("", _HYPHEN_SUFFIX_RE.sub("", unicodedata.normalize("NFKC", text)))
    return _TOKEN_RE.findall(text)


@lru_cache(maxsize=131072)
def fold_word(word: str) -> str:
    """fold() of one word, cached: questions repeat the same few thousand words."""
    return fold(word)


@lru_cache(maxsize=131072)
def word_tokens(word: str) -> tuple[str, ...]:
    """The folded, stemmed tokens of one raw word (cached: the same words recur in every text)."""
    if word[0].isdigit():
        return (word.replace(",", "."),)
    return tuple(stem(part) for part in fold(word).split() if part)


def forget_folded_words() -> None:
    """Empty the word caches: building an index folds every word of the facts once, and keeping
    those entries would only hold memory (about 3 MB) that questions' words can use instead."""
    stem.cache_clear()
    fold_word.cache_clear()
    word_tokens.cache_clear()


def tokens(text: str) -> list[str]:
    """Folded, stemmed tokens; numbers kept whole with a dot as decimal mark."""
    return [tok for word in raw_tokens(text.replace("%", " percent ")) for tok in word_tokens(word)]


def detect_language(text: str) -> str | None:
    """kk, ru or en from the script and common words (see bot.engine.language); None without letters."""
    from bot.engine.language import default_detector

    return default_detector().detect(text)


_VOWELS_RE = re.compile("[aeiouy]")


def consonants(word: str) -> str:
    """A folded word's consonants: what is left of it when vowels are dropped in fast typing."""
    return _VOWELS_RE.sub("", word)


def dropped_letters(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with letters left out (each typed letter found, in order)."""
    rest = iter(word)
    return all(ch in rest for ch in typed)
