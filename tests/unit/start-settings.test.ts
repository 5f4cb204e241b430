import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { startSettings } from '../../src/config/start-settings';
import { DEFAULT_HISTORY_LIMIT } from '../../src/shared/spec-run';

describe('what a starter puts in every run from its configuration', () => {
  it("gives runs the workflow's default history limit when nothing is set", () => {
    expect(startSettings(loadConfig({})).historyLimit).toEqual(DEFAULT_HISTORY_LIMIT);
  });

  it('takes the history limit from SPECFORGE_HISTORY_EVENTS and SPECFORGE_HISTORY_MB', () => {
    const config = loadConfig({ SPECFORGE_HISTORY_EVENTS: '2000', SPECFORGE_HISTORY_MB: '2.5' });
    expect(startSettings(config).historyLimit).toEqual({ events: 2000, bytes: 2.5 * 1024 * 1024 });
  });

  it('refuses a history limit past what Temporal allows, naming the variable', () => {
    expect(() => loadConfig({ SPECFORGE_HISTORY_EVENTS: '60000' })).toThrow(/SPECFORGE_HISTORY_EVENTS/);
  });
});
