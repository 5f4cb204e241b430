import { createInterface } from 'node:readline/promises';
import { readFile } from 'node:fs/promises';
import type { Decision } from '../shared/decision';
import type { SpecRunStatus } from '../shared/spec-run';

/** Asks the person at the terminal what to do with the phase awaiting approval. */
export async function askDecision(pending: NonNullable<SpecRunStatus['pendingApproval']>, phaseFile: string, by: string): Promise<Decision> {
  const { phase } = pending;
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const checks = pending.quality.map((result) => `  ${result.passed ? '✔' : '✘'} ${result.criterion}${result.passed ? '' : `: ${result.reasons.join('; ')}`}`);
    if (pending.orphans.length) checks.push(`  ! not traced yet: ${pending.orphans.join(', ')}`);
    process.stdout.write(`\n── ${phase} (revision ${pending.revision}) is ready for review ──\n${pending.summary}\n${checks.join('\n')}${checks.length ? '\n' : ''}Full content: ${phaseFile}\n`);
    for (;;) {
      const tickets = phase === 'tickets';
      const answer = (await terminal.question(tickets ? '[a]pprove and create, [e]dit from a JSON file, [s]kip tickets, a[b]ort? ' : '[a]pprove, request [c]hanges, [e]dit from a JSON file, a[b]ort? ')).trim().toLowerCase();
      if (tickets && (answer === 's' || answer === 'skip')) return { phase, action: 'skip', by };
      if (answer === 'a' || answer === 'approve') return { phase, action: 'approve', by };
      if (answer === 'b' || answer === 'abort') return { phase, action: 'abort', by };
      if (!tickets && (answer === 'c' || answer === 'changes')) {
        const comment = (await terminal.question('What should change? ')).trim();
        if (comment) return { phase, action: 'request_changes', by, comment };
      }
      if (answer === 'e' || answer === 'edit') {
        const file = (await terminal.question('JSON file with the replacement content: ')).trim();
        const content = await readFile(file, 'utf8').then((text) => JSON.parse(text) as Record<string, unknown>).catch((error: Error) => {
          process.stdout.write(`Cannot use ${file}: ${error.message}\n`);
          return undefined;
        });
        // Phase files hold {phase, revision, ..., content} and the ticket file {target, plan, ...}; accept those or the bare content.
        if (content) return { phase, action: 'edit', by, content: ((content.content ?? content.plan) as Record<string, unknown> | undefined) ?? content };
      }
    }
  } finally {
    terminal.close();
  }
}
