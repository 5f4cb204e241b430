import { SPEC_ID_PATTERN } from '../runs/spec-id';
import { HttpProblem } from './problem';

export function specIdParam(value: string | undefined): string {
  if (!value || !SPEC_ID_PATTERN.test(value)) {
    throw new HttpProblem(404, 'Not found', `No spec run "${String(value).slice(0, 100)}"`, [
      { field: 'id', message: 'not a spec run id' },
    ]);
  }
  return value;
}
