import type { TicketIndex } from './spec-backend';
import { terminalText } from './terminal-text';

/** The ticket plan, one ticket a line, with the created ticket's URL under it once it exists. */
export function formatTicketPlan({ plan, created }: TicketIndex): string {
  const urls = new Map((created ?? []).map((ref) => [ref.key, ref.url]));
  return [plan.epic, ...plan.tickets]
    .map((ticket) => {
      const after = ticket.dependsOn.length ? `  (after ${ticket.dependsOn.map(terminalText).join(', ')})` : '';
      const url = urls.get(ticket.key);
      return `${terminalText(ticket.key).padEnd(28)} ${String(ticket.estimate).padStart(2)} pts  ${terminalText(ticket.title)}${after}${url ? `\n${' '.repeat(38)}${terminalText(url)}` : ''}`;
    })
    .join('\n');
}
