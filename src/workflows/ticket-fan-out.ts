import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import type { PlanTicketsInput } from '../activities/tickets/ticket-activities';
import type { TicketRef } from '../shared/spec-run';
import { mapWithConcurrency } from './map-with-concurrency';

const activities = proxyActivities<SpecActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

export interface TicketFanOutInput extends PlanTicketsInput {
  concurrency: number;
}

export interface TicketFanOutResult {
  created: TicketRef[];
  failed: { key: string; error: string }[];
  index: string;
}

/** The epic first, then every ticket in parallel lanes; each create is idempotent by its marker. */
export async function ticketFanOutWorkflow(input: TicketFanOutInput): Promise<TicketFanOutResult> {
  const { concurrency, phases: _phases, feature: _feature, ...run } = input;
  const plan = await activities.planTickets(input);
  const epic = await activities.createTicket({ ...run, key: 'epic' });
  const failed: TicketFanOutResult['failed'] = [];
  const results = await mapWithConcurrency(plan.keys, concurrency, async (key) => {
    try {
      return await activities.createTicket({ ...run, key, epic });
    } catch (error) {
      // One ticket failing must not hide the ones that exist: report it and go on.
      if (!(error instanceof ActivityFailure)) throw error;
      failed.push({ key, error: error.cause?.message ?? error.message });
      return undefined;
    }
  });
  const created = [epic, ...results.filter((result): result is TicketRef => result !== undefined)];
  const index = await activities.recordTickets({ ...run, created, failed });
  return { created, failed, index };
}
