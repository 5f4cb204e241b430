import { readFile } from 'node:fs/promises';
import type { TicketRef } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { bulletList } from '../render/markdown-table';
import { markdownBlock, markdownInline } from '../render/markdown-text';
import { ticketMarker, type PlannedTicket } from './ticket-plan';
import type { TicketContext, TicketTarget } from './ticket-target';

const CLOSED = '> Closed: the spec run was cancelled.';

/** Tickets as Markdown files under `<pack>/tickets/`: the default, needing no account. */
export function createFileTarget(store: ArtifactStore): TicketTarget {
  const pathOf = (ticket: PlannedTicket, context: TicketContext) =>
    store.resolveInside(context.packDir, `tickets/${ticket.key}.md`);
  // The ticket's place relative to the output root (`<slug>/<specId>/tickets/T-1.md`): the API
  // shows it to anyone who may read the run, and the server's own folders are none of their business.
  const reference = (ticket: PlannedTicket, path: string): TicketRef => ({
    key: ticket.key,
    title: ticket.title,
    target: 'file',
    id: ticket.key,
    url: store.outputPath(path),
  });
  const write = async (ticket: PlannedTicket, context: TicketContext) => {
    const body = [
      `# ${markdownInline(ticket.title)}`,
      `<!-- ${ticketMarker(context.lineage, ticket.key)} -->`,
      `Kind: ${ticket.kind} · Estimate: ${ticket.estimate} points · Labels: ${ticket.labels.join(', ')}`,
      context.epic ? `Epic: ${context.epic.key}` : '',
      markdownBlock(ticket.description),
      '## Acceptance criteria',
      bulletList(ticket.acceptanceCriteria.length ? ticket.acceptanceCriteria : ['Done as described']),
      `## Requirements\n\n${ticket.requirements.join(', ') || 'none'}`,
      `## Blocked by\n\n${ticket.dependsOn.join(', ') || 'nothing'}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    const artifact = await store.write(context.packDir, `tickets/${ticket.key}.md`, `${body}\n`);
    return reference(ticket, artifact.path);
  };
  return {
    name: 'file',
    async find(ticket, context) {
      const path = pathOf(ticket, context);
      const text = await readFile(path, 'utf8').catch(() => '');
      return text.includes(ticketMarker(context.lineage, ticket.key)) ? reference(ticket, path) : undefined;
    },
    create: write,
    // The new run's pack gets the file, as a create would: each pack holds all of its tickets.
    update: (ticket, _existing, context) => write(ticket, context),
    // Dependencies are written into each file at creation; nothing to link afterwards.
    async link() {},
    async close(ticket, context) {
      const path = store.resolveInside(context.packDir, `tickets/${ticket.key}.md`);
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text && !text.startsWith(CLOSED))
        await store.write(context.packDir, `tickets/${ticket.key}.md`, `${CLOSED}\n\n${text}`);
    },
  };
}
