#!/bin/sh
# bench.sh -- plateau-server figures with plateau-bot on loopback: the no-work ceiling, one table, then 2,000 tables x 5 seats
# usage: sh tests/server/bench.sh BUILD-DIR   (PLATEAU_BENCH_SYNC=normal to try synchronous=NORMAL)
B=${1:-build}
dir=$(mktemp -d /tmp/plateau-bench-XXXXXX) || exit 1
hz=$(getconf CLK_TCK)
status=0

start_server() {
    rm -f "$dir"/bench.db*
    : > "$dir/server.log"
    "$B/plateau-server" --games game-data --games tests/fixtures/packages --listen 127.0.0.1:0 --db "$dir/bench.db" --max-connections 12000 \
        --max-tables 20000 --tables-per-address 20000 --rate 100000 --max-queue 4194304 ${PLATEAU_BENCH_SYNC:+--sync $PLATEAU_BENCH_SYNC} \
        2> "$dir/server.log" &
    pid=$!
    port=""
    for i in $(seq 200); do
        port=$(sed -n 's/.*(port \([0-9]*\)).*/\1/p' "$dir/server.log" | head -1)
        [ -n "$port" ] && break
        sleep 0.05
    done
    [ -n "$port" ] || { echo "bench: server did not start"; cat "$dir/server.log"; kill $pid; exit 1; }
}

stop_server() {
    echo "server memory: $(grep VmHWM /proc/$pid/status | tr -s ' \t' ' ') peak resident"
    kill -TERM $pid
    wait $pid
    grep -E 'loop turns|commits, incl|stopped after' "$dir/server.log" | sed 's/^[^ ]* plateau-server: /server: /'
}

ticks() { awk '{print $14 + $15}' /proc/$pid/stat; }

run() {
    echo "-- $1"
    shift
    start_server
    t0=$(ticks)
    "$B/plateau-bot" --server "127.0.0.1:$port" --games tests/fixtures/packages --package demo "$@" > "$dir/bot.out" || status=1
    t1=$(ticks)
    cat "$dir/bot.out"
    moves=$(sed -n 's/.*acknowledged ([0-9]*\/s), \([0-9]*\) on the tables.*/\1/p' "$dir/bot.out")
    [ -n "$moves" ] && [ "$moves" -gt 0 ] && awk -v t="$((t1 - t0))" -v hz="$hz" -v m="$moves" 'BEGIN {
        us = t * 1e6 / hz / m; printf "server CPU: %.1f s, %.0f us per move (about %.0f moves/s per core)\n", t / hz, us, 1e6 / us }'
    stop_server
}

echo "-- the ceiling: the same socket traffic as 2,000 tables x 5 seats with no work at all"
"$B/tests/bench-floor" --tables 2000 --seats 5 --seconds 10 || status=1
run "one table, 4 seats, 50 moves/s offered (latency)" --tables 1 --seats 4 --moves-per-second 50 --timeout 120
run "2,000 tables x 5 seats = 10,000 connections, as fast as possible, 20 s (durable moves/s)" \
    --tables 2000 --seats 5 --duration 20
run "2,000 tables x 5 seats = 10,000 connections, 2,000 moves/s offered, 30 s (latency)" \
    --tables 2000 --seats 5 --moves-per-second 2000 --duration 30
rm -rf "$dir"
exit $status
