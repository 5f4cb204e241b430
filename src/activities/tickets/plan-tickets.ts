import type { PhaseContents } from '../phases/phase-contents';
import type { PlannedTicket, TicketPlan } from './ticket-plan';
import { ticketTitle } from './ticket-title';

const COMPONENT_POINTS = { client: 5, service: 8, store: 3, cache: 2, queue: 3, external: 2 } as const;

/**
 * One epic for the feature and one ticket per piece of work the approved spec names, each citing
 * the requirements (FR-n, NFR-n) its work serves, and a security ticket also its threat.
 */
export function planTickets(specId: string, feature: string, phases: Partial<PhaseContents>): TicketPlan {
  const tickets: PlannedTicket[] = [];
  const add = (ticket: Omit<PlannedTicket, 'labels'> & { labels?: string[] }) =>
    tickets.push({
      ...ticket,
      title: ticketTitle(ticket.title),
      requirements: unique(ticket.requirements),
      labels: ['specforge', ticket.kind, ...(ticket.labels ?? [])],
    });
  const migrations = (phases.database?.migrations ?? []).map((migration, index) => ({
    migration,
    key: `migration-${index + 1}`,
  }));
  for (const { migration, key } of migrations) {
    add({
      key,
      kind: 'migration',
      title: `Migration: ${migration.split(':')[0]}`,
      description: migration,
      acceptanceCriteria: [
        'Runs forward without downtime on a copy of production',
        'A follow-up migration can reverse it',
      ],
      requirements: migrationRequirements(migration, phases.database!),
      estimate: 2,
      dependsOn: [],
    });
  }
  const migrationKeys = migrations.map((migration) => migration.key);
  for (const component of phases.architecture?.components ?? []) {
    add({
      key: `component-${component.id}`,
      kind: 'component',
      title: `${component.name}: ${component.responsibility}`,
      description: `${component.kind} built with ${component.technology}. ${component.responsibility}.`,
      acceptanceCriteria: component.requirements.map((id) => `${id} is met and covered by its test cases`),
      requirements: component.requirements,
      estimate: COMPONENT_POINTS[component.kind],
      dependsOn: component.kind === 'service' && component.requirements.length ? migrationKeys : [],
    });
  }
  const mainService = tickets.find((ticket) => ticket.kind === 'component' && ticket.requirements.length > 1)?.key;
  for (const resource of phases.api?.resources ?? []) {
    add({
      key: `endpoints-${resource.name}`,
      kind: 'endpoints',
      title: `Endpoints for ${resource.name}`,
      description: resource.operations.map((operation) => `${operation.kind}: ${operation.summary}`).join('\n'),
      acceptanceCriteria: [
        'Matches the OpenAPI document, including problem responses and rate-limit headers',
        'Contract tests pass',
      ],
      requirements: resource.operations.flatMap((operation) => operation.requirements),
      estimate: resource.operations.length,
      dependsOn: mainService ? [mainService] : [],
    });
  }
  for (const threat of phases.security?.threats ?? []) {
    add({
      key: `security-${threat.id.toLowerCase()}`,
      kind: 'security',
      title: `${threat.category}: ${threat.control}`,
      description: `Threat: ${threat.threat}\nControl: ${threat.control}`,
      acceptanceCriteria: [`A security test shows the control stops: ${threat.threat}`],
      requirements: [...threat.requirements, threat.id],
      estimate: 2,
      dependsOn: mainService ? [mainService] : [],
    });
  }
  const levels = [...new Set((phases.testing?.cases ?? []).map((testCase) => testCase.level))];
  for (const level of levels) {
    const cases = phases.testing!.cases.filter((testCase) => testCase.level === level);
    add({
      key: `tests-${level}`,
      kind: 'tests',
      title: `${level} test suite`,
      description: cases.map((testCase) => `${testCase.id}: ${testCase.title}`).join('\n'),
      acceptanceCriteria: cases.map((testCase) => `${testCase.id} passes: ${testCase.expected}`),
      requirements: cases.flatMap((testCase) => [...testCase.requirements, ...testCase.threats]),
      estimate: Math.min(8, cases.length * 2),
      dependsOn: mainService ? [mainService] : [],
    });
  }
  if (phases.rollout) {
    const { featureFlags, canary, rollbackTriggers, rollbackProcedure, monitoring } = phases.rollout;
    add({
      key: 'rollout-flags',
      kind: 'rollout',
      title: 'Feature flags and kill switch',
      description: featureFlags.map((flag) => `${flag.name}: ${flag.description}`).join('\n'),
      acceptanceCriteria: ['Flags default off and can be flipped without a deploy'],
      requirements: featureFlags.flatMap((flag) => flag.requirements),
      estimate: 2,
      dependsOn: [],
    });
    add({
      key: 'rollout-canary',
      kind: 'rollout',
      title: `Canary rollout ${canary.map((stage) => `${stage.percent}%`).join(' → ')}`,
      description: rollbackProcedure.join('\n'),
      acceptanceCriteria: rollbackTriggers.map(
        (trigger) =>
          `Rollback rehearsed for ${trigger.signal} ${trigger.threshold}: previous version serves all traffic within ${trigger.rollbackWithinMinutes} minutes`,
      ),
      requirements: rollbackTriggers.flatMap((trigger) => trigger.requirements),
      estimate: 3,
      dependsOn: ['rollout-flags', ...tickets.filter((ticket) => ticket.kind === 'tests').map((ticket) => ticket.key)],
    });
    add({
      key: 'observability',
      kind: 'observability',
      title: 'Dashboards and alerts',
      description: monitoring.map((signal) => `${signal.signal} ${signal.threshold}: ${signal.alert}`).join('\n'),
      acceptanceCriteria: ['Every alert fires in a drill'],
      requirements: monitoring.flatMap((signal) => signal.requirements),
      estimate: 3,
      dependsOn: mainService ? [mainService] : [],
    });
  }
  const epic: PlannedTicket = {
    key: 'epic',
    kind: 'epic',
    title: ticketTitle(feature),
    description: phases.requirements?.summary ?? feature,
    acceptanceCriteria: (phases.requirements?.userStories ?? []).flatMap((story) =>
      story.acceptanceCriteria.map(
        (criterion) => `${criterion.id}: given ${criterion.given}, when ${criterion.when}, then ${criterion.then}`,
      ),
    ),
    requirements: (phases.requirements?.functional ?? []).map((requirement) => requirement.id),
    labels: ['specforge', 'epic'],
    estimate: tickets.reduce((sum, ticket) => sum + ticket.estimate, 0),
    dependsOn: [],
  };
  return { specId, feature, epic, tickets };
}

/**
 * A migration serves the requirements of the tables it names; one that names no table (a
 * backfill or a strategy step) applies to every table of the schema.
 */
function migrationRequirements(migration: string, database: PhaseContents['database']): string[] {
  // "001_create_invoices: ..." names invoices: a table name may follow an underscore, never run on into one.
  const named = database.tables.filter((table) =>
    new RegExp(`(^|[^a-z0-9])${table.name}([^a-z0-9_]|$)`, 'i').test(migration),
  );
  return (named.length ? named : database.tables).flatMap((table) => table.requirements);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
