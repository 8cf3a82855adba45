#!/usr/bin/env bash
# Test services for the integration tests, without Docker:
#   - a dedicated Redis on 127.0.0.1:${TEST_REDIS_PORT:-6390} (never the developer's 6379),
#   - a throw-away one-node Ceph cluster (memstore OSD, data in RAM) with radosgw as the
#     S3 server on 127.0.0.1:${TEST_S3_PORT:-7480}, user test-access-key / test-secret-key.
# Installs the Debian packages when missing. See /work/shared/recipes/s3-test-server.md.
#
# Usage: scripts/test-services.sh start|stop|status|env|rgw-stop|rgw-start|rgw-pid
#   eval "$(scripts/test-services.sh env)"   # exports REDIS_URL, S3_ENDPOINT, AWS_*, ...
# State (config, pids, logs, env file): ${SERVICES_DIR:-<repo>/.services}
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES_DIR="${SERVICES_DIR:-$REPO_ROOT/.services}"
REDIS_PORT="${TEST_REDIS_PORT:-6390}"
S3_PORT="${TEST_S3_PORT:-7480}"
S3_ACCESS_KEY="test-access-key"
S3_SECRET_KEY="test-secret-key"
S3_BUCKET="nba-bronze-test"
STOP_TIMEOUT="${TEST_SERVICES_STOP_TIMEOUT:-15}"   # seconds before SIGKILL
READY_TIMEOUT="${TEST_SERVICES_READY_TIMEOUT:-120}" # seconds to wait for a service

REDIS_DIR="$SERVICES_DIR/redis"
CEPH_DIR="$SERVICES_DIR/ceph"
LOG_DIR="$SERVICES_DIR/log"
RUN_DIR="$SERVICES_DIR/run"
CONF="$CEPH_DIR/ceph.conf"
RGW_NAME="client.rgw.test"

REDIS_PID="$RUN_DIR/redis.pid"
MON_PID="$RUN_DIR/mon.a.pid"
OSD_PID="$RUN_DIR/osd.0.pid"
RGW_PID="$RUN_DIR/$RGW_NAME.pid"

DEB_PACKAGES=(redis-server ceph-mon ceph-osd radosgw ceph-common uuid-runtime curl)

log() { printf 'test-services: %s\n' "$*" >&2; }

# die MESSAGE [LOGFILE...]: print the message and the tail of the given logs, exit 1.
die() {
  local msg="$1"; shift
  log "ERROR: $msg"
  local f
  for f in "$@"; do
    if [[ -s "$f" ]]; then
      printf -- '--- tail of %s ---\n' "$f" >&2
      tail -n 30 "$f" >&2
    fi
  done
  exit 1
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

pid_of() { [[ -s "$1" ]] && tr -d '[:space:]' <"$1" || true; }
# A process that exited but was not reaped yet (zombie; some inits reap late) counts as gone.
pid_running() {
  kill -0 "$1" 2>/dev/null || return 1
  local st
  st="$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)"
  [[ -n "$st" && "$st" != Z ]]
}
alive() { local p; p="$(pid_of "$1")"; [[ -n "$p" ]] && pid_running "$p"; }

redis_ok() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }
s3_ok() {
  [[ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$S3_PORT/" 2>/dev/null)" == 200 ]]
}
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

redis_running() { alive "$REDIS_PID" && redis_ok; }
ceph_running() { alive "$MON_PID" && alive "$OSD_PID" && alive "$RGW_PID" && s3_ok; }

ceph_cli() { timeout 60 ceph -c "$CONF" --connect-timeout 30 "$@"; }

