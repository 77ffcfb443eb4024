"""A chat's daily subscription: the domain object that storage, scheduling and delivery share.

It lives apart from `schedule` so storage need not import the scheduling rules to hold one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from bot.model import Lang

Mode = Literal["anniversaries", "daily", "weekly"]
MODES: tuple[Mode, ...] = ("anniversaries", "daily", "weekly")


@dataclass(frozen=True, slots=True)
class Subscription:
    """One chat's "on this day" subscription: where, when, in which zone, mode and language.

    `tz` is a canonical name from schedule.parse_zone; `thread_id` is the forum topic the chat
    subscribed from, so the message lands in the same topic.
    """

    chat_id: int
    thread_id: int | None
    time: dt.time
    tz: str
    mode: Mode
    lang: Lang
    active: bool = True
    chat_type: str = "private"
