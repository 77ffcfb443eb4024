"""Sending the "on this day" messages: each chat gets each local date's message at most once.

The rule that makes it safe: a delivery row is claimed (and committed) before the first send and
finished after the last. Any row but 'failed' means "served", so a crash between claim and
finish leaves the chat silent for that day instead of messaging it twice; only sends that surely
did not reach Telegram are retried (bot/outcomes.py says which).

The claim is the send's durable intent: it is committed just before the chat's first request
goes out, not ahead of time, so after a SIGKILL the rows left 'claimed' are the chats whose
request may really have left (a few at most: the sends in flight), and the rerun serves every
other chat. Claims are group-committed (every worker about to send waits for the same
transaction, which also writes the outcomes finished since the last one), so one disk sync
serves many sends and the rate holds. A cancelled run (SIGTERM) stops every worker, then gives
back each claim whose request never started and writes the outcomes it knows.
Telegram itself stays behind the Sender protocol, so this module knows nothing of PTB.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bot.anniversaries import Digest, build_digest
from bot.health import storage_failure
from bot.outcomes import Decision, OutcomeKind, RetryPolicy, SendOutcome, Step, Tries
from bot.outgoing import Keyboard, Part, as_parts
from bot.schedule import ScheduleError, fire_instant, local_today, zone
from bot.storage import Repository
from bot.store import FactStore
from bot.subscription import Mode, Subscription
from bot.throttle import Clock, RateLimiter, Sleep, WindowLimiter

__all__ = ["Broadcaster", "OutcomeKind", "Progress", "Renderer", "RetryPolicy", "SendOutcome", "Sender", "Summary",
           "due_dates"]

log = logging.getLogger(__name__)

Renderer = Callable[[Subscription, Digest], Sequence[str | Part]]
"""Turns a digest into message parts (each at most 4096 characters) in the chat's language; a Part
also carries the buttons to show under it (bot/outgoing.py)."""

Progress = Callable[[int, int], None]
"""Called with (chats done, chats in total) as a broadcast goes on."""


class Sender(Protocol):
    """Sends one text message, with `keyboard`'s buttons under it when it has any; never raises for
    Telegram's answers, it classifies them. A part without buttons is sent as `send(chat, thread, text)`."""

    async def send(self, chat_id: int, thread_id: int | None, text: str, keyboard: Keyboard = ()) -> SendOutcome: ...


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


def due_dates(sub: Subscription, now_utc: dt.datetime, previous_utc: dt.datetime | None) -> list[dt.date]:
    """The chat's local dates whose message is due at `now_utc`, the previous tick being at `previous_utc`.

    Today's, once its time has come (a bot started late catches up the same local day). And the
    local date just passed, when its time fell between the previous tick and this one: a wall
    clock that jumped forward over midnight must not make the chat lose its day. Decided from
    the wall clock alone; a clock stepped back finds those dates served and sends nothing again.
    """
    tz = zone(sub.tz)
    today = local_today(sub.tz, now_utc)
    dates = [today] if fire_instant(today, sub.time, tz) <= now_utc else []
    if previous_utc is not None:
        before = local_today(sub.tz, previous_utc)
        if before == today - dt.timedelta(days=1) and previous_utc < fire_instant(before, sub.time, tz) <= now_utc:
            dates.append(before)
    return dates


@dataclass(slots=True, eq=False)
class _Attempt:
    """Where one chat's delivery stands, so an interruption knows whether its claim may go back."""

    chat_id: int
    local_date: dt.date
    claimed: bool = False
    sent_parts: int = 0
    in_flight: bool = False
    in_doubt: bool = False

    @property
    def may_have_sent(self) -> bool:
        return self.sent_parts > 0 or self.in_flight or self.in_doubt


