/** The steps, named as specforge's phases so the fake model answers each with its content. */
export const STEPS = ['requirements', 'architecture', 'database', 'api', 'security', 'testing', 'rollout', 'cost'];

/**
 * One step's model call: an OpenAI-style chat completion on the bench's fake model
 * (BENCH_MODEL_URL), which reads the run's key from the request's feature.
 */
export async function callModel(key: string, step: number): Promise<string> {
  const name = STEPS[step]!;
  const response = await fetch(`${process.env.BENCH_MODEL_URL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: JSON.stringify({
      model: 'fake',
      messages: [
        { role: 'system', content: `You write the ${name} section of a technical spec.` },
        { role: 'user', content: JSON.stringify({ feature: key, reviewerFeedback: [], approvedEarlierSections: {} }) },
      ],
      response_format: { type: 'json_schema', json_schema: { name, schema: {} } },
    }),
  });
  if (!response.ok) throw new Error(`The model answered ${response.status}`);
  const body = (await response.json()) as { choices: { message: { content: string } }[] };
  return body.choices[0]!.message.content;
}
