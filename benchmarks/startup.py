"""Start-up of the offline CLI: wall time of `kzru-bot ask "…"` as a whole process, warm
embedding cache (the first run, not counted, warms it). Target: ≤ 2 s.

Usage: python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "When was the Baikonur lease signed?"


def run_once() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "ask", QUESTION], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    run_once()
    times = sorted(run_once() for _ in range(args.runs))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"kzru-bot ask, warm cache, {args.runs} runs: min {times[0]:.2f} s  median {statistics.median(times):.2f} s  "
          f"max {times[-1]:.2f} s  (target ≤ 2 s); peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
