const ASK_TIMEOUT_MS = 5_000;

/**
 * The context window a compatible server reports, where it reports one: vLLM's `/v1/models`
 * (`max_model_len`) or llama.cpp's `/props` (`default_generation_settings.n_ctx`). OpenAI, Ollama
 * and llama-cpp-python report none: undefined.
 */
export async function serverContextTokens(baseURL: string, fetchImpl: typeof fetch): Promise<number | undefined> {
  const base = baseURL.replace(/\/+$/, '');
  const models = await readJson(`${base}/models`, fetchImpl);
  const fromModels = (models as { data?: { max_model_len?: unknown }[] } | undefined)?.data?.[0]?.max_model_len;
  if (isCount(fromModels)) return fromModels;
  const props = await readJson(`${new URL(base).origin}/props`, fetchImpl);
  const fromProps = (props as { default_generation_settings?: { n_ctx?: unknown } } | undefined)
    ?.default_generation_settings?.n_ctx;
  return isCount(fromProps) ? fromProps : undefined;
}

async function readJson(url: string, fetchImpl: typeof fetch): Promise<unknown> {
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(ASK_TIMEOUT_MS) });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
