import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { ArtifactStore } from '../activities/artifacts/artifact-store';
import { loadReviewerDirectory, type ReviewerDirectory } from '../api/auth/reviewer-directory';
import { createApp } from '../api/create-app';
import type { CredentialedTarget } from '../api/ticket-credentials';
import { EncryptionCodec } from '../codec/encryption-codec';
import { encryptionKeysFor } from '../codec/encryption-keys-for';
import { decisionKeyFor } from '../config/decision-key';
import { ConfigError, type Config } from '../config/load-config';
import { startSettings } from '../config/start-settings';
import { publicUrl } from '../config/public-url';

/** Where the API finds Temporal, and what it knows of the workers. */
export interface ApiBackend {
  client: Client;
  uiUrl?: string;
  /** Only when the worker runs in this process: its ticket credentials are then this configuration's. */
  missingTicketCredentials?: Partial<Record<CredentialedTarget, string[]>>;
}

/** The reviewers file, read before anything starts, so a bad one stops the program naming it. */
export async function apiReviewers(config: Config): Promise<ReviewerDirectory | undefined> {
  const reviewers = await loadReviewerDirectory(config.SPECFORGE_REVIEWERS_FILE, config.SPECFORGE_API_TOKEN);
  if (reviewers && config.TEMPORAL_ADDRESS && !config.SPECFORGE_DECISION_KEY) {
    // Workers elsewhere must check the decisions this API signs: they need the same key.
    throw new ConfigError(
      'SPECFORGE_DECISION_KEY is needed with reviewers on a shared Temporal server: set the same 32+ character secret for the API and every worker',
    );
  }
  return reviewers;
}

/** The HTTP API and review page on PORT, for `specforge start` and `specforge api` alike. */
export async function serveApi(
  config: Config,
  reviewers: ReviewerDirectory | undefined,
  backend: ApiBackend,
  log: Logger,
): Promise<Server> {
  const keys = encryptionKeysFor(config);
  const app = createApp(
    {
      client: backend.client,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      store: new ArtifactStore(config.SPECFORGE_HOME, config.SPECFORGE_OUT),
      uiUrl: backend.uiUrl,
      reviewers,
      decisionKey: decisionKeyFor(config),
      publicUrl: publicUrl(config),
      startSettings: startSettings(config),
      missingTicketCredentials: backend.missingTicketCredentials,
      // The Temporal UI decodes the workers' encrypted payloads through /codec with the same keys.
      payloadCodec: keys ? new EncryptionCodec(keys) : undefined,
    },
    log,
  );
  // Loopback by default: without reviewers the API is open to whoever reaches it.
  const server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const url = `http://${browsableHost(config.HOST)}:${config.PORT}`;
  console.log(`specforge API and review page: ${url}  (OpenAPI: ${url}/openapi.json, listening on ${config.HOST})`);
  if (!reviewers)
    console.log(
      'No reviewers configured (SPECFORGE_REVIEWERS_FILE, SPECFORGE_API_TOKEN): local single-user mode, the API is open.',
    );
  return server;
}

/** Where a browser on this machine reaches the API: an address for every interface is not one to open. */
function browsableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
