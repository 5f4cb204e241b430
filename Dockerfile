# One image for the worker and the API; docker-compose.yml picks the command.
# dist/ (compiled entry points, workflow bundles) is built with the devDependencies, then copied.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts
COPY bin ./bin
COPY src ./src
COPY scripts/build.ts ./scripts/
COPY tsconfig.json ./
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
# Without scripts: our `prepare` would rebuild dist/ with scripts/build.ts, which this stage lacks (dist/
# comes from the build stage). The production dependencies' own install scripts (esbuild's, through
# tsx; @swc/core's, through @temporalio/worker; protobufjs's) only check what is installed: the
# native binaries come in their per-platform packages.
RUN npm ci --omit=dev --ignore-scripts
COPY bin ./bin
# Read at run time from src/: the failure converter, the Mermaid thread, the review page's assets.
COPY src ./src
COPY tsconfig.json ./
COPY --from=build /app/dist ./dist
RUN mkdir -p /data/specs /data/home && chown -R node:node /data
USER node
ENV SPECFORGE_OUT=/data/specs SPECFORGE_HOME=/data/home
# Inside a container the API must listen beyond its own loopback for a published port to reach it.
ENV HOST=0.0.0.0
CMD ["node", "dist/worker.js"]
