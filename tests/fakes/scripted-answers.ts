import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import type { PhaseName } from '../../src/shared/phases';

/** What the fake model reads: the user message specforge sends with every phase request. */
export interface ModelRequest {
  feature: string;
  description?: string;
  answersToOpenQuestions?: Record<string, string>;
  reviewerFeedback: string[];
  /** The compact form of approved earlier phases: ids and one-line texts. */
  approvedEarlierSections: {
    requirements?: { functional: string[]; nonFunctional: string[] };
    security?: { authentication: string; threats: string[] };
  };
}

/**
 * The fake model's own answers, written for the tests and independent of specforge's offline
 * templates: the least content each phase schema accepts that also passes the phase's checks
 * and quality criteria, named from the request's words, citing only the ids the request carries.
 */
export function scriptedAnswer<Name extends PhaseName>(phase: Name, request: ModelRequest): PhaseContents[Name] {
  const answers: { [Phase in PhaseName]: (request: ModelRequest) => PhaseContents[Phase] } = {
    requirements: requirementsAnswer,
    architecture: architectureAnswer,
    database: databaseAnswer,
    api: apiAnswer,
    security: securityAnswer,
    testing: testingAnswer,
    rollout: rolloutAnswer,
    cost: costAnswer,
  };
  return answers[phase](request);
}

function requirementsAnswer(request: ModelRequest): PhaseContents['requirements'] {
  const statements = [
    request.feature,
    ...sentences(request.description ?? ''),
    ...request.reviewerFeedback.map((feedback) => `Reviewer asked: ${flat(feedback).slice(0, 200)}`),
  ];
  const functional = statements.map((text, index) => ({
    id: `FR-${index + 1}`,
    text: flat(text),
    priority: index === 0 ? ('must' as const) : ('should' as const),
  }));
  const answers = request.answersToOpenQuestions ?? {};
  return {
    summary: `${flat(request.feature)}: ${functional.length} functional requirements.`,
    functional,
    nonFunctional: [
      { id: 'NFR-1', category: 'performance', text: 'p95 latency under 250 ms for every request' },
      { id: 'NFR-2', category: 'throughput', text: 'Carries 100 requests per second at peak' },
      { id: 'NFR-3', category: 'availability', text: '99.9% monthly availability' },
      { id: 'NFR-4', category: 'security', text: 'Only authenticated callers, over TLS' },
    ],
    userStories: functional.map((requirement, index) => ({
      id: `US-${index + 1}`,
      asA: 'signed-in user',
      iWant: requirement.text,
      soThat: 'my request is met',
      requirements: [requirement.id],
      acceptanceCriteria: [
        {
          id: `AC-${index + 1}.1`,
          given: 'a signed-in user',
          when: `they ask for ${requirement.id}`,
          then: 'it succeeds and shows the result',
        },
      ],
      edgeCases: edgeCasesFor(requirement.text),
    })),
    questions: [
      {
        id: 'Q-1',
        question: 'Who may use it?',
        suggestedDefault: 'Every signed-in user',
        answer: answers['Q-1'] ?? null,
      },
      {
        id: 'Q-2',
        question: 'What peak load must it carry?',
        suggestedDefault: '100 requests per second',
        answer: answers['Q-2'] ?? null,
      },
    ],
    reviewerNotes: notes(request),
  };
}

function architectureAnswer(request: ModelRequest): PhaseContents['architecture'] {
  const { slug, title } = names(request.feature);
  const service = `${slug}-service`;
  return {
    overview: `${title} runs as one service with its own database.`,
    components: [
      {
        id: 'browser',
        name: 'Browser',
        kind: 'client',
        technology: 'Web page',
        responsibility: `Shows ${title}`,
        requirements: functionalIds(request).slice(0, 1),
      },
      {
        id: service,
        name: `${title} service`,
        kind: 'service',
        technology: 'HTTP service',
        responsibility: `Implements ${title}`,
        requirements: [...functionalIds(request), ...nonFunctionalOf(request, 'performance')],
      },
      {
        id: 'database',
        name: 'Database',
        kind: 'store',
        technology: 'PostgreSQL',
        responsibility: 'Keeps the records',
        requirements: [...functionalIds(request), ...nonFunctionalOf(request, 'chaos')],
      },
    ],
    edges: [
      { from: 'browser', to: service, protocol: 'HTTPS', description: 'Calls the API' },
      { from: service, to: 'database', protocol: 'SQL', description: 'Reads and writes records' },
    ],
    boundaries: 'The service alone owns its tables.',
    communication: 'Synchronous HTTPS calls.',
    dataFlow: 'Requests go through the service into the database.',
    scaling: 'Stateless instances scale on CPU.',
    caching: 'No cache at first; reads go to the database.',
    observability: 'Logs, request metrics and traces per call.',
    reviewerNotes: notes(request),
  };
}

