import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { sha256 } from '../../src/activities/artifacts/hash';
import type { Generation, Generator } from '../../src/activities/llm/generator';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import { phasePrompt } from '../../src/activities/llm/phase-prompt';
import { PHASE_DEFINITIONS } from '../../src/activities/phases/index';
import type { PhaseContext } from '../../src/activities/phases/phase-definition';
import { runPhase } from '../../src/activities/phases/run-phase';
import { saveProjectContext } from '../../src/activities/context/save-project-context';
import { planTickets } from '../../src/activities/tickets/plan-tickets';
import { closeSvgRenderer } from '../../src/activities/validate/svg-renderer';
import { runPackWithContext } from '../helpers/run-pack-with-context';

afterAll(() => closeSvgRenderer());

async function freshStore() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-context-'));
  return new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
}

const FEATURE = {
  feature: 'Export invoices to CSV',
  description: 'Finance exports a month of invoices. Large exports run in the background and email a download link.',
};

/** Teams' context documents, what their packs must name, and the defaults they must not. */
const STACKS = [
  {
    team: 'MySQL, Kafka, Go on Kubernetes, SAML through Okta',
    document: 'MySQL 8, Kafka, Go on Kubernetes, SAML through Okta',
    names: [
      'MySQL 8',
      'Apache Kafka',
      'Kafka protocol/TLS',
      'Go,',
      'golang-migrate',
      'testcontainers-go',
      'on Kubernetes',
      'kubectl rollout undo',
      'Okta',
      'SAML 2.0',
      'binary(16)',
      'datetime(6)',
      'ALGORITHM=INPLACE',
    ],
    never: ['PostgreSQL', 'AMQP', 'Node.js', 'jsonb', 'timestamptz', 'CONCURRENTLY'],
  },
  {
    team: 'a .NET shop on Azure',
    document:
      '# Platform\n\n- Language: C# on .NET 8 (ASP.NET Core)\n- Database: SQL Server 2022\n- Messaging: Azure Service Bus\n- Caching: Valkey\n- Identity: Microsoft Entra ID (OIDC)\n- Hosting: AKS on Azure\n',
    names: [
      'SQL Server 2022',
      'uniqueidentifier',
      'WITH (ONLINE = ON)',
      'EF Core migrations',
      'Azure Service Bus',
      'Valkey',
      'Microsoft Entra ID',
      'Azure Key Vault',
      'Azure Monitor',
      'Azure reservations',
      '.NET 8 (C#, ASP.NET Core)',
      'xUnit',
      'the Service Bus emulator',
    ],
    never: ['PostgreSQL', 'Redis', 'Node.js', 'AMQP 0-9-1', 'jsonb'],
  },
  {
    team: 'Django with MongoDB and RabbitMQ on AWS',
    document:
      'Our services are Python 3.12 and Django. Data lives in MongoDB 7; RabbitMQ carries events; Memcached caches pages. Customers sign in with Auth0. Everything runs on AWS ECS (Fargate).',
    names: [
      'MongoDB 7',
      'replica set of 3',
      'MongoDB wire protocol/TLS',
      'RabbitMQ',
      'AMQP 0-9-1/TLS',
      'Memcached',
      'Auth0',
      'AWS KMS',
      'Amazon CloudWatch',
      'ECS',
      'Python 3.12 (Django)',
      'pytest',
      'collection',
    ],
    never: ['PostgreSQL', 'Redis', 'Node.js', 'jsonb', 'timestamptz'],
  },
  {
    team: 'Spring Boot on Oracle with SQS, Cognito and DynamoDB left out',
    document: 'Stack: Java 21 / Spring Boot. Database: Oracle 19c (no DynamoDB). Queue: Amazon SQS. Identity: Cognito.',
    names: [
      'Oracle Database 19c',
      'raw(16)',
      'Flyway',
      'Amazon SQS',
      'HTTPS (SQS API)',
      'LocalStack',
      'Amazon Cognito',
      'Java 21 (Spring Boot)',
      'JUnit 5',
      'AWS KMS',
    ],
    never: ['PostgreSQL', 'DynamoDB', 'AMQP', 'Node.js', 'jsonb'],
  },
];

