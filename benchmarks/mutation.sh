#!/usr/bin/env bash
# Mutation testing of kpiwizard/core with mutmut: which small changes to the core does the suite miss?
#
#   bash benchmarks/mutation.sh                         every module of kpiwizard/core
#   bash benchmarks/mutation.sh "kpiwizard.core.roi*"   one module (mutmut's name patterns)
#
#   MUTATION_BUDGET=seconds   stop after this long (default 1800); a later run resumes where it
#                             stopped, because the mutants folder is kept
#   MUTATION_JOBS=n           parallel test processes (default 2; this machine has 2 cores, so
#                             run it when nobody else is running tests)
#   MUTATION_FRESH=1          forget earlier results (after the core or its tests changed)
#
# It works in a copy of the tree (build/mutation/tree: the tracked files, as they are now), so the
# working tree never holds mutated code. The configuration is [tool.mutmut] in pyproject.toml; the
# method, the last figures and why each surviving mutant is equivalent: docs/mutation.md.
# Prints the surviving mutants, then per module the count of mutants by outcome, the survivors that
# change only a message's wording apart from the rest, and the survival rate; the survivors' diffs
# are written to build/mutation/survivors.txt (benchmarks/mutation_survivors.py).
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
python=${PYTHON:-$repo/.venv/bin/python}
mutmut="$(dirname "$python")/mutmut"
budget=${MUTATION_BUDGET:-1800}
jobs=${MUTATION_JOBS:-2}
out=$repo/build/mutation
tree=$out/tree

if [ ! -x "$mutmut" ]; then
  echo "mutation: mutmut is not installed: .venv/bin/python -m pip install -c constraints.txt -e '.[mutation]'" >&2
  exit 2
fi

[ "${MUTATION_FRESH:-0}" = 1 ] && rm -rf "$tree"
mkdir -p "$tree"
# The working tree's files (tracked, and new ones not ignored); mutmut's own folder (mutants/) stays.
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$tree"

cd "$tree"
export QT_QPA_PLATFORM=offscreen
echo "mutation: mutmut over kpiwizard/core ${*:-(every module)}, ${jobs} jobs, at most ${budget} s"
start=$SECONDS
timeout --kill-after=30 "$budget" "$mutmut" run --max-children "$jobs" "$@" >"$out/run.log" 2>&1
status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "mutation: stopped after its ${budget} s budget; run again to go on (results so far below)"
elif [ "$status" -ne 0 ]; then
  echo "mutation: mutmut failed (exit $status); the end of its log:"
  tr '\r' '\n' <"$out/run.log" | grep -v '^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]' | tail -20
fi
echo "mutation: $((SECONDS - start)) s"

"$mutmut" results --all true 2>/dev/null | grep -E '^ *kpiwizard\.core\.' >"$out/results.txt"
# Only the modules asked for (mutmut lists every mutant it generated, checked or not).
if [ "$#" -gt 0 ]; then
  patterns=()
  for p in "$@"; do patterns+=(-e "^ *${p//\*/.*}"); done
  grep "${patterns[@]}" "$out/results.txt" >"$out/selected.txt" || true
else
  cp "$out/results.txt" "$out/selected.txt"
fi
grep -E '^ *kpiwizard\.core\..*: (survived|no tests)$' "$out/selected.txt" | sed 's/^ */  /' | head -200
# Per module, survivors that change only a message's wording apart from the rest, with their diffs.
"$python" "$repo/benchmarks/mutation_survivors.py" "$tree" "$out/selected.txt" "$out/survivors.txt" \
  | sed 's/^/mutation: /'
echo "mutation: diffs of the survivors in ${out#"$repo"/}/survivors.txt"
exit 0
