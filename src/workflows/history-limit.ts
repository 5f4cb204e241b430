import { workflowInfo } from '@temporalio/workflow';
import { DEFAULT_HISTORY_LIMIT, type HistoryLimit } from '../shared/spec-run';

/**
 * Far below Temporal's own limits (51,200 events, 50 MB), where it terminates a run without a word:
 * signals keep landing in history while the stopping run renders its pack (measured: 12 MB in that
 * time from one client, bench/decision-storm.ts), and a signal cannot be refused.
 */
const HARD_CEILING: Required<HistoryLimit> = { events: 20_000, bytes: 20 * 1024 * 1024 };
/** The hard limit is this many times the run's limit (under the ceiling): room for the next gate to come. */
const HARD_FACTOR = 2;

/**
 * Thrown at a gate when the run's history has grown past its limit: the workflow continues as new
 * there (a safe point: nothing in flight but the wait). A plain Error, not a TemporalFailure, so
 * nothing mistakes it for the run failing.
 */
export class HistoryLimitReached extends Error {
  override name = 'HistoryLimitReached';
}

/** True once the history passes the run's limit (events or bytes), or the server suggests continuing as new. */
export function historyLimitReached(limit: HistoryLimit | undefined): boolean {
  const { events, bytes } = { ...DEFAULT_HISTORY_LIMIT, ...limit };
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= events || info.historySize >= bytes;
}

/**
 * True once the history passes the hard limit, wherever the run is (a storm of signals while a
 * phase generates): the run must stop itself before Temporal terminates it.
 */
export function hardHistoryLimitReached(limit: HistoryLimit | undefined): boolean {
  const { events, bytes } = { ...DEFAULT_HISTORY_LIMIT, ...limit };
  const info = workflowInfo();
  return (
    info.historyLength >= Math.min(events * HARD_FACTOR, HARD_CEILING.events) ||
    info.historySize >= Math.min(bytes * HARD_FACTOR, HARD_CEILING.bytes)
  );
}

/** What the history holds now, for messages. */
export function historyNow(): string {
  const info = workflowInfo();
  return `${info.historyLength} events, ${info.historySize} bytes`;
}
