"""Sending the "on this day" messages: each chat gets each local date's message at most once.

The rule that makes it safe: a delivery row is claimed (and committed) before the first send and
finished after the last. Any row but 'failed' means "served", so a crash between claim and
finish leaves the chat silent for that day instead of messaging it twice; only sends that surely
did not reach Telegram are retried. For speed, claims are committed a batch at a time (about a
twentieth of a second's sends) together with the outcomes finished since the previous batch: an
outcome not yet written leaves 'claimed', which is just as safe, and a kill silences at most
the chats claimed but not yet attempted (two batches plus the sends in flight).
Telegram itself stays behind the Sender protocol, so this module knows nothing of PTB.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import logging
import math
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bot.anniversaries import Digest, build_digest
from bot.schedule import ScheduleError, due_local_date
from bot.storage import Repository
from bot.store import FactStore
from bot.subscription import Mode, Subscription
from bot.throttle import Clock, RateLimiter, Sleep, WindowLimiter

log = logging.getLogger(__name__)

Renderer = Callable[[Subscription, Digest], Sequence[str]]
"""Turns a digest into message parts (each at most 4096 characters) in the chat's language."""

Progress = Callable[[int, int], None]
"""Called with (chats done, chats in total) as a broadcast goes on."""


class OutcomeKind(enum.Enum):
    """How one send ended, as far as retrying is concerned."""

    SENT = "sent"
    BLOCKED = "blocked"
    MIGRATED = "migrated"
    RETRY_AFTER = "retry_after"
    TRANSIENT = "transient"
    UNKNOWN = "unknown"
    BAD_REQUEST = "bad_request"


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """The result of one send: TRANSIENT means it surely did not reach Telegram, UNKNOWN that it may have."""

    kind: OutcomeKind
    new_chat_id: int | None = None
    retry_after: float = 0.0
    detail: str = ""

    @classmethod
    def sent(cls) -> SendOutcome:
        return cls(OutcomeKind.SENT)

    @classmethod
    def blocked(cls, detail: str = "") -> SendOutcome:
        return cls(OutcomeKind.BLOCKED, detail=detail)

    @classmethod
    def migrated(cls, new_chat_id: int) -> SendOutcome:
        return cls(OutcomeKind.MIGRATED, new_chat_id=new_chat_id)

    @classmethod
    def retry(cls, seconds: float) -> SendOutcome:
        return cls(OutcomeKind.RETRY_AFTER, retry_after=float(seconds))

    @classmethod
    def transient(cls, detail: str = "") -> SendOutcome:
        return cls(OutcomeKind.TRANSIENT, detail=detail)

    @classmethod
    def unknown(cls, detail: str = "") -> SendOutcome:
        return cls(OutcomeKind.UNKNOWN, detail=detail)

    @classmethod
    def bad_request(cls, detail: str = "") -> SendOutcome:
        return cls(OutcomeKind.BAD_REQUEST, detail=detail)


class Sender(Protocol):
    """Sends one text message; never raises for Telegram's answers, it classifies them."""

    async def send(self, chat_id: int, thread_id: int | None, text: str) -> SendOutcome: ...


@dataclass(slots=True)
class Summary:
    """What a run did, counted per chat (retried_429 and migrated count events)."""

    sent: int = 0
    skipped: int = 0
    blocked: int = 0
    migrated: int = 0
    failed: int = 0
    unknown: int = 0
    retried_429: int = 0


@dataclass(slots=True)
class _Attempt:
    """Where one chat's delivery stands, so an interruption knows whether the claim may go."""

    chat_id: int
    sent_parts: int = 0
    in_flight: bool = False
    in_doubt: bool = False

    @property
    def may_have_sent(self) -> bool:
        return self.sent_parts > 0 or self.in_flight or self.in_doubt


_MAX_MIGRATIONS = 2


@dataclass(slots=True, eq=False)
class _Job:
    """One chat's message for one local date, rendered before it is claimed."""

    sub: Subscription
    local_date: dt.date
    parts: list[str]
    render_failed: bool = False


@dataclass(slots=True)
class _Run:
    """One delivery run's shared state: claimed jobs for the workers, outcomes not yet written."""

    total: int
    progress: Progress | None
    summary: Summary = field(default_factory=Summary)
    queue: asyncio.Queue[_Job | None] = field(default_factory=asyncio.Queue)
    held: list[_Job] = field(default_factory=list)
    finished: list[tuple[int, dt.date, str]] = field(default_factory=list)
    done: int = 0

    def finish(self, chat_id: int, local_date: dt.date, status: str) -> None:
        """Buffer an outcome; it is written with the next claim batch or when the run ends."""
        self.finished.append((chat_id, local_date, status))

    def advance(self, chats: int) -> None:
        if chats:
            self.done += chats
            if self.progress is not None:
                self.progress(self.done, self.total)


