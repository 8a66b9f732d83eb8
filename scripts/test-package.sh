#!/usr/bin/env bash
# Builds the .deb with CPack, checks its contents and Depends, installs it (dpkg -i as root; as
# another user it is unpacked into a temporary root instead), runs `delineo-cli --version` and
# `delineo --screenshot` from the installed paths, and removes it again.
# Usage: scripts/test-package.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$build" && cpack -G DEB -B "$work/pkg" > "$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb="$(ls "$work"/pkg/*.deb | head -n 1)"
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
depends="$(dpkg-deb -f "$deb" Depends)"
for need in qt6-qpa-plugins libqt6sql6-sqlite libtorch; do
  echo "$depends" | grep -q "$need" || { echo "Depends lacks $need: $depends"; exit 1; }
done
contents="$(dpkg-deb -c "$deb")"
for f in usr/bin/delineo usr/bin/delineo-cli usr/share/delineo/models/polyp-unet.pt \
         usr/share/delineo/models/gi-mri-unet.pt usr/share/applications/delineo.desktop \
         usr/share/icons/hicolor/scalable/apps/delineo.svg usr/share/icons/hicolor/256x256/apps/delineo.png \
         usr/share/metainfo/io.github.delineo.Delineo.metainfo.xml usr/share/man/man1/delineo-cli.1 \
         usr/share/man/man1/delineo.1 usr/share/delineo/docs/USER_GUIDE.md \
         usr/share/delineo/docs/screenshots/training.png usr/share/bash-completion/completions/delineo-cli \
         usr/libexec/delineo/delineo-decoder; do
  echo "$contents" | grep -q " \./$f\$" || { echo "missing from the package: $f"; exit 1; }
done
if echo "$contents" | grep -q "workspace.sqlite"; then echo "a workspace database slipped into the package"; exit 1; fi

if [ "$(id -u)" -eq 0 ] && [ -z "${DELINEO_PACKAGE_UNPACK_ONLY:-}" ]; then
  prefix=/usr
  dpkg -i "$deb" > "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; exit 1; }
  trap 'dpkg -r delineo > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
  echo "installed with dpkg -i"
else
  dpkg-deb -x "$deb" "$work/root"
  prefix="$work/root/usr"
  echo "unpacked into $work/root (not root: no dpkg -i)"
fi
"$prefix/bin/delineo-cli" --version | head -n 3
# Resources come from PREFIX/share/delineo (found next to the binary), not from the source tree.
mkdir -p "$work/home"
HOME="$work/home" XDG_RUNTIME_DIR="$work" QT_QPA_PLATFORM=offscreen \
  "$prefix/bin/delineo" --screenshot "$work/shot.png" --segment "$prefix/share/delineo/demo/cju34ymm8d6700799uop0cw33.jpg" \
  > "$work/gui.log" 2>&1 || { cat "$work/gui.log"; exit 1; }
[ -s "$work/shot.png" ] || { echo "no screenshot written"; exit 1; }
echo "package test: ok"
