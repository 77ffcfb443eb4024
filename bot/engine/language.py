"""Which language a question is in: kk, ru or en, from its script, its letters and common words.

Kazakh has letters of its own (ә ғ қ ң ө ұ ү һ і; ä ğ q ñ ö ū ü ı ş ç in Latin); without them
(Kazakh typed on a Russian keyboard, casual Latin) common words decide, read from the lexicons'
`language_hints`, and for Cyrillic also Kazakh word endings Russian does not have.
"""

from __future__ import annotations

import re
from functools import cache

from bot.engine.lexicon import Lexicon, default_lexicon_dir, load_lexicon
from bot.text import fold_word, raw_tokens

KK_LETTERS = frozenset("әғқңөұүһі")
KK_RUKBD_ENDINGS = ("ын", "нин", "дин", "гы", "инде", "ып", "лык", "тык", "дык", "деги", "лери", "уы", "лды", "йды",
                    "агы", "ына", "мыз", "миз")
"""Word endings of Kazakh typed without its letters that Russian words (of five letters or more)
practically never have: case endings (-нын/-нин, -дагы/-деги, -ына), -ып, -лык, -гы, past -лды/-йды,
first person plural -мыз/-миз.
Russian-looking endings Kazakh also uses (-ган as in "орган", -ады, -мен as in "обмен") are left out."""
KK_LATIN_LETTERS = frozenset("äğñöūüışç")
"""Letters of the 2021 Kazakh Latin alphabet that English does not use. "q" is Kazakh too, but
English spells it in "quota", "question", "quarter": it counts only where no "u" follows."""
_LETTERS_RE = re.compile(r"[^\W\d_]+")


class LanguageDetector:
    """Detects kk, ru or en with one lexicon's hint words."""

    def __init__(self, lex: Lexicon) -> None:
        kk, ru = lex.hints.get("kk", frozenset()), lex.hints.get("ru", frozenset())
        # A word both languages use ("не": "what" in Kazakh, "not" in Russian) tells neither.
        self.kk, self.ru = kk - ru, ru - kk
        self.en = lex.hints.get("en", frozenset())

    def names_english(self, text: str) -> bool:
        """Whether Latin letters here hold an English hint word ("sebebi ne?" holds none: English only by default)."""
        return bool(_words(text) & self.en)

    def detect(self, text: str) -> str | None:
        """kk, ru or en; None when the text has no letters, or Latin letters whose common words are as
        much Kazakh as English (the chat's or conversation's language then decides)."""
        letters = [ch for ch in text.lower() if ch.isalpha()]
        if not letters:
            return None
        words = _words(text)
        cyr = sum("а" <= ch <= "я" or ch in "ёәғқңөұүһі" for ch in letters)
        if cyr * 2 >= len(letters):
            if any(ch in KK_LETTERS for ch in letters):
                return "kk"
            # Endings count on lowercase words only: a Kazakh name in a Russian sentence ("Айдын") is a name.
            kk_hits = len(words & self.kk) + sum(1 for w in raw_tokens(text)
                                                 if len(w) >= 5 and w.islower() and w.endswith(KK_RUKBD_ENDINGS))
            return "kk" if kk_hits >= 1 and kk_hits * 3 >= len(words & self.ru) else "ru"
        # In Latin letters a word both Kazakh and English fold alike ("бе" and "bye" → "be") tells neither.
        kk, en = len(words & self.kk - self.en), len(words & self.en)
        # A "q" without "u" is Kazakh unless the words around it are plainly English ("How many sq km is …").
        if any(ch in KK_LATIN_LETTERS for ch in text.lower()) or _kazakh_q(text.lower()) and (kk or en < 2):
            return "kk"
        # "al eksport?", "al 2012 she?": Latin letters with as much Kazakh as English in them tell neither.
        return "kk" if kk > en else "en" if en > kk or not kk else None


def _words(text: str) -> set[str]:
    """A text's words, folded, numbers aside: what the hint lists are matched against."""
    return {fold_word(w) for w in raw_tokens(text.lower()) if not w[0].isdigit()}


def kazakh_latin(text: str) -> bool:
    """Whether Latin letters here write Kazakh: a letter English does not use, or a "q" without "u"."""
    lowered = text.lower()
    return any(ch in KK_LATIN_LETTERS for ch in lowered) or _kazakh_q(lowered)


def _kazakh_q(text: str) -> bool:
    """A "q" not followed by "u" ("qazaq", "qai"), unlike English "qu", in a word of two letters or
    more: a lone "Q" is a quarter or a question ("Q1 through Q4", "Q&A"), not Kazakh."""
    return any(len(word) > 1 and any(ch == "q" and word[k + 1:k + 2] != "u" for k, ch in enumerate(word))
               for word in _LETTERS_RE.findall(text))


@cache
def default_detector() -> LanguageDetector:
    """The detector over the packaged lexicon (for callers outside the engine, such as handlers)."""
    return LanguageDetector(load_lexicon(default_lexicon_dir()))
