#!/usr/bin/env bash
# `pnpm bench`: installs deps, builds, starts the test services (Redis + radosgw) when they are
# not running, runs every benchmark scenario (bench/run.ts; arguments pass through, e.g.
# `pnpm bench --only limiter`), and stops the services afterwards if it started them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
services=scripts/test-services.sh
if [[ "${1:-}" == "--" ]]; then shift; fi

pnpm install --frozen-lockfile --reporter=silent
pnpm -s build >/dev/null
if ! bash "$services" status >/dev/null 2>&1; then
  trap 'bash "$services" stop || true' EXIT
  bash "$services" start
fi
eval "$(bash "$services" env)"
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
node --conditions=source --import tsx bench/run.ts "$@"
