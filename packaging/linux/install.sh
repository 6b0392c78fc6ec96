#!/bin/sh
# Install the built one-folder bundle for every user of this computer (run as root):
#   sudo packaging/linux/install.sh build/dist/thresholds-app [/opt/thresholds-app]
# It copies the folder (read-only to users), links the command, and registers the menu entry,
# the icon and the case-file type (*.rhrt) so a double-click opens the case in the review view.
set -eu
SOURCE=${1:?give the built bundle folder, e.g. build/dist/thresholds-app}
TARGET=${2:-/opt/thresholds-app}
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-/usr/local}

rm -rf "$TARGET"
mkdir -p "$TARGET"
cp -a "$SOURCE"/. "$TARGET"/
chmod -R go-w "$TARGET"
mkdir -p "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/mime/packages" \
  "$PREFIX/share/icons/hicolor/scalable/apps"
ln -sf "$TARGET/thresholds-app" "$PREFIX/bin/thresholds-app"
install -m 644 "$HERE/thresholds-app.desktop" "$PREFIX/share/applications/"
install -m 644 "$HERE/thresholds-app-mime.xml" "$PREFIX/share/mime/packages/thresholds-app.xml"
install -m 644 "$HERE/thresholds-app.svg" "$PREFIX/share/icons/hicolor/scalable/apps/"
command -v update-mime-database >/dev/null && update-mime-database "$PREFIX/share/mime"
command -v update-desktop-database >/dev/null && update-desktop-database "$PREFIX/share/applications"
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$PREFIX/share/icons/hicolor" || true
echo "Installed in $TARGET; policy goes in /etc/thresholds-app/policy.json (packaging/README.md)."
