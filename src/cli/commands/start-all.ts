import { missingTicketCredentials } from '../../api/ticket-credentials';
import { configuredSecrets } from '../../config/configured-secrets';
import { decisionKeyFor } from '../../config/decision-key';
import type { Config } from '../../config/load-config';
import { createLog } from '../../logging/create-log';
import { startLocalStack } from '../local-stack';
import { codecEndpointFor } from '../../codec/codec-endpoint';
import { apiReviewers, serveApi } from '../serve-api';

/** `npm start`: Temporal (dev server unless TEMPORAL_ADDRESS), a worker and the HTTP API with the review page. */
export async function startAll(config: Config): Promise<void> {
  const log = createLog({ level: config.LOG_LEVEL, secrets: configuredSecrets(config, [decisionKeyFor(config)]) });
  const reviewers = await apiReviewers(config);
  const stack = await startLocalStack(config, (message) => log.info(message));
  const server = await serveApi(
    config,
    reviewers,
    {
      client: stack.client,
      uiUrl: stack.temporal.uiUrl,
      // The worker runs in this process: its ticket credentials are this configuration's.
      missingTicketCredentials: missingTicketCredentials(config),
    },
    log,
  );
  console.log(`Temporal: ${stack.temporal.address}${stack.temporal.uiUrl ? `  UI: ${stack.temporal.uiUrl}` : ''}`);
  const codecEndpoint = codecEndpointFor(config);
  if (codecEndpoint && stack.temporal.devServer?.started === false) {
    console.log(
      `The Temporal dev server was already running: its UI decodes payloads only if it was started with --ui-codec-endpoint ${codecEndpoint}`,
    );
  }
  const stop = async () => {
    server.close();
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