describe("a pack from a team's context document", () => {
  it.each(STACKS)('names the stack of $team and never the defaults it replaced', async ({ document, names, never }) => {
    const result = await runPackWithContext(await freshStore(), {
      ...FEATURE,
      context: { text: document, source: 'specforge.context.md' },
    });
    const tickets = JSON.stringify(planTickets(result.specId, FEATURE.feature, result.phases));
    const text = `${result.allText}\n${tickets}`;
    expect(names.filter((name) => !text.includes(name))).toEqual([]);
    expect(never.filter((name) => text.includes(name))).toEqual([]);
    expect(result.report.validation.filter((check: { valid: boolean }) => !check.valid)).toEqual([]);
    expect(result.report.quality.filter((criterion: { passed: boolean }) => !criterion.passed)).toEqual([]);
  });

  it('records which context the run used in the report: where from, its sha256 and size', async () => {
    const document = 'MySQL 8, Kafka, Go on Kubernetes, SAML through Okta';
    const result = await runPackWithContext(await freshStore(), {
      ...FEATURE,
      context: { text: document, source: '/home/ana/shop/specforge.context.md' },
    });
    expect(result.report.context).toEqual({
      source: 'specforge.context.md',
      sha256: sha256(document),
      bytes: Buffer.byteLength(document),
      characters: document.length,
    });
  });

  it("keeps today's stack, and reports no context, when the run has none", async () => {
    const result = await runPackWithContext(await freshStore(), FEATURE);
    expect(result.report.context).toBeNull();
    expect(result.phases.database!.engine).toBe('PostgreSQL 16');
    expect(result.phases.architecture!.components.map((component) => component.technology)).toEqual(
      expect.arrayContaining(['Node.js, stateless, containerised', 'Redis 7', 'Managed message queue']),
    );
    expect(result.phases.architecture!.edges.map((edge) => edge.protocol)).toContain('AMQP');
  });
});

describe('the context document in prompts and the cache', () => {
  const project = { source: 'specforge.context.md', sha256: sha256('MySQL 8 and Kafka'), text: 'MySQL 8 and Kafka' };
  const context: PhaseContext = {
    specId: 'spec-prompt-00000001',
    feature: 'Export invoices to CSV',
    description: '',
    revision: 1,
    feedback: [],
    answers: {},
    earlier: {},
  };

  it.each(Object.keys(PHASE_DEFINITIONS))(
    "puts the document's text into the %s prompt and tells the model to use its stack",
    (phase) => {
      const prompt = phasePrompt(PHASE_DEFINITIONS[phase as keyof typeof PHASE_DEFINITIONS], { ...context, project });
      expect(JSON.parse(prompt.user).projectContext).toBe('MySQL 8 and Kafka');
      expect(prompt.system).toMatch(/projectContext is the team's own context document/);
    },
  );

  it('says nothing of a context document to a run without one', () => {
    const prompt = phasePrompt(PHASE_DEFINITIONS.architecture, context);
    expect(JSON.parse(prompt.user)).not.toHaveProperty('projectContext');
    expect(prompt.system).not.toMatch(/projectContext/);
  });

  it('asks the model again when the context document changes, and reuses the answer when it does not', async () => {
    const store = await freshStore();
    const calls: string[] = [];
    const offline = createOfflineGenerator();
    const counting: Generator = {
      ...offline,
      async generate(definition, phaseContext, check, progress): Promise<Generation<never>> {
        calls.push(phaseContext.project?.sha256 ?? 'none');
        return offline.generate(definition, phaseContext, check, progress) as Promise<Generation<never>>;
      },
    };
    const run = async (text?: string) => {
      const reference = text === undefined ? undefined : await saveProjectContext(store, { text, source: 'request' });
      return runPhase(counting, store, {
        specId: 'spec-cache-00000001',
        phase: 'requirements',
        revision: 1,
        feature: 'Export invoices to CSV',
        description: '',
        feedback: [],
        answers: {},
        earlier: {},
        ...(reference ? { context: reference } : {}),
      });
    };
    expect((await run('MySQL 8 and Kafka')).cached).toBe(false);
    expect((await run('MySQL 8 and Kafka')).cached).toBe(true);
    expect((await run('PostgreSQL and RabbitMQ')).cached).toBe(false);
    expect((await run()).cached).toBe(false);
    expect(calls).toEqual([sha256('MySQL 8 and Kafka'), sha256('PostgreSQL and RabbitMQ'), 'none']);
  });

  it('refuses a stored document whose text no longer matches the hash the run started with', async () => {
    const store = await freshStore();
    const reference = await saveProjectContext(store, { text: 'MySQL 8', source: 'request' });
    await store.write(store.home, reference.path, 'PostgreSQL 16');
    await expect(
      runPhase(createOfflineGenerator(), store, {
        specId: 'spec-cache-00000002',
        phase: 'requirements',
        revision: 1,
        feature: 'Export invoices to CSV',
        description: '',
        feedback: [],
        answers: {},
        earlier: {},
        context: reference,
      }),
    ).rejects.toThrow(/changed after the run started/);
  });
});
