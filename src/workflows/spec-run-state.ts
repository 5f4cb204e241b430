import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Decision, DecisionChannel, RecordedDecision } from '../shared/decision';
import { AMEND_INSTEAD, type GateView } from '../shared/decision-check';
import { inputsOf } from '../shared/phase-graph';
import { PHASES, type PhaseName } from '../shared/phases';
import type { RunSnapshot } from '../shared/run-snapshot';
import { slugify } from '../shared/slug';
import type {
  ArtifactRef,
  PendingApproval,
  PhaseChange,
  PhaseResult,
  PhaseTiming,
  SpecBasis,
  SpecRequest,
  SpecRunStatus,
  SpecStatus,
} from '../shared/spec-run';
import { hasReopenWork, noReopenWork, type HeldGate, type ReopenWork } from '../shared/reopen-work';
import { SPEC_FEATURE, SPEC_PHASE, SPEC_STATUS } from './search-attributes';
import type { TicketFanOutResult } from './ticket-fan-out';

/** The run's state, and the one place it is shown: query, search attributes and current details. */
export interface DecisionRecord {
  revision: number;
  outcome: RecordedDecision['outcome'];
  reason?: string;
  via: DecisionChannel;
  verified: boolean;
}

/** Refused decisions kept in status and memo (with their count): a storm of them cannot grow either without bound. */
export const MAX_REFUSED_KEPT = 20;
/** A refused decision's comment is kept this long; its item comments are dropped. */
const REFUSED_COMMENT_CHARS = 500;

export class SpecRunState {
  readonly slug: string;
  readonly approved: Partial<Record<PhaseName, PhaseResult>> = {};
  readonly timings: PhaseTiming[] = PHASES.map((phase) => ({ phase, generationMs: 0, revisions: 0 }));
  readonly status: SpecRunStatus;
  /** The phase waiting at its gate, with the feedback its revisions had: what a continuation resumes. */
  gate?: RunSnapshot['gate'];
  /** Phases reopened, held or to check again after a reopen. */
  readonly work: ReopenWork;
  private creatingTickets = false;
  private published = '';

  constructor(
    readonly id: string,
    readonly request: SpecRequest,
    snapshot?: RunSnapshot,
    /**
     * The size and history limits apply (decision caps, continue-as-new, the strict duration
     * parser). False when replaying a run started before them, which must take the same path it took.
     */
    readonly limited = true,
    /** The run takes reopen decisions; false when replaying a run started before they existed. */
    readonly reopenable = false,
  ) {
    this.slug = slugify(request.feature);
    this.work = snapshot?.work ?? noReopenWork();
    if (snapshot) {
      this.status = snapshot.status;
      this.approved = snapshot.approved;
      this.timings = snapshot.timings;
      this.gate = snapshot.gate;
      this.publish();
      return;
    }
    this.status = {
      id,
      feature: request.feature,
      slug: this.slug,
      ...(request.description ? { description: request.description } : {}),
      status: 'running',
      phase: 'requirements',
      gates: request.gates ?? 'each',
      phases: PHASES.map((name) => ({ name, state: 'pending', revision: 0 })),
      decisions: [],
      artifacts: [],
      tickets: [],
    };
  }

  isGated(phase: PhaseName): boolean {
    return this.status.gates === 'each' || (this.status.gates === 'final' && phase === PHASES.at(-1));
  }

  /** Approved results of the phases this one builds on (its declared inputs): all its generation reads. */
  earlier(phase: PhaseName, assumed?: PhaseResult): Partial<Record<PhaseName, ArtifactRef>> {
    return this.refsOf(inputsOf(phase), assumed);
  }

  /** Every approved phase, for the traceability a gate shows; `assumed` counts as approved (speculation). */
  approvedRefs(assumed?: PhaseResult): Partial<Record<PhaseName, ArtifactRef>> {
    return this.refsOf(PHASES, assumed);
  }

