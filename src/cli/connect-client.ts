import { Client, Connection } from '@temporalio/client';
import { dataConverterFor } from '../codec/data-converter';
import { encryptionKeysFor } from '../codec/encryption-keys-for';
import type { Config } from '../config/load-config';
import { tracingClientInterceptors } from '../telemetry/temporal-tracing-interceptors';

/** For commands that only talk to an existing server: no dev server, no worker. */
export async function connectClient(config: Config): Promise<{ client: Client; close(): Promise<void> }> {
  const address = config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`;
  const connection = await Connection.connect({ address, connectTimeout: '5 seconds' }).catch((error: Error) => {
    throw new Error(
      `No Temporal server at ${address} (${error.message}). Start one with \`npm start\`, or set TEMPORAL_ADDRESS (or TEMPORAL_PORT for a local dev server on another port).`,
    );
  });
  const dataConverter = dataConverterFor(encryptionKeysFor(config));
  return {
    client: new Client({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter,
      interceptors: tracingClientInterceptors(),
    }),
    close: () => connection.close(),
  };
}
