import { ArtifactStore } from '../../activities/artifacts/artifact-store';
import { loadReviewerDirectory } from '../../api/auth/reviewer-directory';
import { createApp } from '../../api/create-app';
import { missingTicketCredentials } from '../../api/ticket-credentials';
import { EncryptionCodec } from '../../codec/encryption-codec';
import { encryptionKeysFor } from '../../codec/encryption-keys-for';
import { configuredSecrets } from '../../config/configured-secrets';
import { decisionKeyFor } from '../../config/decision-key';
import { ConfigError, type Config } from '../../config/load-config';
import { createLog } from '../../logging/create-log';
import { publicUrl } from '../../workers/wire-activities';
import { startLocalStack } from '../local-stack';
import { startSettings } from '../../config/start-settings';
import { codecEndpointFor } from '../../codec/codec-endpoint';

/** `npm start`: Temporal (dev server unless TEMPORAL_ADDRESS), a worker and the HTTP API with the review page. */
export async function startAll(config: Config): Promise<void> {
  const log = createLog({ level: config.LOG_LEVEL, secrets: configuredSecrets(config, [decisionKeyFor(config)]) });
  // Read before anything starts, so a bad reviewers file stops the program naming it.
  const reviewers = await loadReviewerDirectory(config.SPECFORGE_REVIEWERS_FILE, config.SPECFORGE_API_TOKEN);
  if (reviewers && config.TEMPORAL_ADDRESS && !config.SPECFORGE_DECISION_KEY) {
    // Workers elsewhere must check the decisions this API signs: they need the same key.
    throw new ConfigError(
      'SPECFORGE_DECISION_KEY is needed with reviewers on a shared Temporal server: set the same 32+ character secret for the API and every worker',
    );
  }
  const stack = await startLocalStack(config, (message) => log.info(message));
  const store = new ArtifactStore(config.SPECFORGE_HOME, config.SPECFORGE_OUT);
  const keys = encryptionKeysFor(config);
  const app = createApp(
    {
      client: stack.client,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      store,
      uiUrl: stack.temporal.uiUrl,
      reviewers,
      decisionKey: decisionKeyFor(config),
      publicUrl: publicUrl(config),
      startSettings: startSettings(config),
      // The worker runs in this process: its ticket credentials are this configuration's.
      missingTicketCredentials: missingTicketCredentials(config),
      // The Temporal UI decodes the workers' encrypted payloads through /codec with the same keys.
      payloadCodec: keys ? new EncryptionCodec(keys) : undefined,
    },
    log,
  );
  const server = app.listen(config.PORT);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  console.log(
    `specforge API and review page: http://localhost:${config.PORT}  (OpenAPI: http://localhost:${config.PORT}/openapi.json)`,
  );
  console.log(`Temporal: ${stack.temporal.address}${stack.temporal.uiUrl ? `  UI: ${stack.temporal.uiUrl}` : ''}`);
  const codecEndpoint = codecEndpointFor(config);
  if (codecEndpoint && stack.temporal.devServer?.started === false) {
    console.log(
      `The Temporal dev server was already running: its UI decodes payloads only if it was started with --ui-codec-endpoint ${codecEndpoint}`,
    );
  }
  if (!reviewers)
    console.log(
      'No reviewers configured (SPECFORGE_REVIEWERS_FILE, SPECFORGE_API_TOKEN): local single-user mode, the API is open.',
    );
  const stop = async () => {
    server.close();
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
