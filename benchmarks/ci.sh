#!/usr/bin/env bash
# The benchmarks CI prints after the suite: start-up and export against their floors, and the
# 200-KPI x 3-year scale figures of the tracker and the PDF plan.
#
#   bash benchmarks/ci.sh            (BENCH_BUDGET=seconds per benchmark, default 240)
#
# Timings are reported, never judged here: this script always exits 0, and a benchmark that fails
# or runs out of time says so in one line. CI has no display, so one Xvfb server is started for
# the start-up benchmark (and stopped at the end).
set -uo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
budget=${BENCH_BUDGET:-240}

xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; wait 2>/dev/null; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null 2>&1; then
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
  xvfb_pid=$!
  read -r -t 30 number <"$fifo" && export DISPLAY=":$number"
  rm -f "$fifo"
fi

bench() {
  local title=$1; shift
  echo
  echo "== benchmark: $title"
  local start=$SECONDS
  timeout --kill-after=10 "$budget" "$python" "$@"
  local status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "benchmark '$title': stopped after its ${budget} s budget (no figure)"
  elif [ "$status" -ne 0 ]; then
    echo "benchmark '$title': failed with exit code $status (no figure)"
  fi
  echo "   ($((SECONDS - start)) s)"
}

echo "Benchmarks (reported, not judged; each in at most ${budget} s; load average $(cut -d' ' -f1-3 /proc/loadavg))"
bench "start-up: first window vs a bare QWizard" benchmarks/bench_startup.py --runs 5
bench "export of the café plan vs the libraries' floor" benchmarks/bench_export.py --runs 5
bench "tracker at 1 to 200 KPIs x 3 years weekly" benchmarks/bench_tracker.py
bench "PDF plan at 1 to 200 KPIs x 3 years weekly" benchmarks/bench_plan.py
exit 0
