/** What a redacted secret reads as: says something was there without saying what. */
export const REDACTED = '[REDACTED]';

/**
 * Configured secrets shorter than this are not searched for: a two-letter "secret" would blank out
 * ordinary words. Real keys and tokens are far longer (the config asks 16 and 32 for its own).
 */
const MIN_SECRET_LENGTH = 6;

/** Scheme words that precede a credential in an Authorization header, as servers echo it. */
const SCHEMED_CREDENTIAL = /\b(Bearer|Basic|Token|Digest)(\s+)([A-Za-z0-9._~+/=-]{8,})/gi;

/** Credentials known by their shape, wherever they appear. */
const TOKEN_SHAPES: readonly RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{12,}/g, // OpenAI and compatible servers (sk-…, sk-proj-…)
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g, // GitHub classic and app tokens
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g, // GitHub fine-grained tokens
  /\bATATT[A-Za-z0-9_=-]{20,}/g, // Atlassian API tokens
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack tokens
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS access key ids
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, // JWTs
  /\bhooks\.slack\.com\/services\/[^\s"'<>)]+/g, // Slack webhook URLs carry their secret in the path
];

/**
 * A long run of key-like characters just after a word that names a credential: `"api_key": "…"`,
 * `x-api-key: …`, `token=…`, `"authorization":"…"`. The run must hold a digit, so prose such as
 * "the token permissions" is left alone.
 */
const NAMED_CREDENTIAL =
  /\b((?:[a-z_-]*(?:token|key|secret|password|passwd|authorization|auth|credentials?|signature|apikey))["']?\s*[:=]\s*["']?)((?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{16,})/gi;

/** The password in a URL's user information: https://user:password@host. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']+:)([^\s/@"']+)@/gi;

/**
 * The text with every configured secret (and its JSON- and URL-encoded forms) and everything shaped
 * like a credential replaced by [REDACTED]. Servers echo what they were sent, the Authorization
 * header included, so every upstream message passes through here before it becomes a failure, a
 * memo, an API answer or a log line.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let redacted = text;
  for (const form of secretForms(secrets)) redacted = redacted.split(form).join(REDACTED);
  redacted = redacted.replace(SCHEMED_CREDENTIAL, (match, scheme: string, space: string, value: string) =>
    // "Basic authentication" is prose; a credential holds a digit or is long.
    value === REDACTED || (!/\d/.test(value) && value.length < 20) ? match : `${scheme}${space}${REDACTED}`,
  );
  for (const shape of TOKEN_SHAPES) redacted = redacted.replace(shape, REDACTED);
  redacted = redacted.replace(NAMED_CREDENTIAL, (_match, name: string) => `${name}${REDACTED}`);
  return redacted.replace(URL_PASSWORD, (_match, before: string) => `${before}${REDACTED}@`);
}

/** Each secret as sent and as it appears escaped in JSON or a URL, longest first so no part of one is left. */
function secretForms(secrets: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  return [...forms].sort((left, right) => right.length - left.length);
}
