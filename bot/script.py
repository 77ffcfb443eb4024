"""Kazakh Cyrillic ⇄ Latin transliteration.

Why: Kazakh is written in Cyrillic and, more and more, in Latin script — the official 2021 alphabet
as well as casual ASCII ("qansha", "Kazakhstan"). The bot answers a Latin-script question in Latin
script (:func:`to_latin`) and turns a Latin-script question into Cyrillic before it reaches the
embedding model (:func:`to_cyrillic`), which has seen far more Cyrillic Kazakh than Latin.

Only letters move: digits, punctuation, other scripts, HTML tags and entities, URLs, e-mail
addresses, @mentions and /commands are copied as they are, so a rendered reply stays valid HTML
with working links. Everything is precompiled because these functions run on every message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import NamedTuple

__all__ = ["is_latin", "latin_reply", "latin_share", "shows_spelling", "to_cyrillic", "to_latin", "to_plain_latin",
           "typed_plainly"]

# Spans no conversion may touch: HTML tags and entities, URLs, e-mail addresses, @mentions, /commands.
_PROTECTED_RE = re.compile(
    r"<[^<>]*>"
    r"|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z]+);"
    r"|\b(?:https?|ftp)://[^\s<>\"']+"
    r"|\bwww\.[^\s<>\"']+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@])@\w+"
    r"|(?<![\w/])/[A-Za-z_]\w*"
)


def _outside_protected(text: str, convert: Callable[[str], str]) -> str:
    """Apply *convert* to the text between protected spans, so markup and links survive."""
    parts: list[str] = []
    pos = 0
    for m in _PROTECTED_RE.finditer(text):
        parts.append(convert(text[pos:m.start()]))
        parts.append(m.group())
        pos = m.end()
    if not parts:
        return convert(text)
    parts.append(convert(text[pos:]))
    return "".join(parts)


def _nfc(text: str) -> str:
    """Compose letters typed as base + combining mark ("a" + U+0308) so the tables see one character."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# --- Cyrillic → Latin ------------------------------------------------------------------------------

# The 2021 Kazakh Latin alphabet (decree of 28 January 2021).
_CYR_TO_LAT: dict[str, str] = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū",
    "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şş", "ъ": "",
    "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}


def _cap(latin: str) -> str:
    """Upper-case one Latin letter the 2021 way: i (и, й) becomes İ, ı (і) becomes I."""
    return "İ" if latin == "i" else latin.upper()


# Capitalised form of every letter ("Я" → "İa"), and the all-caps form of the multi-letter ones ("Я" → "İA").
_UPPER: dict[str, str] = {cyr.upper(): _cap(lat[:1]) + lat[1:] for cyr, lat in _CYR_TO_LAT.items()}
_ALL_CAPS: dict[str, str] = {cyr.upper(): "".join(map(_cap, lat)) for cyr, lat in _CYR_TO_LAT.items() if len(lat) > 1}
_TO_LATIN = str.maketrans({**_CYR_TO_LAT, **_UPPER})
_CYR_RE = re.compile(f"[{''.join(_CYR_TO_LAT)}{''.join(_UPPER)}]")
_CAPS_LETTERS = "".join(_UPPER)
# A multi-letter capital next to another capital is part of an all-caps word ("ЮНЕСКО" → "İUNESKO").
_CAPS_RE = re.compile(f"[{''.join(_ALL_CAPS)}](?=[{_CAPS_LETTERS}])|(?<=[{_CAPS_LETTERS}])[{''.join(_ALL_CAPS)}]")


def _all_caps(m: re.Match[str]) -> str:
    return _ALL_CAPS[m.group()]


def _segment_to_latin(text: str) -> str:
    if not _CYR_RE.search(text):
        return text
    return _CAPS_RE.sub(_all_caps, text).translate(_TO_LATIN)


def to_latin(text: str) -> str:
    """Kazakh Cyrillic → 2021 Kazakh Latin, so a Latin-script asker gets the answer in their script.

    Capitalisation follows the source ("Қазақстан" → "Qazaqstan", "ЕАЭО" → "EAEO", "И" → "İ",
    "І" → "I"); ъ and ь are dropped; every non-Cyrillic character, tag and URL is left as it is.
    """
    if not _CYR_RE.search(text):
        return text
    return _outside_protected(_nfc(text), _segment_to_latin)


