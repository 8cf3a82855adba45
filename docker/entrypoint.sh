#!/bin/sh
# The image's entrypoint: runs one process of nba-season-backfill, chosen by the first argument.
#   docker run --rm IMAGE planner enqueue season     docker run --rm IMAGE worker
#   docker run --rm IMAGE dashboard                  docker run --rm IMAGE sim
# `exec` makes node the container's main process, so SIGTERM from `docker stop` reaches it.
set -eu

app_root=$(cd "$(dirname "$0")" && pwd)

usage() {
  cat <<'USAGE'
usage: ROLE [ARGS...]
  planner ARGS   the planner CLI: planner doctor | enqueue season | status | --help
  worker         a BullMQ worker (docker compose up --scale worker=N for more)
  dashboard      bull-board and the progress page on DASHBOARD_PORT (DASHBOARD_HOST=0.0.0.0 in a container)
  sim ARGS       the stats.nba.com simulator, for demos and tests only (sim --help)
Configuration comes from environment variables: see the README.
USAGE
}

# docker compose --profile demo: when the simulator's host name resolves on this network
# (DEMO_WHEN_SIMULATOR is its health URL), every DEMO_<NAME> variable replaces <NAME>, so one
# compose file runs the real backfill or the demo. See docs/adr/0007-one-image-and-the-demo-profile.md.
apply_demo_settings() {
  [ -n "${DEMO_WHEN_SIMULATOR:-}" ] || return 0
  set +e
  node "$app_root/demo-probe.mjs" "$DEMO_WHEN_SIMULATOR"
  probe=$?
  set -e
  case "$probe" in
    0) ;;
    3) return 0 ;; # no simulator on this network: the real backfill
    *)
      echo "docker-entrypoint.sh: the simulator at $DEMO_WHEN_SIMULATOR exists but never became healthy; not starting" >&2
      exit 1
      ;;
  esac
  replaced=""
  for name in $(env | sed -n 's/^DEMO_\([A-Z][A-Z0-9_]*\)=.*/\1/p'); do
    [ "$name" = WHEN_SIMULATOR ] && continue
    eval "export $name=\"\${DEMO_$name}\""
    replaced="$replaced $name"
  done
  echo "docker-entrypoint.sh: demo mode (simulator at $DEMO_WHEN_SIMULATOR); replaced:$replaced" >&2
}

role=${1:-help}
[ "$#" -gt 0 ] && shift
case "$role" in
  planner | worker | dashboard)
    apply_demo_settings
    exec node "$app_root/$role/dist/main.js" "$@"
    ;;
  sim | nba-sim) exec node "$app_root/nba-sim/dist/main.js" "$@" ;;
  help | -h | --help) usage ;;
  *)
    echo "docker-entrypoint.sh: unknown role \"$role\"" >&2
    usage >&2
    exit 2
    ;;
esac
