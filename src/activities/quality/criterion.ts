import type { PhaseName } from '../../shared/phases';
import type { PhaseContents } from '../phases/phase-contents';

/**
 * One success criterion: judged once its phase exists, on what the phases so far say. Phase files
 * stored before a list of ids existed lack it, so criteria read those lists with `?? []`.
 */
export interface Criterion {
  name: string;
  phase: PhaseName;
  /** What falls short, one reason a line; empty means passed. */
  problems(phases: Partial<PhaseContents>): string[];
}
