import type { TicketPlan } from '../../src/activities/tickets/ticket-plan';

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