class _IntentLog:
    """Claims (the intents to send) and outcomes, group-committed: one transaction for every worker
    about to send, carrying the outcomes finished since the last one."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.open: set[_Attempt] = set()
        """Claimed attempts without an outcome yet: what a cancelled run must settle."""
        self._waiting: list[tuple[_Attempt, asyncio.Future[bool]]] = []
        self._finished: list[tuple[int, dt.date, str]] = []
        self._committing: asyncio.Task[None] | None = None

    async def claim(self, attempt: _Attempt) -> bool:
        """Commit the intent to send `attempt`'s chat its message; False if another run has it."""
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiting.append((attempt, future))
        if self._committing is None or self._committing.done():
            self._committing = asyncio.create_task(self._commit(), name="delivery-intents")
        return await future

    def finish(self, attempt: _Attempt, status: str) -> None:
        """Buffer an outcome; it is written with the next claims or when the run ends."""
        self.open.discard(attempt)
        self._finished.append((attempt.chat_id, attempt.local_date, status))

    def forget(self, attempt: _Attempt) -> None:
        """The attempt's row is no longer ours: nothing to record, nothing to give back."""
        self.open.discard(attempt)

    async def _commit(self) -> None:
        """Commit whatever is waiting, again and again while more arrives during a commit.

        Never cancelled: a claim transaction runs to its end, and its result is recorded even
        if the worker that asked has gone, so the settlement can give the claim back.
        """
        while self._waiting:
            batch, self._waiting = self._waiting, []
            finished, self._finished = self._finished, []
            try:
                claimed = await self.repo.claim_deliveries([(a.chat_id, a.local_date) for a, _ in batch], finished)
            except Exception as exc:  # noqa: BLE001 - each waiting worker gets the error (and logs it)
                log.error("could not record %d intent(s) and %d outcome(s): %s", len(batch), len(finished), exc)
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for attempt, future in batch:
                ours = (attempt.chat_id, attempt.local_date) in claimed
                if ours:
                    attempt.claimed = True
                    self.open.add(attempt)
                if not future.done():
                    future.set_result(ours)

    async def settle(self, interrupted: bool = False) -> None:
        """After the workers stopped: write the outcomes still buffered and give back every claim
        whose request never started (a send that may have left stays claimed: served)."""
        if self._committing is not None:
            await asyncio.wait([self._committing])
        finished, self._finished = self._finished, []
        untouched = [(a.chat_id, a.local_date) for a in self.open if not a.may_have_sent]
        in_doubt = len(self.open) - len(untouched)
        self.open.clear()
        try:
            if finished:
                await self.repo.claim_deliveries([], finished)
            for chat_id, local_date in untouched:  # at most one per worker
                await self.repo.release_delivery(chat_id, local_date)
        except Exception:
            log.exception("could not record %d outcome(s) or give back %d claim(s); they stay claimed (served)",
                          len(finished), len(untouched))
            return
        if interrupted or untouched or in_doubt:
            log.info("stopped mid-delivery: %d claim(s) given back, %d send(s) in doubt stay claimed",
                     len(untouched), in_doubt)


@dataclass(slots=True)
class _Run:
    """One delivery run's shared state: the work left, the intent log, the counts."""

    work: Iterator[tuple[Subscription, dt.date, Digest]]
    intents: _IntentLog
    total: int
    progress: Progress | None
    summary: Summary = field(default_factory=Summary)
    done: int = 0

    def advance(self, chats: int) -> None:
        if chats:
            self.done += chats
            if self.progress is not None:
                self.progress(self.done, self.total)


