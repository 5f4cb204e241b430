import { Router } from 'express';
import { z } from 'zod';
import { dryRunEdit } from '../../review/dry-run-edit';
import { readPhaseDiff } from '../../review/read-phase-diff';
import { readPhaseView } from '../../review/read-phase-view';
import { readSpecStatus } from '../../runs/read-spec-status';
import { isPhaseName, PHASES, type PhaseName } from '../../shared/phases';
import type { ApiContext } from '../api-context';
import { parseInput } from '../parse-input';
import { HttpProblem } from '../problem';
import { specIdParam } from '../spec-id-param';

const revisionNumber = z
  .string()
  .regex(/^[0-9]{1,9}$/, 'must be a revision number (1, 2, …)')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be a revision number (1, 2, …)'));

export const phaseDiffQuery = z.strictObject({ from: revisionNumber.optional(), to: revisionNumber.optional() });

/** Phase content, revisions, diffs and edit dry runs: what a reviewer reads before deciding. */
export function phasesRouter(context: ApiContext): Router {
  const router = Router();

  router.get('/v1/specs/:id/phases/:phase', async (request, response) => {
    const id = specIdParam(request.params.id);
    const phase = phaseParam(request.params.phase);
    response.json(await readPhaseView(context.store, await readSpecStatus(context.client, id), phase));
  });

  router.get('/v1/specs/:id/phases/:phase/revisions/:revision', async (request, response) => {
    const id = specIdParam(request.params.id);
    const phase = phaseParam(request.params.phase);
    const { revision } = parseInput(z.object({ revision: revisionNumber }), request.params, 'path');
    response.json(await readPhaseView(context.store, await readSpecStatus(context.client, id), phase, revision));
  });

  router.get('/v1/specs/:id/phases/:phase/diff', async (request, response) => {
    const id = specIdParam(request.params.id);
    const phase = phaseParam(request.params.phase);
    const { from, to } = parseInput(phaseDiffQuery, request.query, 'query');
    response.json(await readPhaseDiff(context.store, await readSpecStatus(context.client, id), phase, from, to));
  });

  /** A dry run of an edit: the checks an `edit` decision's content would get, deciding nothing. */
  router.post('/v1/specs/:id/phases/:phase/validate', async (request, response) => {
    const id = specIdParam(request.params.id);
    const phase = phaseParam(request.params.phase);
    const checked = await dryRunEdit(context.store, await readSpecStatus(context.client, id), phase, request.body);
    if (!checked.valid) {
      const summary = checked.problems
        .slice(0, 5)
        .map((problem) => `${problem.field}: ${problem.message}`)
        .join('; ');
      throw new HttpProblem(
        422,
        'Invalid content',
        `The edited ${phase} would be refused: ${summary}`,
        checked.problems,
      );
    }
    response.json({ valid: true, checks: checked.checks });
  });

  return router;
}

function phaseParam(value: string): PhaseName {
  if (!isPhaseName(value)) {
    throw new HttpProblem(404, 'Not found', `No phase "${value.slice(0, 40)}"`, [
      { field: 'phase', message: `one of: ${PHASES.join(', ')}` },
    ]);
  }
  return value;
}