  /** A next phase generated while a gate waited was used, or discarded (with what it cost, when it finished). */
  speculated(used: boolean, usage: PhaseResult['usage'] | undefined): void {
    const speculation = this.status.speculation ?? { used: 0, discarded: 0, discardedTokens: { input: 0, output: 0 } };
    if (used) speculation.used += 1;
    else {
      speculation.discarded += 1;
      speculation.discardedTokens.input += usage?.input ?? 0;
      speculation.discardedTokens.output += usage?.output ?? 0;
    }
    this.status.speculation = speculation;
  }

  /** The revision a new generation of the phase gets: one past any it had. */
  nextRevision(phase: PhaseName): number {
    return Math.max(this.entry(phase).revision, this.approved[phase]?.revision ?? 0) + 1;
  }

  /** Starts from another run's approved phases (an amendment or a retry), copied into this run's folder. */
  adopt(adopted: Partial<Record<PhaseName, PhaseResult>>, basis: SpecBasis): void {
    for (const result of Object.values(adopted)) {
      this.approved[result.phase] = result;
      Object.assign(this.entry(result.phase), {
        state: 'approved',
        revision: result.revision,
        summary: result.artifact.summary,
      });
    }
    if (basis.answers) this.addAnswers(basis.answers);
    // A failed run may have stopped in the middle of a reopen: what it kept is checked against what came before.
    if (basis.kind === 'retry') this.work.unchecked.push(...PHASES.filter((phase) => adopted[phase]));
    Object.assign(this.status, {
      lineage: basis.lineage,
      version: basis.version,
      ...(basis.kind === 'amendment' ? { amends: basis.from } : { retries: basis.from }),
      ...(basis.amended ? { amends: basis.amended.id } : {}),
    });
    this.publish();
  }

  /**
   * A person reopened an approved phase: it is generated again with the comment; later approved
   * phases are checked again; the result waiting at its gate, if any, is held until its turn.
   */
  reopen(decision: { phase: PhaseName; by: string; comment?: string }): void {
    const { phase } = decision;
    if (this.gate && this.gate.result.phase !== phase) {
      this.work.held[this.gate.result.phase] = this.gate;
      this.entry(this.gate.result.phase).state = 'pending';
    }
    this.gate = undefined;
    const comment = decision.comment?.trim() ?? '';
    const earlier = this.work.reopened[phase];
    this.work.reopened[phase] = {
      reason: 'reopened',
      feedback: [...(earlier?.feedback ?? []), comment],
      by: decision.by,
      comment: earlier?.comment ? `${earlier.comment}\n${comment}` : comment,
      previous: earlier?.previous ?? this.approved[phase],
    };
    const later = PHASES.slice(PHASES.indexOf(phase) + 1);
    const unchecked = new Set([...this.work.unchecked, ...later.filter((name) => this.approved[name])]);
    this.work.unchecked.splice(0, this.work.unchecked.length, ...PHASES.filter((name) => unchecked.has(name)));
    this.status.pendingApproval = undefined;
    this.status.status = 'running';
    this.publish();
  }

  /** A later phase's inputs did not change after a reopen: its approval stands, at no model call. */
  keep(phase: PhaseName): void {
    this.uncheck(phase);
    const revision = this.approved[phase]!.revision;
    this.change({ phase, from: revision, to: revision, reason: 'kept' });
  }

  /** A later phase's inputs changed after a reopen: it is generated again, its approved revision as context. */
  inputsChanged(phase: PhaseName): void {
    this.uncheck(phase);
    this.work.reopened[phase] = { reason: 'inputs_changed', feedback: [], previous: this.approved[phase] };
  }

  /** The result a reopen interrupted at this phase's gate, if any: taken once, when the walk comes back. */
  takeHeld(phase: PhaseName): HeldGate | undefined {
    const held = this.work.held[phase];
    delete this.work.held[phase];
    return held;
  }

  /** Approved phases whose inputs must be hashed again: the reopened one's later phases. */
  isUnchecked(phase: PhaseName): boolean {
    return this.work.unchecked.includes(phase);
  }

