#!/usr/bin/env bash
# Used by .ci/run: the image runs the Node of the Dockerfile's NODE_IMAGE (24.x), so CI runs the
# suite on that same Node. When this machine's node is older than that major, fetches that exact
# Node from the npm registry (the per-platform `node-linux-<arch>` package the `node` package
# installs; it has no npm, so npm comes as its own package), installs pnpm with it, and prints
# the folder to put first on PATH. Prints nothing when the machine's node is new enough.
# Build machines reach only the npm registry and Debian's mirrors, hence no nodejs.org or nvm.
# The install lives outside the repo and is reused by later runs:
#   ${NBA_BACKFILL_NODE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/nba-backfill-node}/<version>
# Logs go to stderr; stdout is only the bin folder.
#   bin=$(bash scripts/ensure-node.sh) && [[ -n $bin ]] && PATH="$bin:$PATH"
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
log() { echo "ensure-node: $*" >&2; }
die() { log "$*"; exit 1; }

# One place to bump the version: the Dockerfile's base image.
version="$(sed -n 's/^ARG NODE_IMAGE=node:\([0-9][0-9.]*\)-.*$/\1/p' "$root/Dockerfile" | head -n 1)"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] \
  || die "no node:X.Y.Z version in the Dockerfile's ARG NODE_IMAGE line"
want_major="${version%%.*}"
# The npm that Node 24.20.0's own release bundles (its CHANGELOG); any npm 11 would do.
npm_version="11.19.0"
pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([0-9][^"+]*\).*/\1/p' "$root/package.json")"
[[ -n "$pnpm_version" ]] || die "no pnpm@X.Y.Z in package.json's packageManager"

have="$(node --version 2>/dev/null || true)"
have_major="${have#v}"
have_major="${have_major%%.*}"
[[ "$have_major" =~ ^[0-9]+$ ]] || have_major=0
if ((have_major >= want_major)); then
  log "node $have is new enough (the image runs $version)"
  exit 0
fi

case "$(uname -m)" in
  x86_64 | amd64) platform=linux-x64 ;;
  aarch64 | arm64) platform=linux-arm64 ;;
  *) die "no Node package for $(uname -m) (only x86_64 and aarch64)" ;;
esac

base="${NBA_BACKFILL_NODE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/nba-backfill-node}"
dir="$base/$version"
case "$dir/" in
  "$root/"*) die "$dir is inside the repo; set NBA_BACKFILL_NODE_HOME to a folder outside it" ;;
esac

node_ok() { [[ -x "$1/bin/node" && "$("$1/bin/node" --version 2>/dev/null)" == "v$version" ]]; }
# pnpm's bin is a `#!/usr/bin/env node` script: run it with this Node first on PATH.
pnpm_ok() {
  [[ -e "$1/bin/pnpm" && "$(PATH="$1/bin:$PATH" pnpm --version 2>/dev/null)" == "$pnpm_version" ]]
}
install_pnpm() {
  PATH="$1/bin:$PATH" npm install --global --prefix "$1" --no-audit --no-fund --loglevel=error \
    "pnpm@$pnpm_version" >&2
}

t0=$SECONDS
if ! node_ok "$dir"; then
  command -v npm >/dev/null 2>&1 || die "npm is needed to fetch Node $version from the npm registry"
  log "node ${have:-missing} is older than $want_major: fetching node-$platform@$version and npm@$npm_version from the npm registry into $dir"
  mkdir -p "$base"
  # Stages left by runs that were killed (the EXIT trap does not run on SIGKILL).
  find "$base" -mindepth 1 -maxdepth 1 -name '.stage.*' -mmin +60 -exec rm -rf {} + 2>/dev/null || true
  # Build next to the final folder and move it in whole, so an interrupted run leaves nothing
  # that looks usable.
  stage="$(mktemp -d "$base/.stage.XXXXXX")"
  trap 'rm -rf "$stage"' EXIT
  # npm pack checks each tarball against the registry's integrity hash; it runs no scripts.
  (cd "$stage" && npm pack --silent "node-$platform@$version" "npm@$npm_version" >/dev/null)
  new="$stage/node"
  mkdir -p "$new/lib/node_modules/npm"
  tar -xzf "$stage/node-$platform-$version.tgz" -C "$new" --strip-components=1 --no-same-owner
  # npm's tarball carries all its dependencies; lay it out as Node's own release does.
  tar -xzf "$stage/npm-$npm_version.tgz" -C "$new/lib/node_modules/npm" --strip-components=1 \
    --no-same-owner
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$new/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$new/bin/npx"
  node_ok "$new" || die "node-$platform@$version does not run here: $("$new/bin/node" --version 2>&1 || true)"
  install_pnpm "$new"
  # Another run may have finished meanwhile: keep its folder then (it may be in use).
  if ! node_ok "$dir"; then
    rm -rf "$dir"
    # -T: never move into a folder created in between; use that one if it works.
    mv -T "$new" "$dir" 2>/dev/null || node_ok "$dir" || die "could not move the new Node to $dir"
  fi
elif ! pnpm_ok "$dir"; then
  log "installing pnpm@$pnpm_version into $dir"
  install_pnpm "$dir"
fi
pnpm_ok "$dir" || die "pnpm $pnpm_version does not run from $dir/bin"

log "node $("$dir/bin/node" --version), npm $(PATH="$dir/bin:$PATH" npm --version), pnpm $pnpm_version from $dir/bin ($((SECONDS - t0)) s)"
echo "$dir/bin"
