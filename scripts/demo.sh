#!/usr/bin/env bash
# The README's run command (`pnpm demo`): the whole product on this machine against the
# simulator, never stats.nba.com. Installs deps, starts Redis + an S3 server (radosgw) through
# scripts/test-services.sh unless they are up, the simulator, the dashboard and DEMO_WORKERS
# workers, enqueues the season and prints `planner status` until every job is done. Then it stops
# the simulator and the workers, copies the Bronze layer to .services/demo/lake/, prints a DuckDB
# query to try on it and keeps the dashboard, the services and the data until Ctrl-C.
# Ctrl-C (or SIGTERM, or an error) stops every process it started, at any point.
#
#   pnpm demo                                   # whole simulated season, 1 request / 0.1 s
#   DEMO_RATE_LIMIT_SECONDS=1 DEMO_WORKERS=3 pnpm demo
#   DEMO_DATE_TO=2024-11-15 pnpm demo           # a shorter slice of the season
#   DEMO_EXIT_WHEN_DONE=1 pnpm demo             # print the summary, stop everything, exit 0
# Also: DEMO_SIM_PORT (8787), DEMO_SIM_TLS_PORT (8443), DEMO_DASHBOARD_PORT (3000), DEMO_DATE_FROM,
# DEMO_REDIS_DB (31) and DEMO_S3_BUCKET_NAME (nba-bronze-demo): the demo's own Redis database
# and bucket on the test services, emptied at start, so it never touches the tests' data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

workers=${DEMO_WORKERS:-2}
rate=${DEMO_RATE_LIMIT_SECONDS:-0.1}
sim_port=${DEMO_SIM_PORT:-8787}
sim_tls_port=${DEMO_SIM_TLS_PORT:-8443}
dashboard_port=${DEMO_DASHBOARD_PORT:-3000}
redis_db=${DEMO_REDIS_DB:-31}
bucket=${DEMO_S3_BUCKET_NAME:-nba-bronze-demo}
exit_when_done=${DEMO_EXIT_WHEN_DONE:-}
status_every=${DEMO_STATUS_SECONDS:-10} # seconds between two `planner status` prints
stop_timeout=${DEMO_STOP_TIMEOUT:-15}   # seconds a process gets after SIGTERM, then SIGKILL
logs=.services/demo
lake=$logs/lake
services=scripts/test-services.sh
node_ts=(node --conditions=source --import tsx) # what the package.json scripts run, minus pnpm

say() { printf '%s demo: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  say "ERROR: $1"
  if [[ -n "${2:-}" && -s "$2" ]]; then tail -n 40 "$2" >&2; fi
  exit 1
}

# ---------------------------------------------------------------- processes
# Every process the demo starts runs in its own session (setsid; pid = process group id), so a
# stop reaches it and whatever it spawned, and Ctrl-C reaches this script, which stops them in
# order. `groups` holds the groups that may still have members.
groups=()
started_services=""