_GLOSSES: dict[str, str] = {"ŪQŞŪ": "CSTO", "ŞYŪ": "SCO", "EAEO": "EAEU", "TMD": "CIS", "EurAzEQ": "EurAsEC",
                            "KSRO": "USSR", "BRİKS": "BRICS", "DHR": "DPR", "LHR": "LPR"}
"""Organisations' Kazakh abbreviations and the international ones Latin-script readers know them by."""
_GLOSS_RE = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, _GLOSSES)) + r")(?![\w])")


_PLAIN: dict[str, str] = {"ä": "a", "ğ": "g", "ñ": "n", "ö": "o", "ū": "u", "ü": "u", "ı": "i", "ş": "sh", "ç": "ch",
                         "Ä": "A", "Ğ": "G", "Ñ": "N", "Ö": "O", "Ū": "U", "Ü": "U", "İ": "I", "Ş": "Sh", "Ç": "Ch"}
_PLAIN_TABLE = str.maketrans(_PLAIN)
_PLAIN_CAPS_TABLE = str.maketrans({**_PLAIN, "Ş": "SH", "Ç": "CH"})
_FORMAL_WORD_RE = re.compile("[^\\W\\d_]*[" + "".join(_PLAIN) + "][^\\W\\d_]*")


def _plain_word(m: re.Match[str]) -> str:
    word = m.group()
    return word.translate(_PLAIN_CAPS_TABLE if len(word) > 1 and word.isupper() else _PLAIN_TABLE)


def to_plain_latin(text: str) -> str:
    """2021 Kazakh Latin → the plain ASCII letters people type on a phone ("şılde" → "shilde",
    "ŪQŞŪ" → "UQSHU"), for an asker who writes that way."""
    return _FORMAL_WORD_RE.sub(_plain_word, text)


def typed_plainly(text: str) -> bool:
    """Whether Latin-script text uses none of the letters only the 2021 alphabet has (ş, ñ, ı …)."""
    return is_latin(text) and _FORMAL_MARKS.isdisjoint(_nfc(text))


_PLAIN_SIGNS_RE = re.compile(r"sh|ch|zh", re.IGNORECASE)
"""Two letters a phone typist writes for one of the 2021 alphabet's ("shilde" for "şılde")."""


def shows_spelling(text: str) -> bool:
    """Whether Latin-script text tells which way its writer spells: a letter only the 2021 alphabet has, or
    the two letters typed for one ("sol forumda qandai jospar qabyldandy?" tells neither)."""
    return not _FORMAL_MARKS.isdisjoint(_nfc(text)) or bool(_PLAIN_SIGNS_RE.search(text))


def latin_reply(text: str, plain: bool = False, dotted: bool = False) -> str:
    """A Kazakh reply for a Latin-script asker: `to_latin`, each organisation's abbreviation glossed with
    its international one where it first appears ("ŪQŞŪ (CSTO)"): in Latin letters "ŪQŞŪ" is
    seldom seen, while CSTO is what the asker meets in the news. `plain`: in the ASCII letters an asker
    who types "qansha", "shilde" uses, so the reply reads as they write (`to_plain_latin`); `dotted`: with
    і written "i", as an asker who types "şilde", "keldi" does (`writes_dotted_i`)."""
    glossed_reply = _glossed(to_latin(text))
    if plain:
        return to_plain_latin(glossed_reply)
    return glossed_reply.translate(_DOTTED_TABLE) if dotted else glossed_reply


_DOTTED_TABLE = str.maketrans({"ı": "i", "İ": "I"})


def formal_words(kazakh: Iterable[str]) -> frozenset[str]:
    """The words of Kazakh Cyrillic texts in 2021 Latin letters, lowercase ("келді" → "keldı")."""
    return frozenset(w.translate(_LOWER_FORMAL).lower() for text in kazakh for w in _LATIN_WORD_RE.findall(to_latin(text)))


def writes_dotted_i(text: str, known: frozenset[str]) -> bool:
    """Whether a Latin-script asker writes і as a dotted "i" ("keldi", "şilde" for 2021's "keldı", "şılde"):
    more of their 2021 words (`known`, from `formal_words`) have their "ı" dotted than written as 2021 does (one
    "keşırıñız" among "keldi", "zeinetkermin" is a slip). Such an asker reads "ı" in a reply as a slip; their own
    spelling reads as they write."""
    dotted = formal = 0
    for word in _LATIN_WORD_RE.findall(_nfc(text)):
        low = (word.translate(_LOWER_FORMAL) if "ı" in word or "İ" in word else word).lower()
        if "ı" in low:
            formal += low in known
        elif "i" in low and low not in known and low.replace("i", "ı") in known:
            dotted += 1
    return dotted > formal


