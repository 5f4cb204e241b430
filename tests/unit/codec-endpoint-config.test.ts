import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { codecEndpointFor } from '../../src/codec/codec-endpoint';

const keys = `local:${randomBytes(32).toString('base64')}`;

describe("the dev server's codec endpoint (npm start)", () => {
  it("points the UI at this API's /codec when payloads are encrypted", () => {
    expect(codecEndpointFor(loadConfig({ SPECFORGE_ENCRYPTION_KEYS: keys }))).toBe('http://localhost:3000/codec');
    expect(codecEndpointFor(loadConfig({ SPECFORGE_ENCRYPTION_KEYS: keys, PORT: '4100' }))).toBe(
      'http://localhost:4100/codec',
    );
  });

  it("uses the API's public URL when one is configured", () => {
    const config = loadConfig({ SPECFORGE_ENCRYPTION_KEYS: keys, SPECFORGE_URL: 'https://specforge.example.com/' });
    expect(codecEndpointFor(config)).toBe('https://specforge.example.com/codec');
  });

  it('gives the UI no codec when payloads are not encrypted, or when the API port is chosen at random', () => {
    expect(codecEndpointFor(loadConfig({}))).toBeUndefined();
    expect(codecEndpointFor(loadConfig({ SPECFORGE_ENCRYPTION_KEYS: keys, PORT: '0' }))).toBeUndefined();
  });
});

describe('TEMPORAL_UI_URL', () => {
  it('takes a URL and names itself when the value is not one', () => {
    expect(loadConfig({ TEMPORAL_UI_URL: 'https://temporal.example.com' }).TEMPORAL_UI_URL).toBe(
      'https://temporal.example.com',
    );
    expect(loadConfig({}).TEMPORAL_UI_URL).toBeUndefined();
    expect(() => loadConfig({ TEMPORAL_UI_URL: 'temporal ui' })).toThrow(/TEMPORAL_UI_URL/);
  });
});
