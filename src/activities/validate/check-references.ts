import type { PhaseName } from '../../shared/phases';
import type { PhaseContents } from '../phases/phase-contents';

/** Ids a phase cites must exist in the approved earlier phases: no drift from the requirements. */
export function checkReferences(phase: PhaseName, content: unknown, earlier: Partial<PhaseContents>): string[] {
  const phases = { ...earlier, [phase]: content } as Partial<PhaseContents>;
  const requirementIds = new Set([
    ...(phases.requirements?.functional.map((requirement) => requirement.id) ?? []),
    ...(phases.requirements?.nonFunctional.map((requirement) => requirement.id) ?? []),
  ]);
  const unknown = (where: string, ids: string[]) =>
    requirementIds.size === 0
      ? []
      : ids.filter((id) => !requirementIds.has(id)).map((id) => `${where} cites ${id}, which is not a requirement`);
  switch (phase) {
    case 'requirements':
      return phases.requirements!.userStories.flatMap((story) =>
        unknown(`userStories ${story.id}`, story.requirements),
      );
    case 'architecture':
      return phases.architecture!.components.flatMap((component) =>
        unknown(`components ${component.id}`, component.requirements),
      );
    case 'database': {
      const tables = new Set(phases.database!.tables.map((table) => table.name));
      return phases.database!.tables.flatMap((table) => [
        ...unknown(`tables ${table.name}`, table.requirements),
        ...table.references
          .filter((reference) => !tables.has(reference.table))
          .map((reference) => `tables ${table.name} references unknown table ${reference.table}`),
        ...table.references
          .filter((reference) => !table.columns.some((column) => column.name === reference.column))
          .map((reference) => `tables ${table.name} has no column ${reference.column}`),
      ]);
    }
    case 'api':
      return phases.api!.resources.flatMap((resource) =>
        resource.operations.flatMap((operation) =>
          unknown(`${operation.kind} ${resource.name}`, operation.requirements),
        ),
      );
    case 'security':
      return phases.security!.threats.flatMap((threat) => unknown(`threat ${threat.id}`, threat.requirements));
    case 'testing': {
      const threats = new Set(phases.security?.threats.map((threat) => threat.id) ?? []);
      return phases.testing!.cases.flatMap((testCase) => [
        ...unknown(`test ${testCase.id}`, testCase.requirements),
        ...(phases.security
          ? testCase.threats
              .filter((id) => !threats.has(id))
              .map((id) => `test ${testCase.id} cites ${id}, which is not a threat`)
          : []),
      ]);
    }
    case 'rollout': {
      const { featureFlags, rollbackTriggers, monitoring } = phases.rollout!;
      return [
        ...featureFlags.flatMap((flag) => unknown(`flag ${flag.name}`, flag.requirements)),
        ...rollbackTriggers.flatMap((trigger) => unknown(`rollback trigger ${trigger.signal}`, trigger.requirements)),
        ...monitoring.flatMap((signal) => unknown(`alert ${signal.signal}`, signal.requirements)),
      ];
    }
    default:
      return [];
  }
}
