"""How one send ended, and the retry policy that says what to do next: pure rules, no I/O.

Why a named policy: whether a failed send may be tried again is the whole of exactly-once
delivery. Only a send that surely did not reach Telegram is repeated (TRANSIENT, with backoff),
a 429 after the pause Telegram asks for, a migrated group at its new id; a send in doubt
(UNKNOWN) never is: a missing message is better than a duplicate one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


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


class Step(enum.Enum):
    """What the sender does after one outcome."""

    NEXT_PART = "next_part"  # this part went out
    PAUSE = "pause"  # flood control: everyone waits `wait` seconds, then this part again
    BACKOFF = "backoff"  # surely not sent: wait `wait` seconds, then this part again
    MOVE = "move"  # the group became a supergroup: this part again, to `new_chat_id`
    END = "end"  # the chat's delivery ends with `status` (blocked, or in doubt)
    GIVE_UP = "give_up"  # too many failures: 'failed' unless a part already went out


@dataclass(frozen=True, slots=True)
class Decision:
    step: Step
    wait: float = 0.0
    status: str = ""
    new_chat_id: int | None = None
    why: str = ""


@dataclass(slots=True)
class Tries:
    """The failures met while sending one part: what the policy's limits count."""

    transient: int = 0
    flood_waits: int = 0
    migrations: int = 0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """The limits of retrying one part: `max_attempts` transient failures (backoff doubling from
    `backoff` seconds), `max_flood_waits` 429s, `max_migrations` moves (a loop of them is a bug)."""

    max_attempts: int = 5
    backoff: float = 0.5
    max_flood_waits: int = 10
    max_migrations: int = 2

    def decide(self, outcome: SendOutcome, tries: Tries) -> Decision:
        """The next step after `outcome`; counts the failure in `tries`."""
        kind = outcome.kind
        if kind is OutcomeKind.SENT:
            return Decision(Step.NEXT_PART)
        if kind is OutcomeKind.RETRY_AFTER:
            tries.flood_waits += 1
            if tries.flood_waits > self.max_flood_waits:
                return Decision(Step.GIVE_UP, why="flood control")
            return Decision(Step.PAUSE, wait=outcome.retry_after)
        if kind is OutcomeKind.TRANSIENT:
            tries.transient += 1
            if tries.transient >= max(1, self.max_attempts):
                return Decision(Step.GIVE_UP, why=outcome.detail or "transient errors")
            return Decision(Step.BACKOFF, wait=self.backoff * 2 ** (tries.transient - 1))
        if kind is OutcomeKind.MIGRATED and outcome.new_chat_id is not None:
            tries.migrations += 1
            if tries.migrations > self.max_migrations:
                return Decision(Step.GIVE_UP, why="migration loop")
            return Decision(Step.MOVE, new_chat_id=outcome.new_chat_id)
        if kind is OutcomeKind.BLOCKED:
            return Decision(Step.END, status="blocked", why=outcome.detail)
        if kind is OutcomeKind.UNKNOWN:
            return Decision(Step.END, status="unknown", why=outcome.detail)
        return Decision(Step.GIVE_UP, why=outcome.detail or kind.value)
