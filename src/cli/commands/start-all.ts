import pino from 'pino';
import { createApp } from '../../api/create-app';
import type { Config } from '../../config/load-config';
import { startLocalStack } from '../local-stack';

/** `npm start`: Temporal (dev server unless TEMPORAL_ADDRESS), a worker and the HTTP API. */
export async function startAll(config: Config): Promise<void> {
  const log = pino({ level: config.LOG_LEVEL });
  const stack = await startLocalStack(config, (message) => log.info(message));
  const app = createApp({ client: stack.client, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, uiUrl: stack.temporal.uiUrl, apiToken: config.SPECFORGE_API_TOKEN }, log);
  const server = app.listen(config.PORT);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  console.log(`specforge API: http://localhost:${config.PORT}  (OpenAPI: http://localhost:${config.PORT}/openapi.json)`);
  console.log(`Temporal: ${stack.temporal.address}${stack.temporal.uiUrl ? `  UI: ${stack.temporal.uiUrl}` : ''}`);
  const stop = async () => {
    server.close();
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
