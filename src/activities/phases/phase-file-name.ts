import type { PhaseName } from '../../shared/phases';

/** A phase revision's file in its run's folder: what storePhase writes and an adopting run copies. */
export function phaseFileName(phase: PhaseName, revision: number): string {
  return `${phase}.r${revision}.json`;
}
