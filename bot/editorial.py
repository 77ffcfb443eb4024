"""The editorial loop's use cases: record answers, take ratings, list and close the questions nobody
answered, rate facts, and find which logged questions new data now answers.

The Telegram handlers and `kzru-bot report` both come here, so the rules live once. Times come
from an injectable clock (UTC) so tests can place questions on given days.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import Final

from bot.engine import Answer
from bot.feedback import (
    STATUSES,
    AnswerSummary,
    FactRating,
    LoggedQuestion,
    QuestionPage,
    RatingState,
    Status,
    Vote,
    rater_hash,
)
from bot.storage import Repository

log = logging.getLogger(__name__)

RECHECK_LIMIT: Final = 1000
"""Open questions re-asked at start-up, most asked first: bounds the start-up work on a huge log."""
RECHECK_BATCH: Final = 25
"""Questions per worker-thread hop: the event loop gets the GIL back between batches."""
ANSWER_RETENTION: Final = dt.timedelta(days=90)
"""How long an answer nobody rated stays rateable; its row is then pruned at start-up."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class EditorialLoop:
    """Feedback and the unanswered-questions log over one Repository, keyed for rater hashes."""

    def __init__(self, repo: Repository, key: bytes, now: Callable[[], dt.datetime] = utc_now) -> None:
        if len(key) < 16:
            raise ValueError("the rater key must have at least 16 bytes")
        self.repo = repo
        self._key = key
        self.now = now

    async def answered(self, summary: AnswerSummary, chat_type: str) -> int | None:
        """Record an answer about to be sent (a decline is logged too): the id its rating buttons
        carry, or None for small talk, which gets no buttons and no log entry."""
        if not summary.rateable:
            return None
        return (await self.repo.add_answers([summary], chat_type, self.now()))[0]

    async def cards(self, summaries: Sequence[AnswerSummary], chat_type: str) -> list[int]:
        """Record the cards of one inline query in one transaction: their ids, in order. Inline queries
        come letter by letter as the user types, so only answered cards reach here, never a decline."""
        if any(s.declined for s in summaries):
            raise ValueError("inline declines are not logged: a half-typed question is not a question")
        return await self.repo.add_answers(summaries, chat_type, self.now())

    async def rate(self, answer_id: int, user_id: int, vote: Vote) -> RatingState | None:
        """One tap on 👍 or 👎: counted once per person (by keyed hash), the same tap again withdraws
        it, the other one changes it. None when the answer is no longer known."""
        return await self.repo.toggle_rating(answer_id, rater_hash(self._key, user_id), vote, self.now())

    async def open_questions(self, page: int, per_page: int) -> QuestionPage:
        """A page of the open questions, most asked first; the page is clamped to the last one."""
        total = await self.repo.count_logged(("open",))
        pages = max(1, -(-total // per_page))
        page = min(max(page, 0), pages - 1)
        items = await self.repo.logged_questions(("open",), limit=per_page, offset=page * per_page)
        return QuestionPage(tuple(items), page, pages, total, per_page)

    async def mark_handled(self, entry_id: int) -> bool:
        return await self.repo.mark_handled(entry_id, self.now())

    async def questions(self, since: dt.date | None = None, statuses: Sequence[Status] = STATUSES) -> list[LoggedQuestion]:
        """The whole log for the offline report, every state, most asked first."""
        return await self.repo.logged_questions(statuses, since)

    async def fact_feedback(self, since: dt.date | None = None) -> list[FactRating]:
        return await self.repo.fact_ratings(since)

    async def prune(self) -> int:
        """Drop answers older than ANSWER_RETENTION that nobody rated."""
        return await self.repo.prune_answers(self.now() - ANSWER_RETENTION)

    async def recheck(self, answer: Callable[[str, str], Answer], limit: int = RECHECK_LIMIT) -> int:
        """Ask the engine again every open logged question (at most `limit`, most asked first) and
        mark the ones it now answers, with the fact that answers each; how many were marked.

        A declined question counts as answered once it gets any answer. One that was only rated 👎
        (so it did get an answer) counts once the answer leads with a fact other than those it
        showed then. The engine runs in worker threads, RECHECK_BATCH questions per hop.
        """
        entries = await self.repo.logged_questions(("open",), limit=limit)
        found: list[tuple[int, str]] = []
        for start in range(0, len(entries), RECHECK_BATCH):
            batch = entries[start:start + RECHECK_BATCH]
            found.extend(await asyncio.to_thread(_now_answered, answer, batch))
        marked = await self.repo.mark_answered(found, self.now())
        if entries:
            log.info("re-asked %d logged questions: %d now answered", len(entries), marked)
        return marked


def _now_answered(answer: Callable[[str, str], Answer], entries: Sequence[LoggedQuestion]) -> list[tuple[int, str]]:
    """(entry id, answering fact id) for each entry the engine now answers (runs in a worker thread)."""
    found: list[tuple[int, str]] = []
    for entry in entries:
        summary = AnswerSummary.of(answer(entry.question, entry.lang))
        if not summary.answered or not summary.fact_ids or summary.kind == "smalltalk":
            continue
        if entry.declined == 0 and summary.fact_ids[0] in entry.closest:
            continue
        found.append((entry.id, summary.fact_ids[0]))
    return found
