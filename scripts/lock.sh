#!/usr/bin/env bash
# Refresh constraints.txt, the exact versions that CI and scripts/setup.sh install.
#
#   scripts/lock.sh                 settle what pyproject.toml's ranges changed, keep every other pin
#   scripts/lock.sh --upgrade       move every package to the newest version the ranges allow
#   scripts/lock.sh --upgrade-package NAME   move one package (repeatable)
#
# pyproject.toml keeps the ranges users install from; constraints.txt pins one tested set of them.
# It changes only when someone runs this script on purpose: then run ./scripts/test.sh (setup.sh
# installs the new pins into .venv) and commit both files together.
#
# The lock is resolved by uv (`uv pip compile --universal`), one file for every platform and every
# Python the project supports (markers mark the differences). uv itself is pinned here and installed
# into a throwaway virtualenv, so the tool's version is part of the recipe too.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9
export UV_PYTHON_DOWNLOADS=never  # resolve for 3.10+ without fetching interpreters
out=constraints.txt
tools=${XDG_CACHE_HOME:-$HOME/.cache}/kpiwizard-lock/uv-$UV_VERSION

if [ ! -x "$tools/bin/uv" ]; then
  echo "lock: installing uv $UV_VERSION into $tools"
  python3 -m venv "$tools"
  "$tools/bin/python" -m pip install -q "uv==$UV_VERSION"
fi

# pip itself is pinned too: setup.sh upgrades the virtualenv's pip to this version.
extra=$(mktemp)
trap 'rm -f "$extra"' EXIT
echo "pip" > "$extra"

echo "lock: resolving pyproject.toml (runtime, dev, mutation, freeze) -> $out"
# uv keeps the versions already in the output file where the ranges still allow them.
"$tools/bin/uv" pip compile pyproject.toml "$extra" \
  --extra dev --extra mutation --extra freeze \
  --universal --python-version 3.10 --no-annotate \
  --custom-compile-command "scripts/lock.sh" \
  --output-file "$out" "$@" >/dev/null
echo "lock: $(grep -c '==' "$out") pins in $out"
git --no-pager diff --stat -- "$out" 2>/dev/null || true