# ---------------------------------------------------------------- packages
missing_packages() {
  local p missing=()
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

install_packages() {
  local missing
  missing="$(missing_packages)"
  [[ -z "$missing" ]] && return 0
  [[ "$(id -u)" == 0 ]] || die "missing Debian packages ($missing); run as root or install them"
  log "installing Debian packages: $missing"
  local t0; t0="$(now)"
  export DEBIAN_FRONTEND=noninteractive
  local apt_log="$SERVICES_DIR/apt.log"
  local lists=/var/lib/apt/lists
  # Refresh the package lists only when an install is needed and they are missing or old;
  # if the install still fails (stale lists), refresh and retry once.
  if ! compgen -G "$lists/*_Packages*" >/dev/null \
    || [[ -n "$(find "$lists" -maxdepth 1 -name '*_Packages*' -mmin +360 -print -quit)" ]]; then
    apt-get update -q >"$apt_log" 2>&1 || die "apt-get update failed" "$apt_log"
  fi
  # shellcheck disable=SC2086
  if ! apt-get install -y -q --no-install-recommends $missing >>"$apt_log" 2>&1 </dev/null; then
    apt-get update -q >>"$apt_log" 2>&1 || die "apt-get update failed" "$apt_log"
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing >>"$apt_log" 2>&1 </dev/null \
      || die "apt-get install failed" "$apt_log"
  fi
  log "packages installed in $(elapsed "$t0")s"
}

# ---------------------------------------------------------------- redis
start_redis() {
  if redis_running; then
    log "redis already running on 127.0.0.1:$REDIS_PORT (pid $(pid_of "$REDIS_PID"))"
    return 0
  fi
  if port_busy "$REDIS_PORT"; then
    die "port $REDIS_PORT is in use by a process not started from $SERVICES_DIR (set TEST_REDIS_PORT)"
  fi
  mkdir -p "$REDIS_DIR" "$LOG_DIR" "$RUN_DIR"
  rm -f "$REDIS_PID"
  : >"$LOG_DIR/redis.log"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" \
    --save "" --appendonly no --databases 32 --dir "$REDIS_DIR" \
    --pidfile "$REDIS_PID" --logfile "$LOG_DIR/redis.log" >>"$LOG_DIR/redis.log" 2>&1 9>&- \
    || die "redis-server failed to start" "$LOG_DIR/redis.log"
  local i
  for ((i = 0; i < 100; i++)); do
    redis_ok && alive "$REDIS_PID" && { log "redis up on 127.0.0.1:$REDIS_PORT"; return 0; }
    sleep 0.1
  done
  die "redis did not answer PING on port $REDIS_PORT" "$LOG_DIR/redis.log"
}

# ---------------------------------------------------------------- ceph + radosgw
write_ceph_conf() {
  local fsid="$1"
  cat >"$CONF" <<EOF
[global]
fsid = $fsid
mon initial members = a
mon host = 127.0.0.1
public addr = 127.0.0.1
cluster addr = 127.0.0.1
public network = 127.0.0.0/8
cluster network = 127.0.0.0/8
auth cluster required = none
auth service required = none
auth client required = none
# Without this radosgw loops on "send_auth_request ... returned -13" and never comes up.
ms mon client mode = crc
keyring = $CEPH_DIR/keyring
run dir = $RUN_DIR
pid file = $RUN_DIR/\$name.pid
admin socket = $RUN_DIR/\$name.asok
log file = $LOG_DIR/\$name.log
mon data = $CEPH_DIR/mon-\$id
osd data = $CEPH_DIR/osd-\$id
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
osd crush update on start = false
mon max pg per osd = 1000
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0
# Speed: the monitor batches map changes every second by default; every pool radosgw
# creates waits for a few of those rounds.
paxos propose interval = 0.05
paxos min wait = 0.01
osd mon shutdown timeout = 2

[osd]
osd objectstore = memstore
memstore device bytes = 2147483648

[client]
log file = $LOG_DIR/client.log
admin socket = $RUN_DIR/\$name.\$pid.asok

[$RGW_NAME]
log file = $LOG_DIR/radosgw.log
admin socket = $RUN_DIR/radosgw.asok
keyring = $CEPH_DIR/rgw.keyring
# Without tcp_nodelay every GET with a body takes ~45 ms (Nagle + delayed ACK).
rgw frontends = beast endpoint=127.0.0.1:$S3_PORT tcp_nodelay=1
rgw enable usage log = false
EOF
}

start_ceph() {
  if ceph_running; then
    log "radosgw already running on 127.0.0.1:$S3_PORT (pid $(pid_of "$RGW_PID"))"
    return 0
  fi
  # A partial leftover (e.g. the OSD died) cannot be repaired: memstore data is gone. Start over.
  stop_ceph quiet
  if port_busy "$S3_PORT"; then
    die "port $S3_PORT is in use by a process not started from $SERVICES_DIR (set TEST_S3_PORT)"
  fi
  local t0; t0="$(now)"
  rm -rf "$CEPH_DIR"
  mkdir -p "$CEPH_DIR" "$LOG_DIR" "$RUN_DIR"
  rm -f "$LOG_DIR"/mon.a.log "$LOG_DIR"/osd.0.log "$LOG_DIR"/radosgw.log "$LOG_DIR"/client.log
  local out="$LOG_DIR/ceph-setup.log"
  : >"$out"
  write_ceph_conf "$(uuidgen)"

  # monitor
  ceph-authtool --create-keyring "$CEPH_DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >>"$out" 2>&1
  ceph-authtool "$CEPH_DIR/keyring" --gen-key -n client.admin \
    --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >>"$out" 2>&1
  ceph-mon -c "$CONF" --mkfs -i a >>"$out" 2>&1 || die "ceph-mon --mkfs failed" "$out" "$LOG_DIR/mon.a.log"
  ceph-mon -c "$CONF" -i a >>"$out" 2>&1 9>&- || die "ceph-mon failed to start" "$out" "$LOG_DIR/mon.a.log"
  ceph_cli mon stat >>"$out" 2>&1 || die "ceph monitor does not answer" "$out" "$LOG_DIR/mon.a.log"

  # OSD (memstore: data lives in the OSD's memory)
  local id
  id="$(ceph_cli osd create 2>>"$out")" || die "ceph osd create failed" "$out" "$LOG_DIR/mon.a.log"
  [[ "$id" == 0 ]] || die "unexpected OSD id '$id'" "$out"
  {
    ceph_cli osd crush add-bucket localhost host
    ceph_cli osd crush move localhost root=default
    ceph_cli osd crush add osd.0 1.0 host=localhost
  } >>"$out" 2>&1 || die "ceph osd crush setup failed" "$out" "$LOG_DIR/mon.a.log"
  mkdir -p "$CEPH_DIR/osd-0"
  ceph-osd -c "$CONF" -i 0 --mkfs >>"$out" 2>&1 || die "ceph-osd --mkfs failed" "$out" "$LOG_DIR/osd.0.log"
  ceph-osd -c "$CONF" -i 0 >>"$out" 2>&1 9>&- || die "ceph-osd failed to start" "$out" "$LOG_DIR/osd.0.log"
  local i up=""
  for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
    if ceph_cli osd dump 2>/dev/null | grep -q '^osd\.0 up'; then up=1; break; fi
    alive "$OSD_PID" || sleep 0.5
    sleep 0.5
  done
  [[ -n "$up" ]] || die "OSD did not come up" "$out" "$LOG_DIR/osd.0.log"

  # radosgw
  ceph_cli auth get-or-create "$RGW_NAME" osd 'allow rwx' mon 'allow rw' \
    -o "$CEPH_DIR/rgw.keyring" >>"$out" 2>&1 || die "ceph auth get-or-create failed" "$out"
  start_rgw "$out"

  timeout 60 radosgw-admin -c "$CONF" user create --uid=test --display-name="test user" \
    --access-key="$S3_ACCESS_KEY" --secret-key="$S3_SECRET_KEY" >>"$out" 2>&1 \
    || die "radosgw-admin user create failed" "$out" "$LOG_DIR/client.log"

  # Create the default test bucket with a SigV4-signed request (curl >= 7.75 signs).
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X PUT \
    --aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" \
    -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" \
    "http://127.0.0.1:$S3_PORT/$S3_BUCKET" 2>>"$out" || true)"
  if [[ "$code" != 200 ]]; then
    log "warning: could not create bucket $S3_BUCKET (HTTP $code); tests must create it"
  fi
  log "radosgw up on http://127.0.0.1:$S3_PORT in $(elapsed "$t0")s"
}

