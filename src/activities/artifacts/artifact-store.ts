import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactRef } from '../../shared/spec-run';
import { sha256 } from './hash';
import { resolveOutDir } from './output-root';
import { runFolder } from './run-folder';

/** What names a run's pack folder: its id, its slug and the folder the run asked for. */
export interface PackLocation {
  specId: string;
  slug: string;
  outDir?: string;
}

export class PathOutsideStoreError extends Error {
  override name = 'PathOutsideStoreError';
}

/**
 * Files the activities write: phase outputs, the LLM cache and the spec packs. History carries
 * only the ArtifactRef; every path is checked to stay inside the store's folders.
 */
export class ArtifactStore {
  constructor(
    /** Working state: phase outputs and the LLM cache. */
    readonly home: string,
    /** The output root (SPECFORGE_OUT): packs go here, or in a folder inside it a run names. */
    readonly outDir: string,
  ) {}

  async write(root: string, relativePath: string, content: string, summary = ''): Promise<ArtifactRef> {
    const target = this.resolveInside(root, relativePath);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a file under the final name. The
    // temporary name is this write's own: activities of one worker write the same file at once.
    const temporary = `${target}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, content);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return {
      file: path.basename(target),
      path: target,
      sha256: sha256(content),
      bytes: Buffer.byteLength(content),
      summary,
    };
  }

  async writeJson(root: string, relativePath: string, value: unknown, summary = ''): Promise<ArtifactRef> {
    return this.write(root, relativePath, `${JSON.stringify(value, null, 2)}\n`, summary);
  }

  async readJson<T>(reference: Pick<ArtifactRef, 'path'>): Promise<T> {
    return JSON.parse(await readFile(reference.path, 'utf8')) as T;
  }

  async readJsonIfPresent<T>(root: string, relativePath: string): Promise<T | undefined> {
    const file = this.resolveInside(root, relativePath);
    try {
      const value = JSON.parse(await readFile(file, 'utf8')) as T;
      // A cache hit marks the entry used, so eviction keeps what was used within the retention period.
      if (path.resolve(root) === this.cacheDir()) {
        const now = new Date();
        await utimes(file, now, now).catch(() => undefined);
      }
      return value;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Working folder of one run: one folder, never nested in another run's, whatever the workflow id. */
  runDir(specId: string): string {
    return this.resolveInside(path.join(this.home, 'runs'), runFolder(specId));
  }

  cacheDir(): string {
    return path.resolve(this.home, 'cache');
  }

  /**
   * The pack folder of one run, `<out>/<slug>/<specId>/`: runs of the same feature never share
   * one. `<out>` is the run's outDir when it names one inside the output root (anything else is a
   * non-retryable failure naming SPECFORGE_OUT), else the root itself.
   */
  packDir({ specId, slug, outDir }: PackLocation): string {
    const out = resolveOutDir(this.outDir, outDir);
    return this.resolveInside(this.resolveInside(out, slug), runFolder(specId));
  }

  /** A path inside the output root as the root names it (`<slug>/<specId>/…`): what is shown instead of a server path. */
  outputPath(file: string): string {
    return path.relative(path.resolve(this.outDir), this.resolveInside(this.outDir, file)).split(path.sep).join('/');
  }

  resolveInside(root: string, relativePath: string): string {
    const base = path.resolve(root);
    const target = path.resolve(base, relativePath);
    if (target !== base && !target.startsWith(base + path.sep)) {
      throw new PathOutsideStoreError(`"${relativePath}" would be written outside ${base}`);
    }
    return target;
  }
}
