// npm run bench:codec: what SPECFORGE_ENCRYPTION_KEYS costs. The codec's encode and decode per payload
// (median of 10,000) for what a run sends most (a phase result, a decision) and a large one, and the
// wall time of one offline run (gates "none") with and without encryption (median of 3 each).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { createActivities } from '../src/activities/create-activities';
import { createOfflineGenerator } from '../src/activities/llm/offline-generator';
import { createFileTarget } from '../src/activities/tickets/file-target';
import { closeMermaidParser } from '../src/activities/validate/mermaid-parse';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import { dataConverterFor } from '../src/codec/data-converter';
import { EncryptionCodec } from '../src/codec/encryption-codec';
import type { EncryptionKey } from '../src/codec/encryption-keys';
import { startSpec } from '../src/runs/start-spec';
import type { Decision } from '../src/shared/decision';
import type { PhaseResult } from '../src/shared/spec-run';
import { startDevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { createSpecWorker } from '../src/workers/create-worker';
import { freePort } from '../tests/helpers/free-port';
import { median } from './median';

const PAYLOADS = 10_000;
const RUNS = 3;

const keys: EncryptionKey[] = [{ id: 'bench', key: randomBytes(32) }];
const codec = new EncryptionCodec(keys);

/** What travels through history after each phase: the reference to the stored output, not the output. */
const phaseResult: PhaseResult = {
  phase: 'requirements',
  revision: 2,
  artifact: {
    file: 'requirements.r2.json',
    path: '.specforge/runs/spec-export-invoices-as-csv-1a2b3c4d/requirements.r2.json',
    sha256: randomBytes(32).toString('hex'),
    bytes: 14_211,
    summary: '14 functional requirements, 6 non-functional, 3 open questions (export scope, time zone, delimiter)',
  },
  provider: 'openai',
  model: 'gpt-4o-mini',
  usage: { input: 3_812, output: 2_406 },
  cached: false,
  quality: Array.from({ length: 4 }, (_, index) => ({
    criterion: `requirement-${index + 1}-is-testable`,
    phase: 'requirements' as const,
    passed: index !== 2,
    reasons: index === 2 ? ['FR-7 names no measurable outcome'] : [],
  })),
  orphans: ['FR-12'],
};

const decision: Decision = {
  phase: 'requirements',
  action: 'request_changes',
  by: 'alice',
  comment: 'Split the export by currency and say what happens to invoices voided after the export ran. '.repeat(3),
  items: [
    { id: 'FR-3', comment: 'Name the time zone the date range is read in.' },
    { id: 'FR-7', comment: 'Say which columns, in which order.' },
  ],
  via: 'api',
  proof: randomBytes(32).toString('base64url'),
};

/** A 64 KiB value: the largest phase summaries and decision comments stay well below it. */
const large = randomBytes(48 * 1024).toString('base64');

function microseconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1_000;
}

/** Median encode and decode time of one payload, each call on its own as the SDK makes them. */
async function time(payload: Payload): Promise<{ bytes: number; encode: number; decode: number }> {
  const encodeTimes: number[] = [];
  const decodeTimes: number[] = [];
  const sealed: Payload[] = [];
  for (let index = 0; index < PAYLOADS; index++) {
    const start = process.hrtime.bigint();
    sealed.push((await codec.encode([payload]))[0]!);
    encodeTimes.push(microseconds(start));
  }
  for (const each of sealed) {
    const start = process.hrtime.bigint();
    await codec.decode([each]);
    decodeTimes.push(microseconds(start));
  }
  return { bytes: payload.data?.length ?? 0, encode: median(encodeTimes), decode: median(decodeTimes) };
}

/** Milliseconds from start to result of `RUNS` offline runs on one worker that bundles its workflows as `npm start`'s does. */
async function runTimes(address: string, encrypted: boolean): Promise<number[]> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-codec-bench-'));
  const store = new ArtifactStore(path.join(folder, 'home'), path.join(folder, 'specs'));
  const dataConverter = dataConverterFor(encrypted ? keys : undefined);
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, dataConverter });
  const taskQueue = `codec-bench-${encrypted ? 'encrypted' : 'plain'}-${Date.now()}`;
  const { worker, connection: workerConnection } = await createSpecWorker({
    address,
    namespace: 'default',
    taskQueue,
    activities: createActivities({
      generator: createOfflineGenerator(),
      store,
      tickets: { file: createFileTarget(store) },
    }),
    dataConverter,
  });
  const times: number[] = [];
  await worker.runUntil(async () => {
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const id = await startSpec(client, taskQueue, { feature: 'Export invoices as CSV', gates: 'none' });
      await client.workflow.getHandle(id).result();
      times.push(performance.now() - start);
    }
  });
  await workerConnection.close();
  await connection.close();
  await rm(folder, { recursive: true, force: true });
  return times;
}

Runtime.install({ logger: new DefaultLogger('ERROR') });
const rows = [
  ['phase result', await time(defaultPayloadConverter.toPayload(phaseResult))],
  ['decision', await time(defaultPayloadConverter.toPayload(decision))],
  ['64 KiB value', await time(defaultPayloadConverter.toPayload(large))],
] as const;
console.log(`AES-256-GCM codec, median of ${PAYLOADS.toLocaleString('en')} payloads each (Node ${process.version})`);
console.log('payload        bytes   encode µs  decode µs');
for (const [name, row] of rows)
  console.log(
    `${name.padEnd(14)} ${String(row.bytes).padStart(6)} ${row.encode.toFixed(1).padStart(11)} ${row.decode.toFixed(1).padStart(10)}`,
  );

const server = await startDevServer({ cli: await findTemporalCli(), port: await freePort() });
try {
  const plain = await runTimes(server.address, false);
  const encrypted = await runTimes(server.address, true);
  console.log(`\nOne offline run (gates "none"), start to result, median of ${RUNS}`);
  console.log('mode        median ms  runs ms');
  for (const [name, times] of [
    ['plain', plain],
    ['encrypted', encrypted],
  ] as const)
    console.log(
      `${name.padEnd(11)} ${median(times).toFixed(0).padStart(9)}  ${times.map((each) => each.toFixed(0)).join(', ')}`,
    );
  console.log(`difference  ${(median(encrypted) - median(plain)).toFixed(0).padStart(9)}`);
} finally {
  await server.stop();
  // The diagram checks keep a browser open; it would keep this process alive.
  await closeSvgRenderer();
  await closeMermaidParser();
}
