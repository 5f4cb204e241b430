import { ApplicationFailure } from '@temporalio/common';
import type { Generator } from './generator';
import { FailureType } from '../../shared/failure-types';

/** Deterministic skeletons built from the request's own words: no network, no account. */
export function createOfflineGenerator(): Generator {
  return {
    provider: 'offline',
    model: 'offline-templates-v1',
    async generate(definition, context, check) {
      const content = definition.offline(context);
      const problems = await check(content);
      // The templates are code: a failed check is our bug, and retrying cannot fix it.
      if (problems.length)
        throw ApplicationFailure.nonRetryable(
          `The offline ${definition.name} failed its checks: ${problems.join('; ')}`,
          FailureType.InvalidGeneratedContent,
        );
      return { content, usage: { input: 0, output: 0 }, model: 'offline-templates-v1' };
    },
  };
}
