#!/usr/bin/env bash
# Lists the call sites (lambdas, string concatenations, record methods) that a command of the release archive binds at
# run time because its AOT cache does not hold them: each costs ~1-5 ms of start-up (docs/architecture.md, Start-up).
# With no arguments, the benchmarked commands: a warm resolve of each unpinned set (bench/sets/, local index) and the
# README's check; with arguments, that one command line.
#
# Usage: bench/startup-links.sh [LAYERFIT ARGS...]      (layerfit is bench/archive-layerfit.sh's, or LAYERFIT=PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
lf="${LAYERFIT:-$(bench/archive-layerfit.sh)}"
links() {  # the layerfit (or JDK-on-behalf-of-layerfit) call sites bound while running "$@"
  LAYERFIT_JAVA_OPTS="-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true" "$lf" "$@" 2>&1 \
    | sed -n 's/^linkCallSite \([a-z][^ ]*([^)]*)\) \([^(]*\)(.*/\1 \2/p' || true
}
if [ $# -gt 0 ]; then links "$@"; exit 0; fi
cache="$(mktemp -d)"; trap 'rm -rf "$cache"' EXIT
export PIP_CONFIG_FILE=/dev/null
for set in web data ml backtrack; do
  args=(resolve "bench/sets/$set.txt" --python-version 3.11 --glibc 2.34
    --index-url file:///opt/pypi/simple --extra-index-url file:///opt/pypi-more/simple)
  LAYERFIT_CACHE_DIR="$cache" "$lf" "${args[@]}" >/dev/null 2>&1 || true   # fills the metadata cache
  echo "== warm resolve of bench/sets/$set.txt"
  LAYERFIT_CACHE_DIR="$cache" links "${args[@]}"
done
echo "== check examples/seed-app --stage prod"
links check examples/seed-app --stage prod
