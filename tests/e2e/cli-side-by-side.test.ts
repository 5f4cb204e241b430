import { access, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { ensureTemporal, type TemporalEndpoint } from '../../src/temporal/ensure-temporal';
import { freePort } from '../helpers/free-port';

const started: TemporalEndpoint[] = [];
afterAll(async () => {
  for (const endpoint of started) await endpoint.close();
});

it('runs a second local dev server beside the first on its own TEMPORAL_PORT, TEMPORAL_UI_PORT and database', async () => {
  const home = await mkdtemp(path.join(os.tmpdir(), 'specforge-ports-'));
  const settings = async () => ({ port: await freePort(), uiPort: await freePort() });
  // The second server's ports are picked once the first runs: a dev server takes random free ports for
  // its internal services, which could otherwise be the ones picked for the second.
  const first = await settings();
  const configFor = (ports: { port: number; uiPort: number }) =>
    loadConfig({
      TEMPORAL_PORT: String(ports.port),
      TEMPORAL_UI_PORT: String(ports.uiPort),
      SPECFORGE_HOME: home,
      TEMPORAL_CLI_PATH: process.env.TEMPORAL_CLI_PATH,
    });

  started.push(await ensureTemporal(configFor(first)));
  const second = await settings();
  started.push(await ensureTemporal(configFor(second)));

  expect(started.map((endpoint) => [endpoint.address, endpoint.uiUrl, endpoint.devServer?.started])).toEqual([
    [`127.0.0.1:${first.port}`, `http://localhost:${first.uiPort}`, true],
    [`127.0.0.1:${second.port}`, `http://localhost:${second.uiPort}`, true],
  ]);
  for (const endpoint of started) expect(await endpoint.connection.workflowService.getSystemInfo({})).toBeDefined();
  await access(path.join(home, `temporal-${first.port}.db`));
  await access(path.join(home, `temporal-${second.port}.db`));

  await expect(ensureTemporal(configFor({ port: await freePort(), uiPort: first.uiPort }))).rejects.toThrow(
    `Port ${first.uiPort} for the Temporal UI is already in use (another specforge?): set TEMPORAL_UI_PORT to a free port`,
  );
});
