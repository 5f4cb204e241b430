import path from 'node:path';
import { Connection } from '@temporalio/client';
import type { Config } from '../config/load-config';
import { startDevServer, type DevServer } from './dev-server';
import { findTemporalCli } from './find-temporal-cli';
import { registerSearchAttributes } from './register-search-attributes';

export interface TemporalEndpoint {
  address: string;
  uiUrl?: string;
  connection: Connection;
  devServer?: DevServer;
  close(): Promise<void>;
}

const DEV_SERVER_PORT = 7233;

/** TEMPORAL_ADDRESS when set; otherwise a local dev server keeping its state under SPECFORGE_HOME. */
export async function ensureTemporal(config: Config, log: (message: string) => void = () => undefined): Promise<TemporalEndpoint> {
  let devServer: DevServer | undefined;
  let address = config.TEMPORAL_ADDRESS;
  if (!address) {
    const cli = await findTemporalCli({ cliPath: config.TEMPORAL_CLI_PATH, onInstall: log });
    devServer = await startDevServer({ cli, port: DEV_SERVER_PORT, uiPort: config.TEMPORAL_UI_PORT, dbFile: path.resolve(config.SPECFORGE_HOME, 'temporal.db') });
    address = devServer.address;
  }
  const connection = await Connection.connect({ address });
  await registerSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
  return {
    address,
    uiUrl: devServer?.uiUrl,
    connection,
    devServer,
    async close() {
      await connection.close();
      await devServer?.stop();
    },
  };
}