  /** What the ticket fan-out made: the tickets, the changes against an amended run's, and what failed. */
  ticketsCreated(result: TicketFanOutResult): void {
    this.status.tickets = result.created;
    if (result.changes) this.status.ticketChanges = result.changes;
    if (result.failed.length)
      this.status.error = `Tickets not created: ${result.failed.map((failure) => `${failure.key} (${failure.error})`).join('; ')}`;
  }

  /** Ticket creation has begun: from now on a reopen is refused (an amendment changes a finished spec). */
  ticketsStarted(): void {
    this.creatingTickets = true;
  }

  generating(phase: PhaseName, revision: number): void {
    this.entry(phase).state = 'running';
    this.entry(phase).revision = revision;
    this.status.phase = phase;
    this.status.status = 'running';
    this.status.pendingApproval = undefined;
    const timing = this.timing(phase);
    timing.startedAt ??= new Date().toISOString();
    timing.revisions = revision;
    this.publish();
  }

  generated(result: PhaseResult, startedMs: number): void {
    this.timing(result.phase).generationMs += Date.now() - startedMs;
    this.entry(result.phase).summary = result.artifact.summary;
    this.entry(result.phase).revision = result.revision;
  }

  awaiting(result: PhaseResult): void {
    if (this.gate?.result.phase === result.phase) this.gate.result = result;
    this.entry(result.phase).state = 'awaiting_approval';
    // An accepted edit is a new revision: the next generation comes after it.
    this.entry(result.phase).revision = result.revision;
    this.status.status = 'awaiting_approval';
    // The one gate of "final" is a review of the whole pack: show every phase, not just the last.
    const reviewed =
      this.status.gates === 'final'
        ? [...PHASES.flatMap((phase) => (this.approved[phase] ? [this.approved[phase]!] : [])), result]
        : [result];
    this.status.pendingApproval = {
      phase: result.phase,
      revision: result.revision,
      summary: reviewed
        .map((each) => (reviewed.length > 1 ? `${each.phase}: ${each.artifact.summary}` : each.artifact.summary))
        .join('\n'),
      since: new Date().toISOString(),
      // Results recorded before quality checks existed lack these; replay must still work.
      quality: reviewed.flatMap((each) => each.quality ?? []),
      orphans: result.orphans ?? [],
      ...this.approvalCount(),
    };
    this.publish();
  }

  awaitingTickets(summary: string, revision: number): void {
    this.status.status = 'awaiting_approval';
    this.status.pendingApproval = {
      phase: 'tickets',
      revision,
      summary,
      since: new Date().toISOString(),
      quality: [],
      orphans: [],
      ...this.approvalCount(),
    };
    this.publish();
  }

  resume(): void {
    this.status.pendingApproval = undefined;
    this.status.status = 'running';
    this.publish();
  }

  approve(result: PhaseResult): void {
    this.gate = undefined;
    this.uncheck(result.phase);
    const reopening = this.work.reopened[result.phase];
    if (reopening) {
      delete this.work.reopened[result.phase];
      this.change({
        phase: result.phase,
        from: reopening.previous?.revision ?? 0,
        to: result.revision,
        reason: reopening.reason,
        ...(reopening.by ? { by: reopening.by } : {}),
        ...(reopening.comment ? { comment: reopening.comment } : {}),
      });
    }
    this.approved[result.phase] = result;
    this.entry(result.phase).state = 'approved';
    // An accepted edit is a new revision: readers find the approved file by this number.
    this.entry(result.phase).revision = result.revision;
    this.entry(result.phase).summary = result.artifact.summary;
    this.timing(result.phase).finishedAt = new Date().toISOString();
    this.status.pendingApproval = undefined;
    this.status.status = 'running';
    this.publish();
  }

  /** Answers to the requirements' open questions, given when requirements were approved. */
  get answers(): Record<string, string> {
    return this.status.answers ?? {};
  }

