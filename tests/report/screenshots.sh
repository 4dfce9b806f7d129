#!/bin/sh
# screenshots.sh -- docs/screenshots/report-*.png: pages of a day's report (3 tables of Parcours Achats Durables, 4 teams each), printed by Chromium
# usage: sh tests/report/screenshots.sh BUILD-DIR   (needs chromium and poppler-utils, as make check does)
set -e
B=${1:-build}
dir=$(mktemp -d /tmp/plateau-report-shots-XXXXXX)
trap 'rm -rf "$dir"' EXIT
"$B/plateau-server" --games game-data --listen 127.0.0.1:0 --db "$dir/day.db" 2> "$dir/server.log" &
pid=$!
port=""
for i in $(seq 200); do
    port=$(sed -n 's/.*(port \([0-9]*\)).*/\1/p' "$dir/server.log" | head -1)
    [ -n "$port" ] && break
    sleep 0.05
done
[ -n "$port" ] || { echo "screenshots: the server did not start"; kill $pid; exit 1; }
"$B/plateau-bot" --server "127.0.0.1:$port" --package achats-durables --tables 3 --seats 4 --games game-data > "$dir/bot.out"
kill -TERM $pid
wait $pid
# teams as a training day names them (plateau-bot calls them bot-T-S)
sqlite3 "$dir/day.db" "UPDATE seats SET team = CASE seat WHEN 0 THEN 'Les Acheteurs' WHEN 1 THEN 'Équipe Verte'
    WHEN 2 THEN 'Marchés 2030' ELSE 'La Commande Durable' END || CASE table_id WHEN 1 THEN '' ELSE ' ' || table_id END"
"$B/plateau-report" --db "$dir/day.db" --day --lang fr --out "$dir/fr" --quiet
chromium --headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --user-data-dir="$dir/profile" --no-pdf-header-footer --print-to-pdf="$dir/fr.pdf" "file://$dir/fr/report.html" 2>/dev/null
pages=$(pdfinfo "$dir/fr.pdf" | sed -n 's/^Pages: *//p')
# the first page whose text holds a heading
page_of() {
    p=1
    while [ "$p" -le "$pages" ]; do
        if pdftotext -f "$p" -l "$p" "$dir/fr.pdf" - | grep -q "$1"; then echo "$p"; return; fi
        p=$((p + 1))
    done
    echo 0
}
last=0
shot() { # name, heading, another heading if the first is on no page (a page already shown is not shown twice)
    p=$(page_of "$2")
    [ "$p" -eq 0 ] && [ -n "$3" ] && p=$(page_of "$3")
    [ "$p" -eq 0 ] && { echo "screenshots: no page holds '$2'" >&2; exit 1; }
    [ "$p" -eq "$last" ] && { rm -f "docs/screenshots/report-$1.png"; return; }
    last=$p
    pdftoppm -png -r 96 -singlefile -f "$p" -l "$p" "$dir/fr.pdf" "docs/screenshots/report-$1"
    echo "docs/screenshots/report-$1.png: page $p ($2)"
}
mkdir -p docs/screenshots
shot day "Les tables"
shot opinion "L'avis collectif (suite)" "Cartes proposées au vote"
shot scores "Scores finaux"
shot lenses "Les lentilles manche après manche"
shot votes "Les votes"
shot turning "Tournants de la partie"
