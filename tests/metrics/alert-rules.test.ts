import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';

const RULES_FOLDER = path.join(import.meta.dirname, '..', '..', 'deploy', 'prometheus');
const hasPromtool = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;

/** promtool in the rules folder; without it the test skips locally, but CI (which installs it) fails. */
function promtool(context: TestContext, ...args: string[]) {
  if (!hasPromtool) {
    if (process.env.CI === 'true')
      throw new Error("promtool is missing on CI: .ci/run installs Debian's prometheus package");
    context.skip("promtool is not installed (Debian's prometheus package: apt-get install prometheus)");
  }
  const run = spawnSync('promtool', args, { cwd: RULES_FOLDER, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the example alert rules (deploy/prometheus)', () => {
  it('are valid Prometheus rules', (context) => {
    const checked = promtool(context, 'check', 'rules', 'specforge-alerts.yml');
    expect(checked.output).toContain('SUCCESS: 6 rules found');
    expect(checked.status, checked.output).toBe(0);
  });

  it('fire on the series they are written for, and stay quiet on their neighbours', (context) => {
    const tested = promtool(context, 'test', 'rules', 'specforge-alerts.test.yml');
    expect(tested.status, tested.output).toBe(0);
    expect(tested.output).toContain('SUCCESS');
  });
});
