#!/usr/bin/env bash
# The whole test suite, several times in a row, with every core kept busy by CPU burners.
#
# Why: no test may depend on timing or on an idle machine. A test that waits on a wall-clock
# guess instead of an event passes on an idle laptop and fails here. Usage:
#   bash benchmarks/suite_under_load.sh [runs=3] [burners=number of cores] [pytest args...]
# Prints PASS/FAIL and the duration of each run; the logs stay in a temporary folder; exits 1
# if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
burners=${2:-$(nproc)}
shift 2 2>/dev/null || shift $#
python=${PYTHON:-.venv/bin/python}
logs=$(mktemp -d "${TMPDIR:-/tmp}/suite-under-load.XXXXXX")

pids=()
stop_burners() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null
    done
    wait "${pids[@]}" 2>/dev/null
}
trap stop_burners EXIT
for _ in $(seq "$burners"); do
    "$python" -c 'while True: pass' &
    pids+=("$!")
done
echo "$burners CPU burner(s) running (pids ${pids[*]}) on $(nproc) core(s); logs in $logs"

failed=0
for run in $(seq "$runs"); do
    started=$(date +%s)
    "$python" -m pytest -q "$@" >"$logs/run$run.log" 2>&1
    status=$?
    took=$(( $(date +%s) - started ))
    summary=$(tail -n 1 "$logs/run$run.log")
    if [ "$status" -eq 0 ]; then
        echo "run $run/$runs: PASS in ${took}s: $summary"
    else
        failed=1
        echo "run $run/$runs: FAIL (exit $status) in ${took}s: $summary"
        grep -E '^(FAILED|ERROR) ' "$logs/run$run.log" | sed 's/^/    /'
    fi
done
exit "$failed"
