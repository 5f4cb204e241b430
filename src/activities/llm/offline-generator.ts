import type { Generator } from './generator';

/** Deterministic skeletons built from the request's own words: no network, no account. */
export function createOfflineGenerator(): Generator {
  return {
    provider: 'offline',
    model: 'offline-templates-v1',
    async generate(definition, context) {
      return { content: definition.offline(context), usage: { input: 0, output: 0 }, model: 'offline-templates-v1' };
    },
  };
}
