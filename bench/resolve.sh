#!/usr/bin/env bash
# Times `layerfit resolve` against `pip install --dry-run --report` on the bundled example's merged requirements
# (examples/seed-app/requirements.txt, 33 packages) for Python 3.11 on glibc 2.34 x86_64, same index, same run:
# from the local file:// index and over HTTP (the same index served on loopback with Range support), each with a
# cold cache (empty LAYERFIT_CACHE_DIR / pip --no-cache-dir) and a warm one. Prints medians of N whole-process runs,
# layerfit with background metadata prefetch off (--metadata-threads 0) for comparison, and the bytes each tool
# fetched over HTTP against the total size of the chosen wheels.
#
# Also over a modelled network: the same server adding LATENCY_MS (default 20) to every answer and pacing bodies on
# one shared link of MBPS (default 200) Mbit/s, roughly a CI runner talking to a package CDN.
#
# Usage: [REQ=FILE] bench/resolve.sh [RUNS]      (default 5; REQ defaults to the example's merged requirements)
# Needs: pip, python3, the local index (/opt/pypi, /opt/pypi-more). pip's configuration files are ignored by both
# tools (PIP_CONFIG_FILE=/dev/null) so that each searches only the index given here.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
latency="${LATENCY_MS:-20}"   # the modelled network: per-answer delay and one shared link
mbps="${MBPS:-200}"
req="${REQ:-examples/seed-app/requirements.txt}"   # REQ=bench/sets/web.txt for another set
./layerfit --version >/dev/null
[ -f target/test-classes/dev/layerfit/bench/StaticIndexServer.class ] || ./mvnw -q -B test-compile >&2
work="$(mktemp -d)"
export PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1
platforms=""; for m in $(seq 34 -1 5); do platforms="$platforms --platform manylinux_2_${m}_x86_64"; done
platforms="$platforms --platform manylinux2014_x86_64 --platform manylinux2010_x86_64 --platform manylinux1_x86_64 --platform linux_x86_64"

coproc SERVER { exec java -cp target/test-classes:target/classes dev.layerfit.bench.StaticIndexServer /opt/pypi /opt/pypi-more; }
# (bash runs one coproc at a time: the second server reads a sleep's output, and ends when that sleep is killed)
exec {wan}< <(sleep 100000 | exec java -cp target/test-classes:target/classes dev.layerfit.bench.StaticIndexServer \
  --latency-ms "$latency" --mbps "$mbps" /opt/pypi /opt/pypi-more)
