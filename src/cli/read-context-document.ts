import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContextDocument } from '../activities/context/save-project-context';
import { CONTEXT_FILE_NAME, MAX_CONTEXT_LENGTH } from '../shared/project-context-ref';

/**
 * The context document for `specforge new`: the file --context names, else `specforge.context.md`
 * in the current directory when there is one; `--no-context` (false) reads neither.
 */
export async function readContextDocument(
  option: string | false | undefined,
  directory = process.cwd(),
): Promise<ContextDocument | undefined> {
  if (option === false) return undefined;
  const file = path.resolve(directory, option ?? CONTEXT_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    // Only a file the user named must exist; the conventional one is optional.
    if (option === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read the context document ${file}: ${(error as Error).message}`);
  }
  if (text.length > MAX_CONTEXT_LENGTH) {
    throw new Error(
      `the context document ${file} has ${text.length.toLocaleString('en-US')} characters; at most ${MAX_CONTEXT_LENGTH.toLocaleString('en-US')} go into every phase prompt: keep the stack, platform, constraints and conventions`,
    );
  }
  return text.trim() ? { text, source: path.basename(file) } : undefined;
}
