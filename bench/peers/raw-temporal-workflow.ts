// The floor specforge builds on: eight activities, each followed by a gate waiting for an update
// (synchronous, as specforge's decide update is).
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { callModel } from './call-model';

const { callStep } = proxyActivities<{ callStep: typeof callModel }>({ startToCloseTimeout: '2 minutes' });

export const approveUpdate = defineUpdate<void, [number]>('approve');
/** Answers once `step`'s result waits at its gate: the driver is told at once, as specforge's webhook tells. */
export const gateUpdate = defineUpdate<void, [number]>('gate');

export async function gatedPipeline(key: string, steps: number): Promise<void> {
  let approved = -1;
  let waiting = -1;
  setHandler(approveUpdate, (step) => void (approved = Math.max(approved, step)));
  setHandler(gateUpdate, (step) => condition(() => waiting >= step));
  for (let step = 0; step < steps; step++) {
    await callStep(key, step);
    waiting = step;
    await condition(() => approved >= step);
  }
}
