import type { CriterionResult } from './criterion-result';
import type { GateName, RecordedDecision } from './decision';
import type { GatePolicy, GateTimeoutPolicy } from './gates';
import type { PhaseName } from './phases';
import type { ProjectContextRef } from './project-context-ref';

/** What starts a SpecWorkflow. It names targets, never credentials. */
export interface SpecRequest {
  feature: string;
  description?: string;
  gates?: GatePolicy;
  /** Who may decide; empty means anyone who names themselves. */
  approvers?: string[];
  /** Distinct approvers who must approve each gate (default 1). */
  approvalsRequired?: number;
  /** Refuse decisions that did not come through specforge (raw Temporal signals and updates). */
  requireVerified?: boolean;
  /** How long a gate waits before `onGateTimeout` applies, e.g. "24h". Unset: wait forever, reminding daily. */
  gateTimeout?: string;
  onGateTimeout?: GateTimeoutPolicy;
  /** Output folder on the worker, resolved by the worker; unset: its configured default. */
  outDir?: string;
  tickets?: TicketOptions;
  /** Start-to-close timeout of each phase activity, set by the starter from its model settings; unset: 10 minutes. */
  phaseActivityTimeoutMs?: number;
  /** The team's context document, stored by the starter: its reference and hash, never the text. */
  context?: ProjectContextRef;
  /** When the run continues as new (at a gate) to keep its history small; unset: the defaults below. */
  historyLimit?: HistoryLimit;
  /** Set by a run that continued as new: its state, stored under the run's folder. Never set by a starter. */
  continuation?: RunSnapshotRef;
  /**
   * Generate the next phase while a gate waits, as if the phase at the gate were approved: on
   * approval the reviewer sees it at once; otherwise it is discarded. Set by the starter when a model is configured.
   */
  speculate?: boolean;
  /** An amendment of a finished run, or a retry of a failed one: the run it starts from. */
  basis?: SpecBasis;
}

/**
 * The run a new run starts from: its approved phases are adopted (copied into the new run's
 * folder) and not asked again. An amendment then reopens one phase; a retry goes on from the
 * phase that failed. Tickets are keyed by the lineage, so the new run finds the old run's.
 */
export interface SpecBasis {
  kind: 'amendment' | 'retry';
  /** The run this one amends or retries. */
  from: string;
  /** Its slug and output folder, where its pack (and ticket index) lies. */
  fromSlug: string;
  /** The first run's id: what ticket markers are keyed by. */
  lineage: string;
  /** This run's version of the spec: the amended run's plus one (a retry keeps it). */
  version: number;
  /** The revision of each phase the old run approved. */
  approved: Partial<Record<PhaseName, number>>;
  /** Answers given to the requirements' open questions in the old run. */
  answers?: Record<string, string>;
  /** For an amendment: the phase to reopen, and who asks why (a retry of a failed amendment carries it on). */
  reopen?: { phase: PhaseName; comment: string; by: string };
  /** A retry of a failed amendment: the run it amends, whose tickets are brought in line (else `from`'s). */
  amended?: { id: string; slug: string };
}

export interface HistoryLimit {
  events?: number;
  bytes?: number;
}

/** Far below Temporal's own limits (51,200 events, 50 MB), where it terminates a run. */
export const DEFAULT_HISTORY_LIMIT: Required<HistoryLimit> = { events: 10_000, bytes: 10 * 1024 * 1024 };

/**
 * What a run's limit may be. The floor keeps a continued run (a few events, a small snapshot
 * reference) from reaching its limit again at once; the ceiling keeps the limit below the hard
 * limit where the run stops itself (twice the limit, at most 20,000 events or 20 MiB).
 */
export const HISTORY_LIMIT_BOUNDS = {
  events: { min: 200, max: 10_000 },
  bytes: { min: 256 * 1024, max: 10 * 1024 * 1024 },
} as const;

/** A run's state written by the run that continued as new; relative to the run's folder. */
export interface RunSnapshotRef {
  path: string;
  sha256: string;
}

export const TICKET_TARGETS = ['file', 'github', 'jira'] as const;

