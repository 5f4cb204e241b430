import type { PhaseContents } from '../phases/phase-contents';

export interface TraceRow {
  requirement: string;
  components: string[];
  tables: string[];
  endpoints: string[];
  tests: string[];
}

/** Where each functional requirement is built and tested; orphans have an empty design or test column. */
export function traceRequirements(phases: Partial<PhaseContents>): { rows: TraceRow[]; orphans: string[] } {
  const rows = (phases.requirements?.functional ?? []).map(({ id }): TraceRow => ({
    requirement: id,
    components: (phases.architecture?.components ?? []).filter((component) => component.requirements.includes(id)).map((component) => component.id),
    tables: (phases.database?.tables ?? []).filter((table) => table.requirements.includes(id)).map((table) => table.name),
    endpoints: (phases.api?.resources ?? []).flatMap((resource) =>
      resource.operations.filter((operation) => operation.requirements.includes(id)).map((operation) => `${operation.kind} ${resource.name}`),
    ),
    tests: (phases.testing?.cases ?? []).filter((testCase) => testCase.requirements.includes(id)).map((testCase) => testCase.id),
  }));
  const orphans = rows
    .filter((row) => row.components.length + row.tables.length + row.endpoints.length === 0 || row.tests.length === 0)
    .map((row) => row.requirement);
  return { rows, orphans };
}
