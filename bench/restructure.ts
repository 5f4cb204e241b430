import { MAX } from '../src/activities/phases/content-bounds';
import type { PhaseContents } from '../src/activities/phases/phase-contents';
import type { PhaseName } from '../src/shared/phases';

/** A reopen comment holding this asks the bench's generator for a change later phases can see. */
export const RESTRUCTURE_MARKER = '[restructure]';

const revised = (text: string) => `Restructured: ${text}`.slice(0, MAX.sentence);

/**
 * One valid change per phase to what its compact summary shows (what the input hash of the phases
 * reading it covers), as a model following a reviewer who restructured the phase would make.
 * testing, rollout and cost have no readers: any change does.
 */
const RESTRUCTURES: { [Phase in PhaseName]: (content: PhaseContents[Phase]) => PhaseContents[Phase] } = {
  requirements: (requirements) => ({
    ...requirements,
    functional: requirements.functional.map((requirement, index) =>
      index === 0 ? { ...requirement, text: revised(requirement.text) } : requirement,
    ),
  }),
  architecture: (architecture) => {
    const cited = [...new Set(architecture.components.flatMap((component) => component.requirements))];
    return {
      ...architecture,
      // The first component also serves a requirement another one serves: its requirements list changes.
      components: architecture.components.map((component, index) => {
        const added = cited.find((id) => !component.requirements.includes(id));
        return index === 0 && added ? { ...component, requirements: [...component.requirements, added] } : component;
      }),
    };
  },
  database: (database) => ({
    ...database,
    tables: database.tables.map((table, index) =>
      index === 0
        ? {
            ...table,
            columns: [
              ...table.columns,
              { name: 'restructured_at', type: 'timestamp', nullable: true, description: 'When a reviewer moved it' },
            ],
          }
        : table,
    ),
  }),
  api: (api) => {
    // The resource with the fewest operations gains the first CRUD kind it lacks, citing what its first one cites.
    const smallest = api.resources.reduce((fewest, resource) =>
      resource.operations.length < fewest.operations.length ? resource : fewest,
    );
    const kinds = new Set(smallest.operations.map((operation) => operation.kind));
    const kind = (['get', 'list', 'create', 'update', 'delete'] as const).find((candidate) => !kinds.has(candidate));
    if (!kind) return api;
    const operation = {
      kind,
      summary: `${kind} one ${smallest.name}`,
      requirements: smallest.operations[0]!.requirements,
    };
    return {
      ...api,
      resources: api.resources.map((resource) =>
        resource === smallest ? { ...resource, operations: [...resource.operations, operation] } : resource,
      ),
    };
  },
  security: (security) => ({
    ...security,
    threats: security.threats.map((threat, index) =>
      index === 0 ? { ...threat, threat: revised(threat.threat) } : threat,
    ),
  }),
  testing: (testing) => ({
    ...testing,
    cases: testing.cases.map((testCase, index) =>
      index === 0 ? { ...testCase, title: revised(testCase.title) } : testCase,
    ),
  }),
  rollout: (rollout) => ({
    ...rollout,
    featureFlags: rollout.featureFlags.map((flag, index) =>
      index === 0 ? { ...flag, description: revised(flag.description) } : flag,
    ),
  }),
  cost: (cost) => ({ ...cost, narrative: `Restructured. ${cost.narrative}`.slice(0, MAX.paragraph) }),
};

export function restructure<Phase extends PhaseName>(
  phase: Phase,
  content: PhaseContents[Phase],
): PhaseContents[Phase] {
  return (RESTRUCTURES[phase] as (content: PhaseContents[Phase]) => PhaseContents[Phase])(content);
}
