import {
  ActivityCancellationType,
  ActivityFailure,
  CancellationScope,
  isCancellation,
  patched,
  proxyActivities,
} from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import type { TicketDiff } from '../activities/tickets/ticket-diff';
import type { PlanTicketsInput, TicketRunInput } from '../activities/tickets/ticket-activities';
import type { ArtifactRef, TicketRef } from '../shared/spec-run';
import { mapWithConcurrency } from './map-with-concurrency';

const activities = proxyActivities<SpecActivities>({
  startToCloseTimeout: '2 minutes',
  // A worker that dies mid-request is noticed in 15 s; the marker makes the retry safe.
  heartbeatTimeout: '15 seconds',
  // On cancel, wait for creates in flight to settle, so the list of what exists is complete.
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

export type TicketFanOutInput = TicketRunInput & {
  concurrency: number;
  closeOnCancel?: boolean;
  /** An amendment: the plan is brought in line with the amended run's tickets (create, update, close). */
  amends?: { specId: string; slug: string; closeRemoved?: boolean };
} & (
    | {
        /** Planned ticket keys (the plan itself stays on disk), and which of them depend on others. */
        keys: string[];
        dependencies: Record<string, string[]>;
      }
    /** Runs started before the parent planned: the child plans, as it used to. */
    | Omit<PlanTicketsInput, keyof TicketRunInput>
  );

export interface TicketFanOutResult {
  created: TicketRef[];
  failed: { key: string; error: string }[];
  /** The ticket index as last written, for the parent to list; a path in histories recorded before it carried its sha256. */
  index: ArtifactRef | string;
  /** For an amendment: ticket keys created, updated, left unchanged and closed against the amended run's. */
  changes?: {
    created: string[];
    updated: string[];
    unchanged: string[];
    closed: string[];
    /** The amended run's tickets the plan no longer has, left open because `closeRemoved` was not set. */
    leftOpen?: string[];
  };
}

type Attempt = <T>(key: string, work: () => Promise<T>) => Promise<T | undefined>;

/**
 * The epic first, then every ticket in parallel lanes, then the links. Each create looks for its
 * marker first, so a crash or a re-run never duplicates and a re-run creates only what is missing.
 * An amendment creates only what is new, edits what changed and closes what was dropped.
 */
export async function ticketFanOutWorkflow(input: TicketFanOutInput): Promise<TicketFanOutResult> {
  const { specId, slug, outDir, target, destination, concurrency, lineage } = input;
  // A run with no lineage sends the activities what it always sent.
  const run: TicketRunInput = { specId, slug, outDir, target, destination, ...(lineage ? { lineage } : {}) };
  const created: TicketRef[] = [];
  const failed: TicketFanOutResult['failed'] = [];
  // Asked only of amendments, so a run without one records exactly the commands it always did.
  const amends = input.amends && patched('ticket-amendments') ? input.amends : undefined;
  let diff: TicketDiff | undefined;
  const attempt: Attempt = async (key, work) => {
    try {
      return await work();
    } catch (error) {
      // One ticket failing must not hide the ones that exist: report it and go on.
      if (!(error instanceof ActivityFailure)) throw error;
      failed.push({ key, error: error.cause?.message ?? error.message });
      return undefined;
    }
  };
  try {
    const { keys, dependencies } = 'keys' in input ? input : await activities.planTickets({ ...input, ...run });
    let closing: { closed: string[]; leftOpen: string[] } | undefined;
    if (amends) {
      diff = await activities.diffTickets({ ...run, amends });
      const inLine = { run, diff, attempt };
      // As today, a failed epic fails the run: every ticket needs it.
      const epic = await bringInLine(inLine, 'epic', () => activities.createTicket({ ...run, key: 'epic' }));
      created.push(epic);
      await mapWithConcurrency(keys, concurrency, async (key) => {
        const ticket = await bringInLine(
          inLine,
          key,
          () => attempt(key, () => activities.createTicket({ ...run, key, epic })),
          epic,
        );
        if (ticket) created.push(ticket);
      });
      closing = await closeRemoved(run, diff.removed, Boolean(amends.closeRemoved), concurrency, attempt);
    } else {
      const epic = await activities.createTicket({ ...run, key: 'epic' });
      created.push(epic);
      await mapWithConcurrency(keys, concurrency, async (key) => {
        const ticket = await attempt(key, () => activities.createTicket({ ...run, key, epic }));
        if (ticket) created.push(ticket);
      });
    }
    // A create whose reply was lost may have made a second ticket: keep one per key, close the rest.
    if (patched('sweep-tickets')) await sweep(run, created, failed);
    const changes = diff && closing && changesOf(diff, closing, created, failed);
    await activities.recordTickets({ ...run, created, failed, ...(changes ? { changes } : {}) });
    const toLink = ['epic', ...keys.filter((key) => (dependencies[key] ?? []).length > 0)];
    await mapWithConcurrency(toLink, concurrency, (key) =>
      attempt(`${key} (links)`, () => activities.linkTicket({ ...run, key })),
    );
    const index = await activities.recordTickets({ ...run, created, failed, ...(changes ? { changes } : {}) });
    return { created, failed, index, ...(changes ? { changes } : {}) };
  } catch (error) {
    // An amendment closes on cancel only what it created: the tickets it kept belong to earlier versions.
    const closable = amends ? (diff?.created ?? []) : undefined;
    if (isCancellation(error))
      await CancellationScope.nonCancellable(() => leaveCancelled(run, failed, input, closable));
    throw error;
  }
}

/**
 * One key of an amendment: a new key is created (its marker looked for first), a changed ticket is
 * edited in place, an unchanged one is kept as it is. A file target writes every ticket into the
 * new run's pack, so each version's pack holds all of its tickets.
 */
async function bringInLine<Created extends TicketRef | undefined>(
  { run, diff, attempt }: { run: TicketRunInput; diff: TicketDiff; attempt: Attempt },
  key: string,
  create: () => Promise<Created>,
  epic?: TicketRef,
): Promise<TicketRef | Created> {
  const changed = diff.updated.find((ref) => ref.key === key);
  const kept = diff.unchanged.find((ref) => ref.key === key);
  const existing = changed ?? kept;
  if (!existing) return create();
  if (kept && run.target !== 'file') return kept;
  // A failed edit leaves the ticket as it was: it still exists, so it stays listed, and the failure is reported.
  const updated = await attempt(`${key} (update)`, () =>
    activities.updateTicket({ ...run, key, existing, ...(epic ? { epic } : {}) }),
  );
  return updated ?? existing;
}

/** The amended run's tickets the plan dropped: closed as not planned when asked, else left open. */
async function closeRemoved(
  run: TicketRunInput,
  removed: TicketRef[],
  close: boolean,
  concurrency: number,
  attempt: Attempt,
): Promise<{ closed: string[]; leftOpen: string[] }> {
  if (!close) return { closed: [], leftOpen: removed.map((ticket) => ticket.key) };
  const outcomes = await mapWithConcurrency(removed, concurrency, (ticket) =>
    attempt(`${ticket.key} (close)`, () => activities.closeTicket({ ...run, ticket }).then(() => true)),
  );
  return {
    closed: removed.filter((_, index) => outcomes[index]).map((ticket) => ticket.key),
    leftOpen: removed.filter((_, index) => !outcomes[index]).map((ticket) => ticket.key),
  };
}

/** What the amendment did, by key in plan order, once the sweep has said which tickets exist. */
function changesOf(
  diff: TicketDiff,
  closing: { closed: string[]; leftOpen: string[] },
  created: TicketRef[],
  failed: TicketFanOutResult['failed'],
): NonNullable<TicketFanOutResult['changes']> {
  const exists = new Set(created.map((ticket) => ticket.key));
  const failedUpdates = new Set(failed.map((failure) => failure.key));
  return {
    created: diff.created.filter((key) => exists.has(key)),
    updated: diff.updated.map((ticket) => ticket.key).filter((key) => !failedUpdates.has(`${key} (update)`)),
    unchanged: diff.unchanged.map((ticket) => ticket.key),
    closed: closing.closed,
    leftOpen: closing.leftOpen,
  };
}

/** Replaces `created` and `failed` in place with what the tracker holds after the sweep. */
async function sweep(run: TicketRunInput, created: TicketRef[], failed: TicketFanOutResult['failed']): Promise<void> {
  const swept = await activities.sweepTickets({ ...run, created });
  const found = new Set(swept.created.map((ticket) => ticket.key));
  created.splice(0, created.length, ...swept.created);
  failed.splice(0, failed.length, ...failed.filter((failure) => !found.has(failure.key)), ...swept.failed);
}

/** Tickets that exist stay listed in the index; closed as not planned when the run asked for it. */
async function leaveCancelled(
  run: TicketRunInput,
  failed: TicketFanOutResult['failed'],
  input: TicketFanOutInput,
  /** Keys this run may close; unset: every ticket that exists. */
  closable?: string[],
): Promise<void> {
  const closed = Boolean(input.closeOnCancel);
  const existing = await activities.findCreatedTickets(run);
  const toClose = closable ? existing.filter((ticket) => closable.includes(ticket.key)) : existing;
  if (closed)
    await mapWithConcurrency(toClose, input.concurrency, (ticket) =>
      activities
        .closeTicket({ ...run, ticket })
        .catch(() => failed.push({ key: ticket.key, error: 'could not be closed' })),
    );
  await activities.recordTickets({ ...run, created: existing, failed, cancelled: { closed } });
}
