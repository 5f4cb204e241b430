/** The longest context document a run takes, in characters: it goes into every phase prompt. */
export const MAX_CONTEXT_LENGTH = 20_000;

/** The file the CLI reads as the context document when no --context names one. */
export const CONTEXT_FILE_NAME = 'specforge.context.md';

/**
 * A team's context document (stack, platform, constraints, conventions), stored by whoever starts
 * the run. The workflow carries this reference, never the text, so history stays small.
 */
export interface ProjectContextRef {
  /** Where the text came from: the file's name, or "request" for the API. */
  source: string;
  /** Inside the artifact store's home: `contexts/<sha256>.md`. */
  path: string;
  sha256: string;
  bytes: number;
  characters: number;
}
