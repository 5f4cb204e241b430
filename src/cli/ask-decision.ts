import type { PhaseDiff, PhaseView } from '../review/review-types';
import type { Decision } from '../shared/decision';
import type { SpecRunStatus } from '../shared/spec-run';
import { askAnswers } from './ask-answers';
import { readDecisionContent } from './decision-content';
import { formatPhaseDiff } from './format-phase-diff';
import { formatPhaseView } from './format-phase-view';
import type { GateTerminal } from './gate-terminal';
import { terminalText } from './terminal-text';

export type PendingApproval = NonNullable<SpecRunStatus['pendingApproval']>;

/** Where a gate reads what it shows: the phase revision, its diff, or the ticket plan. */
export interface GateContent {
  view(): Promise<PhaseView>;
  /** Against the previous revision. */
  diff(): Promise<PhaseDiff>;
  ticketPlan(): Promise<string>;
}

/** Asks the person at the terminal what to do with the phase awaiting approval. */
export async function askDecision(
  pending: PendingApproval,
  content: GateContent,
  terminal: GateTerminal,
  options: { by: string; reviewUrl?: string },
): Promise<Decision> {
  const { phase } = pending;
  const { by } = options;
  const tickets = phase === 'tickets';
  const canDiff = !tickets && pending.revision > 1;
  terminal.write(gateScreen(pending, terminal, canDiff, options.reviewUrl));
  const choices = tickets
    ? '[a]pprove and create, [e]dit from a JSON file, [v]iew the plan, [s]kip tickets, a[b]ort? '
    : `[a]pprove, request [c]hanges, [e]dit from a JSON file, [v]iew${canDiff ? ', [d]iff' : ''}, a[b]ort? `;
  for (;;) {
    const answer = (await terminal.ask(choices)).trim().toLowerCase();
    if (answer === 'v' || answer === 'view')
      await show(() =>
        tickets ? content.ticketPlan() : content.view().then((view) => formatPhaseView(view, terminal.paint)),
      );
    if (canDiff && (answer === 'd' || answer === 'diff'))
      await show(() => content.diff().then((diff) => formatPhaseDiff(diff, terminal.paint)));
    if (tickets && (answer === 's' || answer === 'skip')) return { phase, action: 'skip', by };
    if (answer === 'b' || answer === 'abort') return { phase, action: 'abort', by };
    if (answer === 'a' || answer === 'approve') {
      const answers = phase === 'requirements' ? await answerQuestions() : undefined;
      return {
        phase,
        action: 'approve',
        by,
        ...(answers && Object.keys(answers).length ? { content: { answers } } : {}),
      };
    }
    if (!tickets && (answer === 'c' || answer === 'changes')) {
      const comment = (await terminal.ask('What should change? ')).trim();
      if (comment) return { phase, action: 'request_changes', by, comment };
    }
    if (answer === 'e' || answer === 'edit') {
      const file = (await terminal.ask('JSON file with the replacement content: ')).trim();
      const replacement = await readDecisionContent(file).catch((error: Error) =>
        terminal.write(`${terminal.paint.red(error.message)}\n`),
      );
      if (replacement) return { phase, action: 'edit', by, content: replacement };
    }
  }

  async function show(text: () => Promise<string>): Promise<void> {
    try {
      await terminal.page(await text());
    } catch (error) {
      terminal.write(`${terminal.paint.red(`Cannot show it: ${terminalText((error as Error).message)}`)}\n`);
    }
  }

  async function answerQuestions(): Promise<Record<string, string> | undefined> {
    let view: PhaseView;
    try {
      view = await content.view();
    } catch (error) {
      terminal.write(
        `${terminal.paint.yellow(`Approving without answers: the open questions cannot be read (${terminalText((error as Error).message)})`)}\n`,
      );
      return undefined;
    }
    const open = view.questions.filter((question) => question.answer === null);
    if (open.length)
      terminal.write(
        `${open.length} open question${open.length === 1 ? '' : 's'}: Enter keeps the suggested answer.\n`,
      );
    return askAnswers(open, (question) => terminal.ask(question));
  }
}

function gateScreen(
  pending: PendingApproval,
  terminal: GateTerminal,
  canDiff: boolean,
  reviewUrl: string | undefined,
): string {
  const { paint } = terminal;
  const checks = pending.quality.map((result) =>
    result.passed
      ? paint.green(`  ✔ ${result.criterion}`)
      : paint.red(`  ✘ ${result.criterion}: ${result.reasons.map(terminalText).join('; ')}`),
  );
  if (pending.orphans.length)
    checks.push(paint.yellow(`  ! not traced yet: ${pending.orphans.map(terminalText).join(', ')}`));
  const what =
    pending.phase === 'tickets'
      ? '[v]iew the ticket plan'
      : `[v]iew the section${canDiff ? `, [d]iff against revision ${pending.revision - 1}` : ''}`;
  const hint = `${what}${reviewUrl ? `, or review it at ${reviewUrl}` : ''}`;
  const approvals =
    pending.approvalsRequired && pending.approvalsRequired > 1
      ? [
          `approved so far by ${pending.approvals?.map((approval) => terminalText(approval.by)).join(', ') || 'nobody'} (${pending.approvals?.length ?? 0} of ${pending.approvalsRequired})`,
        ]
      : [];
  return [
    '',
    paint.bold(`── ${pending.phase} (revision ${pending.revision}) is ready for review ──`),
    terminalText(pending.summary),
    ...checks,
    ...approvals,
    paint.dim(hint),
    '',
  ].join('\n');
}
