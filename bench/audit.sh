#!/usr/bin/env bash
# Audits FUNCTIONS functions in two regions of a local moto server (sharing LAYERS layer versions per region) with
# layerfit's AccountAudit at CONCURRENCY, artifacts served from loopback; prints cold and warm times and how many
# GetLayerVersion calls and layer downloads each run made (each shared layer version must be read once).
#
# Usage: bench/audit.sh [FUNCTIONS=200] [LAYERS=10] [CONCURRENCY=8] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
functions="${1:-200}"; layers="${2:-10}"; concurrency="${3:-8}"; runs="${4:-3}"
command -v moto_server >/dev/null || { echo "bench/audit.sh needs moto_server on PATH" >&2; exit 2; }
./mvnw -q -B test-compile
cpfile=target/bench-classpath.txt
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat "$cpfile")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null && break; sleep 0.2; done
for i in $(seq "$runs"); do
  echo "== run $i"
  java -cp "$cp" dev.layerfit.aws.AuditBench "http://127.0.0.1:$port" "$functions" "$layers" "$concurrency"
done
