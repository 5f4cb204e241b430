import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import type { PlanTicketsInput, TicketRunInput } from '../activities/tickets/ticket-activities';
import type { TicketRef } from '../shared/spec-run';
import { mapWithConcurrency } from './map-with-concurrency';

const activities = proxyActivities<SpecActivities>({
  startToCloseTimeout: '2 minutes',
  // A worker that dies mid-request is noticed in 15 s; the marker makes the retry safe.
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

export type TicketFanOutInput = TicketRunInput & { concurrency: number } & (
  | {
      /** Planned ticket keys (the plan itself stays on disk), and which of them depend on others. */
      keys: string[];
      dependencies: Record<string, string[]>;
    }
  /** Runs started before the parent planned: the child plans, as it used to. */
  | Omit<PlanTicketsInput, keyof TicketRunInput>
);

export interface TicketFanOutResult {
  created: TicketRef[];
  failed: { key: string; error: string }[];
  index: string;
}

/**
 * The epic first, then every ticket in parallel lanes, then the links. Each create looks for its
 * marker first, so a crash or a re-run never duplicates and a re-run creates only what is missing.
 */
export async function ticketFanOutWorkflow(input: TicketFanOutInput): Promise<TicketFanOutResult> {
  const { specId, slug, outDir, target, destination, concurrency } = input;
  const run: TicketRunInput = { specId, slug, outDir, target, destination };
  const { keys, dependencies } = 'keys' in input ? input : await activities.planTickets({ ...input, ...run });
  const failed: TicketFanOutResult['failed'] = [];
  const attempt = async <T>(key: string, work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      // One ticket failing must not hide the ones that exist: report it and go on.
      if (!(error instanceof ActivityFailure)) throw error;
      failed.push({ key, error: error.cause?.message ?? error.message });
      return undefined;
    }
  };
  const epic = await activities.createTicket({ ...run, key: 'epic' });
  const tickets = await mapWithConcurrency(keys, concurrency, (key) => attempt(key, () => activities.createTicket({ ...run, key, epic })));
  const created = [epic, ...tickets.filter((ticket): ticket is TicketRef => ticket !== undefined)];
  await activities.recordTickets({ ...run, created, failed });
  const toLink = ['epic', ...keys.filter((key) => (dependencies[key] ?? []).length > 0)];
  await mapWithConcurrency(toLink, concurrency, (key) => attempt(`${key} (links)`, () => activities.linkTicket({ ...run, key })));
  const index = await activities.recordTickets({ ...run, created, failed });
  return { created, failed, index };
}