# start_rgw OUTFILE: start the gateway alone (the cluster is up) and wait until it answers.
start_rgw() {
  local out="$1" up="" i
  radosgw -c "$CONF" -n "$RGW_NAME" -k "$CEPH_DIR/rgw.keyring" >>"$out" 2>&1 9>&- \
    || die "radosgw failed to start" "$out" "$LOG_DIR/radosgw.log"
  for ((i = 0; i < READY_TIMEOUT * 4; i++)); do
    if s3_ok; then up=1; break; fi
    if ((i > 20)) && ! alive "$RGW_PID"; then break; fi
    sleep 0.25
  done
  [[ -n "$up" ]] || die "radosgw did not answer on http://127.0.0.1:$S3_PORT/" "$out" "$LOG_DIR/radosgw.log"
}

# ---------------------------------------------------------------- stop
# stop_pid NAME PIDFILE: SIGTERM, wait up to STOP_TIMEOUT, then SIGKILL.
stop_pid() {
  local name="$1" pidfile="$2" pid i
  pid="$(pid_of "$pidfile")"
  if [[ -z "$pid" ]] || ! pid_running "$pid"; then
    rm -f "$pidfile"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    pid_running "$pid" || break
    sleep 0.1
  done
  if pid_running "$pid"; then
    log "$name (pid $pid) did not exit after ${STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do pid_running "$pid" || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
  [[ "${3:-}" == quiet ]] || log "stopped $name (pid $pid)"
}

