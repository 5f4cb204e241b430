import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ArtifactStore } from '../../activities/artifacts/artifact-store';
import { saveProjectContext } from '../../activities/context/save-project-context';
import { storeDecisionContent } from '../../activities/run-state/decision-content';
import type { Config } from '../../config/load-config';
import { readPhaseDiff } from '../../review/read-phase-diff';
import { readPhaseView } from '../../review/read-phase-view';
import { decideSpec, DecisionRefusedError } from '../../runs/decide-spec';
import { readSpecStatus } from '../../runs/read-spec-status';
import { startSpec } from '../../runs/start-spec';
import type { GatePolicy } from '../../shared/gates';
import { isPhaseName } from '../../shared/phases';
import type { SpecRunStatus, TicketOptions } from '../../shared/spec-run';
import { askDecision, type GateContent, type PendingApproval } from '../ask-decision';
import { formatTicketPlan } from '../format-ticket-plan';
import { processTerminal, PromptInterruptedError, type GateTerminal } from '../gate-terminal';
import { startLocalStack, type LocalStack } from '../local-stack';
import { ProgressLine } from '../progress-line';
import { readContextDocument } from '../read-context-document';
import { reviewUrl } from '../review-url';
import { RunProgress } from '../run-progress';
import { signDecision } from '../sign-decision';
import type { TicketIndex } from '../spec-backend';
import { terminalText } from '../terminal-text';
import { startSettings } from '../../config/start-settings';
import { packFiles } from '../../activities/render/pack-files';

export interface NewSpecOptions {
  description?: string;
  gates: GatePolicy;
  out?: string;
  tickets: TicketOptions;
  /** --context FILE, or false for --no-context; unset: ./specforge.context.md when present. */
  context?: string | false;
}

const POLL_MS = 250;
const INTERRUPTED_EXIT_CODE = 130;

