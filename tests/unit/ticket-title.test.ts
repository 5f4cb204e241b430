import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offlinePack } from '../helpers/in-process-pack';
import { planTickets } from '../../src/activities/tickets/plan-tickets';
import { MAX_TICKET_TITLE_LENGTH, TICKET_TITLE_LIMITS } from '../../src/activities/tickets/ticket-plan';
import { ticketTitle } from '../../src/activities/tickets/ticket-title';

describe('ticket titles', () => {
  it('fit every tracker: GitHub takes 256 characters, a Jira summary 255', () => {
    expect(TICKET_TITLE_LIMITS).toEqual({ github: 256, jira: 255 });
    expect(MAX_TICKET_TITLE_LENGTH).toBe(255);
  });

  it('keep a short title as it is, on one line', () => {
    expect(ticketTitle('Export invoices\n  as CSV ')).toBe('Export invoices as CSV');
  });

  it('cut a long title at a word and mark the cut', () => {
    const title = ticketTitle('Let admins export invoices as CSV '.repeat(20));
    expect(title.length).toBeLessThanOrEqual(255);
    expect(title).toMatch(/^Let admins export .*[a-zA-Z]…$/);
  });

  it('never split an emoji, a flag or an accented letter, whatever the text', () => {
    const segments = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 200, maxLength: 400 }), (text) => {
        const title = ticketTitle(text);
        expect(title.length).toBeLessThanOrEqual(MAX_TICKET_TITLE_LENGTH);
        const kept = title.replace(/…$/, '');
        const whole = text.replace(/\s+/g, ' ').trim();
        expect(whole.startsWith(kept)).toBe(true);
        expect(segments(whole).map((part) => part.index)).toContain(kept.length);
      }),
      { numRuns: 200 },
    );
  });

  it('of a plan whose components have the longest names and responsibilities a model may write', () => {
    const phases = offlinePack('Export invoices');
    phases.architecture.components[0]!.name = 'N'.repeat(120);
    phases.architecture.components[0]!.responsibility = 'Handles invoices '.repeat(23).trim();
    phases.security.threats[0]!.control = 'Validates every field '.repeat(18).trim();
    const plan = planTickets('spec-long-00000001', 'F'.repeat(500), phases);
    for (const ticket of [plan.epic, ...plan.tickets])
      expect(ticket.title.length, ticket.key).toBeLessThanOrEqual(MAX_TICKET_TITLE_LENGTH);
  });
});
