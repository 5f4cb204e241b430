import { createHash, randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewerDirectory } from '../../src/api/auth/reviewer-directory';
import { SESSION_COOKIE } from '../../src/api/auth/sessions';
import { EncryptionCodec } from '../../src/codec/encryption-codec';
import { parseEncryptionKeys } from '../../src/codec/encryption-keys';
import { startCodecApiServer, type CodecApiServer } from '../helpers/codec-api-server';
import { expectProblem } from '../helpers/expect-problem';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { readResponse } from '../helpers/read-response';

const UI_ORIGIN = 'http://localhost:8233';
const keyText = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const codec = new EncryptionCodec(parseEncryptionKeys(keyText('current')));
const reviewerToken = ['ana', 'fake', randomBytes(12).toString('hex')].join('-');
const reviewers = new ReviewerDirectory([
  { name: 'ana', role: 'reviewer', tokenSha256: createHash('sha256').update(reviewerToken).digest('hex') },
]);

/** A JSON payload as the Temporal UI sends one: protobuf JSON, bytes in base64. */
const jsonPayload = (value: unknown) => ({
  metadata: { encoding: Buffer.from('json/plain').toString('base64') },
  data: Buffer.from(JSON.stringify(value)).toString('base64'),
});
/** A payload the workers' codec wrote, as the UI would send it. */
const asJson = (payload: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value!).toString('base64')]),
  ),
  data: Buffer.from(payload.data ?? []).toString('base64'),
});
const readData = (payload: { data?: string }) => Buffer.from(payload.data ?? '', 'base64').toString();

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return readResponse(response);
}

let stack: TestStack;
let open: CodecApiServer;
let guarded: CodecApiServer;
let plain: CodecApiServer;
beforeAll(async () => {
  stack = await createTestStack();
  open = await startCodecApiServer(stack, { payloadCodec: codec, uiUrl: `${UI_ORIGIN}/` });
  guarded = await startCodecApiServer(stack, { payloadCodec: codec, uiUrl: UI_ORIGIN, reviewers });
  plain = await startCodecApiServer(stack, { uiUrl: UI_ORIGIN });
});
afterAll(async () => {
  await Promise.all([open, guarded, plain].map((server) => server?.close()));
  await stack?.close();
});

