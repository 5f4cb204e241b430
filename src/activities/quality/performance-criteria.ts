import type { Criterion } from './criterion';
import { nonFunctionalKind } from './nonfunctional-kind';

const mentions = (texts: string[], pattern: RegExp) => texts.some((text) => pattern.test(text));

/** Performance requirements state numbers: a latency percentile, a throughput, an availability target, and a number in each. */
export const performanceNumbersCriterion: Criterion = {
  name: 'performance requirements with numbers',
  phase: 'requirements',
  problems: ({ requirements }) => {
    const nonFunctional = requirements!.nonFunctional;
    const texts = nonFunctional.map((requirement) => requirement.text);
    return [
      ...(mentions(texts, /\bp(50|75|90|95|99|99\.9)\b[^.]*\d+\s*(ms|s)\b/i)
        ? []
        : ['no latency percentile with a number (e.g. "p95 under 300 ms")']),
      ...(mentions(
        texts,
        /\d[\d,.]*\s*(requests?|req|rps|messages?|events?|transactions?)\s*(per|\/)\s*(second|s|sec|minute)|\d+\s*rps/i,
      )
        ? []
        : ['no throughput with a number (e.g. "200 requests per second")']),
      ...(mentions(texts, /\d{2}(\.\d+)?\s*%/) ? [] : ['no availability target (e.g. "99.9%")']),
      ...nonFunctional
        .filter((requirement) => nonFunctionalKind(requirement) === 'performance' && !/[0-9]/.test(requirement.text))
        .map((requirement) => `${requirement.id} (${requirement.category}) has no number`),
    ];
  },
};

/** Each performance requirement is checked by a performance test case that states the numbers it holds to. */
export const performanceTestedCriterion: Criterion = {
  name: 'performance requirements checked by tests',
  phase: 'testing',
  problems: ({ requirements, testing }) =>
    (requirements?.nonFunctional ?? [])
      .filter((requirement) => nonFunctionalKind(requirement) === 'performance')
      .flatMap((requirement) => {
        const checks = testing!.cases.filter(
          (testCase) => testCase.level === 'performance' && testCase.requirements.includes(requirement.id),
        );
        if (checks.length === 0) return [`${requirement.id} is checked by no performance test case`];
        return checks.some((testCase) => /[0-9]/.test(`${testCase.steps} ${testCase.expected}`))
          ? []
          : [
              `${checks.map((testCase) => testCase.id).join(', ')} check${checks.length === 1 ? 's' : ''} ${requirement.id} without a number in the steps or the expected result`,
            ];
      }),
};
