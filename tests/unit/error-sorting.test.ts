import { ApplicationFailure } from '@temporalio/common';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyOpenAIError } from '../../src/activities/llm/openai-errors';
import { createWebhookNotifier } from '../../src/activities/notify/webhook-notifier';
import { redactFailure } from '../../src/activities/redact-failure';
import { classifyGitHubError } from '../../src/activities/tickets/github-errors';
import { classifyJiraError } from '../../src/activities/tickets/jira-errors';
import { FailureType } from '../../src/shared/failure-types';
import { REDACTED } from '../../src/shared/redact-secrets';
import type { RunEvent } from '../../src/shared/run-event';

// Shaped like no known token: only the configured list finds it.
const secret = 'plainsecretvalue';
const inAMinute = () => new Date(Date.now() + 60_000).toUTCString();
const openAIError = (status: number, message: string, headers: Record<string, string> = {}) =>
  OpenAI.APIError.generate(status, { error: { message } }, undefined, new Headers(headers));

describe('sorting upstream errors', () => {
  describe('OpenAI', () => {
    it('removes the key a 401 body echoes, naming the setting to fix', () => {
      const failure = classifyOpenAIError(openAIError(401, `bad header: Bearer ${secret}`), 'http://model', [secret]);
      expect(failure).toMatchObject({ type: FailureType.LlmAuthentication, nonRetryable: true });
      expect(failure.message).toContain('OPENAI_API_KEY');
      expect(failure.message).toContain(`Bearer ${REDACTED}`);
      expect(`${failure.message}\n${failure.stack}`).not.toContain(secret);
    });

    it('redacts a failure thrown before the sorting too (a refused response format quotes the server)', () => {
      const thrown = ApplicationFailure.nonRetryable(`refused: ${secret}`, FailureType.LlmResponseFormatRefused);
      const failure = classifyOpenAIError(thrown, 'http://model', [secret]);
      expect(failure).toMatchObject({ type: FailureType.LlmResponseFormatRefused, nonRetryable: true });
      expect(failure.message).toBe(`refused: ${REDACTED}`);
    });

    it('waits until the date a 429 names in Retry-After', () => {
      const failure = classifyOpenAIError(openAIError(429, 'slow down', { 'retry-after': inAMinute() }));
      expect(failure.type).toBe(FailureType.LlmRateLimited);
      expect(failure.nextRetryDelay).toBeGreaterThan(50_000);
      expect(failure.nextRetryDelay).toBeLessThanOrEqual(60_000);
    });
  });

  describe('GitHub', () => {
    it('removes the token a 401 body echoes, naming GITHUB_TOKEN', () => {
      const error = { status: 401, message: `Bad credentials: token ${secret}`, response: { headers: {} } };
      const failure = classifyGitHubError(error, 'acme/shop', [secret]);
      expect(failure).toMatchObject({ type: FailureType.TrackerAuthentication, nonRetryable: true });
      expect(failure.message).toContain('GITHUB_TOKEN');
      expect(failure.message).not.toContain(secret);
    });

    it('waits until the date a 429 names in Retry-After', () => {
      const error = { status: 429, message: 'limit', response: { headers: { 'retry-after': inAMinute() } } };
      const failure = classifyGitHubError(error, 'acme/shop');
      expect(failure.type).toBe(FailureType.TrackerRateLimited);
      expect(failure.nextRetryDelay).toBeGreaterThan(50_000);
    });
  });

  describe('Jira', () => {
    it('removes the credentials a 401 body echoes, naming JIRA_API_TOKEN', () => {
      const error = {
        status: 401,
        message: 'Unauthorized',
        cause: { response: { headers: {}, data: { errorMessages: [`rejected ${secret}`] } } },
      };
      const failure = classifyJiraError(error, 'SHOP', [secret]);
      expect(failure).toMatchObject({ type: FailureType.TrackerAuthentication, nonRetryable: true });
      expect(failure.message).toContain('JIRA_API_TOKEN');
      expect(failure.message).not.toContain(secret);
    });

    it('waits until the date a 429 names in Retry-After', () => {
      const error = { status: 429, message: 'limit', cause: { response: { headers: { 'retry-after': inAMinute() } } } };
      const failure = classifyJiraError(error, 'SHOP');
      expect(failure.type).toBe(FailureType.TrackerRateLimited);
      expect(failure.nextRetryDelay).toBeGreaterThan(50_000);
    });
  });

  describe('the webhook', () => {
    const event: RunEvent = { kind: 'run_finished', specId: 'spec-x', feature: 'Export invoices', status: 'completed' };
    const url = `https://hooks.example/services/${secret}`;
    const notifierAnswering = (answer: () => Promise<Response>) =>
      createWebhookNotifier({ url, publicUrl: 'http://localhost:3000', fetch: answer as typeof fetch });

    it('retries after the Retry-After of a 429', async () => {
      const notify = notifierAnswering(
        async () => new Response('slow down', { status: 429, headers: { 'retry-after': '3' } }),
      );
      const failure = (await notify(event).catch((error: unknown) => error)) as ApplicationFailure;
      expect(failure).toMatchObject({
        type: FailureType.WebhookUnavailable,
        nonRetryable: false,
        nextRetryDelay: 3000,
      });
    });

    it('fails at once on a refusal, naming SPECFORGE_WEBHOOK_URL', async () => {
      const notify = notifierAnswering(async () => new Response('gone', { status: 404 }));
      const failure = (await notify(event).catch((error: unknown) => error)) as ApplicationFailure;
      expect(failure).toMatchObject({ type: FailureType.WebhookRefused, nonRetryable: true });
      expect(failure.message).toContain('SPECFORGE_WEBHOOK_URL');
    });

    it('retries an unreachable receiver without quoting the URL, which carries the secret', async () => {
      const notify = notifierAnswering(async () => {
        throw new TypeError('fetch failed', { cause: new Error(`getaddrinfo ENOTFOUND for ${url}`) });
      });
      const failure = (await notify(event).catch((error: unknown) => error)) as ApplicationFailure;
      expect(failure).toMatchObject({ type: FailureType.WebhookUnavailable, nonRetryable: false });
      expect(failure.message).toContain('ENOTFOUND');
      expect(failure.message).not.toContain(secret);
    });
  });

  it('redacts the causes and details a failure carries, keeping its type and retry settings', () => {
    const failure = ApplicationFailure.create({
      message: 'outer',
      type: FailureType.TrackerRateLimited,
      nextRetryDelay: 5000,
      details: [{ said: `header ${secret}` }],
      cause: new Error(`inner ${secret}`, { cause: new Error(`deeper ${secret}`) }),
    });
    const redacted = redactFailure(failure, [secret]);
    expect(redacted).toMatchObject({ type: FailureType.TrackerRateLimited, nextRetryDelay: 5000, message: 'outer' });
    expect(redacted.details).toEqual([{ said: `header ${REDACTED}` }]);
    expect(redacted.cause?.message).toBe(`inner ${REDACTED}`);
    expect((redacted.cause?.cause as Error).message).toBe(`deeper ${REDACTED}`);
    expect(redacted.cause?.stack).not.toContain(secret);
  });

  it('keeps a failure with nothing to redact as it is, whatever its details hold', () => {
    const failure = ApplicationFailure.create({
      message: 'The model server failed (502)',
      type: FailureType.LlmUnavailable,
      details: [{ usage: { input: 10, output: 2 } }, 12n],
    });
    expect(redactFailure(failure, [secret])).toBe(failure);
  });
});