def _glossed(latin: str) -> str:
    glossed: set[str] = set()

    def gloss(m: re.Match[str]) -> str:
        after = m.string[m.end():m.end() + len(_GLOSSES[m.group()]) + 2]
        if m.group() in glossed or after.startswith(" (") or after == f", {_GLOSSES[m.group()]}":
            glossed.add(m.group())  # followed by its gloss or another bracket already: a reply's body is
            return m.group()        # read again inside the whole message

        glossed.add(m.group())
        if m.string[m.start() - 1:m.start()] == "(" and m.string[m.end():m.end() + 1] == ")":
            return f"{m.group()}, {_GLOSSES[m.group()]}"  # "ūiymy (ŞYŪ)": "(ŞYŪ, SCO)"
        return f"{m.group()} ({_GLOSSES[m.group()]})"

    return _GLOSS_RE.sub(gloss, latin)


# --- Latin → Cyrillic ------------------------------------------------------------------------------

_LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_WORD_RE = re.compile(f"[{_LATIN_LETTERS}]+")
_LATIN_LETTER_RE = re.compile(f"[{_LATIN_LETTERS}]")

# Letters only the 2021 alphabet uses. Their presence means ASCII "i" is и/й and "I" is the capital of ı (і).
_FORMAL_MARKS = frozenset("äğñöūüışçİÄĞÑÖŪÜŞÇ")
# Stands for a certain и inside a front-vowel word; no user types it, and it never matches a digraph.
_SURE_I = "\ue000"

_LAT_TO_CYR: dict[str, str] = {
    "a": "а", "ä": "ә", "b": "б", "c": "с", "ç": "ч", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ",
    "h": "х", "ı": "і", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "o": "о", "ö": "ө",
    "p": "п", "q": "қ", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ū": "ұ", "ü": "ү", "v": "в",
    "w": "у", "x": "х", "y": "ы", "z": "з", _SURE_I: "и",
    # Letters of the short-lived 2017/2018 alphabets, still seen in the wild.
    "á": "ә", "ǵ": "ғ", "ń": "ң", "ó": "ө", "ú": "ү", "ý": "у",
}
_TO_CYR_BACK = str.maketrans({**_LAT_TO_CYR, "i": "и"})
_TO_CYR_FRONT = str.maketrans({**_LAT_TO_CYR, "i": "і"})
_LOWER_FORMAL = str.maketrans({"İ": "i", "I": "ı"})
_LOWER_CASUAL = str.maketrans({"İ": "i"})

# What each contextual match below becomes; y, i and ı are only matched where they stand for й.
_SEQ_TO_CYR: dict[str, str] = {
    "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "gh": "ғ", "ts": "ц", "ya": "я", "ia": "я", "yu": "ю",
    "iu": "ю", "iia": "ия", "ye": "е", "y": "й", "i": "й", "ı": "й", "ng": "ң",
}
_VOWELS = "aäeioöuūüyı"
# Casual-ASCII words holding one of these are back-vowel words, whose "i" is и rather than і.
_BACK_VOWELS = frozenset("aoyū")
# Common loanwords and names written with и although they have no back vowel (ASCII "i" would become і).
_SURE_I_STEMS = ("prezident", "ministr", "putin", "mishustin", "biznes", "kredit", "limit")


def _seq_pattern(casual: bool) -> re.Pattern[str]:
    """Digraphs and letters whose reading depends on their neighbours; applied to one lowercase word."""
    alts = [
        "sh", "ch", "zh", "kh", "gh",
        "^ts", "ts(?=i)",                      # ц only word-initially or before i (-tsiia); otherwise тс (bitse)
        "(?<=[aäeoöuūüy])i(?=ia)",            # Maiia (Майя)
        "ya", "iia", "ia", "yu", "iu",
        "^ye", f"(?<=[{_VOWELS}])ye",         # Yerlan, Tokayev
        "^y(?=[aäeioöuūüı])",                  # yoq
        "(?<=[aäeoö])y",                       # Baykonur, Resey (but auyl, jiyrma keep ы)
        "(?<=[aäeoöuūüy])i",                   # Resei, Baiqoñyr, ūiym
        "(?<=[aäeoö])ı",                       # aınalymy (but keluı keeps і)
    ]
    alts += ["ng$"] if casual else []          # casual genitive -nyng/-ning; the 2021 alphabet has ñ
    return re.compile("|".join(alts))


