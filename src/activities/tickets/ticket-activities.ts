import { ApplicationFailure } from '@temporalio/common';
import type { PhaseName } from '../../shared/phases';
import type { ArtifactRef, PhaseResult, TicketRef } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { packFiles } from '../render/pack-files';
import { heartbeat } from '../heartbeat';
import { ticketCreated } from '../../metrics/ticket-metrics';
import { loadPhaseContents } from '../phases/load-phase-contents';
import { configuredTarget } from './check-ticket-target';
import { planTickets } from './plan-tickets';
import { sortStrays } from './stray-tickets';
import { ticketDiff, type TicketDiff } from './ticket-diff';
import { ticketIndexSchema, ticketPlanEdit, type TicketChanges } from './ticket-plan-schema';
import { planKeys, type TicketPlan } from './ticket-plan';
import type { TicketContext, TicketTarget } from './ticket-target';
import { FailureType } from '../../shared/failure-types';

export interface TicketRunInput {
  specId: string;
  slug: string;
  outDir?: string;
  target: TicketTarget['name'];
  /** GitHub `owner/name` or Jira project key. */
  destination?: string;
  /** The spec's first run: ticket markers and labels are keyed by it, so amendments find its tickets. Unset: specId. */
  lineage?: string;
}

export interface PlanTicketsInput extends TicketRunInput {
  feature: string;
  phases: Partial<Record<PhaseName, PhaseResult>>;
}

const PLAN_FILE = 'ticket-plan.json';

/** What the workflow keeps of a plan: keys and dependencies; the plan itself stays on disk. */
export interface SavedPlan {
  keys: string[];
  dependencies: Record<string, string[]>;
  plan: ArtifactRef;
}

