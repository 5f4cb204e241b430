# One image for the worker and the API; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev
COPY bin ./bin
COPY src ./src
COPY tsconfig.json ./
RUN mkdir -p /data/specs /data/home && chown -R node:node /data
USER node
ENV SPECFORGE_OUT=/data/specs SPECFORGE_HOME=/data/home
CMD ["node", "--import", "tsx", "src/workers/main.ts"]
