import type { Payload, PayloadCodec } from '@temporalio/common';
import express, { Router, type ErrorRequestHandler, type Request } from 'express';
import type { ApiContext } from '../api-context';
import { parseInput } from '../parse-input';
import { HttpProblem } from '../problem';
import { codecBody, fromJson, toJson } from './codec-body';

/** Larger than the API's 1 MB: the UI sends whole events' payloads, and Temporal takes payloads up to 2 MB. */
export const CODEC_BODY_LIMIT_MB = 4;

/**
 * The Temporal codec-server protocol at /codec/encode and /codec/decode, for the Temporal UI (its
 * `--ui-codec-endpoint`) and `temporal --codec-endpoint`. Mounted after the identity check and
 * before the API's own JSON parser, so its larger body limit applies.
 */
export function codecRouter(context: Pick<ApiContext, 'payloadCodec' | 'namespace'>): Router {
  const router = Router();
  router.use('/codec', express.json({ limit: `${CODEC_BODY_LIMIT_MB}mb` }), tooLarge);
  router.post('/codec/encode', async (request, response) => {
    const payloads = readPayloads(request, context);
    const encoded = await codecOf(context).encode(payloads);
    response.json({ payloads: encoded.map(toJson) });
  });
  router.post('/codec/decode', async (request, response) => {
    const payloads = readPayloads(request, context);
    const decoded = await decodeEach(codecOf(context), payloads);
    response.json({ payloads: decoded.map(toJson) });
  });
  return router;
}

/**
 * With no codec (SPECFORGE_ENCRYPTION_KEYS unset) the endpoint is absent: payloads are stored as
 * plain JSON and need no decoding, and a pass-through "encode" would let a UI user believe a
 * signal it sends is encrypted when it is not.
 */
function codecOf(context: Pick<ApiContext, 'payloadCodec'>): PayloadCodec {
  if (context.payloadCodec) return context.payloadCodec;
  throw new HttpProblem(
    404,
    'No codec',
    'Payload encryption is off (SPECFORGE_ENCRYPTION_KEYS is unset): payloads are plain JSON and need no codec',
  );
}

function readPayloads(request: Request, context: Pick<ApiContext, 'namespace'>): Payload[] {
  const namespace = request.headers['x-namespace'];
  // specforge's keys belong to its namespace: another namespace's data is not for them to encode or read.
  if (typeof namespace === 'string' && namespace !== '' && namespace !== context.namespace) {
    throw new HttpProblem(422, 'Other namespace', `This codec serves the namespace "${context.namespace}" only`, [
      { field: 'X-Namespace', message: `must be "${context.namespace}"` },
    ]);
  }
  if (!request.is('application/json')) {
    throw new HttpProblem(415, 'Unsupported media type', 'Send the payloads as JSON (Content-Type: application/json)', [
      { field: 'Content-Type', message: 'must be application/json' },
    ]);
  }
  return parseInput(codecBody, request.body, 'body').payloads.map(fromJson);
}

/** One payload at a time, so one that does not decrypt is named by its index. */
async function decodeEach(codec: PayloadCodec, payloads: Payload[]): Promise<Payload[]> {
  const decoded: Payload[] = [];
  for (const [index, payload] of payloads.entries()) {
    try {
      decoded.push(...(await codec.decode([payload])));
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'it does not decode';
      throw new HttpProblem(422, 'Payload does not decode', `Payload ${index} does not decode: ${reason}`, [
        { field: `payloads.${index}`, message: reason },
      ]);
    }
  }
  return decoded;
}

/** The API's own 413 names its 1 MB limit; this body's limit is larger. */
const tooLarge: ErrorRequestHandler = (error, _request, _response, next) => {
  if ((error as { type?: unknown }).type !== 'entity.too.large') return next(error);
  next(
    new HttpProblem(413, 'Body too large', `The request body is larger than ${CODEC_BODY_LIMIT_MB} MB`, [
      { field: 'body', message: 'too large' },
    ]),
  );
};
