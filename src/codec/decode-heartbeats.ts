import type { Client, WorkflowExecutionDescription } from '@temporalio/client';
import { decode } from '@temporalio/common/lib/internal-non-workflow';

/**
 * The description with its pending activities' heartbeat details decoded by the client's codecs:
 * Temporal's describe leaves them as stored, so encrypted when SPECFORGE_ENCRYPTION_KEYS is set.
 */
export async function withDecodedHeartbeats<Description extends Pick<WorkflowExecutionDescription, 'raw'>>(
  client: Client,
  description: Description,
): Promise<Description> {
  const codecs = client.options.loadedDataConverter.payloadCodecs;
  const pending = description.raw.pendingActivities ?? [];
  if (codecs.length === 0 || pending.length === 0) return description;
  const pendingActivities = await Promise.all(
    pending.map(async (activity) => {
      const payloads = activity.heartbeatDetails?.payloads;
      if (!payloads?.length) return activity;
      return { ...activity, heartbeatDetails: { payloads: await decode(codecs, payloads) } };
    }),
  );
  return { ...description, raw: { ...description.raw, pendingActivities } };
}
