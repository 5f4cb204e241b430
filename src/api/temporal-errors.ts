import { HttpProblem } from './problem';

/** Seconds a client waits before asking again while Temporal cannot be reached. */
export const TEMPORAL_RETRY_AFTER_SECONDS = 5;

// gRPC status codes: not reached, no answer in time, refused in the run's current state.
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;
const FAILED_PRECONDITION = 9;

/** The gRPC status code of the error or of an error it wraps (the client's ServiceError wraps the gRPC one). */
function grpcCode(error: unknown): number | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when the error says Temporal is not reachable now, or did not answer in time. */
export function isTemporalUnavailable(error: unknown): boolean {
  const code = grpcCode(error);
  return code === UNAVAILABLE || code === DEADLINE_EXCEEDED;
}

/** True when Temporal refused because of the run's state (an update to a run whose workflow task is failing). */
export function isRunStateConflict(error: unknown): boolean {
  return grpcCode(error) === FAILED_PRECONDITION;
}

export function temporalUnavailableProblem(): HttpProblem {
  return new HttpProblem(
    503,
    'Temporal unavailable',
    `The Temporal server cannot be reached; try again in ${TEMPORAL_RETRY_AFTER_SECONDS} seconds`,
    [],
    { 'Retry-After': String(TEMPORAL_RETRY_AFTER_SECONDS) },
  );
}
