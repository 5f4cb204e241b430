import { ArtifactStore } from '../activities/artifacts/artifact-store';
import { createActivities } from '../activities/create-activities';
import type { Generator } from '../activities/llm/generator';
import { createOfflineGenerator } from '../activities/llm/offline-generator';
import { createOpenAIGenerator } from '../activities/llm/openai-generator';
import { createFileTarget } from '../activities/tickets/file-target';
import type { Config } from '../config/load-config';

/** Real clients from the configuration; credentials stay here, never in workflow inputs. */
export function wireActivities(config: Config) {
  const store = new ArtifactStore(config.SPECFORGE_HOME, config.SPECFORGE_OUT);
  return createActivities({ generator: generatorFor(config), store, tickets: { file: createFileTarget(store) } });
}

export function generatorFor(config: Config): Generator {
  if (!config.OPENAI_API_KEY) return createOfflineGenerator();
  return createOpenAIGenerator({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.SPECFORGE_MODEL, timeoutMs: config.SPECFORGE_LLM_TIMEOUT_MS });
}
