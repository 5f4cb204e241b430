/**
 * The one parser of the durations a run takes (`gateTimeout`): the API schema, the CLI and the
 * workflow's input check all call it, so a value one accepts is a value the others accept. Pure:
 * the workflow imports it.
 */

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  second: 1_000,
  seconds: 1_000,
  m: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
};

/** A number, at most one plain space, a unit. Tabs, newlines and signs are refused, not skipped. */
const DURATION_PATTERN = /^(\d{1,9}(?:\.\d{1,3})?) ?(ms|s|seconds?|m|minutes?|h|hours?|d|days?)$/;

/** The shortest gate timeout a person may ask for through the API or the CLI. */
export const MIN_GATE_TIMEOUT_MS = 60_000;
/**
 * The shortest gate timeout a run accepts, whoever started it (tests start runs straight through
 * Temporal with "1s"): long enough that no timer loop can spin.
 */
export const MIN_RUN_GATE_TIMEOUT_MS = 1_000;
/** A year: Temporal timers take it, and nobody means more. */
export const MAX_GATE_TIMEOUT_MS = 365 * 86_400_000;

/** Milliseconds, or undefined when the text is not a duration such as "30m", "24h" or "2 days". */
export function parseDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!]!);
}

export type GateTimeoutParse = { ok: true; ms: number } | { ok: false; message: string };

/** A gate timeout checked for form and range, with the message a person reads when it is refused. */
export function parseGateTimeout(text: unknown, minimumMs = MIN_GATE_TIMEOUT_MS): GateTimeoutParse {
  const ms = parseDuration(text);
  if (ms === undefined)
    return {
      ok: false,
      message: `gateTimeout must be a duration such as "30m", "24h" or "2 days" (a number, at most one space, a unit: ms, s, m, h, d), not ${JSON.stringify(text)}`,
    };
  if (ms < minimumMs) return { ok: false, message: `gateTimeout must be at least ${formatDuration(minimumMs)}` };
  if (ms > MAX_GATE_TIMEOUT_MS) return { ok: false, message: 'gateTimeout must be at most 365 days' };
  return { ok: true, ms };
}

/** "1 minute", "90 seconds", "500 ms": for messages. */
export function formatDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  for (const [size, name] of units)
    if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms === size ? '' : 's'}`;
  return `${ms} ms`;
}
