/** One AES-256 key of SPECFORGE_ENCRYPTION_KEYS; its id travels in each payload it encrypts. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Parses `<id>:<base64 of 32 bytes>[,<id>:<key>…]`. The first key encrypts new payloads; the others
 * still decrypt older ones, so a key is rotated by putting the new one first.
 */
export function parseEncryptionKeys(text: string): EncryptionKey[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('holds no key: write <id>:<base64 of 32 bytes>[,<id>:<key>…]');
  const keys = entries.map(parseEntry);
  const ids = new Set<string>();
  for (const { id } of keys) {
    if (ids.has(id)) throw new Error(`names key "${id}" twice`);
    ids.add(id);
  }
  return keys;
}

function parseEntry(entry: string, index: number): EncryptionKey {
  const separator = entry.indexOf(':');
  const id = separator > 0 ? entry.slice(0, separator) : '';
  const encoded = entry.slice(separator + 1);
  if (!KEY_ID.test(id))
    throw new Error(`key ${index + 1} needs an id of letters, digits, ".", "_" or "-" before a colon (<id>:<key>)`);
  const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (key.length !== 32)
    throw new Error(
      `key "${id}" must be the base64 of 32 random bytes (it decodes to ${key.length}); make one with: openssl rand -base64 32`,
    );
  return { id, key };
}
