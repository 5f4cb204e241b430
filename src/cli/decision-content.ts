import { readFile } from 'node:fs/promises';

type JsonObject = Record<string, unknown>;

/**
 * Replacement content for an edit, from a JSON file holding the bare content, a stored phase file
 * (`{phase, revision, ..., content}`), or a ticket file (`{plan, created, ...}`).
 */
export async function readDecisionContent(file: string): Promise<JsonObject> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) throw new Error(`${file} must hold a JSON object`);
  return unwrapContent(value);
}

export function unwrapContent(value: JsonObject): JsonObject {
  if (isObject(value.content) && typeof value.phase === 'string' && typeof value.revision === 'number')
    return value.content;
  if (isObject(value.plan) && isObject(value.plan.epic) && Array.isArray(value.plan.tickets)) return value.plan;
  return value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
