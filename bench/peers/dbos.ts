// DBOS Transact on PostgreSQL: each step a durable step, each gate a recv() the driver answers with send().
// Its system database is this process's own (created by DBOS, dropped at the end): runs an earlier,
// crashed bench left pending are never recovered into this one.
import { DBOS } from '@dbos-inc/dbos-sdk';
import { dropPGDatabase } from '@dbos-inc/dbos-sdk/internal/database_utils';
import { driveEngine, STEP_DEADLINE_MS } from '../orchestration-driver';
import { callModel, STEPS } from './call-model';

const database = new URL(process.env.BENCH_DBOS_DATABASE_URL!);
database.pathname += `_${process.pid}_${Date.now()}`;
DBOS.setConfig({ name: 'bench-pipeline', systemDatabaseUrl: database.toString(), logLevel: 'error' });

async function gatedPipeline(key: string): Promise<void> {
  for (const [step, name] of STEPS.entries()) {
    await DBOS.runStep(() => callModel(key, step), { name });
    await DBOS.setEvent(`gate ${step}`, 'waiting');
    await DBOS.recv<string>('decision', 24 * 3600);
  }
}
const pipeline = DBOS.registerWorkflow(gatedPipeline, { name: 'gatedPipeline' });
await DBOS.launch();

/** Waits for the run's step to reach its gate; null from DBOS is its timeout (or the run failed). */
async function gate(key: string, step: number): Promise<void> {
  if ((await DBOS.getEvent(key, `gate ${step}`, STEP_DEADLINE_MS / 1000)) === null)
    throw new Error(`${key}: gate ${step} not reached in ${STEP_DEADLINE_MS / 1000} s`);
}

async function start(key: string) {
  const handle = await DBOS.startWorkflow(pipeline, { workflowID: key })(key);
  await gate(key, 0);
  return {
    async approve(step: number) {
      await DBOS.send(key, 'approve', 'decision');
      if (step + 1 < STEPS.length) return gate(key, step + 1);
      await handle.getResult();
    },
  };
}

await driveEngine({
  start,
  async close() {
    await DBOS.shutdown();
    await dropPGDatabase(database.toString(), console);
  },
});
