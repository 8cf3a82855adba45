#!/usr/bin/env bash
# The README's run command (`pnpm demo`): the whole product on this machine against the
# simulator, never stats.nba.com. Installs deps, starts Redis + an S3 server (radosgw) through
# scripts/test-services.sh, the simulator, the dashboard and DEMO_WORKERS workers, enqueues the
# season, and prints `planner status` until every job is done. Ctrl-C stops everything it started.
#
#   pnpm demo                                   # whole simulated season, 1 request / 0.1 s
#   DEMO_RATE_LIMIT_SECONDS=1 DEMO_WORKERS=3 pnpm demo
#   DEMO_DATE_TO=2024-11-15 pnpm demo           # a shorter slice of the season
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

workers=${DEMO_WORKERS:-2}
rate=${DEMO_RATE_LIMIT_SECONDS:-0.1}
sim_port=${DEMO_SIM_PORT:-8787}
sim_tls_port=${DEMO_SIM_TLS_PORT:-8443}
dashboard_port=${DEMO_DASHBOARD_PORT:-3000}
logs=.services/demo
services=scripts/test-services.sh

say() { printf '%s demo: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

pnpm install --frozen-lockfile --reporter=silent
started_services=""
if ! bash "$services" status >/dev/null 2>&1; then
  bash "$services" start
  started_services=1
fi
eval "$(bash "$services" env)"
mkdir -p "$logs"

pids=()
cleanup() {
  say "stopping (logs in $logs/)"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "$started_services" ]]; then bash "$services" stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# HTTPS through the simulator's edge, which answers only a browser's TLS handshake (as Akamai
# does in front of stats.nba.com); its certificate is self-signed, made at start.
export NBA_API_BASE_URL="https://127.0.0.1:${sim_tls_port}/stats"
export NBA_API_INSECURE_TLS=true
export RATE_LIMIT_SECONDS="$rate"
export DASHBOARD_PORT="$dashboard_port"
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

PORT="$sim_port" SIM_TLS_PORT="$sim_tls_port" SIM_EDGE=true SIM_DATE_FROM="${DEMO_DATE_FROM:-}" SIM_DATE_TO="${DEMO_DATE_TO:-}" \
  node --conditions=source --import tsx packages/nba-sim/src/main.ts >"$logs/sim.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:${sim_port}/__sim/health" >/dev/null 2>&1 && break
  sleep 0.2
done
say "simulator on https://127.0.0.1:${sim_tls_port} (edge on; plain HTTP on ${sim_port})"

pnpm -s dashboard >"$logs/dashboard.log" 2>&1 &
pids+=($!)
for i in $(seq 1 "$workers"); do
  pnpm -s worker >"$logs/worker-$i.log" 2>&1 &
  pids+=($!)
done
say "dashboard on http://127.0.0.1:${dashboard_port}/queues, $workers worker(s), 1 NBA request / ${rate} s"

pnpm -s planner enqueue season
while true; do
  sleep 10
  status=$(pnpm -s planner status --json)
  pnpm -s planner status
  if node -e 'const s=JSON.parse(process.argv[1]);const c=s.queue.counts;process.exit((c.waiting||0)+(c.active||0)+(c.delayed||0)+(c.prioritized||0)===0?0:1)' "$status"; then
    say "every job has finished; the Bronze layer is in s3://${S3_BUCKET_NAME}/historical-backfill/ at ${S3_ENDPOINT}"
    break
  fi
done
