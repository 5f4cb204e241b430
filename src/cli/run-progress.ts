import type { Client } from '@temporalio/client';
import type { SpecRunStatus } from '../shared/spec-run';
import type { ProgressLine } from './progress-line';
import { withDecodedHeartbeats } from '../codec/decode-heartbeats';
import { runningPhaseActivity, type RunningActivity } from './running-activity';

const DESCRIBE_EVERY_MS = 1_000;

/**
 * Keeps the progress line of one run current: which phase runs, for how long (since this
 * terminal first saw it), and the repair attempt from the activity's heartbeat.
 */
export class RunProgress {
  private readonly firstSeen = new Map<string, number>();
  private activity: RunningActivity | undefined;
  private describedAt = 0;
  private label: string | undefined;

  constructor(
    private readonly client: Client,
    private readonly id: string,
    private readonly line: ProgressLine,
    private readonly now: () => number = Date.now,
  ) {}

  async update(status: SpecRunStatus): Promise<void> {
    const label = runningLabel(status);
    if (label !== this.label) {
      // A new phase (or revision): the last heartbeat seen belongs to the one before.
      this.label = label;
      this.activity = undefined;
      this.describedAt = 0;
    }
    if (!label) return this.line.clear();
    if (!this.firstSeen.has(label)) this.firstSeen.set(label, this.now());
    if (this.now() - this.describedAt >= DESCRIBE_EVERY_MS) {
      this.describedAt = this.now();
      this.activity = await this.client.workflow
        .getHandle(this.id)
        .describe()
        .then((description) => withDecodedHeartbeats(this.client, description))
        .then(runningPhaseActivity, () => this.activity);
    }
    const attempt = this.activity?.modelAttempt ?? 1;
    this.line.show({
      label,
      startedAt: this.firstSeen.get(label)!,
      repair: attempt > 1 ? attempt - 1 : undefined,
      retry: this.activity?.retry,
    });
  }
}

function runningLabel(status: SpecRunStatus): string | undefined {
  const phase = status.phases.find((candidate) => candidate.state === 'running');
  if (phase) return `${phase.name}${phase.revision > 1 ? ` (revision ${phase.revision})` : ''}`;
  if (status.status === 'running' && status.phase === 'render') return 'rendering the pack';
  if (status.status === 'running' && status.phase === 'tickets') return 'tickets';
  return undefined;
}
