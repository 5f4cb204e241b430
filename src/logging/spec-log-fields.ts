import { isGateName, type GateName } from '../shared/decision';

/** What every log line about a spec carries, where it is known. */
export interface SpecLogFields {
  specId?: string;
  phase?: GateName;
  revision?: number;
}

/**
 * The spec id, phase and revision an activity's input names: phase activities, edits, notifications
 * and ticket activities all take one object with some of them. Anything else in the input (feature
 * text, content) is left out of the log.
 */
export function specLogFieldsOf(input: unknown): SpecLogFields {
  if (!input || typeof input !== 'object') return {};
  const { specId, phase, revision } = input as Record<string, unknown>;
  return {
    ...(typeof specId === 'string' ? { specId } : {}),
    ...(isGateName(phase) ? { phase } : {}),
    ...(Number.isSafeInteger(revision) ? { revision: revision as number } : {}),
  };
}
