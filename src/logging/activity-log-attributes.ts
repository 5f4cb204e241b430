import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { PHASES, type PhaseName } from '../shared/phases';
import { specIdOfWorkflow } from './spec-id-of-workflow';
import { specLogFieldsOf, type SpecLogFields } from './spec-log-fields';

/** The phase a phase activity generates (`generateApi` → `api`): its input does not name it. */
function phaseOfActivity(activityType: string): PhaseName | undefined {
  return PHASES.find((phase) => activityType === `generate${phase[0]!.toUpperCase()}${phase.slice(1)}`);
}

/**
 * Every line an activity logs, the SDK's own "Activity failed" included, carries the spec id (from
 * the input, else from the workflow id) and, for phase activities, edits and gate notifications, the
 * phase and revision. The input is read when the activity starts; lines before that carry what the
 * workflow id and activity type tell.
 */
export const activityLogAttributes: ActivityInterceptorsFactory = (context) => {
  const { workflowExecution, activityType } = context.info;
  const specId = specIdOfWorkflow(workflowExecution?.workflowId);
  const phase = phaseOfActivity(activityType);
  let fields: SpecLogFields = { ...(specId ? { specId } : {}), ...(phase ? { phase } : {}) };
  return {
    inbound: {
      execute: (input, next) => {
        fields = { ...fields, ...specLogFieldsOf(input.args[0]) };
        return next(input);
      },
    },
    outbound: {
      getLogAttributes: (input, next) => next({ ...input, ...fields }),
    },
  };
};
