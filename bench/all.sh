#!/usr/bin/env bash
# Every speed figure of docs/benchmarks.md's "Speed" section in one run, printed as Markdown: start-up
# (bench/startup.sh: --version against the old launcher, analyze against Python's zipfile) and the unpinned
# requirement sets against pip (bench/unpinned.sh: resolve cold and warm over each index, build cold and warm).
# Builds the release archive first when target/ has none. On a quiet machine the defaults take about half an hour.
#
# Usage: bench/all.sh [RESOLVE_RUNS] [BUILD_RUNS] [STARTUP_RUNS]      (defaults 5, 3, 11)
#   SETS and MODES as in bench/unpinned.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${LAYERFIT_RELEASE_ARCHIVE:-}" ] && [ -z "$(compgen -G 'target/layerfit-*-linux-*.tar.gz' || compgen -G 'target/layerfit-*-macos-*.tar.gz' || true)" ]; then
  ./mvnw -q -B -Prelease package -DskipTests >&2
fi
[ -f target/test-classes/dev/layerfit/bench/StaticIndexServer.class ] || ./mvnw -q -B test-compile >&2
echo "### Start-up"
echo
bench/startup.sh "${3:-11}"
echo
echo "### Unpinned requirement sets against pip"
echo
bench/unpinned.sh "${1:-5}" "${2:-3}"
