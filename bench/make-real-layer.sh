#!/usr/bin/env bash
# Builds a real Lambda layer zip (~250 MB unzipped, ~3,000 entries) from wheels of the machine's local
# PyPI index, for benchmarks: the wheels are unpacked into python/ and zipped at level 6 (Info-ZIP `zip`
# when installed, otherwise Python's zipfile). Prints the entry count and the unzipped size.
#
# Usage: bench/make-real-layer.sh OUTPUT.zip [PROJECT...]
#   PROJECT defaults to: numpy scipy grpcio pillow cryptography lxml psycopg2-binary
#   The index roots come from LAYERFIT_TEST_INDEX (':'-separated) or /opt/pypi/simple:/opt/pypi-more/simple.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 OUTPUT.zip [PROJECT...]" >&2
  exit 2
fi
out="$(realpath -m "$1")"
shift
if [ $# -eq 0 ]; then set -- numpy scipy grpcio pillow cryptography lxml psycopg2-binary; fi
command -v python3 >/dev/null || { echo "$0: python3 is needed to unpack the wheels" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$@" <<'PY'
import html, os, re, sys, zipfile
from urllib.parse import unquote, urljoin
from urllib.request import url2pathname

work, projects = sys.argv[1], sys.argv[2:]
roots = [r for r in os.environ.get("LAYERFIT_TEST_INDEX", "/opt/pypi/simple:/opt/pypi-more/simple").split(":") if os.path.isdir(r)]
if not roots:
    sys.exit("make-real-layer: no local PyPI index (set LAYERFIT_TEST_INDEX)")

def wheel_for(project):
    for root in roots:
        page = os.path.join(root, project, "index.html")
        if not os.path.isfile(page):
            continue
        base = "file://" + os.path.abspath(page)
        for href in re.findall(r'href="([^"#]+)', open(page, encoding="utf-8").read()):
            href = html.unescape(href)
            name = href.rsplit("/", 1)[-1]
            if name.endswith(".whl") and ("-none-any" in name or ("x86_64" in name and "musllinux" not in name
                                                                  and ("cp311" in name or "abi3" in name))):
                path = url2pathname(unquote(urljoin(base, href)[len("file://"):]))
                if os.path.isfile(path):
                    return path
    sys.exit("make-real-layer: no usable wheel for %s in %s" % (project, roots))

target = os.path.join(work, "layer", "python")
for project in projects:
    wheel = wheel_for(project)
    print("unpacking", os.path.basename(wheel), file=sys.stderr)
    zipfile.ZipFile(wheel).extractall(target)
PY

tmp_out="$(dirname "$out")/.$(basename "$out").tmp$$"
rm -f "$tmp_out"
if command -v zip >/dev/null; then
  (cd "$work/layer" && zip -q -r -y -6 "$tmp_out" .)
else
  python3 - "$work/layer" "$tmp_out" <<'PY'
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for d, dirs, files in os.walk(src):
        dirs.sort()
        for n in sorted(dirs + files):
            p = os.path.join(d, n)
            z.write(p, os.path.relpath(p, src))
PY
fi
mv -f "$tmp_out" "$out"
python3 - "$out" <<'PY'
import os, sys, zipfile
infos = zipfile.ZipFile(sys.argv[1]).infolist()
print("%s: %d entries, %d bytes unzipped, %d bytes zipped"
      % (sys.argv[1], len(infos), sum(i.file_size for i in infos), os.path.getsize(sys.argv[1])))
PY
