#!/usr/bin/env bash
# Build the Linux onedir bundle: dist/kpiwizard/kpiwizard plus everything it needs.
#   packaging/build-linux.sh            -> dist/kpiwizard/, dist/kpiwizard-VERSION-linux-x86_64.tar.gz
# Uses a clean venv of its own (not .venv) and a non-editable install, so the bundle holds exactly
# what `pip install .` ships. BUILD_VENV overrides where that venv lives.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

venv=${BUILD_VENV:-$repo/build/venv}
python=${PYTHON:-python3}
start=$(date +%s)

rm -rf "$venv" build/kpiwizard dist/kpiwizard
"$python" -m venv "$venv"
# The locked versions (constraints.txt, scripts/lock.sh), so the bundle holds what the suite tested.
"$venv/bin/python" -m pip install -q -c constraints.txt --upgrade pip
# A copy of the tree, so hatchling's build writes nothing into the checkout.
"$venv/bin/python" -m pip install -q -c constraints.txt . "pyinstaller>=6.5"

"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist packaging/kpiwizard.spec

bundle=dist/kpiwizard
cp packaging/linux/install-desktop.sh "$bundle/"
mkdir -p "$bundle/share"
cp packaging/linux/io.github.kpiwizard.KPIWizard.desktop \
   packaging/linux/io.github.kpiwizard.KPIWizard.metainfo.xml \
   packaging/linux/kpiwizard-mime.xml "$bundle/share/"

version=$("$bundle/kpiwizard" --version | awk '{print $2}')
archive="dist/kpiwizard-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$archive" kpiwizard

echo "bundle:  $(du -sh "$bundle" | cut -f1)  ($bundle)"
echo "archive: $(du -sh "$archive" | cut -f1)  ($archive)"
echo "build time: $(( $(date +%s) - start )) s"
