import { Context } from '@temporalio/activity';
import type { GenerationProgress } from './llm/generator';

const HEARTBEAT_EVERY_MS = 3_000;

/** What an LLM call's heartbeats carry; `specforge new` reads them from the pending activity. */
export interface LlmHeartbeatDetails {
  /** The model call under way: 1 for the first answer, 2 and up for repairs. */
  attempt: number;
}

/**
 * Runs an LLM call inside an activity: heartbeats every few seconds (so a dead worker is noticed
 * quickly), each one carrying the current attempt, and hands the call the activity's cancellation.
 * Outside an activity (tests, scripts) the work simply runs.
 */
export async function withHeartbeat<T>(work: (progress: GenerationProgress) => Promise<T>): Promise<T> {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return work({});
  }
  const details: LlmHeartbeatDetails = { attempt: 1 };
  const beat = () => context.heartbeat({ ...details });
  const timer = setInterval(beat, HEARTBEAT_EVERY_MS);
  try {
    return await work({
      signal: context.cancellationSignal,
      onAttempt(attempt) {
        details.attempt = attempt;
        beat();
      },
    });
  } finally {
    clearInterval(timer);
  }
}
