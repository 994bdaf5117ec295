# Pilcrow in a container: production dependencies only, running as the unprivileged `node` user,
# articles and state on volumes it can write. Build: docker build -t pilcrow .
# Run:   docker run -d --restart=on-failure --stop-timeout 10 --env-file .env \
#          -v pilcrow-data:/data -v pilcrow-state:/state pilcrow
# (.dockerignore keeps .env, node_modules, caches and the tests out of the image.)

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production DATA_DIR=/data CACHE_DIR=/state
WORKDIR /app
# The code stays root-owned and read-only to the bot; only /data and /state are its to write.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
# The build the bot starts from (bin/pilcrow.mjs: the project's code bundled by esbuild, no tsx at
# run time), made here: at run time the code is read-only, and the build, its inputs unchanged, is reused.
RUN node bin/pilcrow.mjs --build
# The bundled shared article seeds the data volume the first time it is created; mount your own
# articles over /data instead if you have them. Both folders belong to `node` before VOLUME, so a
# new named volume is writable by the bot (servers' own articles, feeds, schedules, state).
COPY --chown=node:node data /data
RUN mkdir -p /state && chown node:node /state
VOLUME ["/data", "/state"]
USER node
STOPSIGNAL SIGTERM
# node is PID 1 and handles SIGTERM itself (drains, then exits 0 within 5 s).
CMD ["node", "bin/pilcrow.mjs", "src/main.ts"]
