import { designOf, traceRequirements } from '../render/traceability';
import type { Criterion } from './criterion';
import { citesRequirement } from './cites-requirement';

// Every design element and test traces to a requirement, judged at the phase that makes it.

export const componentsTracedCriterion: Criterion = {
  name: 'every component traced to a requirement',
  phase: 'architecture',
  problems: ({ architecture }) => uncited(architecture!.components, (component) => `component ${component.id}`),
};

export const tablesTracedCriterion: Criterion = {
  name: 'every table traced to a requirement',
  phase: 'database',
  problems: ({ database }) => uncited(database!.tables, (table) => `table ${table.name}`),
};

export const operationsTracedCriterion: Criterion = {
  name: 'every operation traced to a requirement',
  phase: 'api',
  problems: ({ api }) =>
    api!.resources.flatMap((resource) =>
      uncited(resource.operations, (operation) => `${operation.kind} ${resource.name}`),
    ),
};

/** Test cases cite requirements; every FR is built and tested, every NFR tested (its design may still come at the rollout). */
export const requirementsTracedCriterion: Criterion = {
  name: 'every requirement traced to design and tests',
  phase: 'testing',
  problems: (phases) => [
    ...uncited(phases.testing!.cases, (testCase) => `test ${testCase.id}`),
    ...traceRequirements(phases).rows.flatMap((row) => [
      ...(row.kind === 'functional' && designOf(row).length === 0
        ? [`${row.requirement} has no component, table or endpoint`]
        : []),
      ...(row.tests.length === 0 ? [`${row.requirement} has no test case`] : []),
    ]),
  ],
};

/** Rollout checks cite what they guard; by now every NFR must be met by some design element. */
export const rolloutTracedCriterion: Criterion = {
  name: 'every rollout check traced, every non-functional requirement designed',
  phase: 'rollout',
  problems: (phases) => {
    const { featureFlags, rollbackTriggers, monitoring } = phases.rollout!;
    return [
      ...uncited(featureFlags, (flag) => `flag ${flag.name}`),
      ...uncited(rollbackTriggers, (trigger) => `rollback trigger "${trigger.signal}"`),
      ...uncited(monitoring, (signal) => `alert "${signal.signal}"`),
      ...traceRequirements(phases)
        .rows.filter((row) => row.kind === 'non-functional' && designOf(row).length === 0)
        .map((row) => `${row.requirement} has no component, control or rollout check`),
    ];
  },
};

/** Items that cite no FR or NFR, each named by `name`. */
function uncited<Item extends { requirements?: string[] }>(items: Item[], name: (item: Item) => string): string[] {
  return items.filter((item) => !citesRequirement(item)).map((item) => `${name(item)} cites no requirement`);
}
