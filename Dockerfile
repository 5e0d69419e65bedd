# syntax=docker/dockerfile:1
# The portal as a container image (docs/deployment.md). Three stages:
#   deps    — npm ci and the generated Prisma client (no native engines: WebAssembly + pg adapter)
#   build   — `next build` with standalone output (NEXT_OUTPUT=standalone, see next.config.js)
#   runtime — the standalone output served by scripts/serve.mjs, as a non-root user (the default target)
#   tools   — migrations, job schema, reference data, storage:migrate        (docker build --target tools)
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma.mjs ./scripts/prisma.mjs
COPY lib/platform/db/pool-config.ts ./lib/platform/db/pool-config.ts
# Dependencies' install scripts are not needed (and some would download engines); the client is generated below.
RUN npm ci --no-audit --no-fund --ignore-scripts && node scripts/prisma.mjs generate

FROM deps AS build
COPY . .
ENV NODE_ENV=production NEXT_OUTPUT=standalone
RUN node node_modules/next/dist/bin/next build

FROM deps AS tools
COPY . .
USER node
# Migrations, the job tables and the reference data (DEMO_DATA=0) — what `npm start` does before serving.
CMD ["sh", "-c", "node scripts/prisma.mjs migrate deploy && node node_modules/tsx/dist/cli.mjs scripts/prepare-jobs.ts && node node_modules/tsx/dist/cli.mjs prisma/seed/index.ts"]

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# The standalone server with only the files it traced, plus what it reads from disk at run time:
# static assets, public files, message catalogues and the PDF fonts.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/messages ./messages
COPY --from=build --chown=node:node /app/lib/cases/licence-pdf/fonts ./lib/cases/licence-pdf/fonts
COPY --from=build --chown=node:node /app/lib/oversight/reports/fonts ./lib/oversight/reports/fonts
# The server: Next's standalone build behind a listener that appends the socket's address to
# X-Forwarded-For (issue 13, F1), instead of the generated server.js that believes a client's header.
COPY --from=build --chown=node:node /app/scripts/serve.mjs ./scripts/serve.mjs
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "scripts/serve.mjs", "--standalone"]
