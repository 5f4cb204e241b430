import type { WorkerInterceptors, WorkerOptions } from '@temporalio/worker';
import { packagePath } from '../config/package-root';
import { activityLogAttributes } from '../logging/activity-log-attributes';
import { TRACING_WORKFLOW_INTERCEPTORS, tracingActivityInterceptors } from '../telemetry/temporal-tracing-interceptors';
import { workflowSpanSinks } from '../telemetry/workflow-span-sinks';

/**
 * Workflow interceptor modules, bundled with the workflows. A prebuilt bundle (tests, benches)
 * must be built with these too: a worker given a bundle ignores `interceptors.workflowModules`.
 */
export const WORKFLOW_INTERCEPTOR_MODULES: string[] = [
  packagePath('src', 'workflows', 'spec-log-interceptor.ts'),
  TRACING_WORKFLOW_INTERCEPTORS,
];

/**
 * The activity interceptors every specforge worker runs, whoever creates it. The workflow ones
 * travel in the bundle: a worker that bundles its workflows adds WORKFLOW_INTERCEPTOR_MODULES
 * itself (the SDK warns about them beside a prebuilt bundle, which already holds them).
 */
export function workerInterceptors(): WorkerInterceptors {
  return { activity: [activityLogAttributes, tracingActivityInterceptors] };
}

/** Every sink the workflow interceptors call (the workflow spans' exporter); build it after tracing starts. */
export function workerSinks(): NonNullable<WorkerOptions['sinks']> {
  return { ...workflowSpanSinks() };
}
