import type { StartSettings } from '../config/start-settings';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import type { ReviewerDirectory } from './auth/reviewer-directory';
import type { CredentialedTarget } from './ticket-credentials';

export interface ApiContext {
  client: Client;
  namespace: string;
  taskQueue: string;
  /** The worker's store, read for phase revisions and artifacts (the API and worker share its disk). */
  store: ArtifactStore;
  /** Temporal UI base URL, for links and as the one origin the codec endpoint answers (CORS); unset when unknown. */
  uiUrl?: string;
  /** Who may sign in and decide; unset: local single-user mode, the API and page are open. */
  reviewers?: ReviewerDirectory;
  /** Signs the decisions the API authenticated (SPECFORGE_DECISION_KEY; the worker holds the same key). */
  decisionKey?: string;
  /** Where people reach this API and its review page, for links. */
  publicUrl?: string;
  /** What every run started here carries from the configuration (phase timeout, history limit); unset: the workflow's defaults. */
  startSettings?: Partial<StartSettings>;
  /**
   * Set when the API runs with the worker (`npm start`): per ticket target, the credential variables
   * the worker lacks, so a run asking for that target is refused (422) instead of failing at the end.
   * Unset when workers run elsewhere: their configuration is unknown here.
   */
  missingTicketCredentials?: Partial<Record<CredentialedTarget, string[]>>;
  /** How old a status answer may be (GET /v1/specs/:id, the page's state); unset: STATUS_FRESH_FOR_MS. */
  statusFreshForMs?: number;
  /** The codec the workers use (SPECFORGE_ENCRYPTION_KEYS), served at /codec for the Temporal UI; unset: /codec is 404. */
  payloadCodec?: PayloadCodec;
}
