import type { DataConverter } from '@temporalio/common';
import { packagePath } from '../config/package-root';
import { EncryptionCodec } from './encryption-codec';
import type { EncryptionKey } from './encryption-keys';

/**
 * The failure converter that moves messages and stack traces into an encoded (so encrypted)
 * payload. A worker bundling its workflows takes it from dataConverter; a prebuilt workflow bundle
 * must be built with it (`bundleWorkflowCode({ failureConverterPath })`), since a worker given a
 * bundle ignores this path inside the workflow sandbox.
 */
export const ENCRYPTING_FAILURE_CONVERTER_PATH = packagePath('src', 'codec', 'encrypting-failure-converter.cjs');

/**
 * What every specforge client and worker gets: with keys, payloads (arguments, results, memo,
 * queries, heartbeats, Current details, the static summary and details) and failures are
 * encrypted; without, Temporal's defaults.
 */
export function dataConverterFor(keys: readonly EncryptionKey[] | undefined): DataConverter {
  if (!keys?.length) return {};
  return { payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath: ENCRYPTING_FAILURE_CONVERTER_PATH };
}
