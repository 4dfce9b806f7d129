#!/bin/sh
# setup-deps.sh -- installs the Debian packages Plateau needs when some are missing (apt-get, sudo if not root)
# usage: setup-deps.sh [EXTRA-PACKAGE...]   (make bench adds what only the benchmarks use)
#
# Libraries are detected with pkg-config (as the build finds them), programs with `command -v`,
# other files (fonts) with dpkg-query.
set -e

# package  how to detect it (pkg:MODULE, cmd:PROGRAM or deb)
NEEDS="
gcc                 cmd:gcc
make                cmd:make
pkg-config          cmd:pkg-config
libsdl2-dev         pkg:sdl2
libsdl2-ttf-dev     pkg:SDL2_ttf
libsdl2-net-dev     pkg:SDL2_net
libsdl2-image-dev   pkg:SDL2_image
libxml2-dev         pkg:libxml-2.0
libxml2-utils       cmd:xmllint
libuv1-dev          pkg:libuv
libsqlite3-dev      pkg:sqlite3
libsodium-dev       pkg:libsodium
libicu-dev          pkg:icu-uc
sqlite3             cmd:sqlite3
libjansson-dev      pkg:jansson
libsodium-dev       pkg:libsodium
libcriterion-dev    pkg:criterion
libfontconfig-dev   pkg:fontconfig
libcairo2-dev       pkg:cairo
libpango1.0-dev     pkg:pangocairo
poppler-utils       cmd:pdftoppm
fonts-dejavu-core   deb
gettext             cmd:msgfmt
python3             cmd:python3
libxlsxwriter-dev   pkg:xlsxwriter
chromium            cmd:chromium
poppler-utils       cmd:pdfinfo
"

have() {
    case "$2" in
    pkg:*) command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "${2#pkg:}" ;;
    cmd:*) command -v "${2#cmd:}" >/dev/null 2>&1 ;;
    *) dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" ;;
    esac
}

missing=""
set -f
for p in $(printf '%s\n' "$NEEDS" | awk 'NF { print $1 ":" $2 }'); do
    name=${p%%:*}
    how=${p#*:}
    have "$name" "$how" || missing="$missing $name"
done
for p in "$@"; do
    have "$p" deb || missing="$missing $p"
done
set +f
[ -z "$missing" ] && exit 0

echo "setup: installing missing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q || { echo "setup: apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing || {
    echo "setup: could not install:$missing" >&2; exit 1; }
