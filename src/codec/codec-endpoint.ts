import type { Config } from '../config/load-config';

/**
 * Where the dev server's UI asks to decode payloads: this configuration's API (`npm start`), when
 * payloads are encrypted and the API's port is known. A dev server first started by `specforge new`
 * points there too, so a later `npm start` that reuses it shows decoded payloads.
 */
export function codecEndpointFor(
  config: Pick<Config, 'SPECFORGE_ENCRYPTION_KEYS' | 'SPECFORGE_URL' | 'PORT'>,
): string | undefined {
  if (!config.SPECFORGE_ENCRYPTION_KEYS) return undefined;
  if (config.SPECFORGE_URL) return `${config.SPECFORGE_URL.replace(/\/+$/, '')}/codec`;
  return config.PORT ? `http://localhost:${config.PORT}/codec` : undefined;
}
