#!/usr/bin/env bash
# The rig's Q1 against the Apollo Server floor (bench/apollo-floor/server.mjs) and Hive Gateway + Mesh,
# in one run (issue 17): how fast can any gateway on Apollo Server 5 + fastify answer Q1 on this machine?
#   bash bench/apollo-floor.sh            # TARGETS=mesh,ours QUERIES=Q1 RUNS=2 unless set
set -euo pipefail
cd "$(dirname "$0")/.."
rig="$(cd "${BENCH_PEER_DIR:-../shared/bench-peer}" 2>/dev/null || cd /work/shared/bench-peer; pwd)"
floor=$(mktemp -d)
mkdir -p "$floor/dist"
printf 'await import(%s);\n' "$(node -e 'console.log(JSON.stringify(require("url").pathToFileURL(process.argv[1]).href))' "$PWD/bench/apollo-floor/server.mjs")" > "$floor/dist/main.js"
printf '{"type":"module"}\n' > "$floor/package.json"
export PROJECT_DIR="$floor" TARGETS="${TARGETS:-mesh,ours}" QUERIES="${QUERIES:-Q1}" RUNS="${RUNS:-2}"
exec bash "$rig/run.sh"
