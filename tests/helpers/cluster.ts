import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { PHASES, type PhaseName } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { readResponse } from './read-response';
import { waitFor } from './wait-for';

/** The cluster scripts/cluster.sh runs (it exports these for `npm run test:cluster`; the defaults are its ports). */
export const cluster = {
  temporalAddress: process.env.SPECFORGE_CLUSTER_TEMPORAL_ADDRESS ?? '127.0.0.1:17233',
  apiUrl: process.env.SPECFORGE_CLUSTER_API_URL ?? 'http://127.0.0.1:3210',
  directory: process.env.SPECFORGE_CLUSTER_DIR ?? path.join(os.homedir(), '.cache/specforge/cluster'),
};

/** The worker as the cluster runs it: through the CLI's own entry point. */
export const CLI_WORKER = ['bin/specforge.js', 'worker'];

/** A task queue and folders of a test's own, for worker processes on the cluster talking to a fake model. */
export async function clusterWorkerEnvironment(name: string, openaiBaseURL: string) {
  const root = await mkdtemp(path.join(os.tmpdir(), `specforge-cluster-${name}-`));
  const taskQueue = `cluster-${name}-${Date.now()}`;
  const env = {
    TEMPORAL_ADDRESS: cluster.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    OPENAI_API_KEY: 'sk-test-not-a-real-key',
    OPENAI_BASE_URL: openaiBaseURL,
    SPECFORGE_HOME: path.join(root, 'home'),
    SPECFORGE_OUT: path.join(root, 'specs'),
  };
  return { root, taskQueue, env };
}

export async function clusterClient() {
  const connection = await Connection.connect({ address: cluster.temporalAddress });
  return { client: new Client({ connection }), close: () => connection.close() };
}

/** One request to the cluster's API process. */
export async function callApi(method: string, path: string, body?: unknown) {
  const response = await fetch(`${cluster.apiUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readResponse(response);
}

/** The run as the API shows it, once `ready` holds (503s while Temporal restarts are waited out). */
export function apiStatus(
  id: string,
  ready: (status: SpecRunStatus) => boolean,
  what: string,
  timeoutMs = 120_000,
): Promise<SpecRunStatus> {
  return waitFor(
    async () => {
      const response = await callApi('GET', `/v1/specs/${id}`);
      return response.status === 200 && ready(response.json) ? (response.json as SpecRunStatus) : undefined;
    },
    what,
    timeoutMs,
  );
}

/** Approves, through the API, the gate the run waits at; returns the phase approved, or undefined once it completed. */
export async function approveNextGate(id: string, by: string): Promise<PhaseName | undefined> {
  const status = await apiStatus(
    id,
    (run) => run.status === 'completed' || run.pendingApproval !== undefined,
    `${id} to wait at a gate or complete`,
  );
  if (status.status === 'completed') return undefined;
  const phase = status.pendingApproval!.phase as PhaseName;
  const decided = await callApi('POST', `/v1/specs/${id}/decisions`, { phase, action: 'approve', by });
  if (decided.status !== 200) throw new Error(`approving ${phase} of ${id}: ${decided.status} ${decided.text}`);
  // The next gate only once this one is recorded, so no approval is sent twice.
  await apiStatus(id, (run) => run.pendingApproval?.phase !== phase, `${id} to move past ${phase}`);
  return phase;
}

/** Approves every gate of the run until it completes; the phases in the order approved. */
export async function approveEveryGate(id: string, by: string): Promise<PhaseName[]> {
  const approved: PhaseName[] = [];
  for (let gate = 0; gate <= PHASES.length; gate++) {
    const phase = await approveNextGate(id, by);
    if (!phase) return approved;
    approved.push(phase);
  }
  throw new Error(`${id} still waits at a gate after every phase was approved`);
}

/** `scripts/cluster.sh restart-server`: the Temporal server stopped and started again, nothing else. */
export async function restartTemporalServer(): Promise<void> {
  await promisify(execFile)('bash', ['scripts/cluster.sh', 'restart-server'], { timeout: 180_000 });
}

/** The Temporal server's pid, from the pid file scripts/cluster.sh writes ("<pid> <start time>"). */
export async function temporalServerPid(): Promise<number> {
  const line = await readFile(path.join(cluster.directory, 'run/temporal-server.pid'), 'utf8');
  return Number(line.split(' ')[0]);
}

/** Waits until this many workers (distinct identities) poll the task queue for activities. */
export function activityPollers(client: Client, taskQueue: string, count: number): Promise<string[]> {
  return waitFor(
    async () => {
      const { pollers } = await client.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: taskQueue },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
      });
      const identities = [...new Set((pollers ?? []).map((poller) => poller.identity ?? ''))];
      return identities.length >= count ? identities : undefined;
    },
    `${count} workers polling ${taskQueue}`,
    60_000,
  );
}

/** Each start of the named activity in the run's history: the worker that ran it and its attempt. */
export async function activityStarts(
  handle: WorkflowHandle,
  activityType: string,
): Promise<{ identity: string; attempt: number }[]> {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = new Set(
    events
      .filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === activityType)
      .map((event) => Number(event.eventId)),
  );
  return events
    .filter((event) => scheduled.has(Number(event.activityTaskStartedEventAttributes?.scheduledEventId)))
    .map((event) => ({
      identity: event.activityTaskStartedEventAttributes!.identity ?? '',
      attempt: event.activityTaskStartedEventAttributes!.attempt ?? 1,
    }));
}
