import { Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { registerSearchAttributes } from '../../src/temporal/register-search-attributes';
import { freePort } from '../helpers/free-port';

// Without a deadline the client retries an absent server for about 20 s; the bound fails the test first.
describe('registering the search attributes', { timeout: 15_000 }, () => {
  it('gives up on a server that does not answer, saying what it was doing', async () => {
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
    const failure = await registerSearchAttributes(connection, 'default', 500).catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(/did not answer within 0.5 s .*search attributes.*"default"/);
    // The client's last retry is still pending; closing the channel under it would throw from its timer.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await connection.close();
  });
});
