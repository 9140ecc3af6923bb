#!/usr/bin/env bash
# Set up KPI Wizard on Debian/Ubuntu: system libraries Qt needs, then a virtualenv in .venv.
#   scripts/setup.sh          what the app needs to run
#   scripts/setup.sh --dev    plus what the tests and the bundle build need (Xvfb, xdotool,
#                             x11-utils, ImageMagick, Gnumeric, poppler, qpdf, mupdf-tools,
#                             LibreOffice, desktop-file and AppStream validators, binutils)
# Python packages are installed at the exact versions of constraints.txt (scripts/lock.sh makes
# it from pyproject.toml's ranges), so every machine and CI run the same set.
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
  # Another installer (unattended-upgrades, a software centre) may hold the package lock: wait for
  # it instead of failing at once.
  lock_wait=${APT_LOCK_TIMEOUT:-600}
  apt_lock=(-o "DPkg::Lock::Timeout=$lock_wait")
  echo "  (if another program is installing packages, this waits for it, up to $((lock_wait / 60)) minutes)"
  echo "  updating the package lists..."
  $sudo apt-get "${apt_lock[@]}" update -qq
  echo "  installing..."
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${apt_lock[@]}" install -y -qq --no-install-recommends "${missing[@]}"
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtualenv .venv"
  "$python" -m venv .venv
fi

# pip is quiet for a minute or more on a first install: show one line per package it fetches or
# installs, and nothing when everything is already in place.
pip_progress() {
  grep --line-buffered -E '^(Collecting|Downloading|Installing collected|Successfully installed|ERROR|error)' \
    | sed -u -e 's/^/  pip: /' || true
}
pip_install() {
  .venv/bin/python -m pip install --disable-pip-version-check --progress-bar off -c constraints.txt "$@" \
    2>&1 | pip_progress
}

extras=""
[ "$dev" = 1 ] && extras="[dev]"
echo "Installing Python packages at the versions of constraints.txt: kpiwizard$extras (first time: a few minutes)"
pip_install --upgrade pip
if ! pip_install -e ".$extras"; then
  echo "pip could not install kpiwizard$extras at the locked versions. If pyproject.toml's dependencies" >&2
  echo "changed, refresh the lock on purpose: scripts/lock.sh, then commit constraints.txt with it." >&2
  exit 1
fi
echo "Python packages ready: $(.venv/bin/python -m pip list --disable-pip-version-check 2>/dev/null | tail -n +3 | wc -l) installed in .venv"
