"""A delivered message as the core hands it to a Sender: text parts, buttons under the last one.

The core says what a button does in plain values (open this fact, open the chat's settings); the
Telegram side (handlers/sender.py) turns them into an inline keyboard with typed callback data.
So bot/ stays free of telegram, and every sender of a digest (the minute tick, `kzru-bot
broadcast`) makes the same buttons from the same values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.model import Lang


@dataclass(frozen=True, slots=True)
class ShowFact:
    """Open this fact's card (with its citations) in `lang`."""

    fact_id: str
    lang: Lang


@dataclass(frozen=True, slots=True)
class ShowSettings:
    """Show the chat's subscription settings, where they can be changed."""


ButtonAction = ShowFact | ShowSettings


@dataclass(frozen=True, slots=True)
class ButtonIntent:
    label: str
    action: ButtonAction


Keyboard = tuple[tuple[ButtonIntent, ...], ...]
"""Rows of buttons, top to bottom."""


@dataclass(frozen=True, slots=True)
class Part:
    """One message of a delivery: its HTML text (at most 4096 characters) and its buttons."""

    text: str
    keyboard: Keyboard = ()


def as_parts(rendered: Sequence[str | Part]) -> list[Part]:
    """A renderer's output as Parts (a plain string is a part without buttons), empty ones dropped."""
    parts = [p if isinstance(p, Part) else Part(p) for p in rendered]
    return [p for p in parts if p.text]
