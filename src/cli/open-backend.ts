import { ArtifactStore } from '../activities/artifacts/artifact-store';
import type { Config } from '../config/load-config';
import { apiBackend } from './api-backend';
import { createApiClient } from './api-client';
import { connectClient } from './connect-client';
import type { SpecBackend } from './spec-backend';
import { temporalBackend } from './temporal-backend';

/** The API when SPECFORGE_URL and SPECFORGE_TOKEN are both set; Temporal and the local store otherwise. */
export async function openBackend(config: Config): Promise<SpecBackend> {
  if (config.SPECFORGE_URL && config.SPECFORGE_TOKEN)
    return apiBackend(createApiClient({ baseUrl: config.SPECFORGE_URL, token: config.SPECFORGE_TOKEN }));
  const { client, close } = await connectClient(config);
  return temporalBackend(client, config, new ArtifactStore(config.SPECFORGE_HOME, config.SPECFORGE_OUT), close);
}
