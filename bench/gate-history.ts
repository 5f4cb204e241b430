import proto, { type temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** One gate of a run, read from its history in the server's clock (epoch ms). */
export interface GateEvents {
  /** The run's key (its model calls' feature) and the step whose approval this gate was. */
  key: string;
  step: number;
  /** The decision event (update accepted), the next step's activity scheduled, started, then completed. */
  decided: number;
  scheduled: number;
  started: number;
  completed: number;
  /** Activities scheduled in between: type, scheduled → completed ms. */
  activities: { type: string; ms: number }[];
  /** Every other event in between, counted by type. */
  events: Record<string, number>;
}

/**
 * Reads one run's history gate by gate: from each decision event (`isDecision`) to the scheduling
 * of the next activity whose type `isStep` accepts.
 */
export function gatesIn(
  key: string,
  events: HistoryEvent[],
  isDecision: (event: HistoryEvent) => boolean,
  isStep: (activityType: string) => boolean,
): GateEvents[] {
  const ended = new Map<number, number>();
  const startedAt = new Map<number, number>();
  for (const event of events) {
    const attributes = event.activityTaskCompletedEventAttributes ?? event.activityTaskFailedEventAttributes;
    if (attributes?.scheduledEventId) ended.set(Number(attributes.scheduledEventId), timeOf(event));
    const started = event.activityTaskStartedEventAttributes?.scheduledEventId;
    if (started) startedAt.set(Number(started), timeOf(event));
  }
  const gates: GateEvents[] = [];
  let open: Omit<GateEvents, 'scheduled' | 'started' | 'completed'> | undefined;
  for (const event of events) {
    if (isDecision(event) && !open) {
      open = { key, step: gates.length, decided: timeOf(event), activities: [], events: {} };
      continue;
    }
    if (!open) continue;
    const type = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (type && isStep(type)) {
      const scheduled = timeOf(event);
      const id = Number(event.eventId);
      gates.push({
        ...open,
        scheduled,
        started: startedAt.get(id) ?? Number.NaN,
        completed: ended.get(id) ?? Number.NaN,
      });
      open = undefined;
    } else if (type) {
      open.activities.push({ type, ms: (ended.get(Number(event.eventId)) ?? Number.NaN) - timeOf(event) });
    } else {
      const name = (proto.temporal.api.enums.v1.EventType[event.eventType ?? 0] ?? 'unknown').replace(
        'EVENT_TYPE_',
        '',
      );
      open.events[name] = (open.events[name] ?? 0) + 1;
    }
  }
  return gates;
}

function timeOf(event: HistoryEvent): number {
  const time = event.eventTime;
  return Number(time?.seconds ?? 0) * 1000 + (time?.nanos ?? 0) / 1e6;
}