class Broadcaster:
    """Delivers due digests to subscribers, exactly once per chat and local date.

    Sends run concurrently (at most `concurrency` chats at a time) under one global token
    bucket and, for groups, a per-chat window (Telegram allows about 20 messages a minute in
    a group). `max_runs` bounds how many runs retry a chat whose delivery failed that day.
    """

    def __init__(
        self,
        repo: Repository,
        store: FactStore,
        sender: Sender,
        render: Renderer,
        rate_per_second: float = 25.0,
        group_per_minute: int = 20,
        max_attempts: int = 5,
        backoff: float = 0.5,
        concurrency: int = 16,
        *,
        max_runs: int = 3,
        max_flood_waits: int = 10,
        claim_batch: int | None = None,
        limiter: RateLimiter | None = None,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.repo = repo
        self.store = store
        self.sender = sender
        self.render = render
        self.max_attempts = max(1, max_attempts)
        self.backoff = backoff
        self.concurrency = max(1, concurrency)
        self.max_runs = max_runs
        self.max_flood_waits = max_flood_waits
        # A twentieth of a second's sends per transaction: few disk syncs, few chats in doubt after a kill.
        self.claim_batch = max(1, claim_batch if claim_batch is not None else min(50, math.ceil(rate_per_second / 20)))
        self.limiter = limiter or RateLimiter(rate_per_second, clock=clock, sleep=sleep)
        self.groups = WindowLimiter(group_per_minute, 60.0, clock=clock, sleep=sleep)
        self._sleep = sleep

    async def run_due(self, now_utc: dt.datetime) -> Summary:
        """The minute tick: send every active subscription whose local time has come today."""
        due: dict[dt.date, list[Subscription]] = defaultdict(list)
        for sub in await self.repo.active_subscriptions():
            try:
                local_date = due_local_date(sub, now_utc)
            except ScheduleError:
                log.error("chat %s has an unusable time zone %r; skipped", sub.chat_id, sub.tz)
                continue
            if local_date is not None:
                due[local_date].append(sub)
        jobs: list[tuple[Subscription, dt.date]] = []
        for local_date, subs in due.items():
            served = await self.repo.served_chat_ids(local_date, give_up_after=self.max_runs)
            jobs.extend((sub, local_date) for sub in subs if sub.chat_id not in served)
        return await self._deliver(jobs, None)

    async def broadcast_date(self, local_date: dt.date, progress: Progress | None = None) -> Summary:
        """Send `local_date`'s message now to every active subscriber not yet served for it."""
        served = await self.repo.served_chat_ids(local_date)
        jobs = [(s, local_date) for s in await self.repo.active_subscriptions() if s.chat_id not in served]
        return await self._deliver(jobs, progress)

    async def _deliver(self, jobs: list[tuple[Subscription, dt.date]], progress: Progress | None) -> Summary:
        run = _Run(len(jobs), progress, queue=asyncio.Queue(self.claim_batch))
        digests: dict[tuple[dt.date, Mode], Digest | None] = {}
        skipped: dict[dt.date, list[int]] = defaultdict(list)
        work: list[tuple[Subscription, dt.date, Digest]] = []
        for sub, local_date in jobs:
            key = (local_date, sub.mode)
            if key not in digests:
                digests[key] = build_digest(self.store, local_date, sub.mode)
            digest = digests[key]
            if digest is None:
                skipped[local_date].append(sub.chat_id)
            else:
                work.append((sub, local_date, digest))
        for local_date, chat_ids in skipped.items():
            run.summary.skipped += await self.repo.skip_deliveries(chat_ids, local_date)
            run.advance(len(chat_ids))
        if work:
            workers = [self._worker(run) for _ in range(min(self.concurrency, len(work)))]
            try:
                await asyncio.gather(self._feed(work, run, len(workers)), *workers)
            finally:
                await self._settle(run)
        if jobs:
            log.info("delivered %s", run.summary)
        return run.summary

    async def _feed(self, work: list[tuple[Subscription, dt.date, Digest]], run: _Run, workers: int) -> None:
        """Render and claim the work a batch at a time, handing claimed chats to the workers.

        A batch is claimed (with the outcomes finished since the last one) in one transaction.
        The queue holds at most one batch, so a SIGKILL leaves at most about two batches
        claimed but never attempted: silent for the day, never sent twice.
        """
        for start in range(0, len(work), self.claim_batch):
            ready: list[_Job] = []
            for sub, local_date, digest in work[start:start + self.claim_batch]:
                try:
                    parts = [part for part in self.render(sub, digest) if part]
                    failure = False
                except Exception:
                    log.exception("rendering for chat %s on %s failed", sub.chat_id, local_date)
                    parts, failure = [], True
                ready.append(_Job(sub, local_date, parts, failure))
            finished, run.finished = run.finished, []
            claim = asyncio.ensure_future(self.repo.claim_deliveries([(j.sub.chat_id, j.local_date) for j in ready], finished))
            try:
                claimed = await asyncio.shield(claim)
            except asyncio.CancelledError:
                claimed = await claim  # the transaction runs to its end; give back what it claimed
                run.held.extend(j for j in ready if (j.sub.chat_id, j.local_date) in claimed)
                raise
            mine = [j for j in ready if (j.sub.chat_id, j.local_date) in claimed]
            run.held.extend(mine)
            run.advance(len(ready) - len(mine))
            for job in mine:
                await run.queue.put(job)
        for _ in range(workers):
            await run.queue.put(None)

    async def _worker(self, run: _Run) -> None:
        """Take a rate token first, then a claimed chat: a claimed chat waits for nothing but its send."""
        while True:
            await self.limiter.acquire()
            job = await run.queue.get()
            if job is None:
                return
            run.held.remove(job)
            try:
                await self._deliver_one(job, run)
            except Exception:
                log.exception("delivery to chat %s for %s broke off", job.sub.chat_id, job.local_date)
            run.advance(1)

    async def _deliver_one(self, job: _Job, run: _Run) -> None:
        """Send every part of a claimed job and queue its outcome; the claim goes back only if nothing went out."""
        sub, local_date, summary = job.sub, job.local_date, run.summary
        if job.render_failed or not job.parts:
            run.finish(sub.chat_id, local_date, "failed" if job.render_failed else "skipped")
            if job.render_failed:
                summary.failed += 1
            else:
                summary.skipped += 1
            return
        attempt = _Attempt(sub.chat_id)
        try:
            status = await self._send_parts(sub, local_date, job.parts, attempt, summary, token=True)
        except asyncio.CancelledError:
            if not attempt.may_have_sent:
                await self.repo.release_delivery(attempt.chat_id, local_date)
            raise
        if status is not None:
            run.finish(attempt.chat_id, local_date, status)

    async def _settle(self, run: _Run) -> None:
        """Record the outcomes still buffered, and give back claims nobody started on (after a cancel)."""
        finished, run.finished = run.finished, []
        untouched = list(run.held)
        run.held.clear()
        try:
            if finished:
                await self.repo.claim_deliveries([], finished)
            for job in untouched:
                await self.repo.release_delivery(job.sub.chat_id, job.local_date)
        except Exception:
            log.exception("could not record %d delivery outcome(s); they stay claimed (served)", len(finished))

    async def _send_parts(
        self,
        sub: Subscription,
        local_date: dt.date,
        parts: list[str],
        attempt: _Attempt,
        summary: Summary,
        token: bool = False,
    ) -> str | None:
        """Send the parts in order; the status to record, or None if the row is no longer ours.

        `token` says the caller already took the first send's rate token.
        """
        for part in parts:
            failures = 0
            flood_waits = 0
            migrations = 0
            while True:
                if token:
                    token = False
                else:
                    await self.limiter.acquire()
                if attempt.chat_id < 0:
                    await self.groups.acquire(attempt.chat_id)
                await self.limiter.wait_out_pause()
                attempt.in_flight = True
                try:
                    outcome = await self.sender.send(attempt.chat_id, sub.thread_id, part)
                except Exception as exc:
                    log.exception("sender raised for chat %s", attempt.chat_id)
                    outcome = SendOutcome.unknown(repr(exc))
                attempt.in_flight = False
                kind = outcome.kind
                if kind is OutcomeKind.SENT:
                    attempt.sent_parts += 1
                    break
                if kind is OutcomeKind.RETRY_AFTER:
                    summary.retried_429 += 1
                    flood_waits += 1
                    self.limiter.pause(outcome.retry_after)
                    if flood_waits > self.max_flood_waits:
                        return self._gave_up(attempt, summary, "flood control")
                    continue
                if kind is OutcomeKind.TRANSIENT:
                    failures += 1
                    if failures >= self.max_attempts:
                        return self._gave_up(attempt, summary, outcome.detail or "transient errors")
                    await self._sleep(self.backoff * 2 ** (failures - 1))
                    continue
                if kind is OutcomeKind.MIGRATED and outcome.new_chat_id is not None:
                    migrations += 1
                    if migrations > _MAX_MIGRATIONS:
                        return self._gave_up(attempt, summary, "migration loop")
                    moved = await self.repo.migrate_chat(attempt.chat_id, outcome.new_chat_id)
                    summary.migrated += 1
                    log.info("chat %s migrated to %s", attempt.chat_id, outcome.new_chat_id)
                    attempt.chat_id = outcome.new_chat_id
                    if local_date not in moved:
                        return None
                    continue
                if kind is OutcomeKind.BLOCKED:
                    await self.repo.set_active(attempt.chat_id, False)
                    summary.blocked += 1
                    log.info("chat %s blocked the bot; subscription deactivated", attempt.chat_id)
                    return "blocked"
                if kind is OutcomeKind.UNKNOWN:
                    attempt.in_doubt = True
                    summary.unknown += 1
                    log.warning("chat %s: send in doubt (%s); not retried", attempt.chat_id, outcome.detail)
                    return "unknown"
                return self._gave_up(attempt, summary, outcome.detail or kind.value)
        summary.sent += 1
        return "sent"

    @staticmethod
    def _gave_up(attempt: _Attempt, summary: Summary, why: str) -> str:
        """'failed' (not served, a later run may retry) unless a part already reached the chat."""
        if attempt.sent_parts:
            log.warning("chat %s got %d part(s) only: %s", attempt.chat_id, attempt.sent_parts, why)
            summary.sent += 1
            return "sent"
        log.warning("chat %s: delivery failed: %s", attempt.chat_id, why)
        summary.failed += 1
        return "failed"