function databaseAnswer(request: ModelRequest): PhaseContents['database'] {
  const table = names(request.feature).slug.replace(/-/g, '_');
  return {
    engine: 'PostgreSQL',
    tables: [
      {
        name: table,
        purpose: `Records of ${names(request.feature).title}`,
        columns: [
          { name: 'id', type: 'uuid', nullable: false, description: 'Primary key' },
          { name: 'title', type: 'text', nullable: false, description: 'What the record is' },
          { name: 'created_at', type: 'timestamptz', nullable: false, description: 'When it was made' },
        ],
        indexes: [`${table}_created_idx (created_at)`],
        references: [],
        requirements: functionalIds(request),
      },
    ],
    migrations: [`001_create_${table}`],
    retention: 'Kept for one year.',
    reviewerNotes: notes(request),
  };
}

function apiAnswer(request: ModelRequest): PhaseContents['api'] {
  const { slug, pascal, title } = names(request.feature);
  const ids = functionalIds(request);
  return {
    version: 'v1',
    resources: [
      {
        name: slug,
        schemaName: pascal,
        description: `Records of ${title}`,
        fields: [{ name: 'title', type: 'string', required: true, description: 'What the record is' }],
        operations: [
          { kind: 'list', summary: `List ${title} records`, requirements: ids.slice(0, 1) },
          { kind: 'create', summary: `Create a ${title} record`, requirements: ids },
          { kind: 'get', summary: `Get a ${title} record`, requirements: ids.slice(0, 1) },
        ],
      },
    ],
    reviewerNotes: notes(request),
  };
}

function securityAnswer(request: ModelRequest): PhaseContents['security'] {
  return {
    authentication: { scheme: 'bearer-jwt', description: 'A signed JWT on every call, checked by the service.' },
    authorization: 'Users reach only their own records.',
    encryptionAtRest: 'Database disks are encrypted.',
    encryptionInTransit: 'TLS on every connection.',
    inputValidation: ['Bodies are checked against the API schema'],
    cors: 'Only the product origin is allowed.',
    csp: "default-src 'self'",
    threats: [
      {
        id: 'TH-1',
        category: 'Spoofing',
        threat: 'A stolen token',
        control: 'Tokens live 15 minutes and are bound to the client',
        requirements: orFirstFunctional(request, nonFunctionalOf(request, 'security')),
      },
    ],
    reviewerNotes: notes(request),
  };
}

function testingAnswer(request: ModelRequest): PhaseContents['testing'] {
  const perRequirement = functionalIds(request).map((id) => ({
    level: 'unit' as const,
    title: `${id} works`,
    steps: `Call the service for ${id}`,
    expected: 'The result matches',
    requirements: [id],
    threats: [],
  }));
  const perQuality = nonFunctionalLines(request).map(({ id, text }) => ({
    level: levelFor(text),
    title: `${id} holds`,
    steps: `Measure ${id}`,
    expected: text,
    requirements: [id],
    threats: [],
  }));
  const perThreat = threatIds(request).map((id) => ({
    level: 'security' as const,
    title: `${id} is stopped`,
    steps: `Attempt ${id} against the service`,
    expected: 'The attempt is refused',
    requirements: orFirstFunctional(request, nonFunctionalOf(request, 'security')),
    threats: [id],
  }));
  return {
    mockingStrategy: 'Unit tests replace the database with an in-memory fake.',
    cases: [...perRequirement, ...perQuality, ...perThreat].map((testCase, index) => ({
      id: `T-${index + 1}`,
      ...testCase,
    })),
    reviewerNotes: notes(request),
  };
}

