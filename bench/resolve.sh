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
# Usage: [REQ=FILE] [MODES="file http wan"] [FORMAT=md] bench/resolve.sh [RUNS]      (default 5)
#   REQ defaults to the example's merged requirements; MODES picks the indexes (file://, loopback HTTP, the modelled
#   network); FORMAT=md prints the figures as Markdown table rows (what bench/all.sh assembles). layerfit is the
#   self-contained release archive's bin/layerfit (bench/archive-layerfit.sh), or LAYERFIT=PATH.
# Needs: pip, python3, the local index (/opt/pypi, /opt/pypi-more). pip's configuration files are ignored by both
# tools (PIP_CONFIG_FILE=/dev/null) so that each searches only the index given here.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
latency="${LATENCY_MS:-20}"   # the modelled network: per-answer delay and one shared link
mbps="${MBPS:-200}"
req="${REQ:-examples/seed-app/requirements.txt}"   # REQ=bench/sets/web.txt for another set
modes=" ${MODES:-file http wan} "
format="${FORMAT:-text}"
lf="${LAYERFIT:-$(bench/archive-layerfit.sh)}"
"$lf" --version >/dev/null
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
  LAYERFIT_CACHE_DIR="$work/lf-cache" "$lf" resolve "$req" --python-version 3.11 --glibc 2.34 \
    --index-url "$index" --extra-index-url "$extra" "$@"
}
pip_run() {  # $1 = cold|warm, $2 = index url, $3 = extra index url
  local cache=(--cache-dir "$work/pip-cache")
  [ "$1" = cold ] && cache=(--no-cache-dir)
  pip install --dry-run --ignore-installed --quiet --target "$work/t" --report "$work/pip.json" "${cache[@]}" \
    --only-binary=:all: --python-version 3.11 --implementation cp --abi cp311 $platforms \
    --trusted-host 127.0.0.1 --index-url "$2" --extra-index-url "$3" -r "$req"
}
ms_of() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
median_ms() {  # runs "$@" $runs times, prints the median wall time in ms
  local i; for i in $(seq "$runs"); do ms_of "$@"; done | median
}
paired() {  # KEY MODE INDEX EXTRA: layerfit and pip alternately, $runs times each; medians into ms[lf_KEY], ms[pip_KEY]
  local key=$1 mode=$2 index=$3 extra=$4 i
  : >"$work/lf.times"; : >"$work/pip.times"
  for i in $(seq "$runs"); do
    ms_of layerfit_run "$mode" "$index" "$extra" >>"$work/lf.times"
    ms_of pip_run "$mode" "$index" "$extra" >>"$work/pip.times"
  done
  ms[lf_$key]=$(median <"$work/lf.times"); ms[pip_$key]=$(median <"$work/pip.times")
}

file_index=file:///opt/pypi/simple; file_extra=file:///opt/pypi-more/simple
http_index="${base}0/simple/"; http_extra="${base}1/simple/"
declare -A ms
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
warm_up() {  # fills both tools' caches for INDEX EXTRA
  layerfit_run cold "$1" "$2" >/dev/null 2>&1 || true
  rm -rf "$work/pip-cache"; pip_run warm "$1" "$2" >/dev/null 2>&1 || true
}
if [[ "$modes" == *" file "* ]]; then
  paired file_cold cold "$file_index" "$file_extra"
  warm_up "$file_index" "$file_extra"
  paired file_warm warm "$file_index" "$file_extra"
fi
if [[ "$modes" == *" http "* ]]; then
  paired http_cold cold "$http_index" "$http_extra"
  ms[lf_http_cold_noprefetch]=$(median_ms layerfit_run cold "$http_index" "$http_extra" --metadata-threads 0)
  warm_up "$http_index" "$http_extra"
  paired http_warm warm "$http_index" "$http_extra"
