import type { TicketPlan } from '../activities/tickets/ticket-plan';
import type { PhaseDiff, PhaseView } from '../review/review-types';
import type { SpecSummary } from '../runs/list-specs';
import type { AmendmentRequest, StartedAmendment } from '../runs/start-amendment';
import type { StartedRetry } from '../runs/start-retry';
import type { Decision } from '../shared/decision';
import type { PhaseName } from '../shared/phases';
import type { SpecRunStatus, SpecStatus, TicketRef } from '../shared/spec-run';
import type { DecisionOutcome } from '../workflows/messages';

/** A run as the CLI shows it; an artifact's location is a path on this machine or a URL of the API. */
export interface SpecStatusView extends Omit<SpecRunStatus, 'artifacts'> {
  artifacts: { file: string; location: string }[];
}

export interface TicketIndex {
  plan: TicketPlan;
  created: TicketRef[];
}

/** `by` may be left out: the API takes it from the token, and locally it is the user's login. */
export type DecisionRequest = Omit<Decision, 'by'> & { by?: string };

/** `by` may be left out, as for a decision. */
export type AmendRequest = Omit<AmendmentRequest, 'by'> & { by?: string };

/**
 * What the read-and-decide commands need from specforge: the HTTP API when SPECFORGE_URL and
 * SPECFORGE_TOKEN are set, otherwise Temporal and the artifact store on this machine.
 */
export interface SpecBackend {
  status(id: string): Promise<SpecStatusView>;
  list(options: { status?: SpecStatus; limit: number }): Promise<{ items: SpecSummary[] }>;
  decide(id: string, decision: DecisionRequest): Promise<DecisionOutcome>;
  /** Starts a new version of a completed run, reopening one phase. */
  amend(id: string, amendment: AmendRequest): Promise<StartedAmendment>;
  /** Starts a run that goes on from where a failed run failed. */
  retry(id: string): Promise<StartedRetry>;
  tickets(id: string): Promise<TicketIndex | undefined>;
  view(id: string, phase: PhaseName, revision?: number): Promise<PhaseView>;
  diff(id: string, phase: PhaseName, from?: number, to?: number): Promise<PhaseDiff>;
  close(): Promise<void>;
}