export interface TicketOptions {
  target: (typeof TICKET_TARGETS)[number];
  /** Tickets created at once; the epic always comes first. */
  concurrency?: number;
  /** GitHub `owner/name`; credentials come from the worker's environment, never from here. */
  repo?: string;
  /** Jira project key. */
  project?: string;
  /** Wait for a decision on the ticket plan (approve, edit, skip) before creating anything. */
  review?: boolean;
  /** When the run is cancelled mid-creation, close the tickets made so far (they are always listed). */
  closeOnCancel?: boolean;
  /** An amendment closes (as not planned) the tickets of the amended run that its plan no longer has. */
  closeRemoved?: boolean;
}

/** A stored artifact: history carries this, never the content. */
export interface ArtifactRef {
  file: string;
  path: string;
  sha256: string;
  bytes: number;
  summary: string;
}

export interface TokenUsage {
  input: number;
  output: number;
}

export interface PhaseResult {
  phase: PhaseName;
  revision: number;
  artifact: ArtifactRef;
  provider: string;
  model: string;
  usage: TokenUsage;
  cached: boolean;
  /** The success criteria judged on this phase, after at most one targeted regeneration. */
  quality: CriterionResult[];
  /** Functional requirements not yet traced to design (or, once tested, to a test case). */
  orphans: string[];
  /**
   * sha256 of what the phase was generated from (the compact summaries of its declared inputs,
   * and the answers when it reads the requirements): a reopen regenerates it only when this changes.
   * Absent in results recorded before reopening existed.
   */
  inputsHash?: string;
}

/** One phase changed (or kept) by a reopen: what the changelog and the review show. */
export interface PhaseChange {
  phase: PhaseName;
  /** The approved revision before, and the one approved after (equal when kept). */
  from: number;
  to: number;
  /** reopened: a person asked; inputs_changed: a phase it reads changed; kept: its inputs did not change. */
  reason: 'reopened' | 'inputs_changed' | 'kept';
  /** For reopened: who asked and why. */
  by?: string;
  comment?: string;
  at: string;
}

export type PhaseStateName = 'pending' | 'running' | 'awaiting_approval' | 'approved' | 'failed' | 'skipped';
export type SpecStatus = 'running' | 'awaiting_approval' | 'completed' | 'failed' | 'cancelled';

export interface PhaseTiming {
  phase: PhaseName;
  startedAt?: string;
  finishedAt?: string;
  generationMs: number;
  revisions: number;
}

export interface TicketRef {
  key: string;
  title: string;
  target: string;
  id: string;
  url: string;
  /** The tracker's internal id where its API needs it besides `id` (GitHub sub-issues). */
  internalId?: string;
}

export interface PendingApproval {
  phase: GateName;
  revision: number;
  summary: string;
  since: string;
  quality: CriterionResult[];
  orphans: string[];
  /** Approvals of this revision so far, when a run needs more than one. */
  approvals?: { by: string; at: string }[];
  approvalsRequired?: number;
}

export interface SpecRunStatus {
  id: string;
  feature: string;
  slug: string;
  description?: string;
  /** Answers to the requirements' open questions, by question id. */
  answers?: Record<string, string>;
  status: SpecStatus;
  phase: PhaseName | 'render' | 'tickets' | 'done';
  gates: GatePolicy;
  phases: { name: PhaseName; state: PhaseStateName; revision: number; summary?: string }[];
  pendingApproval?: PendingApproval;
  decisions: RecordedDecision[];
  /** The last refused decision, shown until the next decision applies. */
  refused?: RecordedDecision;
  /** Decisions refused in all; `decisions` keeps only the last few of them (every applied one stays). */
  refusedCount?: number;
  /** How many times the run continued as new to keep its history small (same workflow id). */
  continuedAsNew?: number;
  /** The first run's id of this spec (amendments and retries share it); unset: this run's id. */
  lineage?: string;
  /** The spec's version: 1 for a first run, the amended run's plus one for an amendment. */
  version?: number;
  /** The run this one amends, or retries. */
  amends?: string;
  retries?: string;
  /** Next phases generated while a gate waited: used (the gate approved as it was) or discarded, and what the discarded cost. */
  speculation?: { used: number; discarded: number; discardedTokens: TokenUsage };
  /** Phases reopened, regenerated because their inputs changed, or kept, in order. */
  changes?: PhaseChange[];
  /** What the ticket fan-out did against the amended run's tickets, by ticket key. */
  ticketChanges?: { created: string[]; updated: string[]; unchanged: string[]; closed: string[]; leftOpen?: string[] };
  artifacts: ArtifactRef[];
  tickets: TicketRef[];
  error?: string;
}
