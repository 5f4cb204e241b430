import type { TicketRef } from '../../shared/spec-run';
import type { PlannedTicket } from './ticket-plan';

export interface TicketContext {
  /**
   * The spec's first run id: markers (`specforge:<lineage>:<key>`) and labels are keyed by it, so
   * an amendment or a retry finds the tickets of the runs before it. For a first run, its own id.
   */
  lineage: string;
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
  /** Checks the credentials and the destination before a run spends its phases; fails naming what to fix. */
  check?(destination: string | undefined): Promise<void>;
  find(ticket: PlannedTicket, context: TicketContext): Promise<TicketRef | undefined>;
  /**
   * Creates a ticket. A create is never re-sent on its own: when its outcome is unknown (a 5xx or a
   * lost connection after the tracker may have stored it) the target looks for its marker first.
   */
  create(ticket: PlannedTicket, context: TicketContext): Promise<TicketRef>;
  /**
   * Brings an existing ticket (an amended run's) in line with its planned content: title,
   * description with the marker, labels. A plain overwrite, so repeating it is harmless.
   */
  update(ticket: PlannedTicket, existing: TicketRef, context: TicketContext): Promise<TicketRef>;
  /**
   * Every ticket in the tracker carrying a marker of this run, oldest first, duplicates included
   * (two refs with one key): what the sweep after the fan-out reads.
   */
  list?(context: TicketContext): Promise<TicketRef[]>;
  /** Writes dependencies ("blocked by") and, for the epic, its children; safe to repeat. */
  link(ticket: PlannedTicket, created: Map<string, TicketRef>, context: TicketContext): Promise<void>;
  /** Closes a ticket of a cancelled run (or a duplicate) as not planned, never as done; safe to repeat. */
  close(ticket: TicketRef, context: TicketContext): Promise<void>;
}
