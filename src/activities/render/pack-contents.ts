import type { RecordedDecision } from '../../shared/decision';
import type { PhaseContents } from '../phases/phase-contents';
import type { ChangelogInput } from './changelog';

/** Everything the renderers read: the approved content of each phase reached, and the run's story. */
export interface PackContents extends ChangelogInput {
  specId: string;
  feature: string;
  description: string;
  slug: string;
  /** Who wrote the content, shown at the top of every artifact. */
  provenance: string;
  phases: Partial<PhaseContents>;
  decisions: RecordedDecision[];
}

export const NOT_REACHED = '_Not part of this pack: the run ended before this phase was approved._';
