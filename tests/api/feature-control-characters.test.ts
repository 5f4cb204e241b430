import { describe, expect, it } from 'vitest';
import { type ApiServer } from '../helpers/api-server';
import { type TestStack } from '../helpers/test-stack';
import { useApiServer } from '../helpers/use-api-server';

let stack: TestStack;
let api: ApiServer;
useApiServer((started) => ({ stack, api } = started));

describe('POST /v1/specs with control characters in the feature', () => {
  it('drops NUL and control characters and turns line breaks into spaces: the run gets the cleaned feature', async () => {
    const created = await api.call('POST', '/v1/specs', {
      feature: '\u0000Export\u0007 invoices\r\nas\tCSV\u001b[0m\u007f\u2028now\u0085',
      description: 'Line one.\r\nLine\u0000 two.',
      gates: 'none',
    });
    expect(created.status).toBe(201);
    expect(created.json.feature).toBe('Export invoices as CSV[0m now');
    const status = await api.call('GET', `/v1/specs/${created.json.id}`);
    expect(status.json.feature).toBe('Export invoices as CSV[0m now');
    await stack.client.workflow.getHandle(created.json.id).terminate('test done');
  });

  it.each([
    ['only control characters', '\u0000\u0001\u0002\u0003\u0004'],
    ['two letters among control characters', '\u0000a\u0000\u0007b\u0000'],
    ['line breaks around two letters', '\r\n\t ab \n\u2028'],
  ])('refuses %s with 422 naming feature', async (_name, feature) => {
    const response = await api.call('POST', '/v1/specs', { feature });
    expect(response.status).toBe(422);
    expect(response.type).toContain('application/problem+json');
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual(['feature']);
    expect(response.json.errors[0].message).toMatch(/at least 3 characters/);
  });
});
