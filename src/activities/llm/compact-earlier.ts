import type { PhaseContents } from '../phases/phase-contents';

/** Approved earlier phases as ids and names only: what later phases must reference, not prose. */
export function compactEarlier(earlier: Partial<PhaseContents>): Record<string, unknown> {
  const { requirements, architecture, database, api, security, testing, rollout } = earlier;
  return Object.fromEntries(
    Object.entries({
      requirements: requirements && {
        functional: requirements.functional.map(({ id, text }) => `${id}: ${text}`),
        nonFunctional: requirements.nonFunctional.map(({ id, text }) => `${id}: ${text}`),
        userStories: requirements.userStories.map(({ id, iWant }) => `${id}: ${iWant}`),
        // What each Q-n asked, so an answer given by id is applied to the right topic.
        questions: requirements.questions.map(({ id, question }) => `${id}: ${question}`),
      },
      // The name too: the cost lines are priced per component by name.
      architecture: architecture?.components.map(({ id, name, kind, requirements: ids }) => ({
        id,
        name,
        kind,
        requirements: ids,
      })),
      database: database?.tables.map(
        ({ name, columns }) => `${name}(${columns.map((column) => column.name).join(', ')})`,
      ),
      api: api?.resources.map(
        ({ name, operations }) => `${name}: ${operations.map((operation) => operation.kind).join(', ')}`,
      ),
      security: security && {
        authentication: security.authentication.scheme,
        threats: security.threats.map(({ id, threat }) => `${id}: ${threat}`),
      },
      testing: testing?.cases.map(({ id, level, requirements: ids }) => `${id} ${level} ${ids.join(',')}`),
      rollout: rollout && {
        flags: rollout.featureFlags.map((flag) => flag.name),
        canary: rollout.canary.map((stage) => stage.percent),
      },
    }).filter(([, value]) => value !== undefined),
  );
}
