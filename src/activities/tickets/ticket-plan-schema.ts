import { z } from 'zod';
import { MAX_TICKET_TITLE_LENGTH, TICKET_KINDS } from './ticket-plan';

const plannedTicket = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'keys are lower-case words joined by hyphens'),
  kind: z.enum(TICKET_KINDS),
  title: z.string().trim().min(1).max(MAX_TICKET_TITLE_LENGTH),
  description: z.string(),
  acceptanceCriteria: z.array(z.string()),
  requirements: z.array(z.string()),
  labels: z.array(z.string().regex(/^\S+$/, 'labels have no spaces')),
  estimate: z.number().min(0).max(100),
  dependsOn: z.array(z.string()),
});

// An epic's estimate is the sum of its tickets': up to 500 tickets of up to 100 points each.
const epicTicket = plannedTicket.extend({ estimate: z.number().min(0).max(50_000) });

/** A person's edit of the ticket plan: the same shape the planner writes, checked end to end. */
export const ticketPlanEdit = z
  .strictObject({
    epic: epicTicket.extend({ key: z.literal('epic'), kind: z.literal('epic') }),
    tickets: z.array(plannedTicket).min(1).max(500),
  })
  .superRefine((plan, context) => {
    const keys = new Set<string>();
    plan.tickets.forEach((ticket, index) => {
      if (ticket.key === 'epic' || keys.has(ticket.key))
        context.addIssue({ code: 'custom', path: ['tickets', index, 'key'], message: `duplicate key "${ticket.key}"` });
      keys.add(ticket.key);
    });
    plan.tickets.forEach((ticket, index) =>
      ticket.dependsOn.forEach((key, dependency) => {
        if (!keys.has(key))
          context.addIssue({
            code: 'custom',
            path: ['tickets', index, 'dependsOn', dependency],
            message: `unknown ticket "${key}"`,
          });
      }),
    );
  });

const ticketRef = z.object({
  key: z.string(),
  title: z.string(),
  target: z.string(),
  id: z.string(),
  url: z.string(),
  internalId: z.string().optional(),
});

const ticketChanges = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  closed: z.array(z.string()),
  leftOpen: z.array(z.string()).optional(),
});

/** An amendment's tickets by key, against the amended run's: what it created, edited, kept, closed, left open. */
export type TicketChanges = z.infer<typeof ticketChanges>;

/**
 * The shape of `tickets_<slug>.json`: the plan, what exists, what failed, and for an amendment what
 * changed; checked before every write.
 */
export const ticketIndexSchema = z.object({
  target: z.enum(['file', 'github', 'jira']),
  plan: z.object({ specId: z.string(), feature: z.string(), epic: epicTicket, tickets: z.array(plannedTicket) }),
  created: z.array(ticketRef),
  failed: z.array(z.object({ key: z.string(), error: z.string() })).optional(),
  cancelled: z.object({ closed: z.boolean() }).optional(),
  changes: ticketChanges.optional(),
});
