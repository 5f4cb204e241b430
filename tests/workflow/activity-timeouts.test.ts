import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestStack, type TestStack } from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

const seconds = (duration: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  Number(duration?.seconds ?? 0) + (duration?.nanos ?? 0) / 1e9;

it('schedules rendering and ticket planning, which never heartbeat, with no heartbeat timeout', async () => {
  const id = await stack.start({ feature: 'Add audit log', gates: 'none', tickets: { target: 'file' } });
  const handle = stack.client.workflow.getHandle(id);
  await stack.withWorker(() => handle.result());
  const scheduled = ((await handle.fetchHistory()).events ?? [])
    .filter((event) => event.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
    .map((event) => event.activityTaskScheduledEventAttributes!);
  const timeouts = Object.fromEntries(
    scheduled.map((activity) => [activity.activityType?.name, seconds(activity.heartbeatTimeout)]),
  );
  expect(timeouts).toMatchObject({ renderPack: 0, planTickets: 0 });
  // The model calls do heartbeat, so a dead worker is still noticed quickly there.
  expect(timeouts.generateRequirements).toBeGreaterThan(0);
});
