import type { TicketRef } from '../shared/spec-run';
import { registeredCounter } from './registered-metric';

const created = () =>
  registeredCounter({
    name: 'specforge_tickets_created_total',
    help: 'Tickets created in a tracker, by target (github, jira, file); tickets found again by their marker are not counted',
    labelNames: ['target'] as const,
  });

/** Counts a ticket a target has just created, and hands it on. */
export function ticketCreated(target: string, ticket: TicketRef): TicketRef {
  created().inc({ target });
  return ticket;
}
