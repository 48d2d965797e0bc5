#!/usr/bin/env bash
# Measures ZipIndex: the JMH benchmark ZipIndexBenchmark (entries/s in-process), then the whole-process time
# of indexing the zip once (JVM start included, with the launcher's flags), best of 5.
#
# Usage: bench/zip-index-jmh.sh [LAYER.zip]   (default: a synthetic 3,000-entry zip; see bench/make-real-layer.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
zip="${1:-}"
if [ -n "$zip" ]; then zip="$(realpath "$zip")"; fi

./mvnw -q -B test-compile
cpfile=target/bench-classpath.txt
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat "$cpfile")"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "== JMH (in-process; 'entries' rows are central-directory entries per second)"
"$java_cmd" -cp "$cp" org.openjdk.jmh.Main ZipIndexBenchmark -f 1 -wi 3 -i 5 \
  ${zip:+-jvmArgsAppend "-Dlayerfit.bench.zip=$zip"}

if [ -n "$zip" ]; then
  echo "== whole process: java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ... ZipIndexBenchmark $zip (best of 5)"
  best=""
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$java_cmd" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp target/classes:target/test-classes \
      dev.layerfit.archive.ZipIndexBenchmark "$zip" >/dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  "$java_cmd" -cp target/classes:target/test-classes dev.layerfit.archive.ZipIndexBenchmark "$zip"
  echo "whole process: best ${best} ms"
fi
