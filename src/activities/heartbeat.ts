import { Context } from '@temporalio/activity';

/** Heartbeats when called inside an activity; a no-op elsewhere (tests, scripts). */
export function heartbeat(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // Not in an activity.
  }
}
