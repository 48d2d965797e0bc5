#!/usr/bin/env bash
# pip parity: for every requirement set in src/test/resources/pip-parity/ and two targets (python3.11 = glibc 2.26,
# and --python-version 3.11 --glibc 2.34; both x86_64), compares the versions and wheels `layerfit resolve` picks
# with what `pip install --dry-run --report` picks on the same local index, and prints a table.
#
# Usage: bench/pip-parity.sh [SET...]     (default: every set)
# Needs: pip, python3 and the local index (/opt/pypi/simple, /opt/pypi-more/simple). pip's own configuration applies
# to both tools (layerfit reads it too); the index URLs are given on both command lines so pip never tries pypi.org.
set -euo pipefail
cd "$(dirname "$0")/.."
index="${LAYERFIT_PARITY_INDEX:-file:///opt/pypi/simple}"
extra="${LAYERFIT_PARITY_EXTRA_INDEX:-file:///opt/pypi-more/simple}"
command -v pip >/dev/null || { echo "pip-parity: pip is not installed" >&2; exit 2; }
[ -d /opt/pypi/simple ] || { echo "pip-parity: no local index at /opt/pypi/simple" >&2; exit 2; }
./layerfit --version >/dev/null
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export LAYERFIT_CACHE_DIR="$work/cache"

platforms() {  # every manylinux platform tag from glibc 2.$1 down to 2.5, with the legacy aliases (pip does not expand them)
  local out="" m
  for m in $(seq "$1" -1 5); do out="$out --platform manylinux_2_${m}_x86_64"; done
  [ "$1" -ge 17 ] && out="$out --platform manylinux2014_x86_64"
  [ "$1" -ge 12 ] && out="$out --platform manylinux2010_x86_64"
  echo "$out --platform manylinux1_x86_64 --platform linux_x86_64"
}

pins_of_pip() {  # report.json -> "name==version filename" lines, sorted
  python3 - "$1" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
for i in r["install"]:
    name = re.sub(r"[-_.]+", "-", i["metadata"]["name"]).lower()
    print(f'{name}=={i["metadata"]["version"]} {i["download_info"]["url"].rsplit("/", 1)[1]}')
PY
}

pins_of_layerfit() {  # resolve --json -> the same form
  python3 -c 'import json,sys
for p in json.load(sys.stdin)["packages"]: print(p["name"] + "==" + p["version"] + " " + p["filename"])'
}

sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=($(ls src/test/resources/pip-parity | sed 's/\.txt$//'))
printf '%-22s %-26s %-10s %s\n' "set" "target" "result" "detail"
same=0; total=0
for s in "${sets[@]}"; do
  req="src/test/resources/pip-parity/$s.txt"
  for target in "python3.11" "3.11/2.34"; do
    if [ "$target" = python3.11 ]; then glibc=26; flags=(--runtime python3.11); else glibc=34; flags=(--python-version 3.11 --glibc 2.34); fi
    set +e
    pip install --dry-run --ignore-installed --quiet --disable-pip-version-check --target "$work/t" --report "$work/pip.json" \
      --only-binary=:all: --python-version 3.11 --implementation cp --abi cp311 $(platforms $glibc) \
      --index-url "$index" --extra-index-url "$extra" -r "$req" >"$work/pip.out" 2>&1
    pip_rc=$?
    ./layerfit resolve "$req" "${flags[@]}" --index-url "$index" --extra-index-url "$extra" --json >"$work/lf.json" 2>"$work/lf.err"
    lf_rc=$?
    set -e
    total=$((total + 1))
    if [ $pip_rc -ne 0 ] || [ $lf_rc -ne 0 ]; then
      if [ $pip_rc -ne 0 ] && [ $lf_rc -eq 1 ]; then
        result=same; detail="both fail: $(grep -m1 -o 'No matching distribution found for [^ ]*\|ResolutionImpossible' "$work/pip.out" || echo 'pip failed')"
        same=$((same + 1))
      else
        result=DIFFERENT; detail="pip exit $pip_rc, layerfit exit $lf_rc: $(head -c 200 "$work/lf.err")"
      fi
    else
      pins_of_pip "$work/pip.json" | sort >"$work/pip.pins"
      pins_of_layerfit <"$work/lf.json" | sort >"$work/lf.pins"
      if cmp -s "$work/pip.pins" "$work/lf.pins"; then
        result=same; detail="$(wc -l <"$work/lf.pins") packages"; same=$((same + 1))
      else
        result=DIFFERENT; detail="$(diff "$work/pip.pins" "$work/lf.pins" | grep '^[<>]' | tr '\n' ';' | head -c 400)"
      fi
    fi
    printf '%-22s %-26s %-10s %s\n' "$s" "$target" "$result" "$detail"
  done
done
echo "$same of $total the same"
[ "$same" -eq "$total" ]
