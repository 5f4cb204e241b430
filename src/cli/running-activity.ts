import type { WorkflowExecutionDescription } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { LlmHeartbeatDetails } from '../activities/with-heartbeat';

/** The phase activity a run is executing, as its last heartbeat describes it. */
export interface RunningActivity {
  type: string;
  /** From the heartbeat details: the model call under way (2 and up are repairs). */
  modelAttempt?: number;
  /** Temporal's attempt at the activity: above 1 after a retry. */
  retry: number;
}

/** Reads the pending phase activity from a run's description (raw pendingActivities heartbeat details). */
export function runningPhaseActivity(
  description: Pick<WorkflowExecutionDescription, 'raw'>,
): RunningActivity | undefined {
  const activity = (description.raw.pendingActivities ?? []).find((pending) =>
    pending.activityType?.name?.startsWith('generate'),
  );
  if (!activity) return undefined;
  return {
    type: activity.activityType?.name ?? '',
    modelAttempt: attemptFrom(activity.heartbeatDetails?.payloads?.[0]),
    retry: activity.attempt ?? 1,
  };
}

function attemptFrom(payload: Payload | null | undefined): number | undefined {
  if (!payload) return undefined;
  try {
    const details = defaultPayloadConverter.fromPayload<Partial<LlmHeartbeatDetails> | undefined>(payload);
    return typeof details?.attempt === 'number' ? details.attempt : undefined;
  } catch {
    // Details from another version of the activity, or another activity: nothing to show.
    return undefined;
  }
}
