import type { TicketRef } from '../../shared/spec-run';
import type { PlannedTicket } from './ticket-plan';

export interface TicketContext {
  specId: string;
  /** Folder of this run's pack; the file target writes its tickets here. */
  packDir: string;
  /** GitHub `owner/name` or Jira project key. */
  destination?: string;
  epic?: TicketRef;
}

/**
 * A tracker tickets are created in. `find` looks a ticket up by its marker so a retried
 * create never makes a second one.
 */
export interface TicketTarget {
  readonly name: 'file' | 'github' | 'jira';
  find(ticket: PlannedTicket, context: TicketContext): Promise<TicketRef | undefined>;
  create(ticket: PlannedTicket, context: TicketContext): Promise<TicketRef>;
  /** Writes dependencies ("blocked by") and, for the epic, its children; safe to repeat. */
  link(ticket: PlannedTicket, created: Map<string, TicketRef>, context: TicketContext): Promise<void>;
  /** Closes a ticket of a cancelled run as not planned; safe to repeat. */
  close(ticket: TicketRef, context: TicketContext): Promise<void>;
}
