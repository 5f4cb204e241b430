import { phaseActivityTimeoutMs } from '../activities/llm/phase-activity-timeout';
import { HISTORY_LIMIT_BOUNDS, type HistoryLimit } from '../shared/spec-run';
import type { Config } from './load-config';

/** What every starter (the API, `specforge new`) puts in a run's request from its configuration. */
export interface StartSettings {
  phaseActivityTimeoutMs?: number;
  historyLimit: Required<HistoryLimit>;
  /** Generate the next phase while a gate waits: with a model (the offline generator takes no time), unless turned off. */
  speculate: boolean;
}

export function startSettings(config: Config): StartSettings {
  return {
    speculate: Boolean(config.OPENAI_API_KEY) && config.SPECFORGE_SPECULATE === 'on',
    phaseActivityTimeoutMs: phaseActivityTimeoutMs(config),
    historyLimit: {
      events: config.SPECFORGE_HISTORY_EVENTS,
      bytes: Math.min(HISTORY_LIMIT_BOUNDS.bytes.max, Math.round(config.SPECFORGE_HISTORY_MB * 1024 * 1024)),
    },
  };
}
