import { z } from 'zod';
import { decodePageCursor } from '../runs/page-cursor';
import { DECISION_ACTIONS, TICKETS_GATE } from '../shared/decision';
import { MAX_COMMENT_LENGTH, MAX_ITEM_COMMENTS } from '../shared/decision-check';
import { parseGateTimeout } from '../shared/duration';
import { GATE_POLICIES, GATE_TIMEOUT_POLICIES } from '../shared/gates';
import { PHASES } from '../shared/phases';
import { MAX_CONTEXT_LENGTH } from '../shared/project-context-ref';
import { multiLineText, singleLineText } from '../shared/plain-text';
import { TICKET_TARGETS } from '../shared/spec-run';

export const MAX_FEATURE_LENGTH = 500;

export const createSpecBody = z
  .strictObject({
    feature: z
      .string({ error: 'feature is required: one line naming the feature' })
      // Control characters are dropped and line breaks become spaces before the length is checked.
      .overwrite(singleLineText)
      .trim()
      .min(3, 'feature needs at least 3 characters')
      .max(MAX_FEATURE_LENGTH, `feature must be at most ${MAX_FEATURE_LENGTH} characters; put detail in description`),
    description: z.string().overwrite(multiLineText).max(20_000).optional(),
    /** The team's context document (stack, platform, constraints, conventions) as text; stored when the run starts. */
    context: z
      .string()
      .max(
        MAX_CONTEXT_LENGTH,
        `context must be at most ${MAX_CONTEXT_LENGTH} characters: keep the stack, platform, constraints and conventions a spec must follow`,
      )
      .optional(),
    gates: z.enum(GATE_POLICIES, { error: `gates must be one of ${GATE_POLICIES.join(', ')}` }).optional(),
    approvers: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    approvalsRequired: z.number().int().min(1).max(10).optional(),
    requireVerified: z.boolean().optional(),
    // The parser the workflow's input check uses, with the minimum a person may ask for.
    gateTimeout: z
      .string()
      .superRefine((text, context) => {
        const parsed = parseGateTimeout(text);
        if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.message });
      })
      .optional(),
    onGateTimeout: z.enum(GATE_TIMEOUT_POLICIES).optional(),
    tickets: z
      .strictObject({
        target: z.enum(TICKET_TARGETS),
        concurrency: z.number().int().min(1).max(16).optional(),
        repo: z
          .string()
          .regex(/^[\w.-]+\/[\w.-]+$/, 'repo must be "owner/name"')
          .optional(),
        review: z.boolean().optional(),
        closeOnCancel: z.boolean().optional(),
        project: z
          .string()
          .regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'project must be a Jira project key such as "SHOP"')
          .optional(),
      })
      .refine((tickets) => tickets.target !== 'github' || tickets.repo, {
        message: 'the github target needs repo ("owner/name")',
        path: ['repo'],
      })
      .refine((tickets) => tickets.target !== 'jira' || tickets.project, {
        message: 'the jira target needs project (a project key)',
        path: ['project'],
      })
      .optional(),
  })
  .refine((body) => !body.approvalsRequired || body.approvalsRequired <= Math.max(1, body.approvers?.length ?? 0), {
    message: 'approvalsRequired cannot exceed the number of approvers (name them in approvers)',
    path: ['approvalsRequired'],
  });

/** A list cursor: base64url of Temporal's page token (src/runs/page-cursor.ts). */
export const CURSOR_PATTERN = /^[A-Za-z0-9_-]+$/;
export const MAX_CURSOR_LENGTH = 4096;

export const listSpecsQuery = z.object({
  status: z.enum(['running', 'awaiting_approval', 'completed', 'failed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  // Checked here, at once: Temporal answers a token it cannot read only after its client's retries.
  cursor: z
    .string()
    .max(MAX_CURSOR_LENGTH, { message: 'cursor must be a value returned as nextCursor', abort: true })
    .regex(CURSOR_PATTERN, { message: 'cursor must be a value returned as nextCursor', abort: true })
    .refine((cursor) => decodePageCursor(cursor) !== undefined, 'cursor must be a value returned as nextCursor')
    .optional(),
});

export const decisionBody = z
  .strictObject({
    phase: z.enum([...PHASES, TICKETS_GATE], { error: `phase must be one of ${[...PHASES, TICKETS_GATE].join(', ')}` }),
    action: z.enum(DECISION_ACTIONS, { error: `action must be one of ${DECISION_ACTIONS.join(', ')}` }),
    /** Who decides: required in local mode; with reviewers configured it comes from the token or session. */
    by: z.string().trim().min(1).max(200).optional(),
    comment: z.string().max(MAX_COMMENT_LENGTH).optional(),
    content: z.record(z.string(), z.unknown()).optional(),
    items: z
      .array(
        z.strictObject({
          id: z.string().trim().min(1).max(200),
          comment: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
        }),
      )
      .max(MAX_ITEM_COMMENTS)
      .optional(),
  })
  // Refused here too, so a reopen without its reason never reaches Temporal.
  .refine((body) => body.action !== 'reopen' || Boolean(body.comment?.trim()), {
    message: 'reopen needs a comment saying what to change',
    path: ['comment'],
  });

/** POST /v1/specs/:id/amendments: the phase of the finished run to reopen, and why. */
export const amendmentBody = z.strictObject({
  phase: z.enum(PHASES, { error: `phase must be one of ${PHASES.join(', ')}` }),
  comment: z
    .string({ error: 'comment is required: what to change in the phase, and why' })
    .overwrite(multiLineText)
    .trim()
    .min(1, 'comment is required: what to change in the phase, and why')
    .max(MAX_COMMENT_LENGTH, `comment must be at most ${MAX_COMMENT_LENGTH} characters`),
  /** Who amends: required in local mode; with reviewers configured it comes from the token or session. */
  by: z.string().trim().min(1).max(200).optional(),
  /** Close (as not planned) the amended run's tickets that the new plan no longer has. */
  closeRemoved: z.boolean().optional(),
});

/** POST /v1/specs/:id/retry takes no options: an empty body, or none. */
export const retryBody = z.strictObject({});