forget() {
  local keep=() g
  for g in "${groups[@]}"; do [[ "$g" == "$1" ]] || keep+=("$g"); done
  groups=("${keep[@]}")
}
# The groups among $@ that still have a live (not zombie) process.
live_groups() {
  (($# > 0)) || return 0
  ps -e -o pgid=,stat= | awk -v want=" $* " '$2 !~ /^Z/ && index(want, " " $1 " ") { print $1 }' | sort -u
}
signal_groups() {
  local sig=$1 g
  shift
  for g in "$@"; do kill "-$sig" -- "-$g" 2>/dev/null || true; done
}
# stop_groups PGID...: SIGTERM, wait up to stop_timeout, SIGKILL, reap.
stop_groups() {
  (($# > 0)) || return 0
  local g deadline=$((SECONDS + stop_timeout))
  signal_groups TERM "$@"
  while [[ -n "$(live_groups "$@")" ]] && ((SECONDS < deadline)); do sleep 0.1; done
  if [[ -n "$(live_groups "$@")" ]]; then
    say "still running after ${stop_timeout}s, sending SIGKILL: $(live_groups "$@" | tr '\n' ' ')"
    signal_groups KILL "$@"
  fi
  for g in "$@"; do # reap; a trapped signal can cut a `wait` short, hence the few rounds
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$g" 2>/dev/null || break
      wait "$g" 2>/dev/null || true
    done
    forget "$g"
  done
}

# spawn LOG CMD...: a long-running process in the background; its pid is in $spawned.
spawn() {
  local log=$1
  shift
  setsid "$@" >"$log" 2>&1 </dev/null &
  spawned=$!
  groups+=("$spawned")
}
# run CMD...: a step the demo waits for. Still its own group, and `wait` lets a signal through
# at once (a foreground command would hold the trap until it ends).
run() {
  local pid rc=0
  setsid "$@" </dev/null &
  pid=$!
  groups+=("$pid")
  wait "$pid" || rc=$?
  forget "$pid"
  return "$rc"
}
planner() { run "${node_ts[@]}" apps/planner/src/main.ts "$@"; }

cleanup() {
  local rc=$?
  set +e # nothing may cut the clean-up short (a closed terminal fails `say`, say)
  # A second Ctrl-C skips the grace period.
  trap 'say "killing what is left"; signal_groups KILL "${groups[@]}"' INT TERM HUP
  if ((${#groups[@]} > 0)); then
    say "stopping everything it started (logs in $logs/)"
    stop_groups "${groups[@]}"
  fi
  if [[ -n "$started_services" ]]; then bash "$services" stop || true; fi
  return "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# wait_http NAME URL PID LOG: until URL answers 2xx, or PID exits, or 60 s pass.
wait_http() {
  local i
  for ((i = 0; i < 300; i++)); do
    curl -fsS -o /dev/null -m 2 "$2" 2>/dev/null && return 0
    [[ -n "$(live_groups "$3")" ]] || die "$1 exited (log: $4)" "$4"
    sleep 0.2
  done
  die "$1 did not answer on $2 within 60 s (log: $4)" "$4"
}

# ---------------------------------------------------------------- set-up
run pnpm install --frozen-lockfile --reporter=silent
if ! bash "$services" status >/dev/null 2>&1; then
  started_services=1
  run bash "$services" start
fi
eval "$(bash "$services" env)"
export REDIS_URL="${REDIS_URL%/}/${redis_db}" S3_BUCKET_NAME="$bucket"
mkdir -p "$logs"
for port in "$sim_port" "$sim_tls_port" "$dashboard_port"; do
  if port_busy "$port"; then
    die "port $port is in use (an earlier demo? see \`ps -ef | grep main.ts\`); choose others with DEMO_SIM_PORT, DEMO_SIM_TLS_PORT, DEMO_DASHBOARD_PORT"
  fi
done

# HTTPS through the simulator's edge, which answers only a browser's TLS handshake (as Akamai
# does in front of stats.nba.com); its certificate is self-signed, made at start.
export NBA_API_BASE_URL="https://127.0.0.1:${sim_tls_port}/stats"
export NBA_API_INSECURE_TLS=true
export RATE_LIMIT_SECONDS="$rate"
export DASHBOARD_PORT="$dashboard_port"
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

# The demo's bucket and Redis database, created if missing and emptied (`prepare`), and the copy
# of the finished Bronze layer (`copy DIR`), with the product's own S3 adapter and configuration.
lake_js='
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { loadConfig } from "@repo/shared/config";
import { createBronzeStore } from "@repo/shared/wiring";
import { Redis } from "ioredis";
const [mode, dir] = process.argv.slice(1);
const config = loadConfig();
const store = createBronzeStore(config);
try {
  if (mode === "prepare") {
    await store.ensureBucket();
    await store.deleteMany(await store.listKeys(""));
    const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    await redis.connect();
    await redis.flushdb();
    redis.disconnect();
  } else {
    const prefix = `${config.outputPrefix}/`;
    await rm(join(dir, config.outputPrefix), { recursive: true, force: true });
    let files = 0;
    for (const key of await store.listKeys(prefix)) {
      if (!key.endsWith(".parquet")) continue;
      const bytes = await store.get(key);
      if (bytes === undefined) continue;
      await mkdir(dirname(join(dir, key)), { recursive: true });
      await writeFile(join(dir, key), bytes);
      files += 1;
    }
    console.log(files);
  }
} finally {
  store.close();
}
'

# ---------------------------------------------------------------- the product
# The simulator needs neither Redis nor S3: it starts while the bucket and database are prepared.
spawn "$logs/sim.log" env PORT="$sim_port" SIM_TLS_PORT="$sim_tls_port" SIM_EDGE=true \
  SIM_DATE_FROM="${DEMO_DATE_FROM:-}" SIM_DATE_TO="${DEMO_DATE_TO:-}" \
  "${node_ts[@]}" packages/nba-sim/src/main.ts
sim=$spawned
run "${node_ts[@]}" --input-type=module -e "$lake_js" prepare
spawn "$logs/dashboard.log" "${node_ts[@]}" apps/dashboard/src/main.ts
dashboard=$spawned
worker_pids=()
for i in $(seq 1 "$workers"); do
  spawn "$logs/worker-$i.log" "${node_ts[@]}" apps/worker/src/main.ts
  worker_pids+=("$spawned")
done
wait_http simulator "http://127.0.0.1:${sim_port}/__sim/health" "$sim" "$logs/sim.log"
say "simulator on https://127.0.0.1:${sim_tls_port} (edge on; plain HTTP on ${sim_port})"
wait_http dashboard "http://127.0.0.1:${dashboard_port}/healthz" "$dashboard" "$logs/dashboard.log"
say "dashboard on http://127.0.0.1:${dashboard_port}/, $workers worker(s), 1 NBA request / ${rate} s"

planner enqueue season
last_print=$SECONDS
while true; do
  planner status --json >"$logs/status.json"
  if node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));const c=s.queue.counts;
    process.exit(s.overall.planned>0&&(c.waiting||0)+(c.active||0)+(c.delayed||0)+(c.prioritized||0)+(c.paused||0)===0?0:1)' \
    "$logs/status.json"; then
    break
  fi
  for pid in "$sim" "$dashboard" "${worker_pids[@]}"; do
    [[ -n "$(live_groups "$pid")" ]] || die "a process of the demo exited (pid $pid); logs in $logs/"
  done
  if ((SECONDS - last_print >= status_every)); then
    planner status
    last_print=$SECONDS
  fi
  sleep 1
done
planner status

# ---------------------------------------------------------------- done: stays to be looked at
say "every job has finished; stopping the workers and the simulator"
stop_groups "${worker_pids[@]}" "$sim"
run "${node_ts[@]}" --input-type=module -e "$lake_js" copy "$lake" >"$logs/copied"
files=$(<"$logs/copied")
prefix=${OUTPUT_PREFIX:-historical-backfill}
base="$lake/$prefix"
# DuckDB views of the copy (`planner catalog`), of the datasets that have files.
datasets=$(find "$base" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort | paste -sd, -)
if [[ -n "$datasets" ]]; then
  planner catalog --format duckdb --location "$base" --datasets "$datasets" >"$lake/catalog.sql"
fi
sql="SELECT game_date, team_tricode, name_i, points, rebounds_total, assists FROM read_parquet('$base/box-scores/*/*/*.parquet', hive_partitioning = true) ORDER BY points DESC LIMIT 5"
cat >&2 <<EOF
$(date +%H:%M:%S) demo: the season is done.
  dashboard:   http://127.0.0.1:${dashboard_port}/  (bull-board: /queues)
  Bronze:      s3://${bucket}/${prefix}/ on ${S3_ENDPOINT} (the S3 server keeps it in memory)
  local copy:  $base/ (${files} Parquet files); a DuckDB view per dataset: duckdb -init $lake/catalog.sql
  a query to try, from $(pwd), in any DuckDB:
    ${sql};
  the same here, no duckdb CLI needed (the repo's @duckdb/node-api):
    node -e 'require("@duckdb/node-api").DuckDBInstance.create().then(d=>d.connect()).then(c=>c.runAndReadAll(process.argv[1])).then(r=>console.table(r.getRowObjectsJson()))' "${sql}"
EOF
if [[ -n "$exit_when_done" ]]; then
  say "DEMO_EXIT_WHEN_DONE is set: stopping"
  exit 0
fi
if [[ -n "$started_services" ]]; then
  say "the dashboard, the services and the data stay until Ctrl-C (which stops the services too: the S3 data goes, the local copy stays)"
else
  say "the dashboard and the data stay until Ctrl-C (the test services were already up and stay up)"
fi
wait "$dashboard" || true
say "the dashboard exited by itself (log: $logs/dashboard.log); Ctrl-C stops the rest"
while true; do sleep 1; done
