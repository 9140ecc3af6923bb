#!/usr/bin/env bash
# Smoke-test a frozen onedir bundle the way a user without Python runs it.
#   packaging/smoke-test.sh dist/kpiwizard
# The bundle is copied to a fresh folder outside the checkout and every command runs with `env -i`
# (no PYTHONPATH, no venv, no Qt variables) from a working folder outside the repository, so data
# can only come from the bundle itself. Exits non-zero on the first failure.
#
# Exports and the window are required as soon as their source exists in this checkout
# (kpiwizard/export/tracker.py, plan.py, kpiwizard/gui/app.py): what the tree has, the bundle must run.
set -uo pipefail
[ $# -eq 1 ] && [ -x "$1/kpiwizard" ] || { echo "usage: $0 DIST_DIR   (the folder holding the kpiwizard program)" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
start=$(date +%s)

work=$(mktemp -d "${TMPDIR:-/tmp}/kpiwizard-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -a "$1" "$work/bundle"
mkdir -p "$work/home" "$work/run"
cd "$work/run"
exe="$work/bundle/kpiwizard"
clean_env=(env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 TMPDIR="$work")

failures=0
passes=0
pass() { echo "ok    $*"; passes=$((passes + 1)); }
fail() { echo "FAIL  $*" >&2; failures=$((failures + 1)); }
skip() { echo "skip  $*"; }

# run EXPECTED_EXIT DESCRIPTION -- COMMAND...   (output kept in $work/out)
run() {
  local expected=$1 what=$2; shift 3
  "${clean_env[@]}" "$@" >"$work/out" 2>&1
  local status=$?
  if [ "$status" -eq "$expected" ]; then pass "$what"; return 0; fi
  fail "$what: exit $status, expected $expected"; sed 's/^/      /' "$work/out" >&2; return 1
}
has_output() { grep -q -- "$1" "$work/out" && pass "$2" || { fail "$2: '$1' not in output"; sed 's/^/      /' "$work/out" >&2; }; }
nonempty() { [ -s "$1" ] && pass "$1 written" || fail "$1 missing or empty"; }

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$repo/kpiwizard/__init__.py")
run 0 "--version" -- "$exe" --version && has_output "kpiwizard $version" "--version says $version"
run 0 "examples" -- "$exe" --lang en examples
for name in cafe pizzeria pizzeria-unrealistic b2b-ebook; do has_output "^$name" "examples lists $name"; done
run 0 "examples in Korean" -- "$exe" --lang ko examples && has_output "카페" "Korean example descriptions"

for name in cafe pizzeria pizzeria-unrealistic; do
  run 0 "example $name" -- "$exe" example "$name" "$name.kpiwiz" && nonempty "$name.kpiwiz"
done
run 2 "unknown example is bad input" -- "$exe" --lang en example nosuch x.kpiwiz
run 0 "validate cafe" -- "$exe" validate cafe.kpiwiz
run 0 "check pizzeria passes" -- "$exe" --lang en check pizzeria.kpiwiz
run 2 "check pizzeria-unrealistic fails the audit" -- "$exe" --lang en check pizzeria-unrealistic.kpiwiz
run 0 "schema" -- "$exe" schema && has_output '"properties"' "schema is JSON Schema"

# Exports: the calendar always; the tracker and the PDF once their modules exist in the tree.
args=(--ics cafe.ics)
[ -f "$repo/kpiwizard/export/tracker.py" ] && args+=(--xlsx cafe.xlsx) || skip "xlsx: kpiwizard/export/tracker.py not in this tree"
[ -f "$repo/kpiwizard/export/plan.py" ] && args+=(--pdf cafe.pdf) || skip "pdf: kpiwizard/export/plan.py not in this tree"
run 0 "export ${args[*]}" -- "$exe" export cafe.kpiwiz "${args[@]}"
nonempty cafe.ics
head -1 cafe.ics 2>/dev/null | grep -q "BEGIN:VCALENDAR" && pass "cafe.ics is a calendar" || fail "cafe.ics is not a calendar"
if [[ " ${args[*]} " == *" --xlsx "* ]]; then
  nonempty cafe.xlsx
  [ "$(head -c 4 cafe.xlsx 2>/dev/null | od -An -c | tr -d ' ')" = 'PK003004' ] && grep -aq "xl/workbook.xml" cafe.xlsx \
    && pass "cafe.xlsx is an Excel zip" || fail "cafe.xlsx is not an Excel (zip) file"
fi
if [[ " ${args[*]} " == *" --pdf "* ]]; then
  nonempty cafe.pdf
  [ "$(head -c 5 cafe.pdf 2>/dev/null)" = "%PDF-" ] && pass "cafe.pdf is a PDF" || fail "cafe.pdf is not a PDF"
  if command -v pdffonts >/dev/null; then  # the Korean plan needs the bundled font, found in the bundle
    pdffonts cafe.pdf 2>/dev/null | grep -q "NanumGothic" && pass "cafe.pdf embeds NanumGothic from the bundle" \
      || fail "cafe.pdf has no NanumGothic: $(pdffonts cafe.pdf 2>&1 | tail -n +3 | awk '{print $1}' | tr '\n' ' ')"
  fi
fi
run 2 "export of a missing file is bad input" -- "$exe" --lang en export missing.kpiwiz --ics x.ics

# The window, on a real X server: the app quits by itself once its first window is exposed.
if [ ! -f "$repo/kpiwizard/gui/app.py" ]; then
  skip "window: kpiwizard/gui/app.py not in this tree"
elif ! command -v xvfb-run >/dev/null; then
  fail "window: xvfb-run is not installed (apt-get install xvfb xauth)"
else
  run 0 "window opens under Xvfb" -- KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN=1 \
    timeout 90 xvfb-run -a -s "-screen 0 1280x800x24" "$exe" && has_output "window shown" "the app reported its window"
  # What the desktop entry and the file associations run when a .kpiwiz file is opened.
  run 0 "window opens with a plan, as a double-click does (gui FILE)" -- KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN=1 \
    timeout 90 xvfb-run -a -s "-screen 0 1280x800x24" "$exe" gui cafe.kpiwiz
fi

echo "smoke test: $(( $(date +%s) - start )) s, bundle $(du -sh "$work/bundle" | cut -f1)"
echo "smoke: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
