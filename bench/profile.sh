#!/usr/bin/env bash
# Load one build with the peer rig's Q1 or Q2 and report what it cost (issue 17, docs/performance.md):
# the rig's mock upstream and `dist/main.js` of a checkout (started as the rig starts it: SANDBOX=false,
# Mastercard US only, LOG_LEVEL=warn, an API key made for the run), 3 s of warm-up, then `seconds` of
# autocannon at 10 connections; prints req/s, latency, the gateway's CPU ms per request (utime + stime
# from /proc) and its peak RSS, and with `yes` writes a V8 CPU profile and summarises it
# (bench/profile-summary.mjs). Not a test and not the rig: quote rig ratios for claims.
#
#   npm run build && bash bench/profile.sh . Q2 12 yes
#   NODE_FLAGS="--trace-gc" bash bench/profile.sh . Q2 10 no       # node flags for the gateway
#   HEAP_OUT=/tmp/q2.heapprofile NODE_FLAGS="--import ./bench/heap-sampler.mjs" bash bench/profile.sh . Q2 10 no
#
# Needs the rig installed once (bash bench/peer.sh), for its autocannon. Ports: UP (4210), GW (4213).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
co=$(cd "${1:-.}" && pwd); q=${2:-Q2}; secs=${3:-10}; prof=${4:-yes}
rig="$(cd "${BENCH_PEER_DIR:-$here/../../shared/bench-peer}" 2>/dev/null || cd /work/shared/bench-peer; pwd)"
ac=$(ls "$rig/load/node_modules/.bin/autocannon" "${TMPDIR:-/tmp}/bench-peer-ours-$(id -u)/load/node_modules/.bin/autocannon" 2>/dev/null | head -1 || true)
[ -n "$ac" ] || { echo "autocannon not found: run bash bench/peer.sh once (it installs the rig)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/profile.XXXX")
key="bench_$(node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))')"
hash="$(printf %s "$key" | sha256sum | cut -d' ' -f1)"
printf '[{"id":"profile","sha256":"%s","scopes":["read"],"providers":["MASTERCARD_US"]}]\n' "$hash" > "$work/keys.json"
UP=${UP:-4210}; GW=${GW:-4213}
PORT=$UP HOST=127.0.0.1 node "$rig/upstream/server.mjs" > "$work/upstream.log" 2>&1 & up=$!
args=""; [ "$prof" = yes ] && args="--cpu-prof --cpu-prof-dir=$work/prof"
(cd "$co" && exec env NODE_ENV=production PORT=$GW LOG_LEVEL=warn SANDBOX=false API_KEYS_FILE="$work/keys.json" RATE_LIMIT_COST_PER_MINUTE=1000000000 \
  MASTERCARD_US_BASE_URL=http://127.0.0.1:$UP MASTERCARD_US_PARTNER_ID=bench-partner MASTERCARD_US_PARTNER_SECRET=bench-secret MASTERCARD_US_APP_KEY=bench-app-key \
  node $args ${NODE_FLAGS:-} dist/main.js) > "$work/gateway.log" 2>&1 & gw=$!
trap 'kill $up 2>/dev/null || true; kill $gw 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$GW/healthz" && break; sleep 0.2; done
Q1='{ customers(provider: MASTERCARD_US, first: 20) { edges { node { id name } } } }'
Q2='{ customers(provider: MASTERCARD_US, first: 20) { edges { node { id accounts { edges { node { id balance { amount } transactions(first: 10, filter: { from: "2000-01-01T00:00:00Z" }) { edges { node { id amount { amount } } } } } } } } } } }'
body=$(Q="${!q}" node -e 'console.log(JSON.stringify({ query: process.env.Q }))')
cannon() { "$ac" -c 10 -m POST -H 'content-type: application/json' -H "x-api-key: $key" -b "$body" "$@" "http://127.0.0.1:$GW/graphql"; }
cannon -d 3 > /dev/null 2>&1
cpu() { awk '{ print ($14 + $15) * 10 }' "/proc/$gw/stat"; }
c0=$(cpu)
cannon -d "$secs" -j > "$work/autocannon.json" 2> /dev/null
c1=$(cpu)
node -e '
const r = require(process.argv[1]); const cpu = process.argv[2] - process.argv[3];
console.log(`req/s ${r.requests.average}, ${r.requests.total} requests, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}, CPU ${(cpu / r.requests.total).toFixed(3)} ms per request`)' \
  "$work/autocannon.json" "$c1" "$c0"
grep VmHWM "/proc/$gw/status"
[ -n "${HEAP_OUT:-}" ] && { kill -USR2 $gw; sleep 3; }
kill -INT $gw; wait $gw 2>/dev/null || true
[ "$prof" = yes ] && node "$here/profile-summary.mjs" "$work"/prof/*.cpuprofile
echo "files: $work"
