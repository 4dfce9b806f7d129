#!/bin/sh
# setup-deps.sh -- installs the Debian packages Plateau needs when some are missing (apt-get, sudo if not root)
# usage: setup-deps.sh [EXTRA-PACKAGE...]   (make bench adds what only the benchmarks use)
set -e
PKGS="gcc make pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-net-dev libsdl2-image-dev \
libxml2-dev libxml2-utils libuv1-dev libsqlite3-dev sqlite3 libjansson-dev libcriterion-dev \
libfontconfig-dev fonts-dejavu-core gettext $*"
missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "setup: installing missing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q || { echo "setup: apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing || {
    echo "setup: could not install:$missing" >&2; exit 1; }
