export const TICKET_KINDS = [
  'epic',
  'component',
  'migration',
  'endpoints',
  'security',
  'tests',
  'rollout',
  'observability',
] as const;

/** The longest title each tracker takes, in UTF-16 code units as their APIs count: GitHub's issue title, Jira's summary. */
export const TICKET_TITLE_LIMITS = { github: 256, jira: 255 } as const;
/** Every planned title fits every tracker, so a plan can go to any target. */
export const MAX_TICKET_TITLE_LENGTH = Math.min(...Object.values(TICKET_TITLE_LIMITS));

export interface PlannedTicket {
  /** Stable within a spec's lineage: the marker `specforge:<lineage>:<key>` is built from it. */
  key: string;
  kind: (typeof TICKET_KINDS)[number];
  title: string;
  description: string;
  acceptanceCriteria: string[];
  requirements: string[];
  labels: string[];
  /** Story points. */
  estimate: number;
  /** Keys of tickets that must be done first. */
  dependsOn: string[];
}

export interface TicketPlan {
  specId: string;
  feature: string;
  epic: PlannedTicket;
  tickets: PlannedTicket[];
}

/** What the fan-out needs of a plan: its keys and who waits for whom; the plan itself stays on disk. */
export function planKeys(plan: TicketPlan): { keys: string[]; dependencies: Record<string, string[]> } {
  return {
    keys: plan.tickets.map((ticket) => ticket.key),
    dependencies: Object.fromEntries(plan.tickets.map((ticket) => [ticket.key, ticket.dependsOn])),
  };
}

/** `lineage`: the spec's first run id, shared by its amendments and retries. */
export function ticketMarker(lineage: string, key: string): string {
  return `specforge:${lineage}:${key}`;
}
