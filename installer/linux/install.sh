#!/bin/sh
# Installs the unpacked Packstation bundle for the current user (no root needed):
# the program under ~/.local/opt/packstation, a menu entry and an icon.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/packstation
mkdir -p "$opt" "$prefix/applications" "$prefix/icons/hicolor/256x256/apps"
cp -a "$here/packstation/." "$opt/"
cp "$here/packstation.png" "$prefix/icons/hicolor/256x256/apps/packstation.png"
sed "s|^Exec=.*|Exec=$opt/packstation %U|" "$here/packstation.desktop" > "$prefix/applications/packstation.desktop"
echo "Packstation installed in $opt"
