"""Feedback on answers and the log of questions nobody answered: plain domain objects and rules.

Why a module of its own: the bot, the operator commands and `kzru-bot report` must agree on what
one question is (the normalised text), on what is worth logging (declines and 👎, never small
talk) and on how a person is counted once without being stored (a keyed hash, nothing more).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

from bot.engine import Answer

Vote = Literal[1, -1]
Status = Literal["open", "handled", "answered"]
STATUSES: Final[tuple[Status, ...]] = ("open", "handled", "answered")
MAX_CLOSEST: Final = 3
"""Closest facts kept per logged question: what the bot offered instead, for the editor."""
_EDGE_PUNCTUATION: Final = " ?!.…;,:¿¡\"'«»“”„"


def normalise_question(text: str) -> str:
    """One form per question, so the log and the ratings count "When…?" and "when   …" once:
    compatibility forms folded (NFKC), case folded, runs of spaces collapsed, the punctuation and
    quotes around the question dropped. Script is kept: Latin and Cyrillic Kazakh are logged apart."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return folded.strip(_EDGE_PUNCTUATION)


def rater_hash(key: bytes, user_id: int) -> str:
    """HMAC-SHA256 of a Telegram user id: enough to count one rating per person per answer, while the
    database never holds the id itself and a copy of it cannot be matched to users without the key."""
    return hmac.new(key, str(user_id).encode("ascii"), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class AnswerSummary:
    """What the log keeps of one answer: the normalised question as the engine understood it (a
    follow-up resolved), its language and script, how it was composed and which facts it showed."""

    question: str
    lang: str
    script: str
    kind: str
    answered: bool
    fact_ids: tuple[str, ...]
    closest: tuple[str, ...]

    @classmethod
    def of(cls, answer: Answer) -> AnswerSummary:
        shown = tuple(f.id for f in answer.facts)
        offered = tuple(dict.fromkeys((*shown, *(f.id for f in answer.suggestions))))
        return cls(question=normalise_question(answer.query), lang=answer.lang, script=answer.script,
                   kind=answer.kind, answered=answer.answered and answer.kind != "decline", fact_ids=shown,
                   closest=offered[:MAX_CLOSEST])

    @property
    def rateable(self) -> bool:
        """Small talk is neither content to rate nor a question to log; everything else is."""
        return self.kind != "smalltalk" and bool(self.question)

    @property
    def declined(self) -> bool:
        return self.rateable and not self.answered


@dataclass(frozen=True, slots=True)
class RatingState:
    """An answer's ratings after a tap: the counts its buttons show, and the tapper's own rating (0: none)."""

    up: int
    down: int
    mine: int


@dataclass(frozen=True, slots=True)
class LoggedQuestion:
    """One question of the log: declined `declined` times and rated 👎 by `rated_down` people."""

    id: int
    question: str
    lang: str
    script: str
    declined: int
    rated_down: int
    first_seen: dt.datetime
    last_seen: dt.datetime
    closest: tuple[str, ...]
    status: Status
    answered_by: str | None

    @property
    def count(self) -> int:
        """How often the question was asked without an answer that satisfied (the report's order)."""
        return self.declined + self.rated_down


@dataclass(frozen=True, slots=True)
class FactRating:
    """👍 and 👎 standing on answers that showed one fact."""

    fact_id: str
    up: int
    down: int

    @property
    def score(self) -> int:
        return self.up - self.down


@dataclass(frozen=True, slots=True)
class QuestionPage:
    """One page of open questions for /unanswered: the page actually shown (clamped) and how many there are."""

    items: tuple[LoggedQuestion, ...]
    page: int
    pages: int
    total: int
    per_page: int

    @property
    def first(self) -> int:
        """The number (from 1) of the page's first question in the whole list."""
        return self.page * self.per_page + 1
