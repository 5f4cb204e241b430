import type { Requirements } from '../phases/requirements/schema';

export type NonFunctionalKind = 'performance' | 'availability' | 'security' | 'retention' | 'other';

type NonFunctional = Requirements['nonFunctional'][number];

// Categories are free text ("latency", "Performance / throughput", "scalability"), so the kind comes
// from the category first and the text second.
const KINDS: [Exclude<NonFunctionalKind, 'other'>, RegExp][] = [
  ['performance', /perform|latency|throughput|scal|capacity|load|response time|speed|\brps\b|per second/i],
  ['availability', /availab|uptime|downtime|reliab|resilien|durab|disaster|recovery|\bslo\b/i],
  ['security', /secur|auth|encrypt|privacy|\btls\b|complian|gdpr|confidential/i],
  ['retention', /retention|retain|kept for|deleted after|purge|archiv/i],
];

/** What a non-functional requirement is about, by its category, else its text. */
export function nonFunctionalKind(requirement: Pick<NonFunctional, 'category' | 'text'>): NonFunctionalKind {
  for (const [kind, pattern] of KINDS) if (pattern.test(requirement.category)) return kind;
  for (const [kind, pattern] of KINDS) if (pattern.test(requirement.text)) return kind;
  return 'other';
}

/** The ids of the NFRs of the given kinds: what a gateway, a control or an alert cites. */
export function nonFunctionalIds(
  requirements: Pick<Requirements, 'nonFunctional'> | undefined,
  ...kinds: NonFunctionalKind[]
): string[] {
  return (requirements?.nonFunctional ?? [])
    .filter((requirement) => kinds.includes(nonFunctionalKind(requirement)))
    .map((requirement) => requirement.id);
}
