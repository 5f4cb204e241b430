import { bulletList } from '../render/markdown-table';
import { markdownBlock } from '../render/markdown-text';
import { ticketMarker, type PlannedTicket } from './ticket-plan';

/** The body of a ticket in Markdown, ending with the hidden marker line that makes creation idempotent. */
export function ticketMarkdown(ticket: PlannedTicket, lineage: string, epic?: string): string {
  return [
    markdownBlock(ticket.description),
    '## Acceptance criteria',
    bulletList(ticket.acceptanceCriteria.length ? ticket.acceptanceCriteria : ['Done as described']).replace(
      /^- /gm,
      '- [ ] ',
    ),
    `**Requirements:** ${ticket.requirements.join(', ') || 'none'} · **Estimate:** ${ticket.estimate} points${epic ? ` · **Epic:** ${epic}` : ''}`,
    `<!-- ${ticketMarker(lineage, ticket.key)} -->`,
  ].join('\n\n');
}

export const LINKS_START = '<!-- specforge:links -->';

/** Replaces (or appends) the links section, so writing it twice leaves one copy. */
export function withLinksSection(body: string, lines: string[]): string {
  const base = body.split(LINKS_START)[0]!.trimEnd();
  return lines.length ? `${base}\n\n${LINKS_START}\n${lines.join('\n')}\n` : base;
}
