import { inputsOf } from '../shared/phase-graph';
import { PHASES, type PhaseName } from '../shared/phases';
import { generatePhase } from './generate-phase';
import { phaseUngated } from './run-metrics';
import type { SpecRunState } from './spec-run-state';

/**
 * Generates and approves every phase no person reviews, each as soon as the phases it reads are
 * approved. A failure reaches the caller once every phase started has settled, so nothing is still
 * writing to the run's state while it finishes.
 */
export async function generateUngated(run: SpecRunState): Promise<void> {
  const ungated = PHASES.filter((phase) => !run.approved[phase] && !run.isGated(phase));
  const done = new Map<PhaseName, Promise<void>>();
  for (const phase of ungated)
    done.set(
      phase,
      (async () => {
        await Promise.all(inputsOf(phase).flatMap((input) => done.get(input) ?? []));
        const result = await generatePhase(run, phase, [], undefined);
        run.approve(result);
        phaseUngated(phase, result.revision);
      })(),
    );
  const settled = await Promise.allSettled(done.values());
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}
