import type { DecisionAction, GateName } from '../../shared/decision';
import { readDecisionContent } from '../decision-content';
import type { DecisionRequest, SpecBackend } from '../spec-backend';

export interface DecideOptions {
  comment?: string;
  by?: string;
  /** A JSON file with the replacement content, for edit. */
  content?: string;
  /** Answers to open questions, for approve of requirements. */
  answer?: Record<string, string>;
}

/** `specforge decide`: one decision on the gate a run waits at; says what the run does next. */
export async function decide(backend: SpecBackend, id: string, decision: DecisionRequest): Promise<string> {
  const outcome = await backend.decide(id, decision);
  return `${outcome.action} ${outcome.phase} (revision ${outcome.revision}): ${outcome.next}`;
}

/** The decision from the command line, checked and with its content file read before anything is sent. */
export async function decisionFrom(
  phase: GateName,
  action: DecisionAction,
  options: DecideOptions,
): Promise<DecisionRequest> {
  if (action === 'edit' && !options.content)
    throw new Error('edit needs --content FILE: a JSON file with the replacement content');
  if (action !== 'edit' && options.content) throw new Error('--content is for edit; approve takes --answer Q-n=value');
  if (action === 'reopen' && !options.comment?.trim())
    throw new Error('reopen needs --comment TEXT: what to change in the phase, and why');
  if (options.answer && (action !== 'approve' || phase !== 'requirements'))
    throw new Error('--answer answers the open questions when approving requirements');
  const content = options.content
    ? await readDecisionContent(options.content)
    : options.answer
      ? { answers: options.answer }
      : undefined;
  return {
    phase,
    action,
    ...(options.by ? { by: options.by } : {}),
    ...(options.comment ? { comment: options.comment } : {}),
    ...(content ? { content } : {}),
  };
}
