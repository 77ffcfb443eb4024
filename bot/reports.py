"""`kzru-bot report`: the unanswered-questions log and the ratings per fact, for editors offline.

The same figures as /unanswered and /feedback, read from the bot's own SQLite file, as an
aligned table, CSV (one row per line, with a header) or one JSON array.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Final

from bot.feedback import FactRating, LoggedQuestion
from bot.store import FactStore

FORMATS: Final = ("text", "csv", "json")
QUESTION_FIELDS: Final = ("count", "declined", "rated_down", "status", "lang", "script", "first_seen", "last_seen",
                          "answered_by", "closest", "question")
FACT_FIELDS: Final = ("fact_id", "title", "up", "down", "score")

Row = Mapping[str, object]


def question_rows(entries: Sequence[LoggedQuestion]) -> list[dict[str, object]]:
    """The log as plain records: times in UTC ISO 8601, closest facts as a list of ids."""
    return [{"question": e.question, "lang": e.lang, "script": e.script, "count": e.count, "declined": e.declined,
             "rated_down": e.rated_down, "first_seen": e.first_seen.isoformat(), "last_seen": e.last_seen.isoformat(),
             "status": e.status, "answered_by": e.answered_by, "closest": list(e.closest)} for e in entries]


def fact_rows(ratings: Sequence[FactRating], store: FactStore | None, lang: str) -> list[dict[str, object]]:
    """Ratings per fact with the fact's title in `lang` (empty when the data no longer has the fact)."""
    rows: list[dict[str, object]] = []
    for rating in ratings:
        fact = store.get(rating.fact_id) if store is not None else None
        rows.append({"fact_id": rating.fact_id, "title": fact.title[lang] if fact else "", "up": rating.up,
                     "down": rating.down, "score": rating.score})
    return rows


def render(rows: Sequence[Row], fields: Sequence[str], fmt: str) -> str:
    """The rows in one of FORMATS; lists become space-separated ids in text and CSV."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    cells = [[_cell(row[f]) for f in fields] for row in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(fields)
        writer.writerows(cells)
        return out.getvalue()
    if fmt != "text":
        raise ValueError(f"unknown format {fmt!r}")
    if not rows:
        return "(nothing logged)\n"
    widths = [max(len(f), *(len(c[i]) for c in cells)) for i, f in enumerate(fields)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() for line in [list(fields), *cells]]
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(map(str, value))
    return str(value)
