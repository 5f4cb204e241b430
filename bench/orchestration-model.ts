import { phaseOf, startFakeOpenAI, validAnswer, type ChatRequest } from '../tests/fakes/fake-openai';
import type { ModelRequest } from '../tests/fakes/scripted-answers';
import { PHASES, type PhaseName } from '../src/shared/phases';
import { epochNow } from './orchestration-driver';

function latencyOf(key: string): number {
  return Number(/ L(\d+) /.exec(key)?.[1] ?? 0);
}

/**
 * The fake OpenAI-compatible model every engine calls (tests/fakes/fake-openai.ts): valid phase
 * content after the latency the run's key names, and when each run's call for each phase arrived.
 */
export async function startOrchestrationModel() {
  /** Run key → phase → arrival times (epoch ms), first call first. */
  const arrivals = new Map<string, Partial<Record<PhaseName, number[]>>>();
  const model = await startFakeOpenAI((body: ChatRequest) => {
    const at = epochNow();
    const request = JSON.parse(body.messages[1]!.content) as ModelRequest;
    const phase = phaseOf(body);
    if (phase) {
      const run = arrivals.get(request.feature) ?? {};
      (run[phase] ??= []).push(at);
      arrivals.set(request.feature, run);
    }
    return { kind: 'content', text: validAnswer(body), delayMs: latencyOf(request.feature) };
  });
  return {
    baseURL: model.baseURL,
    /** When the run's first call for step `step` arrived, if it did. */
    arrivalOf: (key: string, step: number) => arrivals.get(key)?.[PHASES[step]!]?.[0],
    /** How many calls the run made for step `step` (repairs included). */
    callsOf: (key: string, step: number) => arrivals.get(key)?.[PHASES[step]!]?.length ?? 0,
    close: model.close,
  };
}
