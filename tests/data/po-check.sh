#!/bin/sh
# po-check.sh -- every player- and designer-facing message has its French in po/fr.po
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plateau-po-check-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
sh tools/po-messages.sh "$tmp/data.pot" || exit 1
if msgcmp po/fr.po "$tmp/data.pot" >"$tmp/out" 2>&1; then
    echo "po-check: every message is translated in po/fr.po"
else
    grep -v "this message is not used" "$tmp/out"
    echo "po-check: translate the messages above in po/fr.po (make pot, then msgmerge -U po/fr.po po/plateau.pot)"
    exit 1
fi