fi
wan_index="${wan_base}0/simple/"; wan_extra="${wan_base}1/simple/"
if [[ "$modes" == *" wan "* ]]; then
  paired wan_cold cold "$wan_index" "$wan_extra"
  ms[lf_wan_cold_noprefetch]=$(median_ms layerfit_run cold "$wan_index" "$wan_extra" --metadata-threads 0)
  warm_up "$wan_index" "$wan_extra"
  paired wan_warm warm "$wan_index" "$wan_extra"
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# the set's size, and the bytes each tool moved over HTTP (cold, one run each)
layerfit_run cold "$file_index" "$file_extra" --json >"$work/lf.json" 2>/dev/null
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["packages"]))' "$work/lf.json")
bytes_line=""
if [[ "$modes" == *" http "* ]]; then
  before=$(served); layerfit_run cold "$http_index" "$http_extra" --json --debug >"$work/lf-http.json" 2>"$work/lf.err"; after=$(served)
  lf_served=$((after - before))
  lf_stats=$(grep -o 'TransferStats.*' "$work/lf.err")
  before=$(served); pip_run cold "$http_index" "$http_extra" >/dev/null 2>&1; after=$(served)
  pip_served=$((after - before))
  wheels=$(python3 - "$work/lf-http.json" <<'PY'
import json, os, sys, urllib.parse
roots = ["/opt/pypi", "/opt/pypi-more"]
total = 0
for p in json.load(open(sys.argv[1]))["packages"]:
    path = urllib.parse.unquote(urllib.parse.urlparse(p["url"]).path).split("/", 2)
    total += os.path.getsize(os.path.join(roots[int(path[1])], path[2]))
print(total)
PY
)
  bytes_line="HTTP bytes, cold: layerfit $lf_served served ($lf_stats) = $(awk -v a="$lf_served" -v b="$wheels" 'BEGIN {printf "%.2f", 100 * a / b}')% of the chosen wheels' $wheels bytes; pip $pip_served served"
fi

label_of() {
  case "$1" in
    file_cold) echo "file://, cold" ;; file_warm) echo "file://, warm (metadata cached)" ;;
    http_cold) echo "loopback HTTP, cold" ;; http_warm) echo "loopback HTTP, warm" ;;
    wan_cold) echo "HTTP ${latency} ms + ${mbps} Mbit/s, cold" ;; wan_warm) echo "HTTP ${latency} ms + ${mbps} Mbit/s, warm" ;;
  esac
}
aim_of() { case "$1" in file_cold) echo "0.2" ;; file_warm) echo "0.1" ;; *) echo "" ;; esac; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
keys=(); for k in file_cold file_warm http_cold http_warm wan_cold wan_warm; do [ -n "${ms[lf_$k]:-}" ] && keys+=("$k"); done
set_name="$(basename "$req" .txt)"
if [ "$format" = md ]; then
  for k in "${keys[@]}"; do
    r=$(ratio "${ms[lf_$k]}" "${ms[pip_$k]}"); aim="$(aim_of "$k")"; verdict=""
    [ -n "$aim" ] && verdict="≤ ${aim}×: $(awk -v r="$r" -v a="$aim" 'BEGIN {print (r <= a) ? "met" : "**not met**"}')"
    echo "| $set_name ($n) | resolve, $(label_of "$k") | ${ms[lf_$k]} | ${ms[pip_$k]} | ${r}× | $verdict | $load_before → $load_after |"
  done
  exit 0
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $load_before before, $load_after after; $lf ($("$lf" --version | tail -1)), $(pip --version | cut -d' ' -f1-2)"
echo "set: $req ($n packages), target: Python 3.11, glibc 2.34, x86_64; median of $runs whole-process runs, layerfit and pip alternately"
printf '%-38s %10s %10s %8s\n' "" "layerfit" "pip" "lf/pip"
for k in "${keys[@]}"; do
  printf '%-38s %8s ms %7s ms %7sx\n' "$(label_of "$k")" "${ms[lf_$k]}" "${ms[pip_$k]}" "$(ratio "${ms[lf_$k]}" "${ms[pip_$k]}")"
done
if [ -n "${ms[lf_http_cold_noprefetch]:-}" ]; then echo "layerfit cold without prefetch (--metadata-threads 0): loopback ${ms[lf_http_cold_noprefetch]} ms"; fi
if [ -n "${ms[lf_wan_cold_noprefetch]:-}" ]; then echo "layerfit cold without prefetch (--metadata-threads 0): modelled network ${ms[lf_wan_cold_noprefetch]} ms"; fi
if [ -n "$bytes_line" ]; then echo "$bytes_line"; fi
