#!/bin/sh
# run-bench.sh -- runs each benchmark command and prints its figures
for b in "$@"; do echo "== $b"; "$b" || exit 1; done
