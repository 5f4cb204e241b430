import { randomBytes } from 'node:crypto';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { LlmHeartbeatDetails } from '../../src/activities/with-heartbeat';
import { runningPhaseActivity } from '../../src/cli/running-activity';
import { dataConverterFor } from '../../src/codec/data-converter';
import { withDecodedHeartbeats } from '../../src/codec/decode-heartbeats';
import { EncryptionCodec } from '../../src/codec/encryption-codec';

const keys = [{ id: 'k1', key: randomBytes(32) }];
// A lazy connection: nothing here reaches a server.
const client = new Client({ dataConverter: dataConverterFor(keys) });

async function describedWithHeartbeat(attempt: number) {
  const details: Partial<LlmHeartbeatDetails> = { attempt };
  const [sealed] = await new EncryptionCodec(keys).encode([defaultPayloadConverter.toPayload(details)]);
  return {
    raw: {
      pendingActivities: [
        { activityType: { name: 'generateRequirements' }, attempt: 1, heartbeatDetails: { payloads: [sealed!] } },
      ],
    },
  } as never;
}

describe("the CLI's progress line with SPECFORGE_ENCRYPTION_KEYS set", () => {
  it('reads the repair attempt from an encrypted heartbeat through the codec', async () => {
    const description = await describedWithHeartbeat(2);
    expect(runningPhaseActivity(description)?.modelAttempt).toBeUndefined();
    expect(runningPhaseActivity(await withDecodedHeartbeats(client, description))?.modelAttempt).toBe(2);
  });
});
