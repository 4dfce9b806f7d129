#!/bin/sh
# run-tests.sh -- runs each test binary, prints its result, fails if any failed
# usage: run-tests.sh BUILD-DIR SANITIZE TEST...
#   With SANITIZE set (a sanitizer build), every process the tests start (test workers, servers,
#   bots, plateau-deck) writes its AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer
#   reports under BUILD-DIR/sanitizer/; any report there fails the run, whatever the exit
#   statuses said.
build=$1
sanitize=$2
shift 2
status=0
passed=0
failed=0
if [ -n "$sanitize" ]; then
    reports=$(realpath "$build")/sanitizer
    rm -rf "$reports"
    mkdir -p "$reports"
    export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:exitcode=23:log_path=$reports/asan"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=24:log_path=$reports/ubsan"
    export LSAN_OPTIONS="suppressions=$(realpath tools/lsan.supp):print_suppressions=0"
fi
for t in "$@"; do
    echo "== $t"
    if "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; echo "FAILED: $t"; fi
    if [ -n "$sanitize" ] && [ -n "$(ls -A "$reports")" ]; then
        echo "FAILED: $t: sanitizer reports (from it or from a program it started):"
        for r in "$reports"/*; do echo "---- $r"; head -60 "$r"; done
        failed=$((failed + 1))
        status=1
        mkdir -p "$reports.kept" && mv "$reports"/* "$reports.kept"/
    fi
done
echo "suites: $passed passed, $failed failed"
exit $status
