"""Scoring the answer engine on a question set (the tune and held-out files, `dev.yaml`).

A question's `expect` is `decline` (the reply must not answer), `smalltalk` (a reply in kind)
or a list of groups: a reply is right when it answers and its body holds at least one string of
every group (case-insensitive; an all-digit string matches a whole number only, so "17" does not
match "2017"). A `conversation` item's turns are asked in order, each leaning on the last.
Used by `benchmarks/eval_answers.py` and by the test that guards the tune set's accuracy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.engine import Answer, AnswerEngine, Turn
from bot.render_text import body_text

BODY_LIMIT = 900


def holds(body: str, needle: str) -> bool:
    if needle.isdigit():
        return re.search(rf"(?<![\d]){re.escape(needle)}(?![\d])", body) is not None
    return needle.lower() in body.lower()


def judge(answer: Answer, expect: Any) -> bool:
    """Whether one reply meets one expectation."""
    if expect == "decline":
        return not answer.answered
    if expect == "smalltalk":
        return answer.kind == "smalltalk"
    if not answer.answered or answer.kind == "smalltalk":
        return False
    body = body_text(answer)
    return all(any(holds(body, str(s)) for s in group) for group in expect)


@dataclass
class Outcome:
    """One judged question (a conversation contributes one per turn)."""

    id: str
    lang: str
    klass: str
    expect: Any
    question: str
    ok: bool
    body: str
    kind: str
    writer: str = ""


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def rate(self, which: Iterable[Outcome]) -> tuple[int, int]:
        items = list(which)
        return sum(o.ok for o in items), len(items)

    @property
    def answers(self) -> tuple[int, int]:
        return self.rate(o for o in self.outcomes if o.expect not in ("decline", "smalltalk"))

    @property
    def declines(self) -> tuple[int, int]:
        return self.rate(o for o in self.outcomes if o.expect == "decline")

    @property
    def smalltalk(self) -> tuple[int, int]:
        return self.rate(o for o in self.outcomes if o.expect == "smalltalk")

    def by(self, key: str) -> Mapping[str, tuple[int, int]]:
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for o in self.outcomes:
            groups[getattr(o, key)].append(o)
        return {k: self.rate(v) for k, v in sorted(groups.items())}

    @property
    def long_bodies(self) -> int:
        return sum(len(o.body) >= BODY_LIMIT for o in self.outcomes)


def evaluate(engine: AnswerEngine, items: Iterable[Mapping[str, Any]]) -> Report:
    """Ask every question (and every conversation, turn by turn) and judge the replies."""
    report = Report()
    for item in items:
        turns = item.get("turns") or [{"q": item["q"], "expect": item["expect"]}]
        previous: Turn | None = None
        for k, turn in enumerate(turns):
            answer = engine.answer(str(turn["q"]), previous=previous)
            previous = engine.turn(answer) or previous
            suffix = f"#{k + 1}" if len(turns) > 1 else ""
            report.outcomes.append(Outcome(
                f"{item.get('id', '?')}{suffix}", str(item.get("lang", "?")), str(item.get("class", item.get("topic", "?"))),
                turn["expect"], str(turn["q"]), judge(answer, turn["expect"]), body_text(answer), answer.kind,
                str(item.get("writer", ""))))
    return report


def percent(pair: tuple[int, int]) -> float:
    return 100.0 * pair[0] / pair[1] if pair[1] else 100.0
