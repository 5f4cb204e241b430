import type { TicketRef } from '../../shared/spec-run';
import type { PlannedTicket, TicketPlan } from './ticket-plan';

/** What an amendment does with each ticket, against the tickets of the run it amends. */
export interface TicketDiff {
  /** Keys new to the plan, or whose ticket the amended run never made; the epic first when it is one. */
  created: string[];
  /** The amended run's tickets whose planned content changed: they are edited in place. */
  updated: TicketRef[];
  /** The amended run's tickets planned exactly as before. */
  unchanged: TicketRef[];
  /** The amended run's tickets whose keys the new plan no longer has. */
  removed: TicketRef[];
}

/** The amended run's ticket index: its plan and the tickets it made. */
export interface PreviousTickets {
  plan: TicketPlan;
  created: TicketRef[];
}

// Everything a tracker shows of a ticket: its title, body (description, criteria, requirements,
// estimate, kind), labels and dependencies. Listed, so a field added to the plan is a choice here.
const SHOWN: readonly (keyof PlannedTicket)[] = [
  'kind',
  'title',
  'description',
  'acceptanceCriteria',
  'requirements',
  'labels',
  'estimate',
  'dependsOn',
];

const sameContent = (before: PlannedTicket, after: PlannedTicket) =>
  SHOWN.every((field) => JSON.stringify(before[field]) === JSON.stringify(after[field]));

/**
 * Sorts every key of the new plan (epic first, then the plan's order) into created, updated or
 * unchanged, and the amended run's other tickets into removed. Pure. With no previous tickets
 * (the amended run made none), everything is created.
 */
export function ticketDiff(previous: PreviousTickets | undefined, plan: TicketPlan): TicketDiff {
  const before = new Map(
    previous ? [previous.plan.epic, ...previous.plan.tickets].map((ticket) => [ticket.key, ticket]) : [],
  );
  const refs = new Map((previous?.created ?? []).map((ref) => [ref.key, ref]));
  const diff: TicketDiff = { created: [], updated: [], unchanged: [], removed: [] };
  const planned = [plan.epic, ...plan.tickets];
  for (const ticket of planned) {
    const ref = refs.get(ticket.key);
    const old = before.get(ticket.key);
    if (!ref) diff.created.push(ticket.key);
    // A ticket made from a plan the index no longer holds is edited rather than trusted unchanged.
    else if (old && sameContent(old, ticket)) diff.unchanged.push(ref);
    else diff.updated.push(ref);
  }
  const keys = new Set(planned.map((ticket) => ticket.key));
  diff.removed = (previous?.created ?? []).filter((ref) => !keys.has(ref.key));
  return diff;
}
