import path from 'node:path';
import { Router } from 'express';
import { readSpecStatus } from '../../runs/read-spec-status';
import type { ApiContext } from '../api-context';
import { HttpProblem } from '../problem';
import { specIdParam } from '../spec-id-param';

const TYPES: Record<string, string> = { '.md': 'text/markdown; charset=utf-8', '.mmd': 'text/plain; charset=utf-8', '.yaml': 'application/yaml', '.json': 'application/json', '.svg': 'image/svg+xml' };

export function artifactsRouter(context: ApiContext): Router {
  const router = Router();
  router.get('/v1/specs/:id/artifacts/:file', async (request, response) => {
    const status = await readSpecStatus(context.client, specIdParam(request.params.id));
    // Only files the run reported are served, so the name can never reach elsewhere on disk.
    const artifact = status.artifacts.find((candidate) => candidate.file === request.params.file);
    if (!artifact) {
      throw new HttpProblem(404, 'Not found', `Run ${status.id} has no artifact "${request.params.file.slice(0, 200)}"`, [{ field: 'file', message: `one of: ${status.artifacts.map((candidate) => candidate.file).join(', ') || 'none yet'}` }]);
    }
    response.type(TYPES[path.extname(artifact.file)] ?? 'application/octet-stream');
    await new Promise<void>((resolve, reject) => response.sendFile(artifact.path, (error) => (error ? reject(new HttpProblem(410, 'Gone', `${artifact.file} is no longer on disk`)) : resolve())));
  });
  return router;
}
