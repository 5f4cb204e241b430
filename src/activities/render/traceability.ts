import type { PhaseContents } from '../phases/phase-contents';

export interface TraceRow {
  requirement: string;
  kind: 'functional' | 'non-functional';
  components: string[];
  tables: string[];
  endpoints: string[];
  /** Threats whose control serves the requirement. */
  controls: string[];
  /** Feature flags, rollback triggers and monitoring signals that guard it. */
  rolloutChecks: string[];
  tests: string[];
}

/**
 * Where each requirement is built and tested. A functional requirement is built by a component,
 * table or endpoint; a non-functional one by any design element (also a control or a rollout
 * check). Orphans lack a design element or a test case.
 */
export function traceRequirements(phases: Partial<PhaseContents>): { rows: TraceRow[]; orphans: string[] } {
  const functional = (phases.requirements?.functional ?? []).map(({ id }) => traceRow(phases, id, 'functional'));
  const nonFunctional = (phases.requirements?.nonFunctional ?? []).map(({ id }) =>
    traceRow(phases, id, 'non-functional'),
  );
  const rows = [...functional, ...nonFunctional];
  const orphans = rows
    .filter((row) => designOf(row).length === 0 || row.tests.length === 0)
    .map((row) => row.requirement);
  return { rows, orphans };
}

/** The design elements that count for a row: what builds a functional requirement, anything for the others. */
export function designOf(row: TraceRow): string[] {
  const built = [...row.components, ...row.tables, ...row.endpoints];
  return row.kind === 'functional' ? built : [...built, ...row.controls, ...row.rolloutChecks];
}

function traceRow(phases: Partial<PhaseContents>, id: string, kind: TraceRow['kind']): TraceRow {
  const { architecture, database, api, security, testing, rollout } = phases;
  return {
    requirement: id,
    kind,
    components: (architecture?.components ?? [])
      .filter((component) => cites(component, id))
      .map((component) => component.id),
    tables: (database?.tables ?? []).filter((table) => cites(table, id)).map((table) => table.name),
    endpoints: (api?.resources ?? []).flatMap((resource) =>
      resource.operations
        .filter((operation) => cites(operation, id))
        .map((operation) => `${operation.kind} ${resource.name}`),
    ),
    controls: (security?.threats ?? []).filter((threat) => cites(threat, id)).map((threat) => threat.id),
    rolloutChecks: rollout
      ? [
          ...rollout.featureFlags.filter((flag) => cites(flag, id)).map((flag) => flag.name),
          ...rollout.rollbackTriggers
            .filter((trigger) => cites(trigger, id))
            .map((trigger) => `rollback: ${trigger.signal}`),
          ...rollout.monitoring.filter((signal) => cites(signal, id)).map((signal) => `alert: ${signal.signal}`),
        ]
      : [],
    tests: (testing?.cases ?? []).filter((testCase) => cites(testCase, id)).map((testCase) => testCase.id),
  };
}

/** Phase files stored before every item carried its requirement ids lack the list: they cite nothing. */
function cites(item: { requirements?: string[] }, id: string): boolean {
  return (item.requirements ?? []).includes(id);
}
