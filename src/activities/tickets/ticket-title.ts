import { shortLine } from '../../shared/short-line';
import { MAX_TICKET_TITLE_LENGTH } from './ticket-plan';

/** A ticket title every tracker takes: one line of at most MAX_TICKET_TITLE_LENGTH code units. */
export function ticketTitle(text: string, max: number = MAX_TICKET_TITLE_LENGTH): string {
  return shortLine(text, max);
}
