import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiContext } from '../api/api-context';
import { HttpProblem } from '../api/problem';
import { draftPackFiles, renderDraftFile } from '../review/draft-pack';
import type { RunStatus } from './spec-page-data';

/** Pack files the page shows in place: Markdown rendered, diagram source drawn, YAML and JSON as text. */
export const READABLE_EXTENSIONS = ['.md', '.mmd', '.yaml', '.json'];

export interface PackFile {
  file: string;
  text: string;
  draft: boolean;
}

/** A file of the run's pack: the written one, else the draft rendered now while the run is open; 404 naming `file` otherwise. */
export async function readPackFile(context: ApiContext, status: RunStatus, file: string): Promise<PackFile> {
  if (!READABLE_EXTENSIONS.includes(path.extname(file))) {
    throw new HttpProblem(404, 'Not found', `${file.slice(0, 200)} is not shown as a page`, [
      { field: 'file', message: `a ${READABLE_EXTENSIONS.join(', ')} file of the pack` },
    ]);
  }
  // Only files the run reported (or its draft lists) are read, so the name never reaches elsewhere on disk.
  const written = status.artifacts.find((artifact) => artifact.file === file);
  if (written) return { file, text: await readFile(written.path, 'utf8'), draft: false };
  const draft = status.temporalStatus === 'RUNNING' ? await renderDraftFile(context.store, status, file) : undefined;
  if (draft !== undefined) return { file, text: draft, draft: true };
  const known = [
    ...status.artifacts.map((artifact) => artifact.file),
    ...draftPackFiles(status).map((entry) => entry.file),
  ];
  throw new HttpProblem(404, 'Not found', `Run ${status.id} has no file "${file.slice(0, 200)}"`, [
    { field: 'file', message: `one of: ${known.join(', ') || 'none yet'}` },
  ]);
}
