#!/usr/bin/env bash
# Runs bench/resolve.sh and bench/build.sh on the unpinned requirement sets of bench/sets/ (a web stack, a data
# stack, an ML stack, and one that must backtrack: scipy<1.14 with numpy>=2 rejects the newest numpy), each in the
# same run as pip, and prints every table one after the other, with the machine's load average before each.
#
# Usage: bench/unpinned.sh [RESOLVE_RUNS] [BUILD_RUNS]      (defaults 5 and 3)
set -euo pipefail
cd "$(dirname "$0")/.."
for set in web data ml backtrack; do
  echo "=== $set ($(tr '\n' ' ' < "bench/sets/$set.txt")) — load average $(cut -d' ' -f1-3 /proc/loadavg)"
  REQ="bench/sets/$set.txt" bench/resolve.sh "${1:-5}"
  REQ="bench/sets/$set.txt" bench/build.sh "${2:-3}"
done
