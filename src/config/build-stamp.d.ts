/** The types of build-stamp.js (plain JavaScript: bin/specforge.js loads it before any TypeScript). */

/** What dist/ was built from, written to dist/build-stamp.json by scripts/build.ts. */
export interface BuildStamp {
  /** When the build started (ms since the epoch): outputs of earlier builds older than this are dead. */
  builtAt: number;
  /** Files under src/ when the build started. */
  files: number;
  /** The newest change time (ms) among them and their folders. */
  newestMtimeMs: number;
  /** Their paths and content. */
  sha256: string;
}

export const BUILD_STAMP_FILE: string;
export function sourceFootprint(packageRoot: string): Pick<BuildStamp, 'files' | 'newestMtimeMs'>;
export function sourceHash(packageRoot: string): string;
export function stampOfSources(packageRoot: string, builtAt?: number): BuildStamp;
export function readBuildStamp(distFolder: string): BuildStamp | undefined;
export function writeBuildStamp(distFolder: string, stamp: BuildStamp): void;
export function removeBuildStamp(distFolder: string): void;
export function distMatchesSources(packageRoot: string, distFolder?: string): boolean;
