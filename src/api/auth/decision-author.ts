import type { Request } from 'express';
import type { z } from 'zod';
import { decisionProof } from '../../runs/decision-proof';
import type { Decision } from '../../shared/decision';
import type { decisionBody } from '../request-schemas';
import { actingReviewer } from './acting-reviewer';
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
  if (!identity) return { ...rest, by: actingReviewer(by, identity, 'decides').by };
  const decision: Decision = {
    ...rest,
    ...actingReviewer(by, identity, 'decides'),
    via: channelOf(request, identity),
  };
  return decisionKey ? { ...decision, proof: decisionProof(decisionKey, specId, decision) } : decision;
}

function channelOf(request: Request, identity: Identity): NonNullable<Decision['via']> {
  if (identity.via === 'session') return 'page';
  return request.headers['x-specforge-client'] === 'cli' ? 'cli' : 'api';
}