stop_ceph() {
  stop_pid radosgw "$RGW_PID" "${1:-}"
  stop_pid ceph-osd "$OSD_PID" "${1:-}"
  stop_pid ceph-mon "$MON_PID" "${1:-}"
  rm -rf "$CEPH_DIR" # monitor store and memstore data (memstore dumps to disk on exit)
  rm -f "$RUN_DIR"/*.asok
}

# ---------------------------------------------------------------- commands
print_env() {
  cat <<EOF
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT
export S3_ENDPOINT=http://127.0.0.1:$S3_PORT
export S3_FORCE_PATH_STYLE=true
export AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=$S3_ACCESS_KEY
export AWS_SECRET_ACCESS_KEY=$S3_SECRET_KEY
export S3_BUCKET_NAME=$S3_BUCKET
EOF
}

rss_kb() { local p; p="$(pid_of "$1")"; [[ -n "$p" ]] && awk '/^VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0; }

cmd_status() {
  local ok=0 name pidfile extra
  for entry in "redis:$REDIS_PID:127.0.0.1:$REDIS_PORT" "ceph-mon:$MON_PID:" "ceph-osd:$OSD_PID:" \
    "radosgw:$RGW_PID:http://127.0.0.1:$S3_PORT"; do
    name="${entry%%:*}"; entry="${entry#*:}"
    pidfile="${entry%%:*}"; extra="${entry#*:}"
    if alive "$pidfile"; then
      printf '%-9s running  pid %-7s rss %5s MB  %s\n' "$name" "$(pid_of "$pidfile")" \
        "$(($(rss_kb "$pidfile") / 1024))" "$extra"
    else
      printf '%-9s stopped\n' "$name"
      ok=1
    fi
  done
  if ((ok == 0)); then
    redis_ok || { log "redis does not answer PING"; ok=1; }
    s3_ok || { log "radosgw does not answer on http://127.0.0.1:$S3_PORT/"; ok=1; }
  fi
  return "$ok"
}

with_lock() {
  mkdir -p "$SERVICES_DIR"
  exec 9>"$SERVICES_DIR/.lock"
  flock -w 120 9 || die "another test-services.sh holds $SERVICES_DIR/.lock"
}

main() {
  case "${1:-}" in
  start)
    with_lock
    if redis_running && ceph_running; then
      log "already running (redis :$REDIS_PORT, s3 :$S3_PORT); nothing to do"
      print_env >"$SERVICES_DIR/env"
      return 0
    fi
    # Fail early on ports held by something else (another checkout's test services, say).
    if ! alive "$REDIS_PID" && port_busy "$REDIS_PORT"; then
      die "port $REDIS_PORT is in use by a process not started from $SERVICES_DIR (set TEST_REDIS_PORT)"
    fi
    if ! alive "$RGW_PID" && port_busy "$S3_PORT"; then
      die "port $S3_PORT is in use by a process not started from $SERVICES_DIR (set TEST_S3_PORT)"
    fi
    if ! alive "$MON_PID" && { port_busy 3300 || port_busy 6789; }; then
      die "Ceph monitor ports 3300/6789 are in use (another test cluster? one per machine)"
    fi
    local t0; t0="$(now)"
    install_packages
    local t1; t1="$(now)"
    start_redis
    start_ceph
    print_env >"$SERVICES_DIR/env"
    log "ready in $(elapsed "$t1")s (total $(elapsed "$t0")s); env: $SERVICES_DIR/env"
    ;;
  stop)
    with_lock
    stop_ceph
    stop_pid redis "$REDIS_PID"
    rm -rf "$REDIS_DIR"
    ;;
  # S3 outages for the tests: the gateway goes away and comes back; the data stays in the OSD.
  rgw-stop)
    with_lock
    stop_pid radosgw "$RGW_PID"
    ;;
  rgw-start)
    with_lock
    alive "$MON_PID" && alive "$OSD_PID" || die "the Ceph cluster is not running: start it first"
    if alive "$RGW_PID" && s3_ok; then return 0; fi
    local t0; t0="$(now)"
    start_rgw "$LOG_DIR/client.log"
    log "radosgw up again on http://127.0.0.1:$S3_PORT in $(elapsed "$t0")s"
    ;;
  rgw-pid) pid_of "$RGW_PID" ;;
  status) cmd_status ;;
  env) print_env ;;
  *)
    echo "usage: $0 start|stop|status|env|rgw-stop|rgw-start|rgw-pid" >&2
    return 2
    ;;
  esac
}

main "$@"
