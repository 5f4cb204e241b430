import { afterAll, beforeAll } from 'vitest';
import { startApiServer, type ApiServer } from './api-server';
import { createTestStack, type TestStack } from './test-stack';

/**
 * A test stack (Temporal dev server, store) and the API on it for one test file: started before its
 * tests, handed to `use`, closed after them.
 */
export function useApiServer(
  use: (started: { stack: TestStack; api: ApiServer }) => void,
  options?: Parameters<typeof startApiServer>[1],
): void {
  let started: { stack: TestStack; api: ApiServer } | undefined;
  beforeAll(async () => {
    const stack = await createTestStack();
    started = { stack, api: await startApiServer(stack, options) };
    use(started);
  });
  afterAll(async () => {
    await started?.api.close();
    await started?.stack.close();
  });
}
