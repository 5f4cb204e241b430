import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';

const { temporal } = proto;
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

const ALREADY_EXISTS = 6; // gRPC status codes
const DEADLINE_EXCEEDED = 4;
/** Startup fails with a clear error within this, rather than the client retrying an absent server for minutes. */
const SETUP_DEADLINE_MS = 10_000;
const TYPES = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Text: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
};

/** Adds specforge's search attributes to a server that lacks them (one not started by specforge). */
export async function registerSearchAttributes(
  connection: Connection,
  namespace: string,
  deadlineMs: number = SETUP_DEADLINE_MS,
): Promise<void> {
  await connection
    .withDeadline(Date.now() + deadlineMs, () => addMissing(connection, namespace))
    .catch((error: { code?: number; message?: string }) => {
      if (error.code !== DEADLINE_EXCEEDED) throw error;
      throw new Error(
        `Temporal did not answer within ${deadlineMs / 1000} s while specforge registered its search attributes in namespace "${namespace}"`,
        { cause: error },
      );
    });
}

async function addMissing(connection: Connection, namespace: string): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !existing.customAttributes?.[name]);
  if (missing.length === 0) return;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, TYPES[type]])),
    });
  } catch (error) {
    if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
  }
}
