#!/usr/bin/env bash
# The README's test command (`pnpm test`): installs deps, brings up the test services
# (Redis + radosgw, see scripts/test-services.sh), runs vitest with the given arguments,
# and stops the services afterwards if (and only if) this script started them.
#   pnpm test                       # all projects
#   pnpm test -- --project unit     # arguments go to `vitest run`
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
services=scripts/test-services.sh

# pnpm passes a literal "--" through when called as `pnpm test -- args`; vitest does not need it.
if [[ "${1:-}" == "--" ]]; then shift; fi

pnpm install --frozen-lockfile

started=""
if bash "$services" status >/dev/null 2>&1; then
  echo "test.sh: test services already running; leaving them up afterwards" >&2
else
  started=1
  # If start fails half-way, take down whatever it brought up.
  trap 'bash "$services" stop || true' EXIT
  bash "$services" start
fi

eval "$(bash "$services" env)"
bash scripts/ensure-chromium.sh # the dashboard browser test drives Debian's chromium

report=.services/vitest-report.json
rm -f "$report"
set +e
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
code=$?
set -e
# One plain closing line that any CI can read: "N passed, N failed".
if [[ -f "$report" ]]; then
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));' "$report"
fi
exit "$code" # the EXIT trap (if any) stops the services; exit code stays vitest's
