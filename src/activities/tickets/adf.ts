import type { PlannedTicket } from './ticket-plan';

type Node = Record<string, unknown>;
const text = (value: string): Node => ({ type: 'text', text: value });
const paragraph = (value: string): Node => ({ type: 'paragraph', content: value ? [text(value)] : [] });

/** A ticket's description in Atlassian Document Format, which Jira's v3 API requires. */
export function ticketAdf(ticket: PlannedTicket, marker: string): Node {
  return {
    type: 'doc',
    version: 1,
    content: [
      ...ticket.description.split('\n').map(paragraph),
      { type: 'heading', attrs: { level: 3 }, content: [text('Acceptance criteria')] },
      {
        type: 'bulletList',
        content: (ticket.acceptanceCriteria.length ? ticket.acceptanceCriteria : ['Done as described']).map((item) => ({
          type: 'listItem',
          content: [paragraph(item)],
        })),
      },
      paragraph(`Requirements: ${ticket.requirements.join(', ') || 'none'} · Estimate: ${ticket.estimate} points`),
      { type: 'paragraph', content: [{ type: 'text', text: marker, marks: [{ type: 'code' }] }] },
    ],
  };
}
