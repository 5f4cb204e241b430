import { WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { encryptsPayloads } from '../codec/encrypts-payloads';
import type { SpecRequest } from '../shared/spec-run';
import { SPEC_FEATURE, SPEC_PHASE, SPEC_STATUS } from '../workflows/search-attributes';
import type { StartSettings } from '../config/start-settings';
import { newSpecId, opaqueSpecId } from './spec-id';
import { multiLineText, singleLineText } from '../shared/plain-text';
import { shortLine } from '../shared/short-line';

export const SPEC_WORKFLOW_TYPE = 'specWorkflow';

/**
 * Starts a run; `reviewUrl` (the API's public URL) puts the review link in the Temporal UI, and
 * `phaseActivityTimeoutMs` (phaseActivityTimeoutMs of the starter's configuration) gives phase
 * activities the time the model settings need. `searchableFeature` (default: unless the client
 * encrypts) writes the feature into the SpecFeature search attribute and the id, the two places
 * Temporal keeps in plain text whatever the codec.
 */
export async function startSpec(
  client: Client,
  taskQueue: string,
  request: SpecRequest,
  options: {
    reviewUrl?: string;
    id?: string;
    searchableFeature?: boolean;
    /** The id is never used twice, not even after its run closed (amendments and retries: one run per version). */
    unique?: boolean;
  } & Partial<StartSettings> = {},
): Promise<string> {
  // The CLI and other starters get the cleaning the API gives: no control characters reach a run.
  request = {
    ...request,
    feature: singleLineText(request.feature),
    ...(request.description === undefined ? {} : { description: multiLineText(request.description) }),
  };
  const searchableFeature = options.searchableFeature ?? !encryptsPayloads(client);
  const id = options.id ?? (searchableFeature ? newSpecId(request.feature) : opaqueSpecId());
  await client.workflow.start(SPEC_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: id,
    ...(options.unique ? { workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE } : {}),
    args: [
      {
        ...request,
        ...(options.phaseActivityTimeoutMs ? { phaseActivityTimeoutMs: options.phaseActivityTimeoutMs } : {}),
        ...(options.historyLimit ? { historyLimit: options.historyLimit } : {}),
        ...(options.speculate ? { speculate: true } : {}),
      },
    ],
    // Set at start so the UI can filter the run before a worker has picked it up.
    typedSearchAttributes: [
      { key: SPEC_STATUS, value: 'running' },
      { key: SPEC_PHASE, value: 'requirements' },
      ...(searchableFeature ? [{ key: SPEC_FEATURE, value: request.feature.slice(0, 1000) }] : []),
    ],
    memo: { request: { feature: request.feature, gates: request.gates ?? 'each', ...basisLink(request) } },
    // Shown at the top of the run's page in the Temporal UI.
    staticSummary: `Spec: ${shortLine(request.feature, 200)}`,
    staticDetails: staticDetails(id, request, options.reviewUrl),
  });
  return id;
}

/** The run an amendment or retry starts from, in the memo where lists and the UI read it without a worker. */
function basisLink(request: SpecRequest): { amends?: string; retries?: string } {
  if (!request.basis) return {};
  return request.basis.kind === 'amendment' ? { amends: request.basis.from } : { retries: request.basis.from };
}

function staticDetails(id: string, request: SpecRequest, reviewUrl: string | undefined): string {
  const review = reviewUrl
    ? `[Review page](${reviewUrl.replace(/\/+$/, '')}/specs/${id})`
    : `\`npx specforge open ${id}\` prints the review page's address`;
  return [
    `**Review and decide**: ${review}.`,
    '',
    `Gates: ${request.gates ?? 'each'}${request.approvers?.length ? `; approvers: ${request.approvers.join(', ')}` : ''}${(request.approvalsRequired ?? 1) > 1 ? `; ${request.approvalsRequired} approvals per gate` : ''}.`,
    '',
    ...(request.context
      ? [
          `Project context: ${request.context.source} (sha256 \`${request.context.sha256.slice(0, 12)}\`, ${request.context.characters} characters).`,
          '',
        ]
      : []),
    'From the Temporal CLI, an update answers at once (a refusal comes back as an error):',
    '```',
    `temporal workflow update execute --workflow-id ${id} --name decide --input '{"phase":"requirements","action":"approve","by":"your-name"}'`,
    '```',
    `Raw signals and updates are recorded as \`via: "signal"\`/\`"update"\`, \`verified: false\`${request.requireVerified ? ', and this run refuses them' : ''}. The phase waiting and the last refusal are under Current details (User Metadata tab).`,
  ].join('\n');
}
