import path from 'node:path';
import type { ProjectContextRef } from '../../shared/project-context-ref';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { sha256 } from '../artifacts/hash';

/** A context document as its starter has it: the text and where it came from. */
export interface ContextDocument {
  text: string;
  /** The file's name, or "request". */
  source: string;
}

export const CONTEXTS_FOLDER = 'contexts';

/**
 * Stores the document in the store the worker reads, named by its hash, so two runs with the same
 * document share one file and a started run's reference never points at changed text.
 */
export async function saveProjectContext(store: ArtifactStore, document: ContextDocument): Promise<ProjectContextRef> {
  const hash = sha256(document.text);
  const relativePath = path.posix.join(CONTEXTS_FOLDER, `${hash}.md`);
  await store.write(store.home, relativePath, document.text);
  return {
    source: path.basename(document.source),
    path: relativePath,
    sha256: hash,
    bytes: Buffer.byteLength(document.text),
    characters: document.text.length,
  };
}
