import type { Config } from '../config/load-config';
import { publicUrl } from '../config/public-url';

/** The run's review page: SPECFORGE_URL when set, else the API this machine serves on PORT. */
export function reviewUrl(config: Config, id: string): string {
  return `${publicUrl(config).replace(/\/+$/, '')}/specs/${encodeURIComponent(id)}`;
}
