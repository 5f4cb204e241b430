import type { PhaseContext } from '../../src/activities/phases/phase-definition';

/** The first revision of a phase of the quickstart's feature, with nothing approved before it. */
export const firstRevisionContext: PhaseContext = {
  specId: 'spec-test',
  feature: 'Add passwordless login with magic links',
  description: '',
  revision: 1,
  feedback: [],
  answers: {},
  earlier: {},
};
