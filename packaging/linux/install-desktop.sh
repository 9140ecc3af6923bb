#!/usr/bin/env bash
# Add KPI Wizard to this user's desktop menu and open .kpiwiz files with it.
# Run from the unpacked release folder:  ./install-desktop.sh      (undo: ./install-desktop.sh --remove)
# Writes only under ~/.local (XDG_DATA_HOME): the menu entry, the icon, the .kpiwiz file type, and a
# `kpiwizard` link in ~/.local/bin. Nothing needs root.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
id=io.github.kpiwizard.KPIWizard

if [ "${1:-}" = "--remove" ]; then
  done_msg="removed from the menu"
  rm -f "$data/applications/$id.desktop" "$data/metainfo/$id.metainfo.xml" \
        "$data/mime/packages/kpiwizard-mime.xml" "$bin/kpiwizard"
  for size in 16 24 32 48 64 128 256 512; do
    rm -f "$data/icons/hicolor/${size}x${size}/apps/$id.png" "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-kpiwizard.png"
  done
else
  done_msg="added to the menu; .kpiwiz files open with it"
  [ -x "$here/kpiwizard" ] || { echo "install-desktop.sh: run it from the unpacked kpiwizard folder" >&2; exit 1; }
  mkdir -p "$data/applications" "$data/metainfo" "$data/mime/packages" "$bin"
  # The menu entry runs the program by its full path, so ~/.local/bin need not be on PATH.
  sed -e "s|^Exec=kpiwizard |Exec=\"$here/kpiwizard\" |" -e "s|^TryExec=kpiwizard|TryExec=$here/kpiwizard|" \
    "$here/share/$id.desktop" > "$data/applications/$id.desktop"
  cp "$here/share/$id.metainfo.xml" "$data/metainfo/"
  cp "$here/share/kpiwizard-mime.xml" "$data/mime/packages/"
  icons="$here/_internal/kpiwizard/resources/icons"
  for size in 16 24 32 48 64 128 256 512; do
    for kind in apps mimetypes; do mkdir -p "$data/icons/hicolor/${size}x${size}/$kind"; done
    cp "$icons/kpiwizard-$size.png" "$data/icons/hicolor/${size}x${size}/apps/$id.png"
    cp "$icons/kpiwizard-$size.png" "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-kpiwizard.png"
  done
  ln -sf "$here/kpiwizard" "$bin/kpiwizard"
fi

command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
echo "KPI Wizard: $done_msg"
