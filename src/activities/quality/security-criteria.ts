import { citesRequirement } from './cites-requirement';
import type { Criterion } from './criterion';
import { nonFunctionalIds } from './nonfunctional-kind';

/** Every measure the design lists is specified, and each threat has a control that cites what it protects. */
export const securityMeasuresCriterion: Criterion = {
  name: 'security measures',
  phase: 'security',
  problems: ({ requirements, security }) => {
    const {
      authentication,
      authorization,
      encryptionAtRest,
      encryptionInTransit,
      inputValidation,
      cors,
      csp,
      threats,
    } = security!;
    const missing = (value: string, what: string) => (value.trim().length < 10 ? [`${what} is not specified`] : []);
    const controlled = new Set(threats.flatMap((threat) => threat.requirements ?? []));
    return [
      ...missing(authentication.description, 'authentication'),
      ...missing(authorization, 'authorization'),
      ...missing(encryptionAtRest, 'encryption at rest'),
      ...missing(encryptionInTransit, 'encryption in transit'),
      ...(inputValidation.length === 0 ? ['no input validation rules'] : []),
      ...missing(cors, 'CORS'),
      ...missing(csp, 'CSP'),
      ...threats
        .filter((threat) => !hasControl(threat))
        .map((threat) => `${threat.id} (${threat.threat}) has no control of its own`),
      ...threats
        .filter((threat) => !citesRequirement(threat))
        .map((threat) => `${threat.id}'s control cites no requirement`),
      ...nonFunctionalIds(requirements, 'security')
        .filter((id) => !controlled.has(id))
        .map((id) => `${id} (security) is cited by no threat's control`),
    ];
  },
};

/** Each threat is shown stopped by a test case that cites it. */
export const threatsTestedCriterion: Criterion = {
  name: 'every threat has a control and a test',
  phase: 'testing',
  problems: ({ security, testing }) => {
    const tested = new Set(testing!.cases.flatMap((testCase) => testCase.threats ?? []));
    return (security?.threats ?? [])
      .filter((threat) => !tested.has(threat.id))
      .map((threat) => `${threat.id} (${threat.threat}) has no test case`);
  },
};

/** A control says what stops the threat: more than a word or two, and not the threat restated. */
function hasControl(threat: { threat: string; control: string }): boolean {
  const control = threat.control.trim().toLowerCase();
  return control.length >= 10 && control !== threat.threat.trim().toLowerCase();
}