export function createTicketActivities(
  store: ArtifactStore,
  targets: Partial<Record<TicketTarget['name'], TicketTarget>>,
) {
  const targetFor = (name: TicketTarget['name']) => configuredTarget(targets, name);
  const loadPlan = async (specId: string) => {
    const plan = await store.readJsonIfPresent<TicketPlan>(store.runDir(specId), PLAN_FILE);
    if (!plan) throw ApplicationFailure.nonRetryable(`No ticket plan for ${specId}`, FailureType.TicketPlanMissing);
    return plan;
  };
  const context = (input: TicketRunInput, epic?: TicketRef): TicketContext => ({
    lineage: input.lineage ?? input.specId,
    packDir: store.packDir(input),
    destination: input.destination,
    epic,
  });
  const savePlan = async (input: TicketRunInput, plan: TicketPlan): Promise<SavedPlan> => {
    await store.writeJson(store.runDir(input.specId), PLAN_FILE, plan);
    const reference = await store.writeJson(
      context(input).packDir,
      packFiles(input.slug).tickets,
      ticketIndexSchema.parse({ target: input.target, plan, created: [] }),
      `Ticket plan: ${plan.tickets.length} tickets and an epic`,
    );
    return { ...planKeys(plan), plan: reference };
  };
  const ticketOf = (plan: TicketPlan, key: string) => {
    const ticket = key === plan.epic.key ? plan.epic : plan.tickets.find((candidate) => candidate.key === key);
    if (!ticket)
      throw ApplicationFailure.nonRetryable(
        `Ticket "${key}" is not in the plan of ${plan.specId}`,
        FailureType.TicketPlanMissing,
      );
    return ticket;
  };

  return {
    /** Builds the plan from the approved phases; returns keys only, the plan stays on disk. */
    async planTickets(input: PlanTicketsInput): Promise<SavedPlan> {
      const references = Object.fromEntries(
        Object.values(input.phases).map((result) => [result.phase, result.artifact]),
      );
      return savePlan(input, planTickets(input.specId, input.feature, await loadPhaseContents(store, references)));
    },

    /** A person's edited plan, validated like the planner's; refused with the fields that are wrong. */
    async acceptTicketPlan(input: TicketRunInput & { content: Record<string, unknown> }): Promise<SavedPlan> {
      const checked = ticketPlanEdit.safeParse(input.content);
      if (!checked.success) {
        const problems = checked.error.issues
          .slice(0, 10)
          .map((issue) => `content.${issue.path.join('.')}: ${issue.message}`);
        throw ApplicationFailure.nonRetryable(
          `The edited ticket plan is invalid: ${problems.join('; ')}`,
          FailureType.InvalidContent,
          problems,
        );
      }
      const current = await loadPlan(input.specId);
      return savePlan(input, { ...current, ...checked.data });
    },

    /** Creates one ticket (or the epic) unless its marker shows it already exists. */
    async createTicket(input: TicketRunInput & { key: string; epic?: TicketRef }): Promise<TicketRef> {
      const ticket = ticketOf(await loadPlan(input.specId), input.key);
      const target = targetFor(input.target);
      const ticketContext = context(input, input.epic);
      return (
        (await target.find(ticket, ticketContext)) ??
        ticketCreated(input.target, await target.create(ticket, ticketContext))
      );
    },

    /**
     * An amendment: sorts the new plan's keys against the tickets the amended run made (its ticket
     * index). Tickets made in another tracker are none of this one's: everything is then created.
     */
    async diffTickets(input: TicketRunInput & { amends: { specId: string; slug: string } }): Promise<TicketDiff> {
      const file = packFiles(input.amends.slug).tickets;
      const stored = await store.readJsonIfPresent<unknown>(
        store.packDir({ specId: input.amends.specId, slug: input.amends.slug, outDir: input.outDir }),
        file,
      );
      const previous = stored === undefined ? undefined : ticketIndexSchema.safeParse(stored);
      if (previous && !previous.success)
        throw ApplicationFailure.nonRetryable(
          `The ticket index ${file} of ${input.amends.specId} is invalid: ${previous.error.issues[0]?.message}`,
          FailureType.TicketPlanMissing,
        );
      const same = previous?.data.target === input.target;
      return ticketDiff(same ? previous.data : undefined, await loadPlan(input.specId));
    },

    /**
     * Brings a ticket the amended run made (`existing`) in line with this run's plan. The marker
     * says which ticket is the key's, so an edit never lands on another: where the tracker has none
     * (the run now writes to another repository or project, or a person deleted it), it is created.
     */
    async updateTicket(
      input: TicketRunInput & { key: string; existing: TicketRef; epic?: TicketRef },
    ): Promise<TicketRef> {
      const ticket = ticketOf(await loadPlan(input.specId), input.key);
      const target = targetFor(input.target);
      const ticketContext = context(input, input.epic);
      const found = await target.find(ticket, ticketContext);
      // A file ticket is the new pack's own copy: written there, never counted as a new ticket.
      if (found || target.name === 'file') return target.update(ticket, found ?? input.existing, ticketContext);
      return ticketCreated(input.target, await target.create(ticket, ticketContext));
    },

    /** Writes one ticket's dependency links (or the epic's children), reading the created keys from disk. */
    async linkTicket(input: TicketRunInput & { key: string }): Promise<void> {
      const plan = await loadPlan(input.specId);
      const index = await store.readJsonIfPresent<{ created: TicketRef[] }>(
        context(input).packDir,
        packFiles(input.slug).tickets,
      );
      const created = new Map((index?.created ?? []).map((ref) => [ref.key, ref]));
      await targetFor(input.target).link(ticketOf(plan, input.key), created, context(input));
    },

    /**
     * After the fan-out: reads every ticket carrying the run's label, closes strays (a second ticket
     * for one key, from a create whose reply was lost) as not planned, and returns one ticket per
     * planned key, so a ticket whose create failed but exists is reported created, not failed.
     */
    async sweepTickets(
      input: TicketRunInput & { created: TicketRef[] },
    ): Promise<{ created: TicketRef[]; closed: TicketRef[]; failed: { key: string; error: string }[] }> {
      const plan = await loadPlan(input.specId);
      const target = targetFor(input.target);
      if (!target.list) return { created: input.created, closed: [], failed: [] };
      const keys = [plan.epic, ...plan.tickets].map((ticket) => ticket.key);
      const { kept, strays } = sortStrays(await target.list(context(input)), input.created, keys);
      const closed: TicketRef[] = [];
      const failed: { key: string; error: string }[] = [];
      for (const stray of strays) {
        heartbeat();
        try {
          await target.close(stray, context(input));
          closed.push(stray);
        } catch (error) {
          // A stray the workflow cannot close is reported; an outage is retried by Temporal.
          if (!(error instanceof ApplicationFailure) || !error.nonRetryable) throw error;
          failed.push({ key: stray.key, error: `duplicate ${stray.id} not closed: ${error.message}` });
        }
      }
      return { created: kept, closed, failed };
    },

    /** Every planned ticket that exists in the tracker, found by its marker: the truth after a cancel. */
    async findCreatedTickets(input: TicketRunInput): Promise<TicketRef[]> {
      const plan = await loadPlan(input.specId);
      const target = targetFor(input.target);
      const keys = [plan.epic, ...plan.tickets].map((ticket) => ticket.key);
      // One listing of the run's label rather than a search per ticket.
      if (target.list) return sortStrays(await target.list(context(input)), [], keys).kept;
      const found: TicketRef[] = [];
      for (const ticket of [plan.epic, ...plan.tickets]) {
        heartbeat();
        const reference = await target.find(ticket, context(input));
        if (reference) found.push(reference);
      }
      return found;
    },

    async closeTicket(input: TicketRunInput & { ticket: TicketRef }): Promise<void> {
      await targetFor(input.target).close(input.ticket, context(input));
    },

    async recordTickets(
      input: TicketRunInput & {
        created: TicketRef[];
        failed: { key: string; error: string }[];
        cancelled?: { closed: boolean };
        changes?: TicketChanges;
      },
      // The reference, not just the path: the run lists it, so the recorded sha256 is the file's.
    ): Promise<ArtifactRef> {
      const plan = await loadPlan(input.specId);
      const reference = await store.writeJson(
        context(input).packDir,
        packFiles(input.slug).tickets,
        ticketIndexSchema.parse({
          target: input.target,
          plan,
          created: input.created,
          failed: input.failed,
          ...(input.cancelled ? { cancelled: input.cancelled } : {}),
          ...(input.changes ? { changes: input.changes } : {}),
        }),
        `${input.created.length} tickets`,
      );
      return reference;
    },
  };
}
