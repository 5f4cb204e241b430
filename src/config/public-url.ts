import type { Config } from './load-config';

/** Where people open the review page: SPECFORGE_URL, else the local API. */
export function publicUrl(config: Config): string {
  return config.SPECFORGE_URL ?? `http://localhost:${config.PORT}`;
}
