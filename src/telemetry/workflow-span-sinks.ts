import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { makeWorkflowExporter, type OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks } from '@temporalio/worker';
import type { WorkflowInfo } from '@temporalio/workflow';
import { activeTracing } from './start-tracing';

/** The only parts of a run's WorkflowInfo that its spans carry. */
const SPAN_INFO_KEYS = ['namespace', 'taskQueue', 'workflowType', 'workflowId', 'runId'] as const;

/**
 * The sink through which the workflow sandbox hands over the spans it records (RunWorkflow,
 * StartActivity, …). The workflow interceptors call it whether or not this process traces, so
 * without tracing the spans are dropped here. Built when the worker is created: start tracing first.
 * Sinks are not called during replay, so a replayed workflow task exports nothing twice.
 */
export function workflowSpanSinks(): InjectedSinks<OpenTelemetrySinks> {
  const tracing = activeTracing();
  const exporter = makeWorkflowExporter(
    tracing?.processor ?? new NoopSpanProcessor(),
    tracing?.resource ?? new Resource({}),
  );
  return {
    exporter: {
      export: {
        ...exporter.export,
        // Temporal's exporter copies the whole WorkflowInfo onto every span: the memo and the
        // search attributes with it, that is the feature text the payload codec keeps out of
        // Temporal. Only the ids go to the trace backend.
        fn: (info, spans) => exporter.export.fn(spanInfo(info), spans),
      },
    },
  };
}

function spanInfo(info: WorkflowInfo): WorkflowInfo {
  return Object.fromEntries(SPAN_INFO_KEYS.map((key) => [key, info[key]])) as unknown as WorkflowInfo;
}