function rolloutAnswer(request: ModelRequest): PhaseContents['rollout'] {
  const { slug } = names(request.feature);
  return {
    featureFlags: [
      {
        name: `${slug}-enabled`,
        description: 'Turns the feature on',
        defaultValue: false,
        requirements: functionalIds(request),
      },
    ],
    canary: [
      { percent: 10, duration: '1 day', exitCriteria: 'No rise in errors' },
      { percent: 100, duration: 'permanent', exitCriteria: 'None' },
    ],
    rollbackTriggers: [
      {
        signal: 'Error rate',
        threshold: 'above 2% for 5 minutes',
        rollbackWithinMinutes: 10,
        requirements: orFirstFunctional(request, nonFunctionalOf(request, 'chaos')),
      },
    ],
    rollbackProcedure: [`Turn ${slug}-enabled off`, 'Check that errors are back to normal'],
    abTest: {
      hypothesis: 'The feature helps users',
      metric: 'Task completion',
      split: '50/50',
      minimumSample: '1,000 users per arm',
    },
    monitoring: [
      {
        signal: 'Error rate',
        threshold: '> 2% for 5 minutes',
        alert: 'Page on-call',
        requirements: functionalIds(request),
      },
      ...nonFunctionalLines(request).map(({ id, text }) => ({
        signal: `Breach of ${id}`,
        threshold: text,
        alert: 'Page on-call',
        requirements: [id],
      })),
    ],
    reviewerNotes: notes(request),
  };
}

function costAnswer(request: ModelRequest): PhaseContents['cost'] {
  return {
    load: {
      peakRequestsPerSecond: 100,
      averageRequestsPerSecond: 25,
      monthlyActiveUsers: 1000,
      storageGb: 10,
      transferGb: 20,
    },
    roiInputs: { engineerWeeks: 4, hourlyRateUsd: 100, hoursSavedPerMonth: 20 },
    narrative: `${flat(request.feature)} costs mostly its service instances and database.`,
    optimisations: [{ idea: 'Reserved instances', savingPercent: 20 }],
    estimate: null,
    reviewerNotes: notes(request),
  };
}

/** The request's own words as names: a kebab-case slug, a PascalCase schema name and a title. */
function names(feature: string): { slug: string; pascal: string; title: string } {
  const words = feature
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => /^[a-z]/.test(word))
    .slice(0, 3);
  const chosen = words.length ? words : ['feature'];
  return {
    slug: chosen.join('-'),
    pascal: chosen.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(''),
    title: chosen.join(' '),
  };
}

function functionalIds(request: ModelRequest): string[] {
  return (request.approvedEarlierSections.requirements?.functional ?? []).map((line) => line.split(':')[0]!);
}

function nonFunctionalLines(request: ModelRequest): { id: string; text: string }[] {
  return (request.approvedEarlierSections.requirements?.nonFunctional ?? []).map((line) => {
    const [id, ...text] = line.split(': ');
    return { id: id!, text: text.join(': ') || id! };
  });
}

/** The NFRs whose text calls for a test at the given level: the fake's own reading of what it wrote. */
function nonFunctionalOf(request: ModelRequest, level: PhaseContents['testing']['cases'][number]['level']): string[] {
  return nonFunctionalLines(request)
    .filter(({ text }) => levelFor(text) === level)
    .map(({ id }) => id);
}

function orFirstFunctional(request: ModelRequest, ids: string[]): string[] {
  return ids.length ? ids : functionalIds(request).slice(0, 1);
}

function threatIds(request: ModelRequest): string[] {
  return (request.approvedEarlierSections.security?.threats ?? []).map((line) => line.split(':')[0]!);
}

/** Four kinds of edge case (concurrency, size, a failing store, access), each naming the requirement's own words. */
function edgeCasesFor(requirement: string): string[] {
  const focus = `"${requirement.split(' ').slice(0, 6).join(' ')}"`;
  return [
    `${focus} is asked for twice at the same moment: one result, no duplicate`,
    `${focus} gets input over the 64 KiB size limit: refused with 422`,
    `The store times out during ${focus}: 503, nothing half-written`,
    `A user without access tries ${focus}: refused with 403`,
  ];
}

function levelFor(text: string): PhaseContents['testing']['cases'][number]['level'] {
  if (/latency|per second|\brps\b/i.test(text)) return 'performance';
  if (/authenticat|TLS|encrypt/i.test(text)) return 'security';
  if (/availab/i.test(text)) return 'chaos';
  return 'integration';
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map(flat)
    .filter(Boolean);
}

function notes(request: ModelRequest): string[] {
  return request.reviewerFeedback.map((feedback) => `Applied: ${flat(feedback)}`);
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
