import { redactError } from './redact-failure';

type Activity = (...args: any[]) => Promise<unknown>;

/**
 * The activities with every error they throw redacted before Temporal records it: the error
 * sorters already redact what they make, and this catches whatever else an activity lets through
 * (a library error quoting a URL with a password, a header in a message), so no path is missed.
 */
export function redactActivityErrors<Activities extends Record<string, Activity>>(
  activities: Activities,
  secrets: readonly (string | undefined)[],
): Activities {
  const redacting = Object.entries(activities).map(([name, activity]) => [
    name,
    async (...args: unknown[]) => {
      try {
        return await activity(...args);
      } catch (error) {
        // An unchanged error is thrown as it was, so cancellations and async completions keep their class.
        throw error instanceof Error ? redactError(error, secrets) : error;
      }
    },
  ]);
  return Object.fromEntries(redacting) as Activities;
}
