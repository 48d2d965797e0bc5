#!/usr/bin/env bash
# Start-up, whole process, in one run: `layerfit --version` and `layerfit analyze` of a real ~250 MB layer zip,
# from the self-contained release archive (its AOT cache; the same runtime with a class-data sharing archive
# instead; with neither), the source checkout's ./layerfit, an earlier launcher (LAYERFIT_BASELINE), and
# Python's zipfile summing the same zip. Prints medians.
#
# Usage: bench/startup.sh [RUNS]     (default 11)
#   Needs target/layerfit-VERSION-OS-ARCH.tar.gz (./mvnw -B -Prelease package) and target/bench/real-layer.zip
#   (bench/make-real-layer.sh); LAYERFIT_RELEASE_ARCHIVE names another archive. LAYERFIT_BASELINE=path/to/an/older/layerfit adds that launcher's --version.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-11}"
layer=target/bench/real-layer.zip
[ -f "$layer" ] || bench/make-real-layer.sh "$layer" >&2
archive="${LAYERFIT_RELEASE_ARCHIVE:-}"
[ -n "$archive" ] || archive="$( (ls target/layerfit-*-linux-*.tar.gz target/layerfit-*-macos-*.tar.gz 2>/dev/null || true) | head -n 1)"
[ -n "$archive" ] || { echo "no release archive in target/: run ./mvnw -B -Prelease package" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
home="$(echo "$work"/layerfit-*)"
java="$home/runtime/bin/java"; jar="$home/lib/layerfit.jar"
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
export LAYERFIT_CACHE_DIR="$work/cache"
# the same runtime with a dynamic class-data sharing archive from the same training run, to compare
"$java" -XX:ArchiveClassesAtExit="$work/layerfit.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "${flags[@]}" \
  -jar "$jar" dev train-startup >/dev/null 2>&1
checkout="${LAYERFIT_CHECKOUT:-1}"   # 0: leave out the checkout's ./layerfit (it may rebuild target/)
[ "$checkout" = 0 ] || ./layerfit --version >/dev/null   # builds the checkout's jar and start-up archive outside the timing

median_ms() {  # runs "$@" $runs times; prints the median wall time and the median CPU time (user+sys), in ms
  local walls=() cpus=() t0 t1 c
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N)
    /usr/bin/time -o "$work/time" -f '%U %S' "$@" >/dev/null 2>&1 || true
    c="$(tail -n 1 "$work/time")"
    t1=$(date +%s%N)
    walls+=($(( (t1 - t0) / 1000000 )))
    cpus+=($(echo "$c" | awk '{printf "%d", ($1 + $2) * 1000}'))
  done
  printf '%6s wall %6s cpu' "$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}
aot=("$java" -XX:AOTCache="$home/lib/layerfit.aot" -Xlog:aot=off -Xlog:cds=off "${flags[@]}" -jar "$jar")
cds=("$java" -XX:SharedArchiveFile="$work/layerfit.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "${flags[@]}" -jar "$jar")
none=("$java" "${flags[@]}" -jar "$jar")
py=(python3 -c 'import sys,zipfile; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))' "$layer")

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), archive $(basename "$archive") ($("$java" -version 2>&1 | head -1))"
echo "layer: $layer, $("${py[@]}") bytes unzipped"
echo "median of $runs whole-process runs, ms:"
printf '  %-58s %s\n' "archive bin/layerfit --version (AOT cache)" "$(median_ms "$home/bin/layerfit" --version)"
printf '  %-58s %s\n' "  same runtime, java -jar --version, AOT cache" "$(median_ms "${aot[@]}" --version)"
printf '  %-58s %s\n' "  same runtime, java -jar --version, CDS archive" "$(median_ms "${cds[@]}" --version)"
printf '  %-58s %s\n' "  same runtime, java -jar --version, neither" "$(median_ms "${none[@]}" --version)"
[ "$checkout" = 0 ] || printf '  %-58s %s\n' "checkout ./layerfit --version" "$(median_ms ./layerfit --version)"
[ -n "${LAYERFIT_BASELINE:-}" ] && printf '  %-58s %s\n' "baseline $LAYERFIT_BASELINE --version" "$(median_ms "$LAYERFIT_BASELINE" --version)"
printf '  %-58s %s\n' "archive bin/layerfit analyze real-layer.zip (AOT cache)" "$(median_ms "$home/bin/layerfit" analyze "$layer")"
printf '  %-58s %s\n' "  same runtime, analyze, CDS archive" "$(median_ms "${cds[@]}" analyze "$layer")"
printf '  %-58s %s\n' "  same runtime, analyze, neither" "$(median_ms "${none[@]}" analyze "$layer")"
[ "$checkout" = 0 ] || printf '  %-58s %s\n' "checkout ./layerfit analyze real-layer.zip" "$(median_ms ./layerfit analyze "$layer")"
printf '  %-58s %s\n' "python3 -c zipfile sum(file_size)" "$(median_ms "${py[@]}")"
