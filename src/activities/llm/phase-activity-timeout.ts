import type { Config } from '../../config/load-config';
import { RESPONSE_FORMATS } from './response-format';
import type { TokenLimits } from './token-budget';

/** Repairs of an invalid answer before the phase fails. */
export const MAX_REPAIRS = 2;
/** A phase activity generates at most twice: its answer, and one targeted regeneration when a quality criterion fails. */
const GENERATIONS_PER_ACTIVITY = 2;
/** Checks, rendering and refusals a server answers at once. */
const MARGIN_MS = 2 * 60_000;
/** What phase activities had before this was computed; runs started without it keep it. */
export const DEFAULT_PHASE_ACTIVITY_TIMEOUT_MS = 10 * 60_000;

/**
 * The most model calls one phase activity may make: per generation, the answer, its repairs and
 * the retries of truncated answers with a doubled budget; and the format fallbacks before a
 * server's support is learned.
 */
export function modelCallsPerPhaseActivity(limits: Pick<TokenLimits, 'answerTokens' | 'maxTokens'>): number {
  const first = Math.min(limits.answerTokens, limits.maxTokens);
  const doublings = Math.ceil(Math.log2(limits.maxTokens / first));
  return GENERATIONS_PER_ACTIVITY * (1 + MAX_REPAIRS + doublings) + (RESPONSE_FORMATS.length - 1);
}

/**
 * The start-to-close timeout a phase activity needs: the model timeout for each call it may make,
 * plus a margin; never less than the ten minutes phases always had. Computed by whoever starts a
 * run, from its configuration (workflows read no environment); undefined offline, where no model
 * call is made.
 */
export function phaseActivityTimeoutMs(
  config: Pick<
    Config,
    'OPENAI_API_KEY' | 'SPECFORGE_LLM_TIMEOUT_MS' | 'SPECFORGE_ANSWER_TOKENS' | 'SPECFORGE_MAX_TOKENS'
  >,
): number | undefined {
  if (!config.OPENAI_API_KEY) return undefined;
  const calls = modelCallsPerPhaseActivity({
    answerTokens: config.SPECFORGE_ANSWER_TOKENS,
    maxTokens: config.SPECFORGE_MAX_TOKENS,
  });
  return Math.max(DEFAULT_PHASE_ACTIVITY_TIMEOUT_MS, calls * config.SPECFORGE_LLM_TIMEOUT_MS + MARGIN_MS);
}
