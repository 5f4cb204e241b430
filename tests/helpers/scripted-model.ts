import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import type { PhaseName } from '../../src/shared/phases';
import { isRepair, startFakeOpenAI, validAnswer, type ChatRequest, type FakeReply } from '../fakes/fake-openai';

/** The fake model with its scripted answers, the real OpenAI client on it, and what each phase cost since a point. */
export async function startScriptedModel(reply: (body: ChatRequest) => FakeReply) {
  const openai = await startFakeOpenAI(reply);
  const generator = createOpenAIGenerator({
    apiKey: 'sk-test-not-a-real-key',
    baseURL: openai.baseURL,
    model: 'gpt-test',
    timeoutMs: 10_000,
  });
  return {
    openai,
    generator,
    /** Model calls per phase (repairs left out) since request number `since`. */
    callsSince(since: number): Partial<Record<PhaseName, number>> {
      const calls: Partial<Record<PhaseName, number>> = {};
      for (const request of openai.requests.slice(since))
        if (request.phase && !isRepair(request.body)) calls[request.phase] = (calls[request.phase] ?? 0) + 1;
      return calls;
    },
  };
}

/** The scripted answer, with the architecture changed by `change` when a reviewer's feedback matches `asked`. */
export function architectureFollowing(
  body: ChatRequest,
  asked: RegExp,
  change: (architecture: PhaseContents['architecture']) => void,
): string {
  const text = validAnswer(body);
  const request = JSON.parse(body.messages[1]!.content) as { reviewerFeedback: string[] };
  if (!/write the architecture section/.test(body.messages[0]!.content)) return text;
  if (!request.reviewerFeedback.some((feedback) => asked.test(feedback))) return text;
  const architecture = JSON.parse(text) as PhaseContents['architecture'];
  change(architecture);
  return JSON.stringify(architecture);
}

/** A session cache beside the service: a component the phases reading the architecture must follow. */
export function addSessionCache(architecture: PhaseContents['architecture']): void {
  const service = architecture.components.find((component) => component.kind === 'service')!;
  architecture.components.push({
    id: 'session-cache',
    name: 'Session cache',
    kind: 'cache',
    technology: 'Redis',
    responsibility: 'Keeps magic-link sessions close to the service',
    requirements: service.requirements.slice(0, 1),
  });
  architecture.edges.push({ from: service.id, to: 'session-cache', protocol: 'RESP', description: 'Reads sessions' });
}
