import { ApplicationFailure } from '@temporalio/common';
import { namesInProse, TICKET_TARGET_SETTINGS } from '../../config/ticket-target-settings';
import { FailureType } from '../../shared/failure-types';
import type { TicketTarget } from './ticket-target';

type Targets = Partial<Record<TicketTarget['name'], TicketTarget>>;

/** The run's target on this worker, or a failure naming the variables that configure it. */
export function configuredTarget(targets: Targets, name: TicketTarget['name']): TicketTarget {
  const target = targets[name];
  if (!target)
    throw ApplicationFailure.nonRetryable(
      `Ticket target "${name}" is not configured on this worker: set ${namesInProse(TICKET_TARGET_SETTINGS[name])}`,
      FailureType.TicketTargetMissing,
    );
  return target;
}

export interface CheckTicketTargetInput {
  target: TicketTarget['name'];
  /** GitHub `owner/name` or Jira project key. */
  destination?: string;
}

/**
 * Credentials live with the worker, so only the worker can tell whether a run's target works: this
 * checks them (and the repository or project) before the phases, so a run missing GITHUB_TOKEN
 * fails at its start naming it, not at the end with "Activity task failed".
 */
export async function checkTicketTarget(targets: Targets, input: CheckTicketTargetInput): Promise<void> {
  await configuredTarget(targets, input.target).check?.(input.destination);
}