  addAnswers(answers: Record<string, string>): void {
    this.status.answers = { ...this.answers, ...answers };
  }

  /** What a gate judges a decision against. */
  gateView(): GateView {
    const pending = this.status.pendingApproval;
    return {
      awaiting: pending?.phase,
      finished: this.status.phase === 'done',
      approvers: this.request.approvers ?? [],
      requireVerified: this.request.requireVerified,
      approvedBy: pending?.approvals?.map((approval) => approval.by),
      approvedPhases: PHASES.filter((phase) => this.approved[phase]),
      reopenRefusal: this.reopenRefusal(),
    };
  }

  private reopenRefusal(): string | undefined {
    if (!this.reopenable)
      return 'this run was started before reopening existed: start a new run, or amend it once it finishes';
    if (this.status.gates === 'none') return `the run has no gates (gates: none): ${AMEND_INSTEAD}`;
    if (this.creatingTickets) return `ticket creation has begun: ${AMEND_INSTEAD}`;
    return undefined;
  }

  /** Approvals still missing before the revision at the gate counts as approved. */
  approvalsMissing(): number {
    return (this.request.approvalsRequired ?? 1) - (this.status.pendingApproval?.approvals?.length ?? 0);
  }

  /** What a continuation needs to resume at the gate this run waits at. */
  snapshot(): RunSnapshot | undefined {
    if (!this.gate) return undefined;
    return {
      version: 1,
      status: this.status,
      approved: this.approved,
      timings: this.timings,
      gate: this.gate,
      ...(hasReopenWork(this.work) ? { work: this.work } : {}),
    };
  }

  /**
   * Records a decision (never its content or proof: history and memo stay small); an applied
   * approve counts toward the gate. Refused ones are counted, and only the last few are kept, trimmed.
   */
  record(decision: Decision, record: DecisionRecord): void {
    const { content: _content, contentRef: _contentRef, proof: _proof, ...shown } = decision;
    const recorded: RecordedDecision = { ...shown, ...record, at: new Date().toISOString() };
    if (record.outcome === 'rejected') {
      const trimmed = trimRefused(recorded);
      this.status.decisions.push(trimmed);
      this.status.refused = trimmed;
      this.status.refusedCount = (this.status.refusedCount ?? 0) + 1;
      const refused = this.status.decisions.filter((each) => each.outcome === 'rejected');
      if (refused.length > MAX_REFUSED_KEPT) {
        const dropped = new Set(refused.slice(0, refused.length - MAX_REFUSED_KEPT));
        this.status.decisions = this.status.decisions.filter((each) => !dropped.has(each));
      }
    } else {
      this.status.decisions.push(recorded);
      this.status.refused = undefined;
      const pending = this.status.pendingApproval;
      // An accepted edit is its author's approval of the new revision.
      if ((decision.action === 'approve' || decision.action === 'edit') && pending?.approvals)
        pending.approvals.push({ by: decision.by, at: recorded.at });
    }
    this.publish();
  }

  step(phase: 'render' | 'tickets' | 'done', status: SpecStatus = this.status.status): void {
    this.status.phase = phase;
    this.status.status = status;
    this.publish();
  }

  end(status: SpecStatus, error?: string): void {
    for (const entry of this.status.phases)
      if (entry.state === 'running' || entry.state === 'awaiting_approval')
        entry.state = status === 'failed' ? 'failed' : 'skipped';
    this.status.status = status;
    this.status.pendingApproval = undefined;
    if (error) this.status.error = error;
    this.publish();
  }

  private uncheck(phase: PhaseName): void {
    this.work.unchecked.splice(0, this.work.unchecked.length, ...this.work.unchecked.filter((name) => name !== phase));
  }

  private change(change: Omit<PhaseChange, 'at'>): void {
    this.status.changes = [...(this.status.changes ?? []), { ...change, at: new Date().toISOString() }];
  }

