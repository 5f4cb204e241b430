import {
  ActivityCancellationType,
  ActivityFailure,
  CancellationScope,
  isCancellation,
  patched,
  proxyActivities,
} from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import type { PlanTicketsInput, TicketRunInput } from '../activities/tickets/ticket-activities';
import type { ArtifactRef, TicketRef } from '../shared/spec-run';
import { mapWithConcurrency } from './map-with-concurrency';

const activities = proxyActivities<SpecActivities>({
  startToCloseTimeout: '2 minutes',
  // A worker that dies mid-request is noticed in 15 s; the marker makes the retry safe.
  heartbeatTimeout: '15 seconds',
  // On cancel, wait for creates in flight to settle, so the list of what exists is complete.
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

export type TicketFanOutInput = TicketRunInput & { concurrency: number; closeOnCancel?: boolean } & (
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
  /** The ticket index as last written, for the parent to list; a path in histories recorded before it carried its sha256. */
  index: ArtifactRef | string;
}

/**
 * The epic first, then every ticket in parallel lanes, then the links. Each create looks for its
 * marker first, so a crash or a re-run never duplicates and a re-run creates only what is missing.
 */
export async function ticketFanOutWorkflow(input: TicketFanOutInput): Promise<TicketFanOutResult> {
  const { specId, slug, outDir, target, destination, concurrency } = input;
  const run: TicketRunInput = { specId, slug, outDir, target, destination };
  const created: TicketRef[] = [];
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
  try {
    const { keys, dependencies } = 'keys' in input ? input : await activities.planTickets({ ...input, ...run });
    const epic = await activities.createTicket({ ...run, key: 'epic' });
    created.push(epic);
    await mapWithConcurrency(keys, concurrency, async (key) => {
      const ticket = await attempt(key, () => activities.createTicket({ ...run, key, epic }));
      if (ticket) created.push(ticket);
    });
    // A create whose reply was lost may have made a second ticket: keep one per key, close the rest.
    if (patched('sweep-tickets')) await sweep(run, created, failed);
    await activities.recordTickets({ ...run, created, failed });
    const toLink = ['epic', ...keys.filter((key) => (dependencies[key] ?? []).length > 0)];
    await mapWithConcurrency(toLink, concurrency, (key) =>
      attempt(`${key} (links)`, () => activities.linkTicket({ ...run, key })),
    );
    const index = await activities.recordTickets({ ...run, created, failed });
    return { created, failed, index };
  } catch (error) {
    if (isCancellation(error)) await CancellationScope.nonCancellable(() => leaveCancelled(run, failed, input));
    throw error;
  }
}

/** Replaces `created` and `failed` in place with what the tracker holds after the sweep. */
async function sweep(run: TicketRunInput, created: TicketRef[], failed: TicketFanOutResult['failed']): Promise<void> {
  const swept = await activities.sweepTickets({ ...run, created });
  const found = new Set(swept.created.map((ticket) => ticket.key));
  created.splice(0, created.length, ...swept.created);
  failed.splice(0, failed.length, ...failed.filter((failure) => !found.has(failure.key)), ...swept.failed);
}

/** Tickets that exist stay listed in the index; closed as not planned when the run asked for it. */
async function leaveCancelled(
  run: TicketRunInput,
  failed: TicketFanOutResult['failed'],
  input: TicketFanOutInput,
): Promise<void> {
  const closed = Boolean(input.closeOnCancel);
  const existing = await activities.findCreatedTickets(run);
  if (closed)
    await mapWithConcurrency(existing, input.concurrency, (ticket) =>
      activities
        .closeTicket({ ...run, ticket })
        .catch(() => failed.push({ key: ticket.key, error: 'could not be closed' })),
    );
  await activities.recordTickets({ ...run, created: existing, failed, cancelled: { closed } });
}
