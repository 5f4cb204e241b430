import type { PhaseContents } from '../phases/phase-contents';
import { designOf, traceRequirements } from '../render/traceability';
import type { TicketPlan } from '../tickets/ticket-plan';
import { citesRequirement } from './cites-requirement';

export interface UntracedItems {
  /** Keys of planned tickets (the epic aside) that cite no FR or NFR. */
  tickets: string[];
  /** Test cases that cite no FR or NFR. */
  testCases: string[];
  /** NFRs with no test case, or no design element (component, table, endpoint, control or rollout check). */
  nonFunctional: string[];
}

/** What a finished pack and its ticket plan leave untraced: the numbers issue 9 asks to bring to zero. */
export function untracedItems(phases: Partial<PhaseContents>, plan?: TicketPlan): UntracedItems {
  return {
    tickets: (plan?.tickets ?? []).filter((ticket) => !citesRequirement(ticket)).map((ticket) => ticket.key),
    testCases: (phases.testing?.cases ?? [])
      .filter((testCase) => !citesRequirement(testCase))
      .map((testCase) => testCase.id),
    nonFunctional: traceRequirements(phases)
      .rows.filter((row) => row.kind === 'non-functional' && (designOf(row).length === 0 || row.tests.length === 0))
      .map((row) => row.requirement),
  };
}
