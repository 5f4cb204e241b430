import type { DecisionRefusal } from './decision-check';
/**
 * The largest decision a run takes, as JSON. Every decision that reaches a run is written to its
 * history (the update or signal event, and an inline edit again as the activity's input), so an
 * unbounded one lets a few requests push the history to Temporal's limit, which terminates the run.
 * Several times the largest phase content a model may answer with.
 */
export const MAX_DECISION_BYTES = 256 * 1024;

/** Bytes of the value as UTF-8 JSON; pure, so the workflow's validator can count without Node built-ins. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is one four-byte character.
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Undefined when the decision fits; else its size and the field that takes the most room, to name in the refusal. */
export function oversizeDecision(decision: object): { bytes: number; field: string } | undefined {
  const bytes = jsonBytes(decision);
  if (bytes <= MAX_DECISION_BYTES) return undefined;
  const fields = Object.entries(decision).map(([field, value]) => ({ field, bytes: jsonBytes(value) }));
  const largest = fields.reduce((most, each) => (each.bytes > most.bytes ? each : most), { field: '(body)', bytes: 0 });
  return { bytes, field: largest.field };
}

export function oversizeMessage(bytes: number): string {
  return `the decision is ${bytes} bytes as JSON; a decision may be at most ${MAX_DECISION_BYTES} bytes (${MAX_DECISION_BYTES / 1024} KiB)`;
}

/** The refusal of a decision too large to take: the update validator's, the API's and the signal handler's. */
export function oversizeRefusal(decision: unknown): DecisionRefusal | undefined {
  const oversize = decision && typeof decision === 'object' ? oversizeDecision(decision) : undefined;
  return oversize && { kind: 'invalid', field: oversize.field, message: oversizeMessage(oversize.bytes) };
}
