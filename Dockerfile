# One image for every process of nba-season-backfill, chosen by the first argument
# (docker/entrypoint.sh):
#   docker build -t nba-season-backfill .
#   docker run --rm nba-season-backfill planner --help
#   docker run --rm -e AWS_REGION=... -e S3_BUCKET_NAME=... -e REDIS_URL=... nba-season-backfill worker
#
# Stages:
#   build    installs the workspace from the lockfile, compiles every package to dist/, and
#            `pnpm deploy`s each app with its production dependencies only into /out/<app>.
#   runtime  a clean Node image with /out copied to /app, run as the unprivileged `node` user.
#            impit's native binary comes in with the worker's and planner's production
#            dependencies, for the platform the image is built for (pnpm installs only that
#            one); /app/transport-check.mjs proves it loads and passes the simulator's edge.
# scripts/rehearse-docker-build.ts runs the build stage's steps without a Docker engine, and
# test/deploy-files.test.ts checks this file and docker-compose.yml (docs/adr/0007).

# Node 24 is an LTS line (supported until April 2028); bookworm is the Debian 12 the build
# machines run. Override with --build-arg NODE_IMAGE=... (the code needs Node 22 or later). CI runs
# the tests on this same version (scripts/ensure-node.sh reads it from this line).
ARG NODE_IMAGE=node:24.20.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
# pnpm keeps its store under PNPM_HOME; DEPLOY_DIR receives one self-contained folder per app.
ENV PNPM_HOME=/pnpm DEPLOY_DIR=/out
# The version pinned in package.json's packageManager (corepack is unreliable without registry
# signatures, npm is not).
RUN npm install --global pnpm@9.15.9
WORKDIR /repo
# The lockfile alone decides what is downloaded, so this layer stays cached until it changes.
COPY pnpm-lock.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile
RUN pnpm build
# `pnpm deploy` copies an app with its workspace dependencies (@repo/shared, built above) and
# installs only production dependencies: no TypeScript, vitest, turbo or DuckDB in the image.
# It takes the versions from the lockfile but reads the registry's metadata for them, which
# `pnpm fetch` does not keep: --offline fails on a fresh builder, --prefer-offline asks only for that.
RUN for app in planner worker dashboard nba-sim; do \
      pnpm --filter "@repo/$app" deploy --prod --prefer-offline "$DEPLOY_DIR/$app" || exit 1; \
    done
RUN cp docker/entrypoint.sh "$DEPLOY_DIR/docker-entrypoint.sh" \
 && cp docker/healthcheck.mjs docker/demo-probe.mjs docker/transport-check.mjs "$DEPLOY_DIR/" \
 && chmod 0755 "$DEPLOY_DIR/docker-entrypoint.sh"

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# One COPY keeps the hard links the deploys share, and root ownership keeps the code read-only
# for the process.
COPY --from=build /out/ /app/
USER node
# The dashboard (DASHBOARD_PORT) and, in the demo, the simulator (HTTP, and HTTPS with its edge).
EXPOSE 3000 8787 8443
# Picks its check from the role (dashboard: /healthz; sim: /__sim/health; worker: Redis PING).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/app/healthcheck.mjs"]
ENTRYPOINT ["/app/docker-entrypoint.sh"]
CMD ["worker"]
