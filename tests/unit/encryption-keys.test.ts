import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EncryptionCodec } from '../../src/codec/encryption-codec';
import { encryptionKeysFor } from '../../src/codec/encryption-keys-for';
import { parseEncryptionKeys } from '../../src/codec/encryption-keys';
import { configuredSecrets } from '../../src/config/configured-secrets';
import { loadConfig } from '../../src/config/load-config';

const base64Key = (bytes = 32) => randomBytes(bytes).toString('base64');

describe('SPECFORGE_ENCRYPTION_KEYS', () => {
  it('reads keys in order: the first encrypts, the others still decrypt', () => {
    const [first, second] = [base64Key(), base64Key()];
    const keys = parseEncryptionKeys(` new:${first} , old:${second} `);
    expect(keys.map((each) => each.id)).toEqual(['new', 'old']);
    expect(keys[0]!.key.equals(Buffer.from(first, 'base64'))).toBe(true);
    expect(keys[1]!.key).toHaveLength(32);
  });

  it('takes URL-safe base64 too', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKeys(`k1:${key.toString('base64url')}`)[0]!.key.equals(key)).toBe(true);
  });

  it.each([
    ['an empty list', ' , ', /holds no key/],
    ['a key without an id', base64Key(), /key 1 needs an id/],
    ['an id with a space', `my key:${base64Key()}`, /key 1 needs an id/],
    [
      'a key of 16 bytes',
      `short:${base64Key(16)}`,
      /key "short" must be the base64 of 32 random bytes \(it decodes to 16\)/,
    ],
    [
      'a key that is not base64',
      'odd:not base64 at all!',
      /key "odd" must be the base64 of 32 random bytes \(it decodes to 0\)/,
    ],
    ['one id twice', `same:${base64Key()},same:${base64Key()}`, /names key "same" twice/],
  ])('refuses %s, saying what is wrong', (_, text, message) => {
    expect(() => parseEncryptionKeys(text)).toThrow(message);
  });

  it('fails the configuration naming the variable, without echoing the key', () => {
    const key = base64Key(31);
    const failure = (() => {
      try {
        loadConfig({ SPECFORGE_ENCRYPTION_KEYS: `k1:${key}` });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(failure).toMatch(/SPECFORGE_ENCRYPTION_KEYS: key "k1" must be the base64 of 32 random bytes/);
    expect(failure).toContain('openssl rand -base64 32');
    expect(failure).not.toContain(key);
  });

  it('is a secret, so every logger and sorter redacts it', () => {
    const value = `k1:${base64Key()}`;
    expect(configuredSecrets(loadConfig({ SPECFORGE_ENCRYPTION_KEYS: value }))).toContain(value);
  });

  it('gives no keys, so no encryption, when unset', () => {
    expect(encryptionKeysFor(loadConfig({}))).toBeUndefined();
    expect(encryptionKeysFor(loadConfig({ SPECFORGE_ENCRYPTION_KEYS: `k1:${base64Key()}` }))).toHaveLength(1);
  });
});

describe('the encryption codec', () => {
  const payload = { metadata: { encoding: new TextEncoder().encode('json/plain') }, data: Buffer.from('"secret"') };

  it('round-trips a payload and leaves none of it readable', async () => {
    const codec = new EncryptionCodec(parseEncryptionKeys(`k1:${base64Key()}`));
    const [sealed] = await codec.encode([payload]);
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('secret');
    const [opened] = await codec.decode([sealed!]);
    expect(Buffer.from(opened!.data!).toString()).toBe('"secret"');
  });

  it('refuses a payload whose bytes were changed', async () => {
    const codec = new EncryptionCodec(parseEncryptionKeys(`k1:${base64Key()}`));
    const [sealed] = await codec.encode([payload]);
    const data = Buffer.from(sealed!.data!);
    data[20]! ^= 1;
    await expect(codec.decode([{ ...sealed!, data }])).rejects.toThrow(/does not decrypt with key "k1"/);
  });

  it('refuses a payload relabelled with another key id', async () => {
    const keys = parseEncryptionKeys(`k1:${base64Key()},k2:${base64Key()}`);
    const [sealed] = await new EncryptionCodec(keys).encode([payload]);
    const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, 'encryption-key-id': Buffer.from('k2') } };
    await expect(new EncryptionCodec(keys).decode([relabelled])).rejects.toThrow(/does not decrypt with key "k2"/);
  });

  it('passes payloads written before encryption through unchanged', async () => {
    const codec = new EncryptionCodec(parseEncryptionKeys(`k1:${base64Key()}`));
    expect(await codec.decode([payload])).toEqual([payload]);
  });
});
