import type { CriterionResult } from '../shared/criterion-result';
import type { PhaseName } from '../shared/phases';
import type { PhaseStateName } from '../shared/spec-run';

/** One validator's verdict on a phase revision (schema, references, Mermaid, OpenAPI, lint). */
export interface PhaseCheck {
  validator: string;
  valid: boolean;
  errors: string[];
}

/** An item a reviewer can comment on and a diff can match: FR-2, a component, a table, an operation. */
export interface ReviewItem {
  id: string;
  kind: string;
  label: string;
}

export interface OpenQuestion {
  id: string;
  question: string;
  suggestedDefault: string;
  answer: string | null;
}

/** One revision of one phase, as a reviewer reads it: GET /v1/specs/:id/phases/:phase[/revisions/:n]. */
export interface PhaseView {
  specId: string;
  phase: PhaseName;
  revision: number;
  /** Every revision stored for this phase, oldest first. */
  revisions: number[];
  /** Whether this is the revision the run stands on (the one at the gate, or the approved one). */
  current: boolean;
  state: PhaseStateName;
  provider: string;
  model: string;
  summary: string;
  /** The structured content, exactly as stored (what an edit replaces). */
  content: unknown;
  /** The phase's section of the technical spec, rendered exactly as it will appear in the pack. */
  markdown: string;
  quality: CriterionResult[];
  orphans: string[];
  checks: PhaseCheck[];
  /**
   * The requirements' open questions with the answers given so far: this revision's own for the
   * requirements phase, the approved requirements' for any other phase.
   */
  questions: OpenQuestion[];
  items: ReviewItem[];
  /** The pack files this phase renders besides its section (diagram, OpenAPI, test or rollout plan). */
  files: PackFileText[];
}

export interface PackFileText {
  file: string;
  text: string;
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface DiffLine {
  op: ' ' | '+' | '-';
  text: string;
}

/** GET /v1/specs/:id/phases/:phase/diff?from=&to= */
export interface PhaseDiff {
  specId: string;
  phase: PhaseName;
  from: number;
  to: number;
  added: ReviewItem[];
  removed: ReviewItem[];
  changed: (ReviewItem & { fields: FieldChange[] })[];
  /** Line diff of the rendered Markdown section. */
  lines: DiffLine[];
}
