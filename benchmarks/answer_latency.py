"""p50/p99 time per question over the real store and over a synthetic store of 100,000 facts.

Usage: python benchmarks/answer_latency.py [--facts 100000] [--questions 2000]
Targets, semantic signal on, real store: first sight of a question p99 ≤ 50 ms, repeated p99 ≤ 5 ms.
The synthetic store is measured with the lexical index alone (embedding 100,000 facts would take
hours on this machine).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from bot.engine import AnswerEngine  # noqa: E402
from bot.engine.semantic import Embedder  # noqa: E402
from bot.loader import default_data_dir, load_store  # noqa: E402
from bot.model import Fact, PartialDate  # noqa: E402
from bot.store import FactStore  # noqa: E402


def questions() -> list[str]:
    out: list[str] = []
    for path in (ROOT / "tests" / "eval" / "tune.yaml", ROOT / "tests" / "eval" / "questions.yaml",
                 ROOT.parent / "shared" / "eval" / "dev.yaml"):
        if path.is_file():
            for item in yaml.safe_load(path.read_text(encoding="utf-8")):
                out.extend(str(turn["q"]) for turn in item.get("turns") or [item])
    return out


def synthetic(store: FactStore, n: int, seed: int = 7) -> FactStore:
    """n facts made by shuffling real facts' words and dates, so vocabulary and lengths stay realistic."""
    rng = random.Random(seed)
    base = list(store.facts)
    words = {lang: [w for f in base for w in f.text[lang].split()] for lang in ("kk", "ru", "en")}
    facts: list[Fact] = []
    for i in range(n):
        src = base[i % len(base)]
        text = {lang: " ".join(rng.sample(words[lang], 25)) for lang in words}
        title = {lang: " ".join(rng.sample(words[lang], 6)) for lang in words}
        year = rng.randint(1990, 2024)
        facts.append(dataclasses.replace(src, id=f"syn-{i}", title=title, text=text,
                                         date=PartialDate(year, rng.randint(1, 12), rng.randint(1, 28)),
                                         start=None, end=None, claims=()))
    return FactStore(facts, store.sources.values())


class TimedModel:
    """The engine's embedder, counting the query texts it embeds and the CPU each took (a batch's CPU
    shared by its texts; the model's thread count is 1 by default, so the calling thread's CPU time is
    the call's, even while a two-part question's texts are embedded side by side)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.cpu_ms: list[float] = []

    def query(self, texts: str | list[str]) -> np.ndarray:
        t0 = time.thread_time()
        vector = self.inner.query(texts)
        n = 1 if isinstance(texts, str) else len(texts)
        self.cpu_ms.extend([(time.thread_time() - t0) * 1000 / n] * n)  # a batch's CPU shared by its texts
        return vector

    def passage(self, texts: list[str]) -> np.ndarray:
        return self.inner.passage(texts)


def measure(engine: AnswerEngine, qs: list[str]) -> tuple[float, float, float]:
    times: list[float] = []
    for q in qs:
        t0 = time.perf_counter()
        engine.answer(q)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.99 * (len(times) - 1))], max(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--questions", type=int, default=2000)
    a = ap.parse_args()
    store = load_store(default_data_dir())
    qs = questions()
    rng = random.Random(1)
    sample = [rng.choice(qs) for _ in range(a.questions)]
    t0 = time.perf_counter()
    engine = AnswerEngine(store)
    semantic = "on" if engine.semantic is not None else "off"
    print(f"real store: {len(store)} facts, semantic signal {semantic}, "
          f"engine built in {(time.perf_counter() - t0) * 1000:.0f} ms (embedding cache warm)")
    measure(engine, sample[:50])
    fresh = AnswerEngine(store)
    calls: TimedModel | None = None
    if fresh.semantic is not None:
        calls = fresh.semantic.model = TimedModel(fresh.semantic.model)
    distinct = list(dict.fromkeys(qs))
    p50, p99, worst = measure(fresh, distinct)
    print(f"  first sight ({len(distinct)} distinct questions once each, fresh engine): p50 {p50:.2f} ms  p99 {p99:.2f} ms"
          f"  max {worst:.2f} ms  (target p99 ≤ 50 ms)")
    if calls is not None and calls.cpu_ms:
        print(f"  the model was asked for {len(calls.cpu_ms)} of them ({100 * len(calls.cpu_ms) / len(distinct):.0f}%),"
              f" {statistics.mean(calls.cpu_ms):.1f} ms of CPU per text")
    measure(engine, sample)
    p50, p99, worst = measure(engine, sample)
    print(f"  repeated questions: p50 {p50:.2f} ms  p99 {p99:.2f} ms  max {worst:.2f} ms  (target p99 ≤ 5 ms)")
    big = synthetic(store, a.facts)
    t0 = time.perf_counter()
    engine = AnswerEngine(big, model=None)
    print(f"synthetic store: {len(big)} facts, lexical index only, built in {time.perf_counter() - t0:.1f} s")
    p50, p99, worst = measure(engine, sample[: max(200, a.questions // 4)])
    print(f"  per question: p50 {p50:.2f} ms  p99 {p99:.2f} ms  max {worst:.2f} ms  (target p99 ≤ 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