_SEQ_FORMAL_RE = _seq_pattern(casual=False)
_SEQ_CASUAL_RE = _seq_pattern(casual=True)


def _seq_formal(m: re.Match[str]) -> str:
    return _SEQ_TO_CYR[m.group()]


def _seq_casual(m: re.Match[str]) -> str:
    """Casual typists write ия as "ia" ("diplomatia", "Rossia") and я as "ya"; the 2021 "iia" is ия too."""
    seq = m.group()
    if seq == "ia" and m.start() and m.string[m.start() - 1] not in _VOWELS:
        return "ия"
    return _SEQ_TO_CYR[seq]


class _Mode(NamedTuple):
    """How one text is written: the 2021 alphabet (formal) or casual ASCII, and the rules that follow."""

    formal: bool
    lower: dict[int, str]
    seq_re: re.Pattern[str]
    seq: Callable[[re.Match[str]], str]


_FORMAL = _Mode(True, _LOWER_FORMAL, _SEQ_FORMAL_RE, _seq_formal)
_CASUAL = _Mode(False, _LOWER_CASUAL, _SEQ_CASUAL_RE, _seq_casual)


def _mode(text: str) -> _Mode:
    """The 2021 alphabet if any letter only it uses appears; casual digraphs (sh, ch …) apply either way,
    since people mix the two styles."""
    if not _FORMAL_MARKS.isdisjoint(text):
        return _FORMAL
    return _CASUAL


def _word_to_cyrillic(word: str, mode: _Mode) -> str:
    lw = word.translate(mode.lower).lower()
    table = _TO_CYR_BACK
    # Casual ASCII "i" is і or и; Kazakh vowel harmony decides: a word without back vowels takes і.
    if not mode.formal and "i" in lw and _BACK_VOWELS.isdisjoint(lw):
        table = _TO_CYR_FRONT
        for stem in _SURE_I_STEMS:
            if lw.startswith(stem):
                lw = stem.replace("i", _SURE_I) + lw[len(stem):]
                break
    out = mode.seq_re.sub(mode.seq, lw).translate(table)
    if not word[0].isupper():
        return out
    return out.upper() if len(word) > 1 and word.isupper() else out[:1].upper() + out[1:]


def to_cyrillic(text: str) -> str:
    """Latin-script Kazakh (2021 alphabet or casual ASCII) → Cyrillic, for the embedding model.

    Handles 2021 letters (ä ğ q ñ ö ū ü ı ş ç, İ/i) and casual typing (sh, ch, zh, kh, gh, ts, ya/ia,
    yu/iu, j, w, x, c, y as ы or й). Best effort where Latin is ambiguous: 2021 "ia" is я (casual
    "tia" is тия), h is х (never һ), and casual "i" is і only in words without back vowels.
    Capitalisation follows the source word; digits, punctuation, other scripts, tags and URLs stay.
    """
    if not _LATIN_WORD_RE.search(text):
        return text
    text = _nfc(text)
    mode = _mode(text)

    def word(m: re.Match[str]) -> str:
        return _word_to_cyrillic(m.group(), mode)

    return _outside_protected(text, lambda segment: _LATIN_WORD_RE.sub(word, segment))


# --- Detection -------------------------------------------------------------------------------------


def latin_share(text: str) -> float:
    """Share (0..1) of the letters that are Latin, ignoring links and markup; 0.0 without letters.

    Why: decides which script the asker used, so a pasted URL must not tip a Cyrillic question.
    """
    plain = _PROTECTED_RE.sub(" ", text)
    letters = sum(map(str.isalpha, plain))
    if not letters:
        return 0.0
    return len(_LATIN_LETTER_RE.findall(plain)) / letters


def is_latin(text: str) -> bool:
    """True when the text has letters and most of them are Latin, i.e. answer in Latin script."""
    return latin_share(text) > 0.5
