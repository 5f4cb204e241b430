import { expect } from 'vitest';

interface ProblemResponse {
  status: number;
  type: string;
  text?: string;
  json: any;
}

/** A problem+json answer with this status, a title and a detail, no stack trace, naming `field` when given. */
export function expectProblem(response: ProblemResponse, status: number, field?: string): void {
  expect(response.status, response.text).toBe(status);
  expect(response.type).toContain('application/problem+json');
  expect(response.json).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(response.json)).not.toMatch(/at .*\.ts:\d+/);
  if (field) expect(response.json.errors.map((error: { field: string }) => error.field)).toContain(field);
}
