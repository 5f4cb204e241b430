import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { dataConverterFor } from '../../src/codec/data-converter';
import { SPEC_ID_PATTERN, specIdFor } from '../../src/runs/spec-id';

// Never connects: the id is chosen before anything is sent.
const connection = Connection.lazy({ address: '127.0.0.1:1' });
const feature = 'Export quarterly invoices for the auditors';

describe('the id a run gets (POST /v1/specs and startSpec choose it the same way)', () => {
  it("carries the feature's words when payloads are plain", () => {
    const id = specIdFor(new Client({ connection }), feature);
    expect(id).toMatch(/^spec-export-quarterly-invoices-for-the-audito-[0-9a-f]{8}$/);
  });

  it('tells nothing of the feature when the client encrypts: Temporal shows ids in plain text', () => {
    const keys = [{ id: 'k1', key: randomBytes(32) }];
    const id = specIdFor(new Client({ connection, dataConverter: dataConverterFor(keys) }), feature);
    expect(id).toMatch(/^spec-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(id).toMatch(SPEC_ID_PATTERN);
  });
});
