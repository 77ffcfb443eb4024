"""The editorial loop's use cases: record answers, take ratings, list and close the questions nobody
answered, rate facts, and find which logged questions new data now answers.

The Telegram handlers and `kzru-bot report` both come here, so the rules live once. Times come
from an injectable clock (UTC) so tests can place questions on given days.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import secrets
import sqlite3
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
from bot.storage import Repository, StorageError

log = logging.getLogger(__name__)

RECHECK_LIMIT: Final = 1000
"""Open questions re-asked at start-up, most asked first: bounds the start-up work on a huge log."""
RECHECK_BATCH: Final = 25
"""Questions per worker-thread hop: the event loop gets the GIL back between batches."""
FLUSH_DELAY: Final = 0.5
"""Seconds answers wait to be written together: one commit (one fsync) per burst, not per answer."""
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
        self._pending: list[tuple[int, AnswerSummary, str, dt.datetime]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def answered(self, summary: AnswerSummary, chat_type: str) -> int | None:
        """Record an answer about to be sent (a decline is logged too): the id its rating buttons
        carry, or None for small talk, which gets no buttons and no log entry.

        The reply does not wait for the disk: answers are written together within FLUSH_DELAY
        (one commit per burst), and every read of the log flushes first. A crash loses at most
        that last burst; its buttons then say the answer is no longer known."""
        if not summary.rateable:
            return None
        return self._enqueue([summary], chat_type)[0]

    async def cards(self, summaries: Sequence[AnswerSummary], chat_type: str) -> list[int]:
        """Record the cards of one inline query: their ids, in order. Inline queries come letter by
        letter as the user types, so only answered cards reach here, never a decline."""
        if any(s.declined for s in summaries):
            raise ValueError("inline declines are not logged: a half-typed question is not a question")
        return self._enqueue(summaries, chat_type)

    def _enqueue(self, summaries: Sequence[AnswerSummary], chat_type: str) -> list[int]:
        at = self.now()
        ids = [secrets.randbits(52) + 1 for _ in summaries]  # no round trip to learn an id
        self._pending.extend((answer_id, s, chat_type, at) for answer_id, s in zip(ids, summaries, strict=True))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_soon(), name="editorial-flush")
        return ids

    async def _flush_soon(self) -> None:
        await asyncio.sleep(FLUSH_DELAY)
        await self.flush()

    async def flush(self) -> None:
        """Write the answers recorded so far, in one transaction. A storage failure is the storage
        health's to log (once per change of state, not every half-second while users ask); those
        answers' buttons later say they are no longer known."""
        while self._pending:
            batch, self._pending = self._pending, []
            try:
                await self.repo.add_answer_rows(batch)
            except (sqlite3.Error, StorageError) as exc:
                log.debug("could not record %d answers for ratings: %s", len(batch), exc)

    async def close(self) -> None:
        """Flush what is pending (at shutdown, before the database closes)."""
        if self._flusher is not None and not self._flusher.done():
            self._flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flusher
        await self.flush()

    async def rate(self, answer_id: int, user_id: int, vote: Vote) -> RatingState | None:
        """One tap on 👍 or 👎: counted once per person (by keyed hash), the same tap again withdraws
        it, the other one changes it. None when the answer is no longer known."""
        await self.flush()
        return await self.repo.toggle_rating(answer_id, rater_hash(self._key, user_id), vote, self.now())

    async def open_questions(self, page: int, per_page: int) -> QuestionPage:
        """A page of the open questions, most asked first; the page is clamped to the last one."""
        await self.flush()
        total = await self.repo.count_logged(("open",))
        pages = max(1, -(-total // per_page))
        page = min(max(page, 0), pages - 1)
        items = await self.repo.logged_questions(("open",), limit=per_page, offset=page * per_page)
        return QuestionPage(tuple(items), page, pages, total, per_page)

    async def mark_handled(self, entry_id: int) -> bool:
        await self.flush()
        return await self.repo.mark_handled(entry_id, self.now())

    async def questions(self, since: dt.date | None = None, statuses: Sequence[Status] = STATUSES) -> list[LoggedQuestion]:
        """The whole log for the offline report, every state, most asked first."""
        await self.flush()
        return await self.repo.logged_questions(statuses, since)

    async def fact_feedback(self, since: dt.date | None = None) -> list[FactRating]:
        await self.flush()
        return await self.repo.fact_ratings(since)

    async def prune(self) -> int:
        """Drop answers older than ANSWER_RETENTION that nobody rated."""
        await self.flush()
        return await self.repo.prune_answers(self.now() - ANSWER_RETENTION)

    async def recheck(self, answer: Callable[[str, str], Answer], limit: int = RECHECK_LIMIT) -> int:
        """Ask the engine again every open logged question (at most `limit`, most asked first) and
        mark the ones it now answers, with the fact that answers each; how many were marked.

        A declined question counts as answered once it gets any answer. One that was only rated 👎
        (so it did get an answer) counts once the answer leads with a fact other than those it
        showed then. The engine runs in worker threads, RECHECK_BATCH questions per hop.
        """
        await self.flush()
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
