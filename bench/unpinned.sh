#!/usr/bin/env bash
# Runs bench/resolve.sh and bench/build.sh on the unpinned requirement sets of bench/sets/ (a web stack, a data
# stack, an ML stack, and one that must backtrack: scipy<1.14 with numpy>=2 rejects the newest numpy), each in the
# same run as pip, with the self-contained release archive's layerfit, and prints one Markdown table: each row's
# figures come from the same run (layerfit and pip alternately), with the load average before and after it.
#
# Usage: [SETS="web data ml backtrack"] [MODES="file http wan"] bench/unpinned.sh [RESOLVE_RUNS] [BUILD_RUNS]
#   (defaults 5 and 3; BUILD_RUNS 0 leaves the builds out). MODES as in bench/resolve.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
resolve_runs="${1:-5}"; build_runs="${2:-3}"
lf="${LAYERFIT:-$(bench/archive-layerfit.sh)}"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); layerfit: $("$lf" --version | tr '\n' ' ')(\`${lf#"$PWD/"}\`); $(pip --version | cut -d' ' -f1-2)."
echo "\`bench/unpinned.sh $resolve_runs $build_runs\` (SETS=\"${SETS:-web data ml backtrack}\", MODES=\"${MODES:-file http wan}\"), started $(date -u '+%Y-%m-%d %H:%M UTC'); medians of $resolve_runs (resolve) and $build_runs (build) whole-process runs, JVM start included."
echo
echo "| set (packages) | what | layerfit ms | pip ms | layerfit / pip | aim | load average |"
echo "|---|---|---:|---:|---:|---|---|"
for set in ${SETS:-web data ml backtrack}; do
  LAYERFIT="$lf" FORMAT=md REQ="bench/sets/$set.txt" bench/resolve.sh "$resolve_runs"
  if [ "$build_runs" -gt 0 ]; then LAYERFIT="$lf" FORMAT=md REQ="bench/sets/$set.txt" bench/build.sh "$build_runs"; fi
done