/** Runs a whole spec from this terminal: starts what is missing, shows progress, asks at gates. */
export async function newSpec(config: Config, feature: string, options: NewSpecOptions): Promise<number> {
  const started = Date.now();
  // Read before anything starts, so a missing or oversized file costs nothing.
  const contextDocument = await readContextDocument(options.context);
  const outDir = path.resolve(options.out ?? config.SPECFORGE_OUT);
  // The in-process worker writes only inside its output root: --out is that root for this run.
  const stack = await startLocalStack({ ...config, SPECFORGE_OUT: outDir }, (message) => console.log(message));
  const terminal = processTerminal();
  const line = new ProgressLine(process.stdout);
  let id = '';
  let waitingOn: PendingApproval | undefined;
  try {
    const store = new ArtifactStore(config.SPECFORGE_HOME, outDir);
    const context = contextDocument && (await saveProjectContext(store, contextDocument));
    id = await startSpec(
      stack.client,
      config.TEMPORAL_TASK_QUEUE,
      {
        feature,
        description: options.description,
        gates: options.gates,
        outDir,
        tickets: options.tickets,
        ...(context ? { context } : {}),
      },
      startSettings(config),
    );
    line.log(
      `Started ${id} (gates: ${options.gates}${context ? `; context: ${context.source}, ${context.characters} characters` : ''})${stack.temporal.uiUrl ? `\nTemporal UI: ${stack.temporal.uiUrl}/namespaces/${config.TEMPORAL_NAMESPACE}/workflows/${id}` : ''}`,
    );
    const progress = new RunProgress(stack.client, id, line);
    const gate = { config, stack, id, store, terminal, line };
    const shown = new Set<string>();
    for (;;) {
      const status = await readSpecStatus(stack.client, id);
      reportPhases(status, shown, line);
      if (status.temporalStatus !== 'RUNNING') return finish(status, started, line);
      await progress.update(status);
      const pending = status.pendingApproval;
      const asked = pending && `asked:${pending.phase}:${pending.revision}`;
      if (pending && asked && !shown.has(asked)) {
        line.clear();
        waitingOn = pending;
        // A refused decision leaves the gate open: ask again on the next poll.
        if (await decideAtGate(gate, status, pending)) shown.add(asked);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch (error) {
    if (!(error instanceof PromptInterruptedError)) throw error;
    return leave(id, waitingOn, terminal);
  } finally {
    line.clear();
    await stack.stop();
  }
}

interface Gate {
  config: Config;
  stack: LocalStack;
  id: string;
  store: ArtifactStore;
  terminal: GateTerminal;
  line: ProgressLine;
}

/** Asks at the gate and sends the decision; false when the run refused it. Without a terminal, says how to decide. */
async function decideAtGate(gate: Gate, status: SpecRunStatus, pending: PendingApproval): Promise<boolean> {
  const { config, stack, id, terminal, line } = gate;
  if (!process.stdin.isTTY) {
    line.log(`Waiting for a decision on ${pending.phase}: npx specforge decide ${id} ${pending.phase} approve`);
    return true;
  }
  const decision = await askDecision(pending, gateContent(gate.store, status, pending), terminal, {
    by: os.userInfo().username,
    reviewUrl: config.SPECFORGE_URL ? reviewUrl(config, id) : undefined,
  });
  try {
    await decideSpec(stack.client, id, signDecision(config, id, await storeDecisionContent(gate.store, id, decision)));
    return true;
  } catch (error) {
    if (!(error instanceof DecisionRefusedError)) throw error;
    line.log(terminal.paint.red(`Refused: ${terminalText(error.message)}`));
    return false;
  }
}

/** What `[v]iew` and `[d]iff` read at a gate: the worker's store on this machine. */
function gateContent(store: ArtifactStore, status: SpecRunStatus, pending: PendingApproval): GateContent {
  const phase = pending.phase;
  return {
    view: () =>
      isPhaseName(phase)
        ? readPhaseView(store, status, phase, pending.revision)
        : Promise.reject(new Error('the tickets gate has a plan, not a phase')),
    diff: () =>
      isPhaseName(phase)
        ? readPhaseDiff(store, status, phase, pending.revision - 1, pending.revision)
        : Promise.reject(new Error('the ticket plan has no revisions')),
    async ticketPlan() {
      const index = JSON.parse(
        await readFile(
          path.join(store.packDir({ specId: status.id, slug: status.slug }), packFiles(status.slug).tickets),
          'utf8',
        ),
      ) as TicketIndex;
      return formatTicketPlan(index);
    },
  };
}

function reportPhases(status: SpecRunStatus, shown: Set<string>, line: ProgressLine): void {
  for (const phase of status.phases) {
    const key = `${phase.name}:${phase.state}:${phase.revision}`;
    if (shown.has(key) || !['approved', 'failed'].includes(phase.state)) continue;
    shown.add(key);
    line.log(phase.state === 'approved' ? `✔ ${phase.name}: ${terminalText(phase.summary ?? '')}` : `✘ ${phase.name}`);
  }
}

function finish(status: SpecRunStatus, started: number, line: ProgressLine): number {
  line.log(`\nRun ${status.status} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  for (const artifact of status.artifacts) console.log(`  ${artifact.path}`);
  if (status.tickets.length)
    console.log(`  ${status.tickets.length} tickets under ${path.dirname(status.artifacts[0]?.path ?? '.')}/tickets/`);
  if (status.error) console.log(`Error: ${terminalText(status.error)}`);
  return status.status === 'failed' ? 1 : 0;
}

/** Ctrl-C at a gate: the run is durable and keeps waiting; say how to come back to it. */
function leave(id: string, pending: PendingApproval | undefined, terminal: GateTerminal): number {
  const decide = pending ? `npx specforge decide ${id} ${pending.phase} approve` : `npx specforge status ${id}`;
  terminal.write(
    `\nLeft the gate. The run ${id} waits${pending ? ` for a decision on ${pending.phase}` : ''}; with a worker running (npm start): ${decide}\n`,
  );
  return INTERRUPTED_EXIT_CODE;
}
