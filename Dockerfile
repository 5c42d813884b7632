# ringlens image: the API, the viewer and the CLI. Multi-stage: the build stage installs every
# dependency and builds the viewer, then drops dev dependencies; the runtime stage carries only
# what `ringlens serve` needs and runs as the unprivileged `node` user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# kuzu (the embedded engine) copies a prebuilt linux binary in its install script.
RUN npm ci
COPY . .
RUN npm run build:client && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    RINGLENS_HOST=0.0.0.0 \
    RINGLENS_PORT=3000 \
    RINGLENS_DB=/app/data/ringlens
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/server ./server
COPY --from=build /app/cypher ./cypher
# The embedded store and reject reports live in /app/data, the only folder the app writes.
RUN mkdir -p /app/data && chown node:node /app/data && ln -s /app/bin/ringlens.mjs /usr/local/bin/ringlens
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["ringlens", "serve"]
