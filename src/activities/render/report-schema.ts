import { z } from 'zod';
import { DECISION_ACTIONS } from '../../shared/decision';

const usage = z.object({ input: z.number().int().min(0), output: z.number().int().min(0) });
const validation = z.object({
  validator: z.string(),
  valid: z.boolean(),
  errors: z.array(z.string()),
  warnings: z.array(z.string()).optional(),
  skipped: z.string().optional(),
});

/** The shape of `report_<slug>.json`: checked before it is written, so readers can rely on it. */
export const reportSchema = z.object({
  specId: z.string(),
  feature: z.string(),
  slug: z.string().regex(/^[a-z0-9-]{1,60}$/),
  status: z.enum(['running', 'awaiting_approval', 'completed', 'failed', 'cancelled']),
  provenance: z.string(),
  /** The team's context document the run followed: where it came from, its sha256 and size. */
  context: z
    .object({
      source: z.string(),
      sha256: z.string().length(64),
      bytes: z.number().int().min(0),
      characters: z.number().int().min(0),
    })
    .nullable(),
  generatedAt: z.iso.datetime(),
  /** The spec's version (1 for a first run), and the run it amends or retries (null when none). */
  version: z.number().int().min(1),
  amends: z.string().nullable(),
  retries: z.string().nullable(),
  /** Phases a reopen regenerated (reopened, or because their inputs changed) or kept, in order. */
  changes: z.array(
    z.object({
      phase: z.string(),
      from: z.number().int().min(0),
      to: z.number().int().min(0),
      reason: z.enum(['reopened', 'inputs_changed', 'kept']),
      by: z.string().optional(),
      comment: z.string().optional(),
      at: z.string(),
    }),
  ),
  /** Next phases generated while a gate waited: used, or discarded with the tokens they cost (counted nowhere else). */
  speculation: z.object({
    used: z.number().int().min(0),
    discarded: z.number().int().min(0),
    discardedTokens: z.object({ input: z.number().int().min(0), output: z.number().int().min(0) }),
  }),
  phases: z.array(
    z.object({
      phase: z.string(),
      revision: z.number().int().min(1),
      provider: z.string(),
      model: z.string(),
      cached: z.boolean(),
      usage,
      llmCostUsd: z.number().min(0).nullable(),
      timing: z
        .object({
          phase: z.string(),
          startedAt: z.string().optional(),
          finishedAt: z.string().optional(),
          generationMs: z.number().min(0),
          revisions: z.number().int().min(0),
        })
        .optional(),
    }),
  ),
  /** The phase a failed run stopped on, its error, and the tokens its failed attempts spent (counted in usage). */
  failure: z.object({ phase: z.string(), revision: z.number().int().min(1), error: z.string(), usage }).nullable(),
  usage,
  llmPrices: z.string(),
  decisions: z.array(
    z.object({
      phase: z.string(),
      action: z.enum(DECISION_ACTIONS),
      by: z.string(),
      at: z.string(),
      revision: z.number(),
      outcome: z.enum(['applied', 'rejected']),
      comment: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
  validation: z.array(validation),
  quality: z.array(
    z.object({ criterion: z.string(), phase: z.string(), passed: z.boolean(), reasons: z.array(z.string()) }),
  ),
  traceability: z.object({
    rows: z.array(
      z.object({
        requirement: z.string(),
        kind: z.enum(['functional', 'non-functional']),
        components: z.array(z.string()),
        tables: z.array(z.string()),
        endpoints: z.array(z.string()),
        controls: z.array(z.string()),
        rolloutChecks: z.array(z.string()),
        tests: z.array(z.string()),
      }),
    ),
    orphans: z.array(z.string()),
  }),
  artifacts: z.array(z.object({ file: z.string(), sha256: z.string().length(64), bytes: z.number().int().min(0) })),
});
