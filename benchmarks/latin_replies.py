"""How many Latin-script Kazakh replies the judge counts wrong only for their script.

A Latin-script question gets a Latin-script reply ("2024 jylğy şıldede"); where a writer listed only the
Cyrillic and English forms of a word ("шілде", "July"), the judge, which reads a reply as written, counts
it wrong. This prints, per file, the kk-latn replies that answered and were judged wrong, and how many of
them hold every expected string once read in Cyrillic as well. Counts only, never the items: it may be
run on the held-out file. The reported accuracy stays the judge's own.

Usage: python benchmarks/latin_replies.py FILE.yaml [...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import AnswerEngine  # noqa: E402
from bot.evaluation import evaluate, holds  # noqa: E402
from bot.loader import default_data_dir, load_store  # noqa: E402
from bot.script import to_cyrillic  # noqa: E402


def main(paths: list[str]) -> None:
    engine = AnswerEngine(load_store(default_data_dir()), progress=False)
    for path in paths:
        items = [it for it in yaml.safe_load(Path(path).read_text(encoding="utf-8")) if it.get("lang") == "kk-latn"]
        wrong = [o for o in evaluate(engine, items).outcomes
                 if not o.ok and isinstance(o.expect, list) and o.kind not in ("decline", "smalltalk")]
        script_only = sum(1 for o in wrong
                          if all(any(holds(o.body, str(s)) or holds(to_cyrillic(o.body), str(s)) for s in group)
                                 for group in o.expect))
        print(f"{path}: kk-latn replies answered but judged wrong {len(wrong)}; right once read in Cyrillic {script_only}")


if __name__ == "__main__":
    main(sys.argv[1:])
