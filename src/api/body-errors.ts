import { HttpProblem } from './problem';

/**
 * The body parser's refusals (body-parser and raw-body set `type` on each), as problems naming
 * the header or body at fault: the caller sent something the API cannot read, never a 500.
 */
const BODY_PROBLEMS: Record<string, () => HttpProblem> = {
  'entity.parse.failed': () =>
    new HttpProblem(400, 'Malformed JSON', 'The request body is not valid JSON', [
      { field: 'body', message: 'not valid JSON' },
    ]),
  'entity.too.large': () =>
    new HttpProblem(413, 'Body too large', 'The request body is larger than 1 MB', [
      { field: 'body', message: 'too large' },
    ]),
  'encoding.unsupported': () =>
    new HttpProblem(
      415,
      'Unsupported encoding',
      'Send the body uncompressed, or with Content-Encoding gzip, deflate or br',
      [{ field: 'Content-Encoding', message: 'use identity, gzip, deflate or br' }],
    ),
  'charset.unsupported': () =>
    new HttpProblem(
      415,
      'Unsupported charset',
      'Send the body as UTF-8 (Content-Type: application/json; charset=utf-8)',
      [{ field: 'Content-Type', message: 'charset must be utf-8' }],
    ),
  'request.aborted': () =>
    new HttpProblem(400, 'Incomplete body', 'The request body ended before it was complete', [
      { field: 'body', message: 'incomplete' },
    ]),
  'request.size.invalid': () =>
    new HttpProblem(400, 'Incomplete body', 'The request body does not match its Content-Length', [
      { field: 'Content-Length', message: 'does not match the body' },
    ]),
  'parameters.too.many': () =>
    new HttpProblem(413, 'Too many fields', 'The form has too many fields', [
      { field: 'body', message: 'too many fields' },
    ]),
  'querystring.parse.rangeError': () =>
    new HttpProblem(413, 'Too many fields', 'The form has too many fields', [
      { field: 'body', message: 'too many fields' },
    ]),
};

/** The problem for a body-parser error, or undefined when the error did not come from reading the body. */
export function bodyProblem(error: unknown): HttpProblem | undefined {
  const type = (error as { type?: unknown } | undefined)?.type;
  if (typeof type === 'string' && Object.hasOwn(BODY_PROBLEMS, type)) return BODY_PROBLEMS[type]!();
  // A body that does not match its Content-Encoding (not gzip after all) fails in zlib, with no type.
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  if (expose === true && typeof status === 'number' && status >= 400 && status < 500)
    return new HttpProblem(status, 'Unreadable body', 'The request body cannot be read as its headers describe it', [
      { field: 'body', message: 'does not match Content-Type or Content-Encoding' },
    ]);
  return undefined;
}
