import { Command, InvalidArgumentError } from 'commander';
import type { Config } from '../config/load-config';
import { DECISION_ACTIONS, isGateName, type DecisionAction, type GateName } from '../shared/decision';
import { GATE_POLICIES, type GatePolicy } from '../shared/gates';
import { isPhaseName, PHASES, type PhaseName } from '../shared/phases';
import { CONTEXT_FILE_NAME, MAX_CONTEXT_LENGTH } from '../shared/project-context-ref';
import { TICKET_TARGETS, type SpecStatus, type TicketOptions } from '../shared/spec-run';
import type { Colours } from './colours';
import { amend } from './commands/amend';
import { decide, decisionFrom, type DecideOptions } from './commands/decide';
import { diffPhase } from './commands/diff-phase';
import { retry } from './commands/retry';
import { viewPhase } from './commands/view-phase';
import { environmentHelp } from './environment-help';
import { formatTicketPlan } from './format-ticket-plan';
import { parseAnswer } from './parse-answer';
import { formatStatus } from './print-status';
import { reviewUrl } from './review-url';
import type { SpecBackend } from './spec-backend';
import { terminalText } from './terminal-text';

/** What the commands reach outside themselves; tests give their own. */
export interface ProgramDependencies {
  loadConfig(): Config;
  openBackend(config: Config): Promise<SpecBackend>;
  print(text: string): void;
  /** Long output (view, diff): through the pager on a TTY. */
  page(text: string): Promise<void>;
  paint: Colours;
}

const SPEC_STATUSES: readonly SpecStatus[] = ['running', 'awaiting_approval', 'completed', 'failed', 'cancelled'];