  private refsOf(phases: readonly PhaseName[], assumed?: PhaseResult): Partial<Record<PhaseName, ArtifactRef>> {
    return Object.fromEntries(
      phases.flatMap((name) => {
        const result = assumed?.phase === name ? assumed : this.approved[name];
        return result ? [[name, result.artifact]] : [];
      }),
    );
  }

  private approvalCount(): Pick<PendingApproval, 'approvals' | 'approvalsRequired'> {
    return { approvals: [], approvalsRequired: this.request.approvalsRequired ?? 1 };
  }

  private entry(phase: PhaseName) {
    return this.status.phases.find((entry) => entry.name === phase)!;
  }

  private timing(phase: PhaseName) {
    return this.timings.find((timing) => timing.phase === phase)!;
  }

  /** Search attributes change only when status or phase does, so history stays small. */
  private publish(): void {
    const key = `${this.status.status}/${this.status.phase}`;
    if (key !== this.published) {
      upsertSearchAttributes([
        { key: SPEC_STATUS, value: this.status.status },
        { key: SPEC_PHASE, value: this.status.phase },
        // Only where the starter wrote it: a starter that encrypts keeps the feature out of search attributes.
        ...(workflowInfo().typedSearchAttributes.get(SPEC_FEATURE) === undefined
          ? []
          : [{ key: SPEC_FEATURE, value: this.request.feature.slice(0, 1000) }]),
      ]);
      this.published = key;
    }
    setCurrentDetails(currentDetails(this.status));
  }
}

function trimRefused(recorded: RecordedDecision): RecordedDecision {
  const { items, comment, ...rest } = recorded;
  return {
    ...rest,
    ...(comment !== undefined ? { comment: comment.slice(0, REFUSED_COMMENT_CHARS) } : {}),
    ...(items?.length ? { reason: `${rest.reason ?? ''} (${items.length} item comment(s) not kept)`.trim() } : {}),
  };
}

function currentDetails(status: SpecRunStatus): string {
  const lines = [
    `**${status.feature}**`,
    '',
    `Status: **${status.status}**, phase: **${status.phase}** (gates: ${status.gates})`,
    '',
  ];
  for (const phase of status.phases)
    lines.push(
      `- ${phase.name}: ${phase.state}${phase.revision > 1 ? ` (revision ${phase.revision})` : ''}${phase.summary ? `: ${phase.summary}` : ''}`,
    );
  if (status.pendingApproval) {
    const { phase } = status.pendingApproval;
    for (const result of status.pendingApproval.quality)
      lines.push(
        `- quality: ${result.passed ? 'passed' : 'FAILED'} ${result.criterion}${result.reasons.length ? ` (${result.reasons.join('; ')})` : ''}`,
      );
    if (status.pendingApproval.orphans.length)
      lines.push(`- not traced yet: ${status.pendingApproval.orphans.join(', ')}`);
    const { approvals, approvalsRequired } = status.pendingApproval;
    if (approvalsRequired && approvalsRequired > 1)
      lines.push(
        `- approvals: ${approvals?.length ?? 0} of ${approvalsRequired}${approvals?.length ? ` (${approvals.map((approval) => approval.by).join(', ')})` : ''}`,
      );
    lines.push(
      '',
      `Waiting for a decision on **${phase}**. Signal \`decision\` with:`,
      '',
      '```json',
      JSON.stringify({ phase, action: 'approve', by: 'your-name' }),
      '```',
    );
  }
  if (status.refused) {
    const { refused } = status;
    lines.push(
      '',
      `**Refused** ${refused.action} on ${refused.phase} by ${refused.by} (via ${refused.via ?? 'signal'}): ${refused.reason ?? ''}`,
    );
    if ((status.refusedCount ?? 0) > 1) lines.push('', `Refused decisions so far: ${status.refusedCount}`);
  }
  if (status.continuedAsNew) lines.push('', `Continued as new ${status.continuedAsNew} time(s) to keep history small.`);
  if (status.error) lines.push('', `Error: ${status.error}`);
  return lines.join('\n');
}
