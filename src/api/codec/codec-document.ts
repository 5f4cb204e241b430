import { CODEC_BODY_LIMIT_MB } from './codec-router';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const base64 = { type: 'string', pattern: '^[A-Za-z0-9+/_-]*={0,2}$', description: 'base64' };

/** Temporal's `Payloads` message in protobuf JSON, as the codec-server protocol sends it both ways. */
export const payloadsSchema = {
  type: 'object',
  required: ['payloads'],
  properties: {
    payloads: {
      type: 'array',
      maxItems: 10_000,
      items: {
        type: 'object',
        properties: {
          metadata: { type: 'object', additionalProperties: base64 },
          data: base64,
        },
      },
    },
  },
};

const namespaceHeader = {
  name: 'X-Namespace',
  in: 'header',
  required: false,
  description: "The Temporal namespace the payloads belong to; only specforge's own (TEMPORAL_NAMESPACE) is served",
  schema: { type: 'string' },
};

function codecOperation(operationId: 'encodePayloads' | 'decodePayloads', summary: string, extra = {}) {
  return {
    post: {
      tags: ['codec'],
      operationId,
      summary,
      description:
        "Temporal's codec-server protocol, for the Temporal UI's --ui-codec-endpoint. Needs a bearer token or the " +
        "reviewer's session cookie when reviewers are configured; browsers may call it from TEMPORAL_UI_URL only (CORS).",
      parameters: [namespaceHeader],
      requestBody: { required: true, content: { 'application/json': { schema: payloadsSchema } } },
      responses: {
        '200': { description: 'The payloads, in order', content: { 'application/json': { schema: payloadsSchema } } },
        '401': problem('Reviewers are configured and the caller has no token or session'),
        '404': problem('Payload encryption is off (SPECFORGE_ENCRYPTION_KEYS unset): there is no codec'),
        '413': problem(`The body is larger than ${CODEC_BODY_LIMIT_MB} MB`),
        '415': problem('Not JSON, or an unsupported Content-Encoding or charset'),
        '422': problem('A field is not as described, or X-Namespace names another namespace'),
        ...extra,
      },
    },
  };
}

/** The codec endpoint's operations, for the API document. */
export function codecPaths(): Record<string, unknown> {
  return {
    '/codec/encode': codecOperation('encodePayloads', 'Encrypt payloads with the first key'),
    '/codec/decode': codecOperation('decodePayloads', 'Decrypt payloads (ones not encrypted come back as sent)', {
      '422': problem('A field is not as described, X-Namespace names another namespace, or a payload does not decrypt'),
    }),
  };
}
