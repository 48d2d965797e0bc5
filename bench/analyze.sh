#!/usr/bin/env bash
# Times `layerfit analyze` on a real ~250 MB, ~3,000-entry layer zip against Python's zipfile summing the
# same central directory, in the same run; prints the median of N whole-process runs of each.
#
# Usage: bench/analyze.sh [RUNS]      (default 9 runs; the layer is built once into target/bench/)
# Needs: the local PyPI index (for bench/make-real-layer.sh) and python3 for the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-9}"
layer=target/bench/real-layer.zip
if [ ! -f "$layer" ]; then
  mkdir -p target/bench
  bench/make-real-layer.sh "$layer" >&2
fi
./layerfit --version >/dev/null   # builds the jar and the class-data archive outside the timing

median_ms() {  # runs "$@" $runs times, prints the median wall time in ms
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

entries=$(python3 -c 'import sys,zipfile; print(len(zipfile.ZipFile(sys.argv[1]).infolist()))' "$layer")
unzipped=$(python3 -c 'import sys,zipfile; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))' "$layer")
ours=$(./layerfit analyze "$layer" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["artifacts"][0]["unzippedBytes"])')
[ "$ours" = "$unzipped" ] || { echo "MISMATCH: layerfit says $ours bytes, Python's zipfile $unzipped" >&2; exit 1; }

layerfit_ms=$(median_ms ./layerfit analyze "$layer")
layerfit_json_ms=$(median_ms ./layerfit analyze "$layer" --json)
python_ms=$(median_ms python3 -c 'import sys,zipfile; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))' "$layer")

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "layer: $layer — $entries entries, $unzipped bytes unzipped, $(stat -c %s "$layer") bytes zipped (totals agree with Python)"
echo "median of $runs whole-process runs:"
echo "  layerfit analyze (text, with inventory)  ${layerfit_ms} ms"
echo "  layerfit analyze --json                  ${layerfit_json_ms} ms"
echo "  python3 zipfile sum of file_size only    ${python_ms} ms"
