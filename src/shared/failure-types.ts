/**
 * Every failure type specforge throws, in one place: the workflow, the activities, the API's status
 * mapping and the tests name a type through this catalogue, so a renamed or misspelt type fails to
 * compile instead of silently missing a comparison. Pure: workflows import it.
 */
export const FailureType = {
  /** A gate waited past its timeout with the `fail` policy. */
  GateTimeout: 'GateTimeout',
  /** The rendered pack failed its own checks. */
  InvalidPack: 'InvalidPack',
  /** A spec request the workflow itself refuses (one started around the API's checks). */
  InvalidSpecRequest: 'InvalidSpecRequest',
  /** The run's history reached its limit where it cannot continue as new. */
  HistoryLimit: 'HistoryLimit',
  /** The snapshot a continued run resumes from is missing or does not match its hash. */
  InvalidSnapshot: 'InvalidSnapshot',
  /** A decision came at the wrong time: another phase, a finished run, a repeated approval. */
  DecisionConflict: 'DecisionConflict',
  /** A decision that is malformed in itself. */
  InvalidDecision: 'InvalidDecision',
  /** A decision from someone who may not make it, or not through specforge. */
  DecisionForbidden: 'DecisionForbidden',
  /** Edited content (a phase or the ticket plan) that fails its checks. */
  InvalidContent: 'InvalidContent',
  /** The offline generator made content its own schema refuses: a bug, never retried. */
  InvalidGeneratedContent: 'InvalidGeneratedContent',
  /** The model's answer stayed invalid after the repairs, or was cut off at the token limit. */
  InvalidModelOutput: 'InvalidModelOutput',
  LlmTimeout: 'LlmTimeout',
  LlmRateLimited: 'LlmRateLimited',
  LlmUnavailable: 'LlmUnavailable',
  LlmAuthentication: 'LlmAuthentication',
  LlmBadRequest: 'LlmBadRequest',
  /** The model server refused every response format the setting allows. */
  LlmResponseFormatRefused: 'LlmResponseFormatRefused',
  TrackerRateLimited: 'TrackerRateLimited',
  TrackerUnavailable: 'TrackerUnavailable',
  TrackerAuthentication: 'TrackerAuthentication',
  TrackerBadRequest: 'TrackerBadRequest',
  /** The run asks for a ticket target this worker has no credentials for. */
  TicketTargetMissing: 'TicketTargetMissing',
  TicketPlanMissing: 'TicketPlanMissing',
  /** The team's context document is not in this worker's store. */
  ContextMissing: 'ContextMissing',
  /** The team's context document no longer has the hash the run started with. */
  ContextChanged: 'ContextChanged',
  /** An approved phase file of the run an amendment or retry starts from is missing or unreadable in this worker's store. */
  BasisMissing: 'BasisMissing',
  /** A run asked for an output folder outside the one the worker writes packs under. */
  OutDirOutsideRoot: 'OutDirOutsideRoot',
  /** The webhook receiver refused the event (a 4xx other than 408 and 429): fix the URL. */
  WebhookRefused: 'WebhookRefused',
  WebhookUnavailable: 'WebhookUnavailable',
} as const;

export type FailureType = (typeof FailureType)[keyof typeof FailureType];

export const FAILURE_TYPES: readonly FailureType[] = Object.values(FailureType);
