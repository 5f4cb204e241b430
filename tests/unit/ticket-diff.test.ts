import { describe, expect, it } from 'vitest';
import { ticketDiff, type PreviousTickets } from '../../src/activities/tickets/ticket-diff';
import type { TicketPlan } from '../../src/activities/tickets/ticket-plan';
import type { TicketRef } from '../../src/shared/spec-run';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';

const refOf = (key: string, id: string): TicketRef => ({
  key,
  title: key,
  target: 'github',
  id,
  url: `https://github.example/acme/shop/issues/${id}`,
});

/** The first run's plan of four tickets, all created as issues #1 (the epic) to #5. */
function firstRun(): PreviousTickets {
  const plan = fortyTicketPlan('spec-first');
  plan.tickets = plan.tickets.slice(0, 4);
  return { plan, created: ['epic', 't-1', 't-2', 't-3', 't-4'].map((key, index) => refOf(key, String(index + 1))) };
}

/** The amended plan: `change` edits it in place. */
function amended(previous: PreviousTickets, change: (plan: TicketPlan) => void = () => {}): TicketPlan {
  const plan: TicketPlan = structuredClone({ ...previous.plan, specId: 'spec-second' });
  change(plan);
  return plan;
}

const keysOf = (refs: TicketRef[]) => refs.map((ref) => ref.key);

describe('the ticket diff of an amendment', () => {
  it('keeps every ticket unchanged when the plan is the same', () => {
    const previous = firstRun();
    const diff = ticketDiff(previous, amended(previous));
    expect(diff.created).toEqual([]);
    expect(diff.updated).toEqual([]);
    expect(keysOf(diff.unchanged)).toEqual(['epic', 't-1', 't-2', 't-3', 't-4']);
    expect(diff.removed).toEqual([]);
  });

  it('hands back the amended run’s refs, so updates edit the tickets that exist', () => {
    const previous = firstRun();
    const diff = ticketDiff(
      previous,
      amended(previous, (plan) => (plan.tickets[1]!.title = 'Ticket 2, with SSO')),
    );
    expect(diff.updated).toEqual([refOf('t-2', '3')]);
  });

  it.each([
    ['title', (ticket: TicketPlan['tickets'][number]) => (ticket.title = 'Renamed')],
    ['description', (ticket: TicketPlan['tickets'][number]) => (ticket.description = 'Also SSO')],
    ['acceptance criteria', (ticket: TicketPlan['tickets'][number]) => ticket.acceptanceCriteria.push('SSO works')],
    ['requirements', (ticket: TicketPlan['tickets'][number]) => ticket.requirements.push('FR-9')],
    ['labels', (ticket: TicketPlan['tickets'][number]) => ticket.labels.push('sso')],
    ['estimate', (ticket: TicketPlan['tickets'][number]) => (ticket.estimate = 5)],
    ['dependencies', (ticket: TicketPlan['tickets'][number]) => ticket.dependsOn.push('t-1')],
  ])('updates a ticket whose %s changed, and only that one', (_field, change) => {
    const previous = firstRun();
    const diff = ticketDiff(
      previous,
      amended(previous, (plan) => change(plan.tickets[2]!)),
    );
    expect(keysOf(diff.updated)).toEqual(['t-3']);
    expect(keysOf(diff.unchanged)).toEqual(['epic', 't-1', 't-2', 't-4']);
  });

  it('updates the epic when the feature’s summary changed', () => {
    const previous = firstRun();
    const diff = ticketDiff(
      previous,
      amended(previous, (plan) => (plan.epic.description = 'Magic links and SSO')),
    );
    expect(keysOf(diff.updated)).toEqual(['epic']);
  });

  it('creates a new key, and removes a dropped one without touching the others', () => {
    const previous = firstRun();
    const diff = ticketDiff(
      previous,
      amended(previous, (plan) => {
        plan.tickets = plan.tickets.filter((ticket) => ticket.key !== 't-4');
        plan.tickets.push({ ...plan.tickets[0]!, key: 't-41', title: 'Single sign-on' });
      }),
    );
    expect(diff.created).toEqual(['t-41']);
    expect(diff.removed).toEqual([refOf('t-4', '5')]);
    expect(keysOf(diff.unchanged)).toEqual(['epic', 't-1', 't-2', 't-3']);
  });

  it('creates a planned ticket the amended run never made (its create failed)', () => {
    const previous = firstRun();
    previous.created = previous.created.filter((ref) => ref.key !== 't-2');
    const diff = ticketDiff(previous, amended(previous));
    expect(diff.created).toEqual(['t-2']);
    expect(keysOf(diff.unchanged)).toEqual(['epic', 't-1', 't-3', 't-4']);
  });

  it('updates a ticket the amended run made but whose plan no longer lists it (an edited plan)', () => {
    const previous = firstRun();
    const plan = amended(previous);
    previous.plan.tickets = previous.plan.tickets.filter((ticket) => ticket.key !== 't-1');
    const diff = ticketDiff(previous, plan);
    expect(keysOf(diff.updated)).toEqual(['t-1']);
  });

  it('creates everything, epic first, when the amended run made no tickets', () => {
    const previous = firstRun();
    const diff = ticketDiff(undefined, amended(previous));
    expect(diff.created).toEqual(['epic', 't-1', 't-2', 't-3', 't-4']);
    expect([...diff.updated, ...diff.unchanged, ...diff.removed]).toEqual([]);
  });
});
