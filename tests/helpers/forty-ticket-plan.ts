import type { TicketPlan } from '../../src/activities/tickets/ticket-plan';
import type { TicketTarget } from '../../src/activities/tickets/ticket-target';
import { ticketFanOutWorkflow } from '../../src/workflows/ticket-fan-out';
import type { TestStack } from './test-stack';

/** A plan of 40 tickets; every fifth depends on the one before it. */
export function fortyTicketPlan(specId: string): TicketPlan {
  const ticket = (index: number) => ({
    key: `t-${index}`,
    kind: 'component' as const,
    title: `Ticket ${index}`,
    description: `Work item ${index}`,
    acceptanceCriteria: [`Item ${index} is done`],
    requirements: [`FR-${(index % 4) + 1}`],
    labels: ['specforge', 'component'],
    estimate: 2,
    dependsOn: index % 5 === 0 ? [`t-${index - 1}`] : [],
  });
  return {
    specId,
    feature: 'Forty tickets',
    epic: {
      key: 'epic',
      kind: 'epic',
      title: 'Forty tickets',
      description: 'The epic',
      acceptanceCriteria: [],
      requirements: [],
      labels: ['specforge', 'epic'],
      estimate: 80,
      dependsOn: [],
    },
    tickets: Array.from({ length: 40 }, (_, index) => ticket(index + 1)),
  };
}

/** Stores the forty-ticket plan for `specId` and runs the ticket fan-out of it against `target`. */
export async function fanOutFortyTickets(
  stack: TestStack,
  run: { specId: string; slug?: string; name: TicketTarget['name']; destination: string },
  target: TicketTarget,
) {
  const plan = fortyTicketPlan(run.specId);
  await stack.store.writeJson(stack.store.runDir(run.specId), 'ticket-plan.json', plan);
  return stack.withWorker(
    () =>
      stack.client.workflow.execute(ticketFanOutWorkflow, {
        taskQueue: stack.taskQueue,
        workflowId: `${run.specId}-tickets`,
        args: [
          {
            specId: run.specId,
            slug: run.slug ?? run.specId,
            target: run.name,
            destination: run.destination,
            concurrency: 4,
            keys: plan.tickets.map((ticket) => ticket.key),
            dependencies: {},
          },
        ],
      }),
    undefined,
    { [run.name]: target },
  );
}