wan_pid=$!
cleanup() { kill "$SERVER_PID" ${wan_sleep:+"$wan_sleep"} 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
read -r base <&"${SERVER[0]}"
read -r wan_base <&"$wan"
wan_sleep=$(pgrep -n -P "$wan_pid" sleep || true)
served() { echo >&"${SERVER[1]}"; local n; read -r n <&"${SERVER[0]}"; echo "$n"; }

layerfit_run() {  # $1 = cold|warm, $2 = index url, $3 = extra index url, rest = extra flags
  local mode=$1 index=$2 extra=$3; shift 3
  [ "$mode" = cold ] && rm -rf "$work/lf-cache"
  LAYERFIT_CACHE_DIR="$work/lf-cache" ./layerfit resolve "$req" --python-version 3.11 --glibc 2.34 \
    --index-url "$index" --extra-index-url "$extra" "$@"
}
pip_run() {  # $1 = cold|warm, $2 = index url, $3 = extra index url
  local cache=(--cache-dir "$work/pip-cache")
  [ "$1" = cold ] && cache=(--no-cache-dir)
  pip install --dry-run --ignore-installed --quiet --target "$work/t" --report "$work/pip.json" "${cache[@]}" \
    --only-binary=:all: --python-version 3.11 --implementation cp --abi cp311 $platforms \
    --trusted-host 127.0.0.1 --index-url "$2" --extra-index-url "$3" -r "$req"
}
median_ms() {  # runs "$@" $runs times, prints the median wall time in ms
  local times=() t0 t1
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

file_index=file:///opt/pypi/simple; file_extra=file:///opt/pypi-more/simple
http_index="${base}0/simple/"; http_extra="${base}1/simple/"
layerfit_run cold "$file_index" "$file_extra" >/dev/null; pip_run warm "$file_index" "$file_extra" >/dev/null 2>&1
declare -A ms
ms[lf_file_cold]=$(median_ms layerfit_run cold "$file_index" "$file_extra")
ms[lf_file_warm]=$(median_ms layerfit_run warm "$file_index" "$file_extra")
ms[pip_file_cold]=$(median_ms pip_run cold "$file_index" "$file_extra")
ms[pip_file_warm]=$(median_ms pip_run warm "$file_index" "$file_extra")
ms[lf_http_cold]=$(median_ms layerfit_run cold "$http_index" "$http_extra")
ms[lf_http_cold_noprefetch]=$(median_ms layerfit_run cold "$http_index" "$http_extra" --metadata-threads 0)
layerfit_run cold "$http_index" "$http_extra" >/dev/null
ms[lf_http_warm]=$(median_ms layerfit_run warm "$http_index" "$http_extra")
rm -rf "$work/pip-cache"; pip_run warm "$http_index" "$http_extra" >/dev/null 2>&1
ms[pip_http_cold]=$(median_ms pip_run cold "$http_index" "$http_extra")
ms[pip_http_warm]=$(median_ms pip_run warm "$http_index" "$http_extra")
wan_index="${wan_base}0/simple/"; wan_extra="${wan_base}1/simple/"
ms[lf_wan_cold]=$(median_ms layerfit_run cold "$wan_index" "$wan_extra")
ms[lf_wan_cold_noprefetch]=$(median_ms layerfit_run cold "$wan_index" "$wan_extra" --metadata-threads 0)
layerfit_run cold "$wan_index" "$wan_extra" >/dev/null
ms[lf_wan_warm]=$(median_ms layerfit_run warm "$wan_index" "$wan_extra")
rm -rf "$work/pip-cache"; pip_run warm "$wan_index" "$wan_extra" >/dev/null 2>&1
ms[pip_wan_cold]=$(median_ms pip_run cold "$wan_index" "$wan_extra")
ms[pip_wan_warm]=$(median_ms pip_run warm "$wan_index" "$wan_extra")

# bytes over HTTP, cold, one run each
before=$(served); layerfit_run cold "$http_index" "$http_extra" --json --debug >"$work/lf.json" 2>"$work/lf.err"; after=$(served)
lf_served=$((after - before))
lf_stats=$(grep -o 'TransferStats.*' "$work/lf.err")
lf_metadata=$(sed -E 's/.*metadata=([0-9]+) B.*/\1/' <<<"$lf_stats")
before=$(served); pip_run cold "$http_index" "$http_extra" >/dev/null 2>&1; after=$(served)
pip_served=$((after - before))
wheels=$(python3 - "$work/lf.json" <<'PY'
import json, os, sys, urllib.parse
roots = ["/opt/pypi", "/opt/pypi-more"]
total = 0
for p in json.load(open(sys.argv[1]))["packages"]:
    path = urllib.parse.unquote(urllib.parse.urlparse(p["url"]).path).split("/", 2)
    total += os.path.getsize(os.path.join(roots[int(path[1])], path[2]))
print(total)
PY
)
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["packages"]))' "$work/lf.json")

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(pip --version | cut -d' ' -f1-2)"
echo "set: $req ($n packages), target: Python 3.11, glibc 2.34, x86_64; median of $runs whole-process runs"
printf '%-34s %10s %10s %8s\n' "" "layerfit" "pip" "pip/lf"
for k in file_cold file_warm http_cold http_warm wan_cold wan_warm; do
  label="${k/_/ index, } cache"; label="${label/http index/loopback HTTP}"; label="${label/wan index/HTTP ${latency} ms, ${mbps} Mbit\/s}"
  printf '%-34s %8s ms %7s ms %7sx\n' "$label" "${ms[lf_$k]}" "${ms[pip_$k]}" \
    "$(awk -v a="${ms[pip_$k]}" -v b="${ms[lf_$k]}" 'BEGIN {printf "%.1f", a / b}')"
done
echo "layerfit cold without prefetch (--metadata-threads 0): loopback ${ms[lf_http_cold_noprefetch]} ms, modelled network ${ms[lf_wan_cold_noprefetch]} ms"
echo "HTTP bytes, cold: layerfit $lf_served served ($lf_stats); pip $pip_served served"
echo "chosen wheels total $wheels bytes; layerfit metadata bytes = $(awk -v a="$lf_metadata" -v b="$wheels" 'BEGIN {printf "%.2f", 100 * a / b}')% of it, all bytes served to layerfit = $(awk -v a="$lf_served" -v b="$wheels" 'BEGIN {printf "%.2f", 100 * a / b}')%"
