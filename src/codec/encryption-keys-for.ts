import type { Config } from '../config/load-config';
import { parseEncryptionKeys, type EncryptionKey } from './encryption-keys';

/** The keys of SPECFORGE_ENCRYPTION_KEYS (already checked by loadConfig), or undefined: no encryption. */
export function encryptionKeysFor(config: Pick<Config, 'SPECFORGE_ENCRYPTION_KEYS'>): EncryptionKey[] | undefined {
  return config.SPECFORGE_ENCRYPTION_KEYS ? parseEncryptionKeys(config.SPECFORGE_ENCRYPTION_KEYS) : undefined;
}