/** The specforge command line; `configure` runs before the commands are added (so they inherit it). */
export function createProgram(
  dependencies: ProgramDependencies,
  configure: (program: Command) => void = () => undefined,
): Command {
  const program = new Command('specforge').description(
    'Reviewed technical specs for a feature, run as a durable Temporal workflow',
  );
  configure(program);
  program.addHelpText('after', () => environmentHelp());

  program
    .command('new')
    .argument('<feature>', 'the feature, in one line')
    .option('--description <text>', 'more detail: each sentence becomes a requirement')
    .option(
      '--gates <policy>',
      `review gates: ${GATE_POLICIES.join(' | ')}`,
      oneOf(GATE_POLICIES, '--gates'),
      'each' as GatePolicy,
    )
    .option('--out <dir>', 'output folder (default: SPECFORGE_OUT or ./specs)')
    .option(
      '--tickets <target>',
      `where tickets go: ${TICKET_TARGETS.join(' | ')}`,
      oneOf(TICKET_TARGETS, '--tickets'),
      'file' as TicketOptions['target'],
    )
    .option('--repo <owner/name>', 'GitHub repository for --tickets github (token: GITHUB_TOKEN)')
    .option('--project <key>', 'Jira project for --tickets jira (JIRA_HOST, JIRA_EMAIL, JIRA_API_TOKEN)')
    .option('--review-tickets', 'ask before creating tickets: approve, edit the plan, or skip')
    .option(
      '--context <file>',
      `the team's context document (stack, platform, constraints, conventions; at most ${MAX_CONTEXT_LENGTH} characters); default: ./${CONTEXT_FILE_NAME} when present`,
    )
    .option('--no-context', `ignore ./${CONTEXT_FILE_NAME}`)
    .description(
      'run a whole spec here (local dev server and worker), asking at each gate: view, diff, approve, change, edit, abort',
    )
    .action(
      async (
        feature: string,
        options: {
          description?: string;
          gates: GatePolicy;
          out?: string;
          tickets: TicketOptions['target'];
          repo?: string;
          project?: string;
          reviewTickets?: boolean;
          context?: string | false;
        },
      ) => {
        const tickets = {
          target: options.tickets,
          repo: options.repo,
          project: options.project,
          review: options.reviewTickets,
        };
        // The commands that run a worker or the API load them here, so --help and light commands start fast.
        const { newSpec } = await import('./commands/new-spec');
        process.exitCode = await newSpec(dependencies.loadConfig(), feature, { ...options, tickets });
      },
    );

  program
    .command('status')
    .argument('<id>')
    .description('show a run (works for closed runs with no worker)')
    .action((id: string) => withBackend(async (backend) => dependencies.print(formatStatus(await backend.status(id)))));

  program
    .command('list')
    .option('--status <status>', SPEC_STATUSES.join(' | '), oneOf(SPEC_STATUSES, '--status'))
    .option('--limit <n>', 'how many', positiveInteger('--limit'), 20)
    .description('list runs, newest first')
    .action((options: { status?: SpecStatus; limit: number }) =>
      withBackend(async (backend) => {
        const page = await backend.list(options);
        for (const item of page.items)
          dependencies.print(
            `${item.id}  ${item.status.padEnd(17)} ${item.phase.padEnd(13)} ${terminalText(item.feature)}`,
          );
        if (page.items.length === 0) dependencies.print('No runs.');
      }),
    );

  program
    .command('view')
    .argument('<id>')
    .argument('[phase]', 'a phase (default: the one awaiting approval, else the latest)', phaseArgument)
    .option('--revision <n>', 'one revision (default: the current one)', positiveInteger('--revision'))
    .option('--json', 'the structured view: content, Markdown, checks, questions, items')
    .description('show a phase as it will appear in the pack, with its checks and open questions')
    .action((id: string, phase: PhaseName | undefined, options: { revision?: number; json?: boolean }) =>
      withBackend(async (backend) =>
        dependencies.page(await viewPhase(backend, id, phase, options, dependencies.paint)),
      ),
    );

  program
    .command('diff')
    .argument('<id>')
    .argument('<phase>', 'a phase', phaseArgument)
    .option('--from <n>', 'older revision (default: the one before --to)', positiveInteger('--from'))
    .option('--to <n>', 'newer revision (default: the latest)', positiveInteger('--to'))
    .option('--json', 'the structured diff')
    .description('what changed between two revisions of a phase: items by id, then the lines')
    .action((id: string, phase: PhaseName, options: { from?: number; to?: number; json?: boolean }) =>
      withBackend(async (backend) =>
        dependencies.page(await diffPhase(backend, id, phase, options, dependencies.paint)),
      ),
    );

  program
    .command('decide')
    .argument('<id>')
    .argument('<phase>', 'the phase awaiting approval (or "tickets"); for reopen, an approved phase', gateArgument)
    .argument('<action>', DECISION_ACTIONS.join(' | '), oneOf(DECISION_ACTIONS, 'action'))
    .option('--comment <text>', 'feedback (needed for request_changes and reopen)')
    .option('--by <name>', "who decides (default: your login; through the API, the token's reviewer)")
    .option(
      '--content <file>',
      'edit: JSON file with the replacement content (bare, a stored phase file, or a ticket file)',
    )
    .option('--answer <Q-n=value>', 'approve of requirements: answer an open question (repeatable)', parseAnswer)
    .description('decide the gate a run waits at, or reopen a phase it approved')
    .addHelpText(
      'after',
      '\nExamples:\n  specforge decide <id> requirements approve --answer "Q-2=50 requests per second"\n  specforge decide <id> api request_changes --comment "Paginate GET /invoices"\n  specforge decide <id> database edit --content database.json\n  specforge decide <id> requirements reopen --comment "Add SSO"',
    )
    .action(async (id: string, phase: GateName, action: DecisionAction, options: DecideOptions) => {
      const decision = await decisionFrom(phase, action, options);
      await withBackend(async (backend) => dependencies.print(await decide(backend, id, decision)));
    });

  program
    .command('reopen')
    .argument('<id>')
    .requiredOption('--phase <phase>', 'an approved phase', phaseArgument)
    .requiredOption('--comment <text>', 'what to change, and why')
    .option('--by <name>', "who asks (default: your login; through the API, the token's reviewer)")
    .description(
      'reopen an approved phase of an open run (decide <id> <phase> reopen); the phases that read it are asked again only if their inputs change',
    )
    .action(async (id: string, options: { phase: PhaseName; comment: string; by?: string }) => {
      const decision = await decisionFrom(options.phase, 'reopen', options);
      await withBackend(async (backend) => dependencies.print(await decide(backend, id, decision)));
    });

  program
    .command('amend')
    .argument('<id>', 'a completed run')
    .requiredOption('--phase <phase>', 'the approved phase to reopen', phaseArgument)
    .requiredOption('--comment <text>', 'what to change, and why')
    .option('--by <name>', "who amends (default: your login; through the API, the token's reviewer)")
    .option('--close-removed', "close (as not planned) the old run's tickets the new plan no longer has")
    .description(
      'start the next version of a completed spec: a new run that keeps its approved phases, reopens one, and brings its tickets in line',
    )
    .action((id: string, options: { phase: PhaseName; comment: string; by?: string; closeRemoved?: boolean }) => {
      const comment = options.comment.trim();
      if (!comment) throw new Error('amend needs --comment TEXT: what to change in the phase, and why');
      return withBackend(async (backend) =>
        dependencies.print(
          await amend(backend, id, {
            phase: options.phase,
            comment,
            ...(options.by ? { by: options.by } : {}),
            ...(options.closeRemoved ? { closeRemoved: true } : {}),
          }),
        ),
      );
    });

  program
    .command('retry')
    .argument('<id>', 'a failed or cancelled run')
    .description(
      'start a run that keeps the approved phases of a failed or cancelled run and goes on from where it stopped',
    )
    .action((id: string) => withBackend(async (backend) => dependencies.print(await retry(backend, id))));

  program
    .command('tickets')
    .argument('<id>')
    .description('show the ticket plan and the created tickets')
    .action((id: string) =>
      withBackend(async (backend) => {
        const index = await backend.tickets(id);
        dependencies.print(
          index ? formatTicketPlan(index) : 'No ticket plan yet: it is made once every phase is approved.',
        );
      }),
    );

  program
    .command('open')
    .argument('<id>')
    .description("print the run's review page URL (SPECFORGE_URL, else http://localhost:PORT)")
    .action((id: string) => dependencies.print(reviewUrl(dependencies.loadConfig(), id)));

  program
    .command('start')
    .description('run the dev server (unless TEMPORAL_ADDRESS), a worker, the HTTP API and the review page')
    .action(async () => (await import('./commands/start-all')).startAll(dependencies.loadConfig()));

  program
    .command('worker')
    .description('run a worker alone, polling TEMPORAL_ADDRESS (start as many as needed beside one API)')
    .action(async () => (await import('./commands/worker')).runWorker(dependencies.loadConfig()));

  program
    .command('api')
    .description('run the HTTP API and review page alone, on TEMPORAL_ADDRESS, for workers running elsewhere')
    .action(async () => (await import('./commands/api')).runApi(dependencies.loadConfig()));

  return program;

  async function withBackend(work: (backend: SpecBackend) => Promise<void>): Promise<void> {
    const backend = await dependencies.openBackend(dependencies.loadConfig());
    try {
      await work(backend);
    } finally {
      await backend.close();
    }
  }
}

function oneOf<T extends string>(values: readonly T[], what: string) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value))
      throw new InvalidArgumentError(`${what} must be one of ${values.join(', ')}`);
    return value as T;
  };
}

function positiveInteger(what: string) {
  return (value: string): number => {
    if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError(`${what} must be a whole number from 1`);
    return Number(value);
  };
}

function phaseArgument(value: string): PhaseName {
  if (!isPhaseName(value)) throw new InvalidArgumentError(`not a phase; one of ${PHASES.join(', ')}`);
  return value;
}

function gateArgument(value: string): GateName {
  if (!isGateName(value)) throw new InvalidArgumentError(`not a gate; one of ${PHASES.join(', ')}, tickets`);
  return value;
}
