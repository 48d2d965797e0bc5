#!/usr/bin/env bash
# Records the example's five artifact listings (layers/*.listing) from real wheels. Run once, by a
# maintainer, on a machine whose pip can reach an index holding these wheels; the listings are committed
# so that the example works offline without any index (layerfit materializes zips from them: filler content,
# except the metadata files the inventory reads -- *.dist-info/RECORD, top_level.txt, METADATA, WHEEL,
# INSTALLER -- whose real bytes the listings keep, so files are attributed to distributions as in the real
# layers). Re-recording from the same index gives the same paths and sizes; only the compressed sizes of
# __pycache__/*.pyc move by a few bytes (each .pyc holds its source's mtime, i.e. the install time).
#
#   examples/seed-app/record-listings.sh            # needs python3.11 + pip, and the layerfit launcher
#
# What it records:
#   layers/{numpy,ai,db,utils}.listing  the team's four hand-built layers: `pip install --target python/`
#       of each layers/<name>/requirements.txt, as `zip -r` would store them (directory entries
#       included; __pycache__ compiled by the installing python3.11, as pip does by default).
#   layers/managed.listing  what Chalice builds for "automatic_layer": true: the merged requirements.txt
#       under python/lib/python3.11/site-packages/. Chalice unpacks the wheels itself (no __pycache__,
#       no console scripts) and zips files only, hence --no-compile, no bin/, and --no-directories.
#
# Target: Lambda python3.11 on x86_64 (Amazon Linux 2, glibc 2.26: manylinux up to 2_26). The
# manylinux_2_34 platform is added only because the local index holds cryptography (pulled in by
# google-auth) for manylinux_2_34 alone; that wheel would fail to import on Lambda's python3.11
# (GLIBC_2.34 not found), but what this example needs is its size.
#
# PIP_INDEX_URL defaults to the local index (pip's own configuration adds the extra indexes); set it to
# record from another index.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export PIP_INDEX_URL="${PIP_INDEX_URL:-file:///opt/pypi/simple}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
platforms=(--platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux_2_24_x86_64
           --platform manylinux_2_26_x86_64 --platform manylinux_2_34_x86_64)
target=(--python-version 3.11 --implementation cp --only-binary=:all: "${platforms[@]}")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for name in numpy ai db utils; do
  req="layers/$name/requirements.txt"
  echo "== $name: pip install --target python/ -r $req" >&2
  (cd "$here" && python3.11 -m pip install --quiet --target "$work/$name/python" "${target[@]}" -r "$req")
  "$repo/layerfit" dev record-listing "$work/$name" -o "$here/layers/$name.listing" \
    --source "pip install --target python/ -r examples/seed-app/$req (python3.11, manylinux x86_64)" \
    --command "examples/seed-app/record-listings.sh"
done

echo "== managed: Chalice's automatic layer from requirements.txt" >&2
site="$work/managed/python/lib/python3.11/site-packages"
(cd "$here" && python3.11 -m pip install --quiet --no-compile --target "$site" "${target[@]}" -r requirements.txt)
rm -rf "$site/bin"
"$repo/layerfit" dev record-listing "$work/managed" -o "$here/layers/managed.listing" --no-directories \
  --source "Chalice automatic_layer: wheels of examples/seed-app/requirements.txt unpacked into python/lib/python3.11/site-packages/" \
  --command "examples/seed-app/record-listings.sh"
