#!/bin/sh
# bench.sh -- plateau-server figures with plateau-bot on loopback: the no-work ceiling, one table, 2,000 tables x 5 seats, a kill -9 storm
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

# the same server again on the same port and database (after a kill -9)
restart_server() {
    n0=$(grep -c 'listening on' "$dir/server.log")
    "$B/plateau-server" --games game-data --games tests/fixtures/packages --listen "127.0.0.1:$port" \
        --db "$dir/bench.db" --max-connections 12000 --max-tables 20000 --tables-per-address 20000 \
        --rate 100000 --max-queue 4194304 2>> "$dir/server.log" &
    pid=$!
    for i in $(seq 400); do
        [ "$(grep -c 'listening on' "$dir/server.log")" -gt "$n0" ] && return 0
        sleep 0.025
    done
    echo "bench: the server did not restart"; tail -5 "$dir/server.log"; status=1
    return 1
}

# 50 kill -9 of the server at random 0.2-0.8 s intervals while 20 tables play (paced, so that
# moves are waiting when it dies); every seat rejoins
storm() {
    echo "-- storm: 50 kill -9 of the server at 0.2-0.8 s intervals during 20 tables x 4 seats (30 moves/s)"
    start_server
    "$B/plateau-bot" --server "127.0.0.1:$port" --games tests/fixtures/packages --package demo --tables 20 \
        --seats 4 --moves-per-second 30 --reconnect-ms 60000 --timeout 900 > "$dir/bot.out" &
    bot=$!
    kills=0
    while [ $kills -lt 50 ] && kill -0 $bot 2>/dev/null; do
        sleep "$(awk -v r="$(od -An -N2 -tu2 /dev/urandom)" 'BEGIN { printf "%.3f", 0.2 + (r % 601) / 1000 }')"
        kill -0 $bot 2>/dev/null || break
        kill -9 $pid
        wait $pid 2>/dev/null
        kills=$((kills + 1))
        restart_server || break
    done
    wait $bot || status=1
    cat "$dir/bot.out"
    refused=$(sed -n 's/.*refused moves \([0-9]*\);.*/\1/p' "$dir/bot.out")
    lost=$(sed -n 's/.*lost acknowledgements \([0-9]*\);.*/\1/p' "$dir/bot.out")
    echo "storm: $kills kill -9 during play; refused moves ${refused:-?}; lost acknowledgements ${lost:-?}"
    [ "$refused" = 0 ] && [ "$lost" = 0 ] || status=1
    [ "$kills" -lt 50 ] && echo "storm: the tables finished after $kills kills"
    stop_server
}

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
storm
rm -rf "$dir"
exit $status
