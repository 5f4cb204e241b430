import { SPEC_ID_PATTERN } from '../runs/spec-id';

/**
 * The ticket fan-out child runs as `<spec id>-tickets` (see specWorkflow's executeChild): its lines
 * belong to the spec that started it.
 */
const CHILD_ID = /^(.+)-tickets$/;

/**
 * The spec a workflow id belongs to: the id itself for a spec run, the parent's id for its ticket
 * fan-out. Undefined for a workflow that is no spec's (the id would then say nothing a reader can
 * look up).
 */
export function specIdOfWorkflow(workflowId: string | undefined): string | undefined {
  if (!workflowId) return undefined;
  if (SPEC_ID_PATTERN.test(workflowId)) return workflowId;
  const parent = CHILD_ID.exec(workflowId)?.[1];
  return parent && SPEC_ID_PATTERN.test(parent) ? parent : undefined;
}