describe('the codec endpoint (Temporal codec-server protocol)', () => {
  it('encodes payloads so their text is gone, and decodes them back to what was sent', async () => {
    const sent = [jsonPayload({ feature: 'Export invoices as CSV' }), jsonPayload('second')];
    const encoded = await post(open.base, '/codec/encode', { payloads: sent });
    expect(encoded.status).toBe(200);
    expect(encoded.json.payloads).toHaveLength(2);
    for (const payload of encoded.json.payloads) {
      expect(Buffer.from(payload.metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
      expect(Buffer.from(payload.metadata['encryption-key-id'], 'base64').toString()).toBe('current');
      expect(readData(payload)).not.toContain('invoices');
    }
    const decoded = await post(open.base, '/codec/decode', encoded.json);
    expect(decoded.status).toBe(200);
    expect(decoded.json).toEqual({ payloads: sent });
  });

  it('decodes what the workers encrypted with the same keys, and returns payloads never encrypted as sent', async () => {
    const [byWorker] = await codec.encode([
      { metadata: { encoding: new TextEncoder().encode('json/plain') }, data: new TextEncoder().encode('"a comment"') },
    ]);
    const body = {
      payloads: [asJson(byWorker!), jsonPayload('plain')],
    };
    const decoded = await post(open.base, '/codec/decode', body);
    expect(decoded.status).toBe(200);
    expect(decoded.json.payloads.map(readData)).toEqual(['"a comment"', '"plain"']);
  });

  it('refuses a payload that does not decrypt with 422 naming its index, and decodes nothing', async () => {
    const encoded = await post(open.base, '/codec/encode', { payloads: [jsonPayload('a'), jsonPayload('b')] });
    const tampered = structuredClone(encoded.json);
    const bytes = Buffer.from(tampered.payloads[1].data, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    tampered.payloads[1].data = bytes.toString('base64');
    const refused = await post(open.base, '/codec/decode', tampered);
    expectProblem(refused, 422, 'payloads.1');
    expect(refused.json.payloads).toBeUndefined();

    const otherKey = new EncryptionCodec(parseEncryptionKeys(keyText('retired')));
    const [elsewhere] = await otherKey.encode([{ metadata: {}, data: new TextEncoder().encode('"c"') }]);
    const unknown = await post(open.base, '/codec/decode', { payloads: [asJson(elsewhere!)] });
    expectProblem(unknown, 422, 'payloads.0');
    expect(unknown.json.detail).toContain('"retired"');
  });

  it('answers bad bodies with a 4xx problem naming the field', async () => {
    expectProblem(await post(open.base, '/codec/decode', {}), 422, 'payloads');
    expectProblem(await post(open.base, '/codec/decode', { payloads: 'all of them' }), 422, 'payloads');
    expectProblem(
      await post(open.base, '/codec/decode', { payloads: [{ data: 'not base64!' }] }),
      422,
      'payloads.0.data',
    );
    expectProblem(
      await post(open.base, '/codec/encode', { payloads: [{ metadata: { encoding: 7 } }] }),
      422,
      'payloads.0.metadata.encoding',
    );
    expectProblem(await post(open.base, '/codec/decode', '{"payloads": ['), 400, 'body');
    expectProblem(
      await post(open.base, '/codec/decode', 'payloads', { 'content-type': 'text/plain' }),
      415,
      'Content-Type',
    );
    expectProblem(
      await post(open.base, '/codec/decode', { payloads: [] }, { 'x-namespace': 'someone-else' }),
      422,
      'X-Namespace',
    );
    const large = { payloads: [{ data: 'A'.repeat(5 * 1024 * 1024) }] };
    const tooLarge = await post(open.base, '/codec/encode', large);
    expectProblem(tooLarge, 413, 'body');
    expect(tooLarge.json.detail).toContain('4 MB');
  });

  it('takes a body larger than the rest of the API takes (1 MB), up to its own limit', async () => {
    const sent = [jsonPayload('x'.repeat(2 * 1024 * 1024))];
    const encoded = await post(open.base, '/codec/encode', { payloads: sent });
    expect(encoded.status).toBe(200);
    expect((await post(open.base, '/codec/decode', encoded.json)).json).toEqual({ payloads: sent });
  });

  it('is absent (404) when payloads are not encrypted, rather than passing them through as if it encoded', async () => {
    expectProblem(await post(plain.base, '/codec/encode', { payloads: [jsonPayload('a')] }), 404);
    expectProblem(await post(plain.base, '/codec/decode', { payloads: [] }), 404);
  });

  it('is described in the API document', async () => {
    const document = await (await fetch(`${open.base}/openapi.json`)).json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/codec/encode', '/codec/decode']));
    expect(Object.keys(document.paths['/codec/decode'].post.responses)).toEqual(
      expect.arrayContaining(['200', '401', '404', '413', '415', '422']),
    );
  });
});

describe('who may call the codec endpoint', () => {
  it('with reviewers configured, refuses an unauthenticated request with 401 and decodes nothing', async () => {
    const encoded = await post(open.base, '/codec/encode', { payloads: [jsonPayload('secret comment')] });
    for (const path of ['/codec/decode', '/codec/encode']) {
      const refused = await post(guarded.base, path, encoded.json);
      expectProblem(refused, 401, 'Authorization');
      expect(refused.text).not.toContain('payloads');
    }
    expectProblem(
      await post(guarded.base, '/codec/decode', encoded.json, { authorization: 'Bearer not-a-token' }),
      401,
      'Authorization',
    );
  });

  it("decodes for a reviewer's bearer token", async () => {
    const encoded = await post(open.base, '/codec/encode', { payloads: [jsonPayload('by token')] });
    const decoded = await post(guarded.base, '/codec/decode', encoded.json, {
      authorization: `Bearer ${reviewerToken}`,
    });
    expect(decoded.status).toBe(200);
    expect(decoded.json.payloads.map(readData)).toEqual(['"by token"']);
  });

  it("decodes for the reviewer's session cookie, without the page's CSRF token the Temporal UI cannot send", async () => {
    const signIn = await fetch(`${guarded.base}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: reviewerToken, next: '/' }),
    });
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${SESSION_COOKIE}=`);
    // Strict is enough for a UI on another port of the same host: ports do not make another site.
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0]!;
    const encoded = await post(open.base, '/codec/encode', { payloads: [jsonPayload('by session')] });
    const decoded = await post(guarded.base, '/codec/decode', encoded.json, { cookie: session, origin: UI_ORIGIN });
    expect(decoded.status, decoded.text).toBe(200);
    expect(decoded.json.payloads.map(readData)).toEqual(['"by session"']);
    // The CSRF exemption is the codec's alone: the API's own POSTs still need the token.
    const cancel = await post(guarded.base, '/v1/specs/spec-none/cancel', {}, { cookie: session });
    expectProblem(cancel, 403, 'x-csrf-token');
  });
});

describe("CORS: the Temporal UI's origin alone", () => {
  const preflight = (base: string, origin: string) =>
    fetch(`${base}/codec/decode`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-namespace',
      },
    });

  it('answers the preflight from the UI origin, even with reviewers configured (a preflight has no credentials)', async () => {
    for (const server of [open, guarded]) {
      const answer = await preflight(server.base, UI_ORIGIN);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
      expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
      expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
      const allowed = (answer.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(['content-type', 'x-namespace', 'authorization']));
      expect(answer.headers.get('vary')).toMatch(/Origin/i);
    }
  });

  it('gives any other origin no CORS headers, on the preflight or the request', async () => {
    for (const origin of ['http://localhost:9999', 'https://evil.example', 'http://127.0.0.1:8233']) {
      const answer = await preflight(open.base, origin);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      const request = await post(open.base, '/codec/decode', { payloads: [] }, { origin });
      expect(request.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('lets the UI read the answer, a 401 included, and never allows an origin when no UI is configured', async () => {
    const decoded = await post(open.base, '/codec/decode', { payloads: [] }, { origin: UI_ORIGIN });
    expect(decoded.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    const refused = await post(guarded.base, '/codec/decode', { payloads: [] }, { origin: UI_ORIGIN });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    const noUi = await startCodecApiServer(stack, { payloadCodec: codec });
    try {
      const answer = await preflight(noUi.base, UI_ORIGIN);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await noUi.close();
    }
  });

  it('adds no CORS headers to the rest of the API', async () => {
    const specs = await fetch(`${open.base}/v1/specs`, { headers: { origin: UI_ORIGIN } });
    expect(specs.headers.get('access-control-allow-origin')).toBeNull();
  });
});
