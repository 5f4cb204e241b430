// DBOS Transact on PostgreSQL: each step a durable step, each gate a recv() the driver answers with send().
import { DBOS } from '@dbos-inc/dbos-sdk';
import { driveEngine } from '../orchestration-driver';
import { callModel, STEPS } from './call-model';

DBOS.setConfig({ name: 'bench-pipeline', systemDatabaseUrl: process.env.BENCH_DBOS_DATABASE_URL!, logLevel: 'error' });

async function gatedPipeline(key: string): Promise<void> {
  for (const [step, name] of STEPS.entries()) {
    await DBOS.runStep(() => callModel(key, step), { name });
    await DBOS.setEvent(`gate ${step}`, 'waiting');
    await DBOS.recv<string>('decision', 24 * 3600);
  }
}
const pipeline = DBOS.registerWorkflow(gatedPipeline, { name: 'gatedPipeline' });
await DBOS.launch();

/** Runs not ended yet: the reviewed run is left after a few gates, and cancelled so no later launch recovers it. */
const open = new Set<string>();

async function start(key: string) {
  open.add(key);
  const handle = await DBOS.startWorkflow(pipeline, { workflowID: key })(key);
  await DBOS.getEvent(key, 'gate 0', 600);
  return {
    async approve(step: number) {
      await DBOS.send(key, 'approve', 'decision');
      if (step + 1 < STEPS.length) return void (await DBOS.getEvent(key, `gate ${step + 1}`, 600));
      await handle.getResult();
      open.delete(key);
    },
  };
}

await driveEngine({
  start,
  async close() {
    for (const key of open) await DBOS.cancelWorkflow(key);
    await DBOS.shutdown();
  },
});
