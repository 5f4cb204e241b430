import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactRef } from '../../shared/spec-run';
import { sha256 } from './hash';

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
    /** Where spec packs go unless a run names another folder. */
    readonly outDir: string,
  ) {}

  async write(root: string, relativePath: string, content: string, summary = ''): Promise<ArtifactRef> {
    const target = this.resolveInside(root, relativePath);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a file under the final name.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
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
    try {
      return JSON.parse(await readFile(this.resolveInside(root, relativePath), 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Working folder of one run. */
  runDir(specId: string): string {
    return this.resolveInside(path.join(this.home, 'runs'), specId);
  }

  cacheDir(): string {
    return path.resolve(this.home, 'cache');
  }

  /** The pack folder `<out>/<slug>`; the slug alone can never leave `<out>`. */
  packDir(slug: string, outDir = this.outDir): string {
    return this.resolveInside(outDir, slug);
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
