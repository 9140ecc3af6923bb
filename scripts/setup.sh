#!/usr/bin/env bash
# Set up KPI Wizard on Debian/Ubuntu: system libraries Qt needs, then a virtualenv in .venv.
#   scripts/setup.sh          what the app needs to run
#   scripts/setup.sh --dev    plus what the tests and the bundle build need (Xvfb, poppler,
#                             LibreOffice, desktop-file and AppStream validators, binutils)
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
[ "${1:-}" = "--dev" ] && dev=1

runtime_pkgs=(python3 python3-venv python3-pip libegl1 libgl1 libfontconfig1 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0)
dev_pkgs=(xvfb xauth xdotool x11-utils imagemagick gnumeric poppler-utils qpdf mupdf-tools libreoffice-calc-nogui
  desktop-file-utils appstream binutils)

pkgs=("${runtime_pkgs[@]}")
[ "$dev" = 1 ] && pkgs+=("${dev_pkgs[@]}")

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "$dev" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[dev]"
else
  .venv/bin/python -m pip install -q -e .
fi
