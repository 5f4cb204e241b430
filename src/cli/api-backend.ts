import type { SpecSummary } from '../runs/list-specs';
import type { StartedAmendment } from '../runs/start-amendment';
import type { StartedRetry } from '../runs/start-retry';
import type { PhaseDiff, PhaseView } from '../review/review-types';
import type { DecisionOutcome } from '../workflows/messages';
import { ApiRequestError, type ApiClient } from './api-client';
import type { SpecBackend, SpecStatusView, TicketIndex } from './spec-backend';

type ApiStatus = Omit<SpecStatusView, 'artifacts'> & { artifacts: { file: string; href: string }[] };

/** The commands over specforge's HTTP API (SPECFORGE_URL with SPECFORGE_TOKEN). */
export function apiBackend(api: ApiClient): SpecBackend {
  const spec = (id: string) => `/v1/specs/${encodeURIComponent(id)}`;
  return {
    async status(id) {
      const status = await api.get<ApiStatus>(spec(id));
      return {
        ...status,
        artifacts: status.artifacts.map((artifact) => ({
          file: artifact.file,
          location: `${api.baseUrl}${artifact.href}`,
        })),
      };
    },
    list: (options) =>
      api.get<{ items: SpecSummary[] }>(
        `/v1/specs?${new URLSearchParams({ limit: String(options.limit), ...(options.status ? { status: options.status } : {}) })}`,
      ),
    decide: (id, decision) => api.post<DecisionOutcome>(`${spec(id)}/decisions`, decision),
    amend: (id, amendment) => api.post<StartedAmendment>(`${spec(id)}/amendments`, amendment),
    retry: (id) => api.post<StartedRetry>(`${spec(id)}/retry`, {}),
    async tickets(id) {
      try {
        return await api.get<TicketIndex>(`${spec(id)}/tickets`);
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 404 && /no ticket plan/i.test(error.message))
          return undefined;
        throw error;
      }
    },
    view: (id, phase, revision) =>
      api.get<PhaseView>(`${spec(id)}/phases/${phase}${revision === undefined ? '' : `/revisions/${revision}`}`),
    diff: (id, phase, from, to) => {
      const query = new URLSearchParams({
        ...(from === undefined ? {} : { from: String(from) }),
        ...(to === undefined ? {} : { to: String(to) }),
      });
      return api.get<PhaseDiff>(`${spec(id)}/phases/${phase}/diff${query.size ? `?${query}` : ''}`);
    },
    close: async () => undefined,
  };
}
