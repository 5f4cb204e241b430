import pino, { type Logger } from 'pino';
import { redactSecrets } from '../shared/redact-secrets';

export interface LogOptions {
  level: string;
  /** Every configured secret: removed, with anything shaped like a token, from each line written. */
  secrets: readonly (string | undefined)[];
  /** Where lines go; default standard output. */
  destination?: { write(line: string): unknown };
}

/**
 * The API's pino logger. Redaction works on the finished line, so an error's message, its stack,
 * its cause and any field a caller adds are all covered, whatever serializer wrote them.
 */
export function createLog(options: LogOptions): Logger {
  const destination = options.destination ?? pino.destination(1);
  return pino(
    { level: options.level },
    { write: (line: string) => destination.write(redactSecrets(line, options.secrets)) },
  );
}
