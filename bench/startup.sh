#!/usr/bin/env bash
# Start-up, whole process, in one run: `layerfit --version` and `layerfit analyze` of a real ~250 MB layer zip,
# from the self-contained release archive (bin/layerfit as shipped; then the same runtime and jar with its AOT
# cache, with an AOT cache that keeps the training run's method profiles, with a dynamic class-data sharing archive
# from the same training run, and with neither), the launcher of the commit before the start-up work
# (BASELINE_COMMIT, built once into target/bench/), and Python's zipfile summing the same zip's sizes.
#
# The machine may be shared: the runs are interleaved (one of each variant per round), so a change of load hits
# every variant alike, and each figure is the median of RUNS rounds, wall time and CPU time (user + sys). The
# ratios are between figures of this run. Prints a Markdown table (and the load average before and after).
#
# Usage: bench/startup.sh [RUNS]     (default 11)
#   Needs target/layerfit-VERSION-OS-ARCH.tar.gz (./mvnw -B -Prelease package -DskipTests) and
#   target/bench/real-layer.zip (made by bench/make-real-layer.sh when missing). LAYERFIT_RELEASE_ARCHIVE names
#   another archive; LAYERFIT_BASELINE=path/to/an/older/layerfit another baseline launcher (none: leave it out).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-11}"
layer=target/bench/real-layer.zip
[ -f "$layer" ] || bench/make-real-layer.sh "$layer" >&2
archive="${LAYERFIT_RELEASE_ARCHIVE:-}"
[ -n "$archive" ] || archive="$( (ls target/layerfit-*-linux-*.tar.gz target/layerfit-*-macos-*.tar.gz 2>/dev/null || true) | head -n 1)"
[ -n "$archive" ] || { echo "no release archive in target/: run ./mvnw -B -Prelease package -DskipTests" >&2; exit 2; }
baseline_commit="${BASELINE_COMMIT:-4949c38}"   # main before the start-up work of issue 12
baseline="${LAYERFIT_BASELINE:-}"
if [ -z "$baseline" ]; then
  baseline="target/bench/baseline-$baseline_commit/layerfit"
  if [ ! -f "target/bench/baseline-$baseline_commit/target/layerfit.jar" ]; then
    echo "building the baseline launcher of $baseline_commit into target/bench/ (once)..." >&2
    rm -rf "target/bench/baseline-$baseline_commit"; mkdir -p "target/bench/baseline-$baseline_commit"
    git archive "$baseline_commit" | tar -x -C "target/bench/baseline-$baseline_commit"
    (cd "target/bench/baseline-$baseline_commit" && ./mvnw -q -B -DskipTests package >&2)
  fi
  "$baseline" --version >/dev/null   # its first run makes its class-data archive, outside the timing
fi
[ "$baseline" = none ] && baseline=""
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
home="$(echo "$work"/layerfit-*)"
java="$home/runtime/bin/java"; jar="$home/lib/layerfit.jar"
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
export LAYERFIT_CACHE_DIR="$work/cache"
# the other kinds of start-up archive, from the same training run as the shipped one: a dynamic class-data
# sharing archive, and an AOT cache with the training run's method profiles (the JDK's default)
"$java" -XX:ArchiveClassesAtExit="$work/layerfit.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "${flags[@]}" \
  -jar "$jar" dev train-startup >/dev/null 2>&1
"$java" -XX:AOTCacheOutput="$work/profiled.aot" -Xlog:aot=off -Xlog:cds=off "${flags[@]}" \
  -jar "$jar" dev train-startup >/dev/null 2>&1
aot_file="$home/lib/layerfit.aot"; [ -f "$aot_file" ] || aot_file="$work/profiled.aot"
aot=(-XX:AOTCache="$aot_file" -Xlog:aot=off -Xlog:cds=off)
profiled=(-XX:AOTCache="$work/profiled.aot" -Xlog:aot=off -Xlog:cds=off)
cds=(-XX:SharedArchiveFile="$work/layerfit.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
py=(python3 -c 'import sys,zipfile; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))' "$layer")

# variants: a label and a command line (@version and @analyze stand for the command's arguments)
labels=(); commands=()
variant() { labels+=("$1"); shift; local q; q="$(printf '%q ' "$@")"; commands+=("$q"); }
for cmd in version analyze; do
  shown="--version"; [ "$cmd" = analyze ] && shown="analyze real-layer.zip"
  variant "archive \`bin/layerfit $shown\` (as shipped)" "$home/bin/layerfit" @$cmd
  variant "  same runtime and jar, \`$shown\`, its AOT cache" "$java" "${aot[@]}" "${flags[@]}" -jar "$jar" @$cmd
  variant "  same, AOT cache with method profiles (JDK default)" "$java" "${profiled[@]}" "${flags[@]}" -jar "$jar" @$cmd
  variant "  same, CDS archive" "$java" "${cds[@]}" "${flags[@]}" -jar "$jar" @$cmd
  variant "  same, neither" "$java" "${flags[@]}" -jar "$jar" @$cmd
  if [ "$cmd" = version ] && [ -n "$baseline" ]; then variant "before ($baseline_commit): \`./layerfit --version\`" "$baseline" @version; fi
done
variant "\`python3 -c\` zipfile \`sum(i.file_size …)\`" "${py[@]}"

run_once() {  # $1 = index; appends "wall cpu" to $work/t.$1
  local cmd="${commands[$1]}" t0 t1
  cmd="${cmd//@version/--version}"; cmd="${cmd//@analyze/analyze $(printf '%q' "$layer")}"
  t0=$(date +%s%N)
  eval "/usr/bin/time -o $work/time -f '%U %S' $cmd" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(tail -n 1 "$work/time" | awk '{printf "%d", ($1 + $2) * 1000}')" >>"$work/t.$1"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!commands[@]}"; do run_once "$i"; : >"$work/t.$i"; done   # one warm-up round, not counted
for _ in $(seq "$runs"); do
  for i in "${!commands[@]}"; do run_once "$i"; done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

declare -A wall cpu
for i in "${!commands[@]}"; do
  wall[$i]=$(cut -d' ' -f1 "$work/t.$i" | median); cpu[$i]=$(cut -d' ' -f2 "$work/t.$i" | median)
done
last=$(( ${#commands[@]} - 1 ))                     # python
base_i=""; for i in "${!labels[@]}"; do case "${labels[$i]}" in before*) base_i=$i ;; esac; done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f×", a / b; else print "–"}'; }

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $load_before before and $load_after after;"
echo "archive $(basename "$archive") ($("$java" -version 2>&1 | head -1)); layer $layer ($("${py[@]}") bytes unzipped)."
echo "\`bench/startup.sh $runs\`, $(date -u '+%Y-%m-%d %H:%M UTC'): medians of $runs interleaved whole-process runs."
echo
echo "| command | wall ms | CPU ms | wall ratio | CPU ratio |"
echo "|---|---:|---:|---:|---:|"
for i in "${!commands[@]}"; do
  r1="" r2=""
  if [ -n "$base_i" ] && [[ "${commands[$i]}" == *@version* ]]; then
    r1="$(ratio "${wall[$i]}" "${wall[$base_i]}") of before"; r2="$(ratio "${cpu[$i]}" "${cpu[$base_i]}") of before"
  elif [[ "${commands[$i]}" == *@analyze* ]]; then
    r1="$(ratio "${wall[$i]}" "${wall[$last]}") of Python"; r2="$(ratio "${cpu[$i]}" "${cpu[$last]}") of Python"
  fi
  echo "| ${labels[$i]} | ${wall[$i]} | ${cpu[$i]} | $r1 | $r2 |"
done
