import type { SpecRunStatus } from '../shared/spec-run';
import { isInternalText } from './public-message';

const RUN_FAILED = "The run failed on an internal error; the worker's log has the details";
const DECISION_REFUSED = 'The edited content did not match the phase; check an edit with the validate endpoint first';

/**
 * A run's status as the API shows it: an `error` or a refusal `reason` that reads as an internal
 * error (a TypeError, a zod issue list) becomes a sentence, and the original goes to `logOriginal`.
 */
export function publicStatusText<Status extends SpecRunStatus>(
  status: Status,
  logOriginal: (original: string) => void,
): Status {
  const clean = (text: string | undefined, sentence: string) => {
    if (text === undefined || !isInternalText(text)) return text;
    logOriginal(text);
    return sentence;
  };
  const decision = <Decision extends { reason?: string }>(entry: Decision): Decision =>
    entry.reason === undefined ? entry : { ...entry, reason: clean(entry.reason, DECISION_REFUSED) };
  return {
    ...status,
    ...(status.error === undefined ? {} : { error: clean(status.error, RUN_FAILED) }),
    decisions: status.decisions.map(decision),
    ...(status.refused ? { refused: decision(status.refused) } : {}),
  };
}
