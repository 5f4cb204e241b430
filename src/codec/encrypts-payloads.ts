import type { Client } from '@temporalio/client';
import { EncryptionCodec } from './encryption-codec';

/**
 * Whether this client encrypts what it sends: a starter then keeps the feature out of what Temporal
 * cannot encrypt (search attributes, the workflow id).
 */
export function encryptsPayloads(client: Client): boolean {
  return client.options.loadedDataConverter.payloadCodecs.some((codec) => codec instanceof EncryptionCodec);
}
