#!/usr/bin/env bash
# The peer rig (../shared/bench-peer, issue 17) against this checkout, authenticated.
#
#   bash bench/peer.sh                                  # the rig's defaults: 2 runs x 15 s x 10 connections
#   TARGETS=ours,naive QUERIES=Q2 RUNS=1 bash bench/peer.sh
#   UPSTREAM_DELAY_MS=20 bash bench/peer.sh
#
# Every GraphQL request to the gateway needs credentials, and the rig sends none. So this script
# runs the rig from a copy (as the rig itself does where its folder is read-only) whose load driver
# adds the headers named by OURS_HEADERS (JSON) to its requests to `ours` only, and starts the
# gateway with API_KEYS_FILE holding the SHA-256 of a key made for this run, scope `read`, provider
# MASTERCARD_US — the documented way any caller gets a key. The gateway has no bypass.
set -euo pipefail
cd "$(dirname "$0")/.."
project="$PWD"
rig="$(cd "${BENCH_PEER_DIR:-../../shared/bench-peer}" 2>/dev/null || cd /work/shared/bench-peer; pwd)"
work="${BENCH_PEER_WORK:-${TMPDIR:-/tmp}/bench-peer-ours-$(id -u)}"
mkdir -p "$work"
(cd "$rig" && tar --exclude=node_modules --exclude=results -cf - .) | (cd "$work" && tar -xf -)
chmod -R u+w "$work"

# The one change to the copy: OURS_HEADERS on the requests to ours (port 4003), nowhere else.
node - "$work/load/bench.mjs" <<'JS'
const fs = require('node:fs');
const file = process.argv[2];
let src = fs.readFileSync(file, 'utf8');
const plain = "headers: { 'content-type': 'application/json' }";
const gqlLine = "const r = await fetch(url, { method: 'POST', " + plain;
const cannonLine = "cannonOpts: { url: spec.url, method: 'POST', " + plain;
if (!src.includes(gqlLine) || !src.includes(cannonLine)) throw new Error('bench.mjs changed: cannot add OURS_HEADERS');
src = src
  .replace(gqlLine, "const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...oursHeaders(url) }")
  .replace(cannonLine, "cannonOpts: { url: spec.url, method: 'POST', headers: { 'content-type': 'application/json', ...oursHeaders(spec.url) }")
  .replace('const gql = async', "const oursHeaders = (url) => (env.OURS_HEADERS && url.startsWith('http://127.0.0.1:4003/') ? JSON.parse(env.OURS_HEADERS) : {});\nconst gql = async");
fs.writeFileSync(file, src);
JS

key="bench_$(node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))')"
hash="$(printf %s "$key" | sha256sum | cut -d' ' -f1)"
printf '[{"id":"bench-peer","sha256":"%s","scopes":["read"],"providers":["MASTERCARD_US"]}]\n' "$hash" > "$work/api-keys.json"

npm run build --silent
# A bulk caller's allowance: the rig sends thousands of reference queries a minute.
export PROJECT_DIR="$project" API_KEYS_FILE="$work/api-keys.json" OURS_HEADERS="{\"x-api-key\":\"$key\"}" \
  RATE_LIMIT_COST_PER_MINUTE="${RATE_LIMIT_COST_PER_MINUTE:-1000000000}"
exec bash "$work/run.sh"
