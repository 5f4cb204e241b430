import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './load-config';

/**
 * The key that signs decisions: SPECFORGE_DECISION_KEY, which an API and workers on other machines
 * must share; else one kept in SPECFORGE_HOME (made once, readable by its owner only), so every
 * specforge process on this machine (`npm start`, `specforge new`) signs and checks alike.
 */
export function decisionKeyFor(config: Pick<Config, 'SPECFORGE_DECISION_KEY' | 'SPECFORGE_HOME'>): string {
  if (config.SPECFORGE_DECISION_KEY) return config.SPECFORGE_DECISION_KEY;
  const file = path.resolve(config.SPECFORGE_HOME, 'decision.key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
