import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';
import type { EncryptionKey } from './encryption-keys';

const { Payload: PayloadMessage } = proto.temporal.api.common.v1;

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM over the whole serialized payload (its metadata too, so not even the encoding of a
 * value shows). Only the key id stays readable, in the metadata, for decoding after a rotation;
 * it is also the authenticated data, so a payload cannot be passed off as another key's.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly byId: ReadonlyMap<string, Buffer>;

  constructor(private readonly keys: readonly EncryptionKey[]) {
    if (keys.length === 0) throw new ValueError('EncryptionCodec needs at least one key');
    this.byId = new Map(keys.map((each) => [each.id, each.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys[0]!;
    return payloads.map((payload) => ({
      metadata: { [METADATA_ENCODING_KEY]: text(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: text(id) },
      data: encrypt(PayloadMessage.encode(payload).finish(), key, id),
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (read(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
      const id = read(payload.metadata?.[KEY_ID_METADATA]) ?? '';
      const key = this.byId.get(id);
      if (!key) throw new ValueError(`A payload is encrypted with key "${id}", which SPECFORGE_ENCRYPTION_KEYS lacks`);
      return PayloadMessage.decode(decrypt(payload.data ?? new Uint8Array(), key, id));
    });
  }
}

function encrypt(plain: Uint8Array, key: Buffer, id: string): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(id));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function decrypt(sealed: Uint8Array, key: Buffer, id: string): Uint8Array {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new ValueError('An encrypted payload is too short to be one');
  const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES)).setAAD(Buffer.from(id));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new ValueError(`An encrypted payload does not decrypt with key "${id}": the key or the payload was changed`);
  }
}

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

function read(value: Uint8Array | null | undefined): string | undefined {
  return value ? new TextDecoder().decode(value) : undefined;
}
