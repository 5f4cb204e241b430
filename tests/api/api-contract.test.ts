import { describe, expect, it } from 'vitest';
import { apiDocument } from '../../src/api/api-document';
import { publicStatusText } from '../../src/api/public-status-text';
import { isInternalText } from '../../src/api/public-message';
import type { SpecRunStatus } from '../../src/shared/spec-run';

type Operation = { requestBody?: unknown; parameters?: any[]; responses: Record<string, any> };
const document = apiDocument() as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, operation })),
);

describe('the API contract (/openapi.json)', () => {
  it('lists 500 for every operation, and 400, 413 and 415 for every one that takes a body', () => {
    for (const { name, operation } of operations) {
      expect(operation.responses['500'], name).toBeDefined();
      if (operation.requestBody)
        for (const status of ['400', '413', '415'])
          expect(operation.responses[status], `${name} ${status}`).toBeDefined();
    }
  });

  it('lists 503 with Retry-After for health and every operation on runs', () => {
    for (const { name, path, operation } of operations) {
      if (path !== '/healthz' && !path.startsWith('/v1/specs')) continue;
      expect(operation.responses['503']?.headers?.['Retry-After'], name).toBeDefined();
    }
  });

  it("gives the list's cursor its pattern", () => {
    const cursor = document.paths['/v1/specs']!.get!.parameters!.find((parameter) => parameter.name === 'cursor');
    expect(new RegExp(cursor.schema.pattern).test('eyJ4IjoxfQ')).toBe(true);
    expect(new RegExp(cursor.schema.pattern).test('not a cursor')).toBe(false);
  });

  it('says that a feature is trimmed before its length is checked, and its pattern refuses blanks', () => {
    const body = document.paths['/v1/specs']!.post!.requestBody as any;
    const feature = body.content['application/json'].schema.properties.feature;
    expect(feature.description).toMatch(/trimmed/);
    const pattern = new RegExp(feature.pattern);
    expect(pattern.test('   ')).toBe(false);
    expect(pattern.test('  ab  ')).toBe(false);
    expect(pattern.test(' Add audit log ')).toBe(true);
  });
});

describe('internal error text', () => {
  const zodIssues = JSON.stringify(
    [{ code: 'invalid_type', expected: 'string', path: ['summary'], message: 'x' }],
    null,
    2,
  );

  it('tells a TypeError, a stack frame and a zod issue list from sentences written for people', () => {
    expect(isInternalText("TypeError: Cannot read properties of undefined (reading 'map')")).toBe(true);
    expect(isInternalText('Error: boom\n    at run (/app/src/x.ts:10:5)')).toBe(true);
    expect(isInternalText(zodIssues)).toBe(true);
    expect(isInternalText('No decision on requirements within 24h')).toBe(false);
    expect(isInternalText('Tickets not created: SHOP-1 (GitHub answered 403)')).toBe(false);
  });

  it("replaces a run's internal error and refusal reasons with sentences, and hands the originals to the log", () => {
    const logged: string[] = [];
    const status = {
      id: 'spec-audit-log-0123abcd',
      error: "TypeError: Cannot read properties of undefined (reading 'map')",
      decisions: [
        {
          by: 'ana',
          phase: 'requirements',
          action: 'edit',
          at: '',
          revision: 1,
          outcome: 'rejected',
          reason: zodIssues,
        },
        {
          by: 'ana',
          phase: 'requirements',
          action: 'approve',
          at: '',
          revision: 1,
          outcome: 'rejected',
          reason: 'not an approver',
        },
      ],
    } as unknown as SpecRunStatus;
    const shown = publicStatusText(status, (original) => logged.push(original));
    expect(shown.error).toMatch(/^The run failed on an internal error/);
    expect(shown.decisions[0]!.reason).toMatch(/did not match the phase/);
    expect(shown.decisions[1]!.reason).toBe('not an approver');
    expect(logged).toEqual([status.error, zodIssues]);
  });
});
