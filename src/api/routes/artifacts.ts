import path from 'node:path';
import { Router, type Response } from 'express';
import { draftPackFiles, renderDraftFile } from '../../review/draft-pack';
import { readSpecStatus } from '../../runs/read-spec-status';
import type { ArtifactRef } from '../../shared/spec-run';
import type { ApiContext } from '../api-context';
import { HttpProblem } from '../problem';
import { specIdParam } from '../spec-id-param';

const TYPES: Record<string, string> = {
  '.md': 'text/markdown; charset=utf-8',
  '.mmd': 'text/plain; charset=utf-8',
  '.yaml': 'application/yaml',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export function artifactsRouter(context: ApiContext): Router {
  const router = Router();
  /** A file the run wrote, or while the run is open, a file of its draft pack rendered now. */
  router.get('/v1/specs/:id/artifacts/:file', async (request, response) => {
    const status = await readSpecStatus(context.client, specIdParam(request.params.id));
    const { file } = request.params;
    // Only files the run reported (or its draft lists) are served, so the name can never reach elsewhere on disk.
    const artifact = status.artifacts.find((candidate) => candidate.file === file);
    if (artifact) return sendArtifact(response, artifact);
    const draft = await renderDraftFile(context.store, status, file);
    if (draft !== undefined) {
      response.type(typeOf(file)).set('x-specforge-draft', 'true').send(draft);
      return;
    }
    const available = [
      ...status.artifacts.map((candidate) => candidate.file),
      ...draftPackFiles(status).map((entry) => entry.file),
    ];
    throw new HttpProblem(404, 'Not found', `Run ${status.id} has no artifact "${file.slice(0, 200)}"`, [
      { field: 'file', message: `one of: ${available.join(', ') || 'none yet'}` },
    ]);
  });
  return router;
}

async function sendArtifact(response: Response, artifact: ArtifactRef): Promise<void> {
  response.type(typeOf(artifact.file));
  await new Promise<void>((resolve, reject) =>
    // The path is the worker's own, never the request's; it may lie under a dot folder (~/.cache, .specforge).
    response.sendFile(artifact.path, { dotfiles: 'allow' }, (error) =>
      error ? reject(new HttpProblem(410, 'Gone', `${artifact.file} is no longer on disk`)) : resolve(),
    ),
  );
}

function typeOf(file: string): string {
  return TYPES[path.extname(file)] ?? 'application/octet-stream';
}
