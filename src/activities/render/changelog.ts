import type { PhaseChange } from '../../shared/spec-run';
import { markdownTable } from './markdown-table';
import { markdownCode, markdownInline } from './markdown-text';

/** What the changelog reads: the spec's version, the runs it descends from, and what reopens did. */
export interface ChangelogInput {
  version?: number;
  amends?: string;
  retries?: string;
  changes?: PhaseChange[];
}

export const CHANGELOG_HEADING = 'Changelog';

const REASONS: Record<PhaseChange['reason'], string> = {
  reopened: 'reopened',
  inputs_changed: 'regenerated: its inputs changed',
  kept: 'kept: its inputs did not change',
};

/**
 * The technical spec's changelog: which phases a reopen or an amendment changed, by whom and why,
 * and which kept their approval. Undefined for a first version no reopen touched, so such a pack
 * reads as before. Comments are a reviewer's text: escaped like every other untrusted text.
 */
export function renderChangelog(input: ChangelogInput): string | undefined {
  const version = input.version ?? 1;
  const changes = input.changes ?? [];
  if (!changes.length && version <= 1) return undefined;
  const changed = changes.filter((change) => change.reason !== 'kept');
  const kept = [...new Set(changes.filter((change) => change.reason === 'kept').map((change) => change.phase))];
  return [
    `## ${CHANGELOG_HEADING}`,
    lineage(version, input),
    changed.length
      ? markdownTable(
          ['Phase', 'Revision', 'Reason', 'By', 'Comment', 'When'],
          changed.map((change) => [
            change.phase,
            `${change.from} → ${change.to}`,
            REASONS[change.reason],
            change.by ?? '',
            change.comment ?? '',
            change.at,
          ]),
        )
      : 'No phase was regenerated.',
    ...(kept.length ? [`Kept their approval (inputs unchanged): ${kept.map(markdownInline).join(', ')}.`] : []),
  ].join('\n\n');
}

function lineage(version: number, input: ChangelogInput): string {
  const lines = [`Version ${version} of this spec.`];
  if (input.amends) lines.push(`It amends run ${markdownCode(input.amends)} (version ${version - 1}).`);
  if (input.retries) lines.push(`It retries run ${markdownCode(input.retries)}, from the phase that failed.`);
  return lines.join(' ');
}
