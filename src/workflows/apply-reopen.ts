import type { Decision } from '../shared/decision';
import type { PhaseName } from '../shared/phases';
import type { SpecRunState } from './spec-run-state';

/**
 * Applies a reopen taken at a gate (any gate: it names an approved phase, not the one waiting).
 * `answer` records it and tells the sender what happens next.
 */
export function applyReopen(
  run: SpecRunState,
  decision: Decision,
  answer: (next: string, revision: number) => void,
): { kind: 'reopened'; decision: Decision } {
  const phase = decision.phase as PhaseName;
  const revision = run.nextRevision(phase);
  answer(`regenerating ${phase} as revision ${revision}, then every later phase whose inputs change`, revision);
  run.reopen({ phase, by: decision.by, comment: decision.comment });
  return { kind: 'reopened', decision };
}
