#!/usr/bin/env bash
# One command to set up (first time) and open KPI Wizard.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/kpiwizard ] || bash scripts/setup.sh
exec .venv/bin/kpiwizard "$@"
