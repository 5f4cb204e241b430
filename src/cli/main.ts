import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import type { TicketPlan } from '../activities/tickets/ticket-plan';
import { loadConfig } from '../config/load-config';
import { decideSpec } from '../runs/decide-spec';
import { listSpecs } from '../runs/list-specs';
import { readSpecStatus } from '../runs/read-spec-status';
import { DECISION_ACTIONS, isGateName, type DecisionAction, type GateName } from '../shared/decision';
import { GATE_POLICIES, type GatePolicy } from '../shared/gates';
import { TICKET_TARGETS, type TicketOptions, type TicketRef } from '../shared/spec-run';
import { newSpec } from './commands/new-spec';
import { startAll } from './commands/start-all';
import { connectClient } from './connect-client';
import { formatStatus } from './print-status';

const oneOf = <T extends string>(values: readonly T[], what: string) => (value: string): T => {
  if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} must be one of ${values.join(', ')}`);
  return value as T;
};

const program = new Command('specforge').description('Reviewed technical specs for a feature, run as a durable Temporal workflow');

program
  .command('new')
  .argument('<feature>', 'the feature, in one line')
  .option('--description <text>', 'more detail: each sentence becomes a requirement')
  .option('--gates <policy>', `review gates: ${GATE_POLICIES.join(' | ')}`, oneOf(GATE_POLICIES, '--gates'), 'each' as GatePolicy)
  .option('--out <dir>', 'output folder (default: SPECFORGE_OUT or ./specs)')
  .option('--tickets <target>', `where tickets go: ${TICKET_TARGETS.join(' | ')}`, oneOf(TICKET_TARGETS, '--tickets'), 'file' as TicketOptions['target'])
  .option('--repo <owner/name>', 'GitHub repository for --tickets github (token: GITHUB_TOKEN)')
  .option('--project <key>', 'Jira project for --tickets jira (JIRA_HOST, JIRA_EMAIL, JIRA_API_TOKEN)')
  .option('--review-tickets', 'ask before creating tickets: approve, edit the plan, or skip')
  .description('run a whole spec, asking at each gate')
  .action(async (feature: string, options: { description?: string; gates: GatePolicy; out?: string; tickets: TicketOptions['target']; repo?: string; project?: string; reviewTickets?: boolean }) => {
    process.exitCode = await newSpec(loadConfig(), feature, { ...options, tickets: { target: options.tickets, repo: options.repo, project: options.project, review: options.reviewTickets } });
  });

program
  .command('tickets')
  .argument('<id>')
  .description('show the ticket plan and the created tickets')
  .action(async (id: string) => {
    await withClient(async (client) => {
      const status = await readSpecStatus(client, id);
      const file = status.artifacts.find((artifact) => artifact.file === `tickets_${status.slug}.json`);
      if (!file) return console.log('No ticket plan yet: it is made once every phase is approved.');
      const { plan, created } = JSON.parse(await readFile(file.path, 'utf8')) as { plan: TicketPlan; created: TicketRef[] };
      const urls = new Map(created.map((ref) => [ref.key, ref.url]));
      for (const ticket of [plan.epic, ...plan.tickets]) {
        console.log(`${ticket.key.padEnd(28)} ${String(ticket.estimate).padStart(2)} pts  ${ticket.title}${ticket.dependsOn.length ? `  (after ${ticket.dependsOn.join(', ')})` : ''}${urls.get(ticket.key) ? `\n${' '.repeat(38)}${urls.get(ticket.key)}` : ''}`);
      }
    });
  });

program
  .command('status')
  .argument('<id>')
  .description('show a run (works for closed runs with no worker)')
  .action(async (id: string) => {
    await withClient(async (client) => console.log(formatStatus(await readSpecStatus(client, id))));
  });

program
  .command('list')
  .option('--status <status>', 'running | awaiting_approval | completed | failed | cancelled')
  .option('--limit <n>', 'how many', (value) => Number.parseInt(value, 10), 20)
  .description('list runs')
  .action(async (options: { status?: never; limit: number }) => {
    await withClient(async (client, namespace) => {
      const page = await listSpecs(client, namespace, { status: options.status, limit: options.limit });
      for (const item of page.items) console.log(`${item.id}  ${item.status.padEnd(17)} ${item.phase.padEnd(13)} ${item.feature}`);
      if (page.items.length === 0) console.log('No runs.');
    });
  });

program
  .command('decide')
  .argument('<id>')
  .argument('<phase>', 'the phase awaiting approval (or "tickets")', (value: string): GateName => {
    if (!isGateName(value)) throw new InvalidArgumentError('not a phase name');
    return value;
  })
  .argument('<action>', DECISION_ACTIONS.join(' | '), oneOf(DECISION_ACTIONS, 'action'))
  .option('--comment <text>', 'feedback (needed for request_changes)')
  .option('--by <name>', 'who decides', process.env.USER ?? 'cli')
  .description('approve, request changes or abort the phase awaiting approval')
  .action(async (id: string, phase: GateName, action: DecisionAction, options: { comment?: string; by: string }) => {
    await withClient(async (client) => console.log(JSON.stringify(await decideSpec(client, id, { phase, action, by: options.by, comment: options.comment }))));
  });

program
  .command('start')
  .description('run the dev server (unless TEMPORAL_ADDRESS), a worker and the HTTP API')
  .action(async () => startAll(loadConfig()));

async function withClient(work: (client: Awaited<ReturnType<typeof connectClient>>['client'], namespace: string) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const { client, close } = await connectClient(config);
  try {
    await work(client, config.TEMPORAL_NAMESPACE);
  } finally {
    await close();
  }
}

program.parseAsync().catch((error: Error) => {
  console.error(`specforge: ${error.message}`);
  process.exitCode = 1;
});
