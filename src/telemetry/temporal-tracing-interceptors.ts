import { createRequire } from 'node:module';
import type { ClientInterceptors } from '@temporalio/client';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/**
 * Temporal's own OpenTelemetry interceptors carry the trace context in headers: client → workflow
 * (StartWorkflow → RunWorkflow), workflow → activity and child workflow (StartActivity →
 * RunActivity), and across continue-as-new. With no tracer provider registered they record nothing.
 */
export const TRACING_WORKFLOW_INTERCEPTORS = createRequire(import.meta.url).resolve(
  '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors',
);

/** A span per activity execution, child of the workflow's StartActivity; log lines get its trace id. */
export const tracingActivityInterceptors: ActivityInterceptorsFactory = (activityContext) => ({
  inbound: new OpenTelemetryActivityInboundInterceptor(activityContext),
  outbound: new OpenTelemetryActivityOutboundInterceptor(activityContext),
});

/** For every specforge Client: starts, signals, updates and queries become spans that the run's spans join. */
export function tracingClientInterceptors(): ClientInterceptors {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}
