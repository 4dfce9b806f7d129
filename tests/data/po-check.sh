#!/bin/sh
# po-check.sh -- every message of the loader and plateau-deck has its French in po/fr.po
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plateau-po-check-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
sh tools/deck/po-messages.sh "$tmp/data.pot" || exit 1
# the client's messages are in po/fr.po too: only missing ones matter here
if msgcmp po/fr.po "$tmp/data.pot" >"$tmp/out" 2>&1; then
    echo "po-check: every loader and plateau-deck message is translated in po/fr.po"
else
    grep -v "this message is not used" "$tmp/out"
    echo "po-check: translate the messages above in po/fr.po (make data-pot, then msgmerge)"
    exit 1
fi
