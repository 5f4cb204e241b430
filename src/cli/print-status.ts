import type { SpecRunStatus } from '../shared/spec-run';

const MARKS: Record<string, string> = { approved: '✔', running: '…', awaiting_approval: '?', failed: '✘', skipped: '-', pending: ' ' };

export function formatStatus(status: SpecRunStatus): string {
  const lines = [`${status.id}  ${status.feature}`, `status: ${status.status}  phase: ${status.phase}  gates: ${status.gates}`];
  for (const phase of status.phases) lines.push(`  [${MARKS[phase.state] ?? ' '}] ${phase.name.padEnd(13)}${phase.summary ?? ''}`);
  if (status.pendingApproval) lines.push(`waiting for a decision on ${status.pendingApproval.phase}`);
  for (const artifact of status.artifacts) lines.push(`  ${artifact.path}`);
  if (status.tickets.length) lines.push(`${status.tickets.length} tickets created`);
  if (status.error) lines.push(`error: ${status.error}`);
  return lines.join('\n');
}
