#!/bin/sh
# run-tests.sh -- runs each test binary, prints its result, fails if any failed
status=0
passed=0
failed=0
for t in "$@"; do
    echo "== $t"
    if "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; echo "FAILED: $t"; fi
done
echo "suites: $passed passed, $failed failed"
exit $status
