#!/usr/bin/env bash
# Times `layerfit build` against `pip install --target` + `zip -r -6` on the bundled example's merged requirements
# (examples/seed-app/requirements.txt, 33 packages) for Python 3.11 on glibc 2.34 x86_64, same local file:// index,
# same run: pip+zip (each timed), layerfit build --slim none with a cold cache (fresh LAYERFIT_CACHE_DIR every run),
# and layerfit build --slim none again on a warm cache (the build cache hit). Medians of N whole-process runs, with
# the unzipped (sum of file sizes, as Lambda counts) and zipped sizes of each result.
#
# Usage: [REQ=FILE] [FORMAT=md] bench/build.sh [RUNS]      (default 3; REQ defaults to the example's merged requirements)
#   FORMAT=md prints Markdown table rows (what bench/all.sh assembles). layerfit is the self-contained release
#   archive's bin/layerfit (bench/archive-layerfit.sh), or LAYERFIT=PATH. Each round runs pip + zip, then layerfit.
# Needs: pip, zip, python3, the local index (/opt/pypi, /opt/pypi-more). pip's configuration is ignored by both
# tools (PIP_CONFIG_FILE=/dev/null).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
req="${REQ:-examples/seed-app/requirements.txt}"   # REQ=bench/sets/web.txt for another set
index=file:///opt/pypi/simple
extra=file:///opt/pypi-more/simple
format="${FORMAT:-text}"
lf="${LAYERFIT:-$(bench/archive-layerfit.sh)}"
"$lf" --version >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
platforms=""; for m in $(seq 34 -1 5); do platforms="$platforms --platform manylinux_2_${m}_x86_64"; done
platforms="$platforms --platform manylinux2014_x86_64 --platform manylinux2010_x86_64 --platform manylinux1_x86_64 --platform linux_x86_64"

pip_install() {
  rm -rf "$work/T"
  pip install --quiet --no-cache-dir --target "$work/T" --only-binary=:all: --python-version 3.11 --implementation cp \
    --abi cp311 $platforms --index-url "$index" --extra-index-url "$extra" -r "$req"
}
zip_it() { rm -f "$work/pip.zip"; (cd "$work/T" && zip -q -r -6 "$work/pip.zip" .); }
lf_cold() {
  rm -rf "$work/lf-cache"
  LAYERFIT_CACHE_DIR="$work/lf-cache" "$lf" build "$req" --python-version 3.11 --glibc 2.34 --slim none \
    --index-url "$index" --extra-index-url "$extra" -o "$work/cold.zip"
}
lf_warm() {
  LAYERFIT_CACHE_DIR="$work/lf-cache" "$lf" build "$req" --python-version 3.11 --glibc 2.34 --slim none \
    --index-url "$index" --extra-index-url "$extra" -o "$work/warm.zip"
}
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
unzipped() { python3 -c 'import sys, zipfile; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))' "$1"; }

p=(); z=(); t=(); c=(); w=()
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$runs"); do
  a=$(ms pip_install); b=$(ms zip_it); p+=("$a"); z+=("$b"); t+=($((a + b)))
  c+=("$(ms lf_cold)")
  w+=("$(ms lf_warm)")
done
# the same files as layerfit's layer, zipped by zip -6, to compare zipped sizes like for like
mkdir -p "$work/same" && (cd "$work/same" && unzip -q "$work/cold.zip" && zip -q -r -6 "$work/same.zip" .)
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
pt=$(median "${t[@]}"); ct=$(median "${c[@]}"); wt=$(median "${w[@]}")
cmp -s "$work/cold.zip" "$work/warm.zip" || { echo "cold and warm zips differ" >&2; exit 1; }
if [ "$format" = md ]; then
  set_name="$(basename "$req" .txt)"
  n="$(unzip -Z1 "$work/cold.zip" | grep -c '\.dist-info/METADATA$' || true)"
  r=$(awk -v a="$ct" -v b="$pt" 'BEGIN{printf "%.3f", a/b}')
  echo "| $set_name ($n) | build --slim none, cold (pip + zip: $(median "${p[@]}") + $(median "${z[@]}") ms) | $ct | $pt | ${r}× | ≤ 0.3×: $(awk -v r="$r" 'BEGIN {print (r <= 0.3) ? "met" : "**not met**"}') | $load_before → $load_after |"
  echo "| $set_name ($n) | build --slim none, warm (build cache) | $wt | $pt | $(awk -v a="$wt" -v b="$pt" 'BEGIN{printf "%.3f", a/b}')× | | $load_before → $load_after |"
  exit 0
fi
echo "machine: $(nproc) cores, load average $load_before before, $load_after after; $lf ($("$lf" --version | tail -1)), $(pip --version | cut -d' ' -f1-2)"
echo "runs: $runs (median wall ms, whole processes)"
printf '%-34s %9s %14s %12s\n' "" "ms" "unzipped B" "zipped B"
printf '%-34s %9s %14s %12s\n' "pip install --target" "$(median "${p[@]}")" "$(du -sb --apparent-size "$work/T" | cut -f1)" "-"
printf '%-34s %9s %14s %12s\n' "zip -r -6" "$(median "${z[@]}")" "$(unzipped "$work/pip.zip")" "$(stat -c %s "$work/pip.zip")"
printf '%-34s %9s\n' "pip + zip" "$pt"
printf '%-34s %9s %14s %12s   %s\n' "layerfit build --slim none (cold)" "$ct" "$(unzipped "$work/cold.zip")" \
  "$(stat -c %s "$work/cold.zip")" "$(awk -v a="$ct" -v b="$pt" 'BEGIN{printf "%.3fx", a/b}')"
printf '%-34s %9s %14s %12s   %s\n' "layerfit build --slim none (warm)" "$wt" "$(unzipped "$work/warm.zip")" \
  "$(stat -c %s "$work/warm.zip")" "$(awk -v a="$wt" -v b="$pt" 'BEGIN{printf "%.3fx", a/b}')"
printf '%-34s %9s %14s %12s\n' "zip -r -6 of layerfit's files" "-" "$(unzipped "$work/same.zip")" "$(stat -c %s "$work/same.zip")"
