/** Parses a model's JSON answer, tolerating a Markdown fence around it. */
export function parseModelJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  const body = (fenced ? fenced[1]! : text).trim();
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, error: `The answer is not valid JSON: ${(error as Error).message}` };
  }
}
