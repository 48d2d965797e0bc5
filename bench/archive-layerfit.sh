#!/usr/bin/env bash
# Prints the path of bin/layerfit of the self-contained release archive, unpacked once into target/bench/archive/
# (again when the archive is newer). The benchmarks time this, as a user of the archive runs it; LAYERFIT=PATH in
# their environment times another layerfit instead (e.g. LAYERFIT=./layerfit for the source checkout's launcher).
#
# Usage: bench/archive-layerfit.sh      (needs target/layerfit-VERSION-OS-ARCH.tar.gz: ./mvnw -B -Prelease package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
archive="${LAYERFIT_RELEASE_ARCHIVE:-}"
[ -n "$archive" ] || archive="$( (ls target/layerfit-*-linux-*.tar.gz target/layerfit-*-macos-*.tar.gz 2>/dev/null || true) | head -n 1)"
[ -n "$archive" ] || { echo "no release archive in target/: run ./mvnw -B -Prelease package -DskipTests" >&2; exit 2; }
dest=target/bench/archive
if [ ! -f "$dest/.unpacked" ] || [ "$archive" -nt "$dest/.unpacked" ]; then
  rm -rf "$dest"; mkdir -p "$dest"
  tar -xzf "$archive" -C "$dest"
  echo "$archive" >"$dest/.unpacked"
fi
bin="$(echo "$PWD/$dest"/layerfit-*/bin/layerfit)"
[ -x "$bin" ] || { echo "$archive holds no bin/layerfit" >&2; exit 2; }
printf '%s\n' "$bin"
