import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config/load-config';
import { decideSpec, DecisionRefusedError } from '../../runs/decide-spec';
import { readSpecStatus } from '../../runs/read-spec-status';
import { startSpec } from '../../runs/start-spec';
import type { GatePolicy } from '../../shared/gates';
import type { SpecRunStatus, TicketOptions } from '../../shared/spec-run';
import { askDecision } from '../ask-decision';
import { startLocalStack } from '../local-stack';

export interface NewSpecOptions {
  description?: string;
  gates: GatePolicy;
  out?: string;
  tickets: TicketOptions;
}

const POLL_MS = 250;

/** Runs a whole spec from this terminal: starts what is missing, shows progress, asks at gates. */
export async function newSpec(config: Config, feature: string, options: NewSpecOptions): Promise<number> {
  const started = Date.now();
  const stack = await startLocalStack(config, (message) => console.log(message));
  try {
    const outDir = path.resolve(options.out ?? config.SPECFORGE_OUT);
    const id = await startSpec(stack.client, config.TEMPORAL_TASK_QUEUE, { feature, description: options.description, gates: options.gates, outDir, tickets: options.tickets });
    console.log(`Started ${id} (gates: ${options.gates})${stack.temporal.uiUrl ? `\nTemporal UI: ${stack.temporal.uiUrl}/namespaces/${config.TEMPORAL_NAMESPACE}/workflows/${id}` : ''}`);
    const shown = new Set<string>();
    for (;;) {
      const status = await readSpecStatus(stack.client, id);
      showProgress(status, shown);
      if (status.temporalStatus !== 'RUNNING') return finish(status, started);
      const pending = status.pendingApproval;
      const asked = pending && `asked:${pending.phase}:${pending.revision}`;
      if (pending && asked && !shown.has(asked)) {
        shown.add(asked);
        if (!process.stdin.isTTY) {
          console.log(`Waiting for a decision on ${pending.phase}: npx specforge decide ${id} ${pending.phase} approve`);
        } else {
          const phaseFile = pending.phase === 'tickets'
            ? path.join(outDir, status.slug, `tickets_${status.slug}.json`)
            : path.resolve(config.SPECFORGE_HOME, 'runs', id, `${pending.phase}.r${pending.revision}.json`);
          const decision = await askDecision(pending, phaseFile, os.userInfo().username);
          await decideSpec(stack.client, id, decision).catch((error) => {
            if (!(error instanceof DecisionRefusedError)) throw error;
            console.log(`Refused: ${error.message}`);
            shown.delete(asked);
          });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await stack.stop();
  }
}

function showProgress(status: SpecRunStatus, shown: Set<string>): void {
  for (const phase of status.phases) {
    const key = `${phase.name}:${phase.state}:${phase.revision}`;
    if (shown.has(key) || phase.state === 'pending' || phase.state === 'awaiting_approval') continue;
    shown.add(key);
    if (phase.state === 'running') console.log(`… ${phase.name}${phase.revision > 1 ? ` (revision ${phase.revision})` : ''}`);
    if (phase.state === 'approved') console.log(`✔ ${phase.name}: ${phase.summary ?? ''}`);
    if (phase.state === 'failed') console.log(`✘ ${phase.name}`);
  }
}

function finish(status: SpecRunStatus, started: number): number {
  console.log(`\nRun ${status.status} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  for (const artifact of status.artifacts) console.log(`  ${artifact.path}`);
  if (status.tickets.length) console.log(`  ${status.tickets.length} tickets under ${path.dirname(status.artifacts[0]?.path ?? '.')}/tickets/`);
  if (status.error) console.log(`Error: ${status.error}`);
  return status.status === 'failed' ? 1 : 0;
}
