import type { Client } from '@temporalio/client';

export interface ApiContext {
  client: Client;
  namespace: string;
  taskQueue: string;
  /** Temporal UI base URL, for links; unset when unknown. */
  uiUrl?: string;
  /** Bearer token the /v1 routes require; unset: open (local use). */
  apiToken?: string;
}
