import path from 'node:path';
import { Connection } from '@temporalio/client';
import type { Config } from '../config/load-config';
import { startDevServer, type DevServer } from './dev-server';
import { findTemporalCli } from './find-temporal-cli';
import { codecEndpointFor } from '../codec/codec-endpoint';
import { registerSearchAttributes } from './register-search-attributes';

const DEFAULT_TEMPORAL_PORT = 7233;

export interface TemporalEndpoint {
  address: string;
  uiUrl?: string;
  connection: Connection;
  devServer?: DevServer;
  close(): Promise<void>;
}

/**
 * TEMPORAL_ADDRESS when set; otherwise a local dev server on TEMPORAL_PORT keeping its state under
 * SPECFORGE_HOME, one database per port so two servers side by side never share one.
 */
export async function ensureTemporal(
  config: Config,
  log: (message: string) => void = () => undefined,
): Promise<TemporalEndpoint> {
  let devServer: DevServer | undefined;
  let address = config.TEMPORAL_ADDRESS;
  if (!address) {
    const cli = await findTemporalCli({ cliPath: config.TEMPORAL_CLI_PATH, onInstall: log });
    devServer = await startDevServer({
      cli,
      port: config.TEMPORAL_PORT,
      uiPort: config.TEMPORAL_UI_PORT,
      codecEndpoint: codecEndpointFor(config),
      dbFile: path.resolve(config.SPECFORGE_HOME, devServerDatabase(config.TEMPORAL_PORT)),
    });
    address = devServer.address;
  }
  const connection = await Connection.connect({ address });
  await registerSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
  return {
    address,
    uiUrl: config.TEMPORAL_UI_URL ?? devServer?.uiUrl,
    connection,
    devServer,
    async close() {
      await connection.close();
      await devServer?.stop();
    },
  };
}

/** `temporal.db` on the default port (where earlier runs live); `temporal-<port>.db` on any other. */
export function devServerDatabase(port: number): string {
  return port === DEFAULT_TEMPORAL_PORT ? 'temporal.db' : `temporal-${port}.db`;
}
