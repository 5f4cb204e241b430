import type { Config } from '../config/load-config';
import { decisionProof } from '../runs/decision-proof';
import type { Decision } from '../shared/decision';

/**
 * A decision the CLI sends straight to Temporal, signed as coming through the CLI when this
 * machine holds SPECFORGE_DECISION_KEY (the key every worker shares). Without it the decision
 * goes unsigned and the run records it as a raw update: a key made up for this process could be
 * checked by another worker on the same task queue, which would refuse it.
 */
export function signDecision(
  config: Pick<Config, 'SPECFORGE_DECISION_KEY'>,
  specId: string,
  decision: Decision,
): Decision {
  if (!config.SPECFORGE_DECISION_KEY) return decision;
  const viaCli: Decision = { ...decision, via: 'cli' };
  return { ...viaCli, proof: decisionProof(config.SPECFORGE_DECISION_KEY, specId, viaCli) };
}
