#!/usr/bin/env bash
# Instructions per request (valgrind --tool=callgrind), issue 17: a CPU figure the other processes on
# a shared machine cannot move, for comparing two builds of the per-request path.
#
#   npm run build && bash bench/instructions.sh                 # Q1 (customers(first: 20){id name}), dist/main.js
#   Q=Q2 WARM=300 N=50 bash bench/instructions.sh other/main.js # Q2, another build (same folder depth as dist/)
#
# Starts the peer rig's mock (../shared/bench-peer, or BENCH_PEER_DIR) and the gateway under
# callgrind with instrumentation off, warms it up with WARM sequential requests (JIT, caches), counts
# the instructions of the next N, and prints them per request. Needs valgrind (apt-get install -y valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
main=${1:-dist/main.js}
warm=${WARM:-1000}
n=${N:-300}
rig="$(cd "${BENCH_PEER_DIR:-../shared/bench-peer}" 2>/dev/null || cd ../../shared/bench-peer 2>/dev/null || cd /work/shared/bench-peer; pwd)"
work=$(mktemp -d)
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
up_port=$(free_port)
gw_port=$(free_port)
key="bench_$(node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))')"
hash="$(printf %s "$key" | sha256sum | cut -d' ' -f1)"
printf '[{"id":"bench-instructions","sha256":"%s","scopes":["read"],"providers":["MASTERCARD_US"]}]\n' "$hash" > "$work/api-keys.json"

PORT=$up_port HOST=127.0.0.1 node "$rig/upstream/server.mjs" > "$work/upstream.log" 2>&1 &
up=$!
# valgrind names its control pipes after $HOST; the gateway gets the same HOST, and so does callgrind_control.
export HOST=127.0.0.1
env NODE_ENV=production PORT=$gw_port LOG_LEVEL=warn SANDBOX=false API_KEYS_FILE="$work/api-keys.json" \
  RATE_LIMIT_COST_PER_MINUTE=1000000000 MASTERCARD_US_BASE_URL=http://127.0.0.1:$up_port \
  MASTERCARD_US_PARTNER_ID=bench-partner MASTERCARD_US_PARTNER_SECRET=bench-secret MASTERCARD_US_APP_KEY=bench-app-key \
  valgrind --tool=callgrind --instr-atstart=no --vgdb-prefix="$work/vgdb" --callgrind-out-file="$work/callgrind.out" \
  node --single-threaded "$main" > "$work/gateway.log" 2>&1 &
trap 'kill $up 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 600); do curl -s -o /dev/null "http://127.0.0.1:$gw_port/healthz" && break; sleep 1; done
pid=$(grep -m1 -o '^==[0-9]*==' "$work/gateway.log" | tr -d =)

Q1='{ customers(provider: MASTERCARD_US, first: 20) { edges { node { id name } } } }'
Q2='{ customers(provider: MASTERCARD_US, first: 20) { edges { node { id accounts { edges { node { id balance { amount } transactions(first: 10, filter: { from: "2000-01-01T00:00:00Z" }) { edges { node { id amount { amount } } } } } } } } } } }'
q=${Q:-Q1}
send() {
  QUERY="${!q}" KEY="$key" URL="http://127.0.0.1:$gw_port/graphql" COUNT=$1 node --input-type=module -e '
    const body = JSON.stringify({ query: process.env.QUERY });
    const headers = { "content-type": "application/json", "x-api-key": process.env.KEY };
    for (let i = 0; i < Number(process.env.COUNT); i++) {
      const response = await fetch(process.env.URL, { method: "POST", headers, body });
      const text = await response.text();
      if (response.status !== 200 || text.includes("\"errors\"")) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    }'
}
send "$warm"
callgrind_control --vgdb-prefix="$work/vgdb" -i on "$pid" > /dev/null
send "$n"
callgrind_control --vgdb-prefix="$work/vgdb" -i off "$pid" > /dev/null
callgrind_control --vgdb-prefix="$work/vgdb" -d "$pid" > /dev/null
kill -INT "$pid"
wait "$pid" 2>/dev/null || true
dump=$(ls -t "$work"/callgrind.out.* | sed -n 1p)
total=$(callgrind_annotate "$dump" 2>/dev/null | awk '/PROGRAM TOTALS/ && !seen { gsub(",", "", $1); print $1; seen = 1 }')
echo "$main $q: $((total / n)) instructions per request ($n requests after $warm)"
