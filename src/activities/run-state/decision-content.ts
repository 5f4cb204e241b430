import { readFile } from 'node:fs/promises';
import { ApplicationFailure } from '@temporalio/common';
import type { Decision, DecisionContentRef } from '../../shared/decision';
import { DECISION_FAILURE_TYPES } from '../../shared/decision-check';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { sha256 } from '../artifacts/hash';

/**
 * An edit's replacement content, written under the run's folder by whoever sends the decision
 * (the API, the CLI), so the decision carries a reference and the run's history never holds the
 * content. Other decisions, and ticket-plan edits (read by the ticket activities), go unchanged.
 */
export async function storeDecisionContent<Sent extends Pick<Decision, 'phase' | 'action' | 'content'>>(
  store: ArtifactStore,
  specId: string,
  decision: Sent,
): Promise<Omit<Sent, 'content'> & Pick<Decision, 'content' | 'contentRef'>> {
  if (decision.action !== 'edit' || !decision.content || decision.phase === 'tickets') return decision;
  const text = `${JSON.stringify(decision.content)}\n`;
  const hash = sha256(text);
  const path = `decisions/${hash}.json`;
  await store.write(store.runDir(specId), path, text);
  const { content: _content, ...rest } = decision;
  return { ...rest, contentRef: { path, sha256: hash, bytes: Buffer.byteLength(text) } };
}

/** The content a reference names, from the run's own folder and only if its hash matches; else the edit is refused. */
export async function loadDecisionContent(
  store: ArtifactStore,
  specId: string,
  ref: DecisionContentRef,
): Promise<Record<string, unknown>> {
  const refuse = (why: string) =>
    ApplicationFailure.nonRetryable(`The edit's content ${why}`, DECISION_FAILURE_TYPES.content, [why]);
  let text: string;
  try {
    text = await readFile(store.resolveInside(store.runDir(specId), ref.path), 'utf8');
  } catch {
    throw refuse(`cannot be read from ${ref.path}: send the edit again`);
  }
  if (sha256(text) !== ref.sha256) throw refuse(`at ${ref.path} does not match its sha256`);
  const content: unknown = JSON.parse(text);
  if (typeof content !== 'object' || content === null || Array.isArray(content)) throw refuse('must be a JSON object');
  return content as Record<string, unknown>;
}
