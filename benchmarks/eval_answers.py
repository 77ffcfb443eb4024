"""Answer accuracy per language and overall, and decline accuracy, on a question set.

Usage: python benchmarks/eval_answers.py [QUESTIONS.yaml ...]   (default: tests/eval/questions.yaml
and ../shared/eval/dev.yaml when present)

A question's `expect` is either `decline` or a list of groups; a reply is right when its body
holds at least one string of every group (case-insensitive; an all-digit string matches a whole
number only, so "17" does not match "2017").
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import AnswerEngine  # noqa: E402
from bot.loader import default_data_dir, load_store  # noqa: E402
from bot.render_text import body_text  # noqa: E402


def holds(body: str, needle: str) -> bool:
    if needle.isdigit():
        return re.search(rf"(?<![\d]){re.escape(needle)}(?![\d])", body) is not None
    return needle.lower() in body.lower()


def judge(engine: AnswerEngine, item: dict[str, Any]) -> tuple[bool, str]:
    answer = engine.answer(str(item["q"]))
    body = body_text(answer)
    expect = item["expect"]
    if expect == "decline":
        return (not answer.answered), body
    if not answer.answered:
        return False, body
    return all(any(holds(body, str(s)) for s in group) for group in expect), body


def evaluate(engine: AnswerEngine, path: Path, verbose: bool = True) -> dict[str, float]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    per_lang: dict[str, list[bool]] = defaultdict(list)
    declines: list[bool] = []
    failures: list[str] = []
    for item in items:
        ok, body = judge(engine, item)
        if item["expect"] == "decline":
            declines.append(ok)
        else:
            per_lang[str(item.get("lang", "?"))].append(ok)
        if not ok:
            failures.append(f"  {item.get('id', '?')} [{item.get('lang')}] {item['q']}\n"
                            f"      want: {item['expect'] if item['expect'] == 'decline' else item.get('note', item['expect'])}\n"
                            f"      got:  {body.replace(chr(10), ' | ')[:300]}")
    answered = [ok for oks in per_lang.values() for ok in oks]
    print(f"== {path} ({len(items)} questions)")
    for lang in sorted(per_lang):
        oks = per_lang[lang]
        print(f"  {lang:8s} {sum(oks):4d}/{len(oks):<4d} {100 * sum(oks) / len(oks):5.1f}%")
    acc = 100 * sum(answered) / max(len(answered), 1)
    dec = 100 * sum(declines) / max(len(declines), 1)
    print(f"  answers  {sum(answered):4d}/{len(answered):<4d} {acc:5.1f}%")
    print(f"  declines {sum(declines):4d}/{len(declines):<4d} {dec:5.1f}%")
    if failures and verbose:
        print(f"  failures ({len(failures)}):")
        print("\n".join(failures))
    return {"answers": acc, "declines": dec}


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("-")]
    if not paths:
        paths = [ROOT / "tests" / "eval" / "questions.yaml"]
        dev = ROOT.parent / "shared" / "eval" / "dev.yaml"
        if dev.is_file():
            paths.append(dev)
    engine = AnswerEngine(load_store(default_data_dir()))
    for path in paths:
        if path.is_file():
            evaluate(engine, path, verbose="-q" not in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
