import { Client, Connection } from '@temporalio/client';
import { dataConverterFor } from '../../codec/data-converter';
import { encryptionKeysFor } from '../../codec/encryption-keys-for';
import { configuredSecrets } from '../../config/configured-secrets';
import { decisionKeyFor } from '../../config/decision-key';
import { ConfigError, type Config } from '../../config/load-config';
import { createLog } from '../../logging/create-log';
import { tracingClientInterceptors } from '../../telemetry/temporal-tracing-interceptors';
import { tracingFor } from '../../telemetry/tracing-for-config';
import { registerSearchAttributes } from '../../temporal/register-search-attributes';
import { apiReviewers, serveApi } from '../serve-api';

/** `specforge api`: the HTTP API and review page alone, on a Temporal server whose workers run elsewhere. */
export async function runApi(config: Config): Promise<void> {
  if (!config.TEMPORAL_ADDRESS) {
    // Without a shared server the API would have no workers: `specforge start` runs both against a dev server.
    throw new ConfigError(
      'specforge api needs TEMPORAL_ADDRESS (host:port of the Temporal frontend its workers poll); for everything in one process, use specforge start',
    );
  }
  const log = createLog({ level: config.LOG_LEVEL, secrets: configuredSecrets(config, [decisionKeyFor(config)]) });
  const reviewers = await apiReviewers(config);
  const tracing = tracingFor(config, 'specforge-api');
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  // The list filters on specforge's search attributes, which a fresh server lacks until a worker adds them.
  await registerSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
  const client = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: dataConverterFor(encryptionKeysFor(config)),
    interceptors: tracingClientInterceptors(),
  });
  // Workers elsewhere: their ticket credentials are unknown here, so none are checked up front.
  const server = await serveApi(config, reviewers, { client, uiUrl: config.TEMPORAL_UI_URL }, log);
  console.log(`Temporal: ${config.TEMPORAL_ADDRESS}${config.TEMPORAL_UI_URL ? `  UI: ${config.TEMPORAL_UI_URL}` : ''}`);
  const stop = async () => {
    server.close();
    await connection.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
