import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../src/shared/redact-secrets';

/** Fake tokens in the shape of real ones, assembled so that no scanner mistakes this file for a leak. */
const fakeToken = (prefix: string, body: string) => `${prefix}${body}`;

describe('redacting secrets from text', () => {
  it('removes every configured secret, however it is shaped, wherever it appears', () => {
    const secret = 'correct horse battery staple';
    expect(redactSecrets(`denied for "${secret}" (again: ${secret})`, [secret])).toBe(
      `denied for "${REDACTED}" (again: ${REDACTED})`,
    );
  });

  it('removes a configured secret as JSON escapes it and as a URL encodes it', () => {
    const secret = 'pa"ss/wo rd\\42';
    const text = `${JSON.stringify({ key: secret })} ?k=${encodeURIComponent(secret)}`;
    expect(redactSecrets(text, [secret])).toBe(`{"key":"${REDACTED}"} ?k=${REDACTED}`);
  });

  it('removes the longer of two overlapping secrets whole', () => {
    expect(redactSecrets('x abcdef123456 y', ['abcdef', 'abcdef123456'])).toBe(`x ${REDACTED} y`);
  });

  it('ignores secrets too short to search for, and unset ones', () => {
    expect(redactSecrets('the id is ab', ['ab', undefined, ''])).toBe('the id is ab');
  });

  it.each([
    ['an OpenAI key', 'Incorrect API key provided: sk-proj-Abc123def456GHI789jkl'],
    ['a GitHub classic token', `Bad credentials ${fakeToken('ghp_', '16C7e42F292c6912E7710c838347Ae178B4a')}`],
    [
      'a GitHub fine-grained token',
      `token ${fakeToken('github_pat_', '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz')}`,
    ],
    ['an Atlassian token', 'Unauthorized ATATT3xFfGF0T4k3n-V4lu3_1234567890abcdef'],
    ['a Slack token', `invalid_auth ${fakeToken('xoxb-', '1234567890-abcdefghij')}`],
    ['a JWT', 'expired eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['a Slack webhook URL', 'POST https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX failed'],
  ])('removes %s by its shape, with no configured secret', (_kind, text) => {
    const redacted = redactSecrets(text, []);
    expect(redacted).toContain(REDACTED);
    expect(redacted).not.toMatch(/sk-proj|ghp_16|github_pat_11|ATATT3|xoxb-1|eyJzdWIi|XXXXXXXXXXXXXXXX/);
  });

  it('removes the credential after an Authorization scheme and keeps the scheme', () => {
    expect(redactSecrets('echo: Authorization: Bearer abc123def456ghi', [])).toBe(
      `echo: Authorization: Bearer ${REDACTED}`,
    );
    expect(redactSecrets('Basic Ym90QGV4YW1wbGUudGVzdDpzZWNyZXQ=', [])).toBe(`Basic ${REDACTED}`);
    expect(redactSecrets('header "token 0123456789abcdef0123"', [])).toBe(`header "token ${REDACTED}"`);
  });

  it('removes long key-like values named as credentials', () => {
    expect(redactSecrets('{"api_key": "a1b2c3d4e5f6g7h8i9j0"}', [])).toBe(`{"api_key": "${REDACTED}"}`);
    expect(redactSecrets('x-api-key=0f1e2d3c4b5a69788796a5b4', [])).toBe(`x-api-key=${REDACTED}`);
    expect(redactSecrets('https://bot:hunter2secret@jira.example/rest', [])).toBe(
      `https://bot:${REDACTED}@jira.example/rest`,
    );
  });

  it('leaves the prose of an error message alone', () => {
    const messages = [
      "GitHub refused the token: check GITHUB_TOKEN's permissions",
      'Basic authentication is disabled for this site',
      'The context document ctx.md changed after the run started (sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, expected 1)',
      'The model server refused the request (401): the API key was refused: check OPENAI_API_KEY.',
      'Token expired; sign in again',
    ];
    for (const message of messages) expect(redactSecrets(message, [])).toBe(message);
  });
});
