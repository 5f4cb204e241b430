import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export class TemporalCliMissingError extends Error {
  override name = 'TemporalCliMissingError';
}

/**
 * The `temporal` binary: TEMPORAL_CLI_PATH, PATH, then Go's bin folder; failing those, built with
 * `go install` (later CLI versions carry a replace directive and cannot be go-installed).
 */
export async function findTemporalCli(
  options: { cliPath?: string; install?: boolean; onInstall?: (message: string) => void } = {},
): Promise<string> {
  const candidates = [
    options.cliPath,
    ...(process.env.PATH ?? '').split(path.delimiter).map((folder) => folder && path.join(folder, 'temporal')),
  ];
  const goBin = await goBinFolder();
  if (goBin) candidates.push(path.join(goBin, 'temporal'));
  for (const candidate of candidates) if (candidate && (await isExecutable(candidate))) return candidate;
  if (options.install !== false && goBin) {
    options.onInstall?.(`Building the Temporal CLI with go install ${TEMPORAL_CLI_MODULE} (a few minutes, once)...`);
    await run('go', ['install', TEMPORAL_CLI_MODULE], {
      env: { ...process.env, GOTOOLCHAIN: 'local' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const built = path.join(goBin, 'temporal');
    if (await isExecutable(built)) return built;
  }
  throw new TemporalCliMissingError(
    'No Temporal CLI found. Install it (https://docs.temporal.io/cli), set TEMPORAL_CLI_PATH to the binary, install Go so specforge can build it, or set TEMPORAL_ADDRESS to a running server.',
  );
}

async function goBinFolder(): Promise<string | undefined> {
  try {
    const { stdout } = await run('go', ['env', 'GOBIN', 'GOPATH']);
    const [gobin, gopath] = stdout.split('\n').map((line) => line.trim());
    return gobin || (gopath ? path.join(gopath.split(path.delimiter)[0]!, 'bin') : undefined);
  } catch {
    return undefined;
  }
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}
