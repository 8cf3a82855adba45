#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium is at /usr/bin/chromium for the dashboard's
# browser test (playwright-core drives it; `npx playwright install` would download a browser
# instead, which the build machines must not do). Idempotent: when the browser is there it
# returns at once. Installing needs root (apt-get).
#   bash scripts/ensure-chromium.sh
set -euo pipefail

BROWSER=/usr/bin/chromium
log() { echo "ensure-chromium: $*" >&2; }

if [[ -x "$BROWSER" ]]; then
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  log "$BROWSER is missing; install it as root: apt-get install --no-install-recommends chromium"
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
lists=/var/lib/apt/lists
apt_log="$(mktemp -t ensure-chromium.XXXXXX.log)"
t0=$SECONDS
log "installing Debian's chromium (log: $apt_log)"
# Refresh the package lists only when they are missing or old; when the install still fails
# (stale lists), refresh once and try again.
if ! compgen -G "$lists/*_Packages*" >/dev/null \
  || [[ -n "$(find "$lists" -maxdepth 1 -name '*_Packages*' -mmin +360 -print -quit)" ]]; then
  apt-get update -q >"$apt_log" 2>&1 || { log "apt-get update failed, see $apt_log"; exit 1; }
fi
if ! apt-get install -y -q --no-install-recommends chromium >>"$apt_log" 2>&1 </dev/null; then
  apt-get update -q >>"$apt_log" 2>&1 || { log "apt-get update failed, see $apt_log"; exit 1; }
  apt-get install -y -q --no-install-recommends chromium >>"$apt_log" 2>&1 </dev/null \
    || { log "apt-get install chromium failed, see $apt_log"; exit 1; }
fi
[[ -x "$BROWSER" ]] || { log "chromium installed but $BROWSER is missing"; exit 1; }
log "chromium installed in $((SECONDS - t0)) s: $("$BROWSER" --version 2>/dev/null || echo '?')"
rm -f "$apt_log"
