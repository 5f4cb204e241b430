import type { Client } from '@temporalio/client';
import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import type { ReviewerDirectory } from './auth/reviewer-directory';

export interface ApiContext {
  client: Client;
  namespace: string;
  taskQueue: string;
  /** The worker's store, read for phase revisions and artifacts (the API and worker share its disk). */
  store: ArtifactStore;
  /** Temporal UI base URL, for links; unset when unknown. */
  uiUrl?: string;
  /** Who may sign in and decide; unset: local single-user mode, the API and page are open. */
  reviewers?: ReviewerDirectory;
  /** Signs the decisions the API authenticated (SPECFORGE_DECISION_KEY; the worker holds the same key). */
  decisionKey?: string;
  /** Where people reach this API and its review page, for links. */
  publicUrl?: string;
  /** Start-to-close timeout of a phase activity, from the worker's model settings; unset: the workflow's default. */
  phaseActivityTimeoutMs?: number;
}
