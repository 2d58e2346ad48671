# syntax=docker/dockerfile:1
# Trygghetsboten: the compiled bot on a Node.js LTS image, as a non-root user.
#   docker build -t trygghetsboten .
#   docker run --env-file .env -p 3978:3978 trygghetsboten
# Stage 1 installs every dependency, bundles the server into dist/ (npm run build: esbuild, one file), drops the dev
# dependencies and starts the server once to keep V8's compiled code of it in dist/ (the runtime's dist/ is read-only).
# Stage 2 gets only package.json, the production node_modules and dist/: no sources, no dev dependencies.
# SQLite: these images (Node 22.14+ or 24) have Node-API 10 and run better-sqlite3 13 (better-sqlite3-napi), whose
# prebuilt binary comes in its npm package. better-sqlite3 12, an optional dependency for older Node only, is never
# loaded here: npm ci installs it if a prebuilt binary can be downloaded and otherwise leaves it out (no compiler).
# Node 24 (the other LTS line): docker build --build-arg NODE_IMAGE=node:24-bookworm-slim .

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# python3 and make for node-gyp: npm ci runs better-sqlite3 13's binding.gyp, which compiles nothing when the
# prebuilt binary fits but fails without them (and npm ci with it).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build.cjs scripts/server-entry.cjs scripts/build-tab.cjs scripts/warm-code-cache.cjs scripts/node-flags.cjs ./scripts/
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && node -e "if (!(Number(process.versions.napi) >= 10)) throw new Error('Node-API ' + process.versions.napi + ': SQLite needs better-sqlite3 13, which needs Node-API 10 (Node 22.14+ or 24)'); require('better-sqlite3-napi')(':memory:').close()" \
 && chown node:node dist
# V8's compiled code of the bundle (issue 14: a start compiles almost nothing and keeps ~15 MB less native memory),
# made by starting the server once with production's flags, as the runtime's user: Node keeps its compile cache per
# Node version, V8 flags and user id. Readable by all, since the final stage makes dist/ root's.
USER node
RUN node scripts/warm-code-cache.cjs \
 && find dist -user node -exec chmod a+rX {} +

FROM ${NODE_IMAGE} AS runtime
# MALLOC_*: glibc gives freed native memory back (issue 14); their one list is scripts/node-flags.cjs.
ENV NODE_ENV=production \
    MALLOC_TRIM_THRESHOLD_=131072 \
    MALLOC_MMAP_THRESHOLD_=32768 \
    PORT=3978 \
    DATABASE_URL=sqlite:data/trygghetsboten.db
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# The only writable place: the SQLite file when no SQL Server is configured (mount a volume on it).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
# Liveness: /healthz answers 200 while the process is up and its store can be read and written.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself (docker stop, a new revision), drains and exits 0.
# The V8 flags keep the heap near what is live (issue 14); their one list is scripts/node-flags.cjs.
CMD ["node", "--max-semi-space-size=2", "--heap-growing-percent=30", "dist/main.js"]
