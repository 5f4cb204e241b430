import { condition, log, patched, proxyActivities } from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import type { RunEvent } from '../shared/run-event';

const { notify } = proxyActivities<SpecActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumAttempts: 4 },
});

/** How long a closing run waits for its last events; a receiver that is down loses them, the run does not wait on it. */
const SETTLE_TIMEOUT = '10 seconds';

/** Webhook events, sent in the background: a slow or failing receiver never holds up or fails the run. */
export class Notifications {
  private unsettled = 0;
  // Runs started before notifications existed replay without them.
  private readonly enabled = patched('webhook-notifications');

  send(event: RunEvent): void {
    if (!this.enabled) return;
    this.unsettled += 1;
    notify(event)
      .catch((error: Error) =>
        log.warn(`Webhook for ${event.kind} of ${event.specId} failed: ${error.message}`, {
          specId: event.specId,
          phase: event.phase,
          revision: event.revision,
        }),
      )
      .finally(() => (this.unsettled -= 1));
  }

  /** Gives the events already sent (the run-end event above all) a bounded time to leave before the run closes. */
  async settle(): Promise<void> {
    if (this.unsettled > 0) await condition(() => this.unsettled === 0, SETTLE_TIMEOUT);
  }
}
