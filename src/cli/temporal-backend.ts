import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Client } from '@temporalio/client';
import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import { storeDecisionContent } from '../activities/run-state/decision-content';
import type { Config } from '../config/load-config';
import { readPhaseDiff } from '../review/read-phase-diff';
import { readPhaseView } from '../review/read-phase-view';
import { decideSpec } from '../runs/decide-spec';
import { listSpecs } from '../runs/list-specs';
import { readSpecStatus } from '../runs/read-spec-status';
import { startAmendment } from '../runs/start-amendment';
import { startRetry } from '../runs/start-retry';
import { startSettings } from '../config/start-settings';
import { publicUrl } from '../config/public-url';
import { signDecision } from './sign-decision';
import type { SpecBackend, TicketIndex } from './spec-backend';

/** The commands straight against Temporal and the artifact store on this machine (no API). */
export function temporalBackend(
  client: Client,
  config: Config,
  store: ArtifactStore,
  close: () => Promise<void>,
): SpecBackend {
  return {
    async status(id) {
      const status = await readSpecStatus(client, id);
      return {
        ...status,
        artifacts: status.artifacts.map((artifact) => ({ file: artifact.file, location: artifact.path })),
      };
    },
    list: (options) => listSpecs(client, config.TEMPORAL_NAMESPACE, options),
    // An edit's content goes to the store first: the decision carries its reference, not the content.
    decide: async (id, decision) =>
      decideSpec(
        client,
        id,
        signDecision(config, id, {
          ...(await storeDecisionContent(store, id, decision)),
          by: decision.by ?? os.userInfo().username,
        }),
      ),
    // A new run started here is picked up by whichever worker polls the task queue, as with `specforge new`.
    amend: (id, amendment) =>
      startAmendment(
        client,
        config.TEMPORAL_TASK_QUEUE,
        id,
        { ...amendment, by: amendment.by ?? os.userInfo().username },
        { reviewUrl: publicUrl(config), ...startSettings(config) },
      ),
    retry: (id) =>
      startRetry(client, config.TEMPORAL_TASK_QUEUE, id, { reviewUrl: publicUrl(config), ...startSettings(config) }),
    async tickets(id) {
      const status = await readSpecStatus(client, id);
      const file = status.artifacts.find((artifact) => artifact.file === `tickets_${status.slug}.json`);
      if (!file) return undefined;
      const index = JSON.parse(await readFile(file.path, 'utf8')) as TicketIndex;
      return { plan: index.plan, created: status.tickets.length ? status.tickets : index.created };
    },
    view: async (id, phase, revision) => readPhaseView(store, await readSpecStatus(client, id), phase, revision),
    diff: async (id, phase, from, to) => readPhaseDiff(store, await readSpecStatus(client, id), phase, from, to),
    close,
  };
}
