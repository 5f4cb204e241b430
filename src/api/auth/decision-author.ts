import type { Request } from 'express';
import type { z } from 'zod';
import { decisionProof } from '../../runs/decision-proof';
import type { Decision } from '../../shared/decision';
import { HttpProblem } from '../problem';
import type { decisionBody } from '../request-schemas';
import type { Identity } from './identity';

/**
 * The decision as specforge sends it. With reviewers configured, `by` is the caller: a reviewer
 * decides only as themself; an admin may decide for another (one of the run's approvers, which
 * the run checks), recorded with the admin as `actor`. The decision is then signed, so the worker
 * can tell it from a raw Temporal message. In local mode `by` is whatever the caller says.
 */
export function authorDecision(
  request: Request,
  specId: string,
  body: z.infer<typeof decisionBody>,
  identity: Identity | undefined,
  decisionKey: string | undefined,
): Decision {
  const { by, ...rest } = body;
  if (!identity) {
    if (!by)
      throw new HttpProblem(422, 'Invalid request', 'by is required: who decides', [
        { field: 'by', message: 'required' },
      ]);
    return { ...rest, by };
  }
  if (by && by !== identity.name && identity.role !== 'admin') {
    throw new HttpProblem(
      403,
      'Forbidden',
      `You are signed in as "${identity.name}": a reviewer decides only as themself`,
      [{ field: 'by', message: `must be "${identity.name}" or left out` }],
    );
  }
  const onBehalf = Boolean(by && by !== identity.name);
  const decision: Decision = {
    ...rest,
    by: onBehalf ? by! : identity.name,
    ...(onBehalf ? { actor: identity.name } : {}),
    via: channelOf(request, identity),
  };
  return decisionKey ? { ...decision, proof: decisionProof(decisionKey, specId, decision) } : decision;
}

function channelOf(request: Request, identity: Identity): NonNullable<Decision['via']> {
  if (identity.via === 'session') return 'page';
  return request.headers['x-specforge-client'] === 'cli' ? 'cli' : 'api';
}
