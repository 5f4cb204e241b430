import type { PhaseView } from '../review/review-types';
import type { Colours } from './colours';
import { terminalText } from './terminal-text';

/** A phase revision for the terminal: its section of the pack as Markdown, then its checks and open questions. */
export function formatPhaseView(view: PhaseView, paint: Colours): string {
  const others = view.revisions.filter((revision) => revision !== view.revision);
  const heading = paint.dim(
    `${view.phase} · revision ${view.revision}${others.length ? ` (also stored: ${others.join(', ')})` : ''} · ${view.state} · ${terminalText(view.provider)} ${terminalText(view.model)}`,
  );
  const markdown = terminalText(view.markdown)
    .split('\n')
    .map((line) => (/^#{1,6} /.test(line) ? paint.bold(paint.cyan(line)) : line))
    .join('\n');
  return (
    [heading, '', markdown.trimEnd(), '', ...checkLines(view, paint), ...questionLines(view, paint)].join('\n') + '\n'
  );
}

function checkLines(view: PhaseView, paint: Colours): string[] {
  const checks = view.checks.map((check) =>
    check.valid
      ? paint.green(`  ✔ ${terminalText(check.validator)}`)
      : paint.red(`  ✘ ${terminalText(check.validator)}: ${check.errors.map(terminalText).join('; ')}`),
  );
  const quality = view.quality.map((result) =>
    result.passed
      ? paint.green(`  ✔ ${result.criterion}`)
      : paint.red(`  ✘ ${result.criterion}: ${result.reasons.map(terminalText).join('; ')}`),
  );
  const orphans = view.orphans.length
    ? [paint.yellow(`  ! not traced yet: ${view.orphans.map(terminalText).join(', ')}`)]
    : [];
  const lines = [...checks, ...quality, ...orphans];
  return lines.length ? [paint.bold('Checks'), ...lines, ''] : [];
}

function questionLines(view: PhaseView, paint: Colours): string[] {
  if (view.questions.length === 0) return [];
  return [
    paint.bold('Questions'),
    ...view.questions.map((question) => {
      const answer =
        question.answer === null
          ? paint.dim(`default: ${terminalText(question.suggestedDefault)}`)
          : `answered: ${terminalText(question.answer)}`;
      return `  ${terminalText(question.id)}  ${terminalText(question.question)}\n        ${answer}`;
    }),
    '',
  ];
}