class Broadcaster:
    """Delivers due digests to subscribers, exactly once per chat and local date.

    Sends run concurrently (at most `concurrency` chats at a time) under one global token
    bucket and, for groups, a per-chat window (Telegram allows about 20 messages a minute in
    a group). `max_runs` bounds how many runs retry a chat whose delivery failed that day;
    `retry` how one part is retried within a run.
    """

    def __init__(
        self,
        repo: Repository,
        store: FactStore,
        sender: Sender,
        render: Renderer,
        rate_per_second: float = 25.0,
        group_per_minute: int = 20,
        concurrency: int = 16,
        *,
        retry: RetryPolicy | None = None,
        max_runs: int = 3,
        limiter: RateLimiter | None = None,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.repo = repo
        self.store = store
        self.sender = sender
        self.render = render
        self.retry = retry or RetryPolicy()
        self.concurrency = max(1, concurrency)
        self.max_runs = max_runs
        self.limiter = limiter or RateLimiter(rate_per_second, clock=clock, sleep=sleep)
        self.groups = WindowLimiter(group_per_minute, 60.0, clock=clock, sleep=sleep)
        self._sleep = sleep
        self._previous_tick: dt.datetime | None = None

    async def run_due(self, now_utc: dt.datetime) -> Summary:
        """The minute tick: send every active subscription whose local time has come (due_dates)."""
        previous, self._previous_tick = self._previous_tick, now_utc
        due: dict[dt.date, list[Subscription]] = defaultdict(list)
        for sub in await self.repo.active_subscriptions():
            try:
                dates = due_dates(sub, now_utc, previous)
            except ScheduleError:
                log.error("chat %s has an unusable time zone %r; skipped", sub.chat_id, sub.tz)
                continue
            for local_date in dates:
                due[local_date].append(sub)
        jobs: list[tuple[Subscription, dt.date]] = []
        for local_date, subs in sorted(due.items()):
            served = await self.repo.served_chat_ids(local_date, give_up_after=self.max_runs)
            jobs.extend((sub, local_date) for sub in subs if sub.chat_id not in served)
        return await self._deliver(jobs, None)

    async def broadcast_date(self, local_date: dt.date, progress: Progress | None = None) -> Summary:
        """Send `local_date`'s message now to every active subscriber not yet served for it."""
        served = await self.repo.served_chat_ids(local_date)
        jobs = [(s, local_date) for s in await self.repo.active_subscriptions() if s.chat_id not in served]
        return await self._deliver(jobs, progress)

    async def _deliver(self, jobs: list[tuple[Subscription, dt.date]], progress: Progress | None) -> Summary:
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
        run = _Run(iter(work), _IntentLog(self.repo), len(jobs), progress)
        for local_date, chat_ids in skipped.items():
            run.summary.skipped += await self.repo.skip_deliveries(chat_ids, local_date)
            run.advance(len(chat_ids))
        if work:
            workers = [asyncio.create_task(self._worker(run)) for _ in range(min(self.concurrency, len(work)))]
            interrupted = True
            try:
                await asyncio.gather(*workers)
                interrupted = False
            finally:
                # gather returns at the first cancelled worker: wait until every one has stopped
                # sending, so no claim is settled while its worker may still use it.
                for worker in workers:
                    worker.cancel()
                await asyncio.wait(workers)
                await run.intents.settle(interrupted)
        if jobs:
            log.info("delivered %s", run.summary)
        return run.summary

    async def _worker(self, run: _Run) -> None:
        """Deliver jobs one after another until none is left (the iterator is shared by all workers)."""
        for sub, local_date, digest in run.work:
            attempt = _Attempt(sub.chat_id, local_date)
            try:
                await self._deliver_one(sub, digest, attempt, run)
            except Exception as exc:
                if not storage_failure(exc):
                    log.exception("delivery to chat %s for %s broke off", attempt.chat_id, local_date)
                # else the storage health (bot/health.py) has logged the cause, once per change of state
            run.advance(1)

    async def _deliver_one(self, sub: Subscription, digest: Digest, attempt: _Attempt, run: _Run) -> None:
        """Render, then send every part; the outcome goes to the intent log (none if the chat is not ours)."""
        summary = run.summary
        try:
            parts = as_parts(self.render(sub, digest))
        except Exception:
            log.exception("rendering for chat %s on %s failed", sub.chat_id, attempt.local_date)
            if await run.intents.claim(attempt):
                summary.failed += 1
                run.intents.finish(attempt, "failed")
            return
        if not parts:
            if await run.intents.claim(attempt):
                summary.skipped += 1
                run.intents.finish(attempt, "skipped")
            return
        status = await self._send_parts(sub, parts, attempt, run)
        if status is not None:
            run.intents.finish(attempt, status)

    async def _send_parts(self, sub: Subscription, parts: list[Part], attempt: _Attempt, run: _Run) -> str | None:
        """Send the parts in order: a state machine over each send's outcome, the retry policy
        deciding the next step. The status to record, or None if the row is not (or no longer) ours."""
        summary = run.summary
        for part in parts:
            tries = Tries()
            while True:
                await self._wait_turn(attempt.chat_id)
                if not attempt.claimed and not await run.intents.claim(attempt):
                    return None  # another run has this chat for the day
                outcome = await self._send(sub, part, attempt)
                decision = self.retry.decide(outcome, tries)
                if decision.step is Step.NEXT_PART:
                    attempt.sent_parts += 1
                    break
                if decision.step is Step.PAUSE:
                    summary.retried_429 += 1
                    self.limiter.pause(decision.wait)
                elif decision.step is Step.BACKOFF:
                    await self._sleep(decision.wait)
                elif decision.step is Step.MOVE:
                    if not await self._move(attempt, decision, summary):
                        run.intents.forget(attempt)  # the row under the new id is another run's
                        return None
                elif decision.step is Step.END:
                    return await self._end(attempt, decision, summary)
                else:
                    if outcome.kind is OutcomeKind.RETRY_AFTER:
                        summary.retried_429 += 1
                    return self._gave_up(attempt, summary, decision.why)
        summary.sent += 1
        return "sent"

    async def _wait_turn(self, chat_id: int) -> None:
        """A global rate token, a group's window, the end of any flood-control pause."""
        await self.limiter.acquire()
        if chat_id < 0:
            await self.groups.acquire(chat_id)
        await self.limiter.wait_out_pause()

    async def _send(self, sub: Subscription, part: Part, attempt: _Attempt) -> SendOutcome:
        """One request; a cancellation leaves the attempt in flight (the request may have left)."""
        attempt.in_flight = True
        try:
            if part.keyboard:
                outcome = await self.sender.send(attempt.chat_id, sub.thread_id, part.text, part.keyboard)
            else:
                outcome = await self.sender.send(attempt.chat_id, sub.thread_id, part.text)
        except Exception as exc:
            log.exception("sender raised for chat %s", attempt.chat_id)
            outcome = SendOutcome.unknown(repr(exc))
        attempt.in_flight = False
        return outcome

    async def _move(self, attempt: _Attempt, decision: Decision, summary: Summary) -> bool:
        """Follow a group to its new id; False if the new chat was already served that day."""
        assert decision.new_chat_id is not None
        moved = await self.repo.migrate_chat(attempt.chat_id, decision.new_chat_id)
        summary.migrated += 1
        log.info("chat %s migrated to %s", attempt.chat_id, decision.new_chat_id)
        attempt.chat_id = decision.new_chat_id
        return attempt.local_date in moved

    async def _end(self, attempt: _Attempt, decision: Decision, summary: Summary) -> str:
        if decision.status == "blocked":
            await self.repo.set_active(attempt.chat_id, False)
            summary.blocked += 1
            log.info("chat %s blocked the bot; subscription deactivated", attempt.chat_id)
        else:
            attempt.in_doubt = True
            summary.unknown += 1
            log.warning("chat %s: send in doubt (%s); not retried", attempt.chat_id, decision.why)
        return decision.status

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
