import type { SpecStatusView } from './spec-backend';
import { terminalText } from './terminal-text';

const MARKS: Record<string, string> = {
  approved: '✔',
  running: '…',
  awaiting_approval: '?',
  failed: '✘',
  skipped: '-',
  pending: ' ',
};

export function formatStatus(status: SpecStatusView): string {
  const lines = [
    `${status.id}  ${terminalText(status.feature)}`,
    `status: ${status.status}  phase: ${status.phase}  gates: ${status.gates}`,
  ];
  for (const phase of status.phases)
    lines.push(`  [${MARKS[phase.state] ?? ' '}] ${phase.name.padEnd(13)}${terminalText(phase.summary ?? '')}`);
  const pending = status.pendingApproval;
  if (pending) {
    const approvals =
      pending.approvalsRequired && pending.approvalsRequired > 1
        ? `, approved by ${pending.approvals?.length ?? 0} of ${pending.approvalsRequired}`
        : '';
    lines.push(`waiting for a decision on ${pending.phase} (revision ${pending.revision}${approvals})`);
  }
  if (status.refused)
    lines.push(
      `refused: ${status.refused.action} ${status.refused.phase} by ${terminalText(status.refused.by)}: ${terminalText(status.refused.reason ?? '')}`,
    );
  for (const artifact of status.artifacts) lines.push(`  ${terminalText(artifact.location)}`);
  if (status.tickets.length) lines.push(`${status.tickets.length} tickets created`);
  if (status.error) lines.push(`error: ${terminalText(status.error)}`);
  return lines.join('\n');
}
