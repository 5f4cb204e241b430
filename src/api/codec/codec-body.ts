import type { Payload } from '@temporalio/common';
import { z } from 'zod';

/** Protobuf JSON writes bytes as base64, standard or URL-safe, padded or not. */
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');

const payloadJson = z.object({
  metadata: z.record(z.string(), base64).optional(),
  data: base64.optional(),
});

/** The codec-server protocol's body: Temporal's `Payloads` message in protobuf JSON. */
export const codecBody = z.object({
  payloads: z.array(payloadJson).max(10_000),
});

export type PayloadJson = z.infer<typeof payloadJson>;

export function fromJson(payload: PayloadJson): Payload {
  const metadata = Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, bytes(value)]),
  );
  return { metadata, data: bytes(payload.data ?? '') };
}

/** Standard padded base64, as protobuf JSON writes it; empty fields are left out. */
export function toJson(payload: Payload): PayloadJson {
  const metadata = Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value ?? []).toString('base64')]),
  );
  const data = payload.data?.length ? Buffer.from(payload.data).toString('base64') : undefined;
  return { metadata, ...(data === undefined ? {} : { data }) };
}

function bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}
