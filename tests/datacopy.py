"""Damaged copies of data/ for the loader's tests (unit/test_loader.py) and `kzru-bot data check`
(e2e/test_loader_cli.py).

Every damage is a plain text edit of a copy of data/ in tmp_path; the line a problem is expected on
is computed from the edited text, never hard-coded, so the tests keep working when the data grows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.loader import default_data_dir

# A fact with a plain day date and one cite, used as the usual damage site.
METAL = "tr-metallurgy-agreement-1992"


def copy_data(tmp_path: Path, *files: str) -> Path:
    """A copy of real data files (sources.yaml plus `files`) in tmp_path, free to damage.

    Only the files a test needs are copied: PyYAML's pure-Python composer takes ~0.35 s for the
    whole folder but ~0.05 s for sources.yaml + treaties.yaml, and this suite must stay fast.
    """
    dst = tmp_path / "data"
    dst.mkdir()
    for name in ("sources.yaml", *files):
        shutil.copy2(default_data_dir() / name, dst / name)
    return dst


def line_of(text: str, index: int) -> int:
    """1-based line number of the character at index."""
    return text.count("\n", 0, index) + 1


def fact_start(text: str, fact_id: str) -> int:
    marker = f"  - id: {fact_id}\n"
    assert text.count(marker) == 1, f"{fact_id} must be defined once"
    return text.index(marker)


def edit(path: Path, fact_id: str, old: str, new: str) -> int:
    """Replace the first `old` inside fact `fact_id` by `new`; return the line the edit starts on."""
    text = path.read_text(encoding="utf-8")
    start = fact_start(text, fact_id)
    nxt = text.find("\n  - id: ", start + 1)
    end = len(text) if nxt == -1 else nxt
    i = text.find(old, start, end)
    assert i != -1, f"{old!r} not found in {fact_id}"
    path.write_text(text[:i] + new + text[i + len(old):], encoding="utf-8")
    return line_of(text, i)


def damage_two_files(data_dir: Path) -> tuple[str, str]:
    """A bad date in treaties.yaml and an unknown key in visits.yaml: (prefix, exact problem)."""
    treaties, visits = data_dir / "treaties.yaml", data_dir / "visits.yaml"
    bad_date = edit(treaties, METAL, 'date: "1992-07-23"', 'date: "1992-13-40"')
    unknown_key = edit(visits, "vi-almaty-delegations-1992", "    kind: visit\n",
                       "    colour: red\n    kind: visit\n")
    return f"{treaties}:{bad_date}: fact.date: ", f"{visits}:{unknown_key}: fact: unknown key 'colour'"
