import { html, type SafeHtml } from '../html';
import type { RunStatus } from '../spec-page-data';

/** The run's feature, status and what it is doing now (generating, waiting, refused, failed). */
export function runHeader(status: RunStatus, temporalUiLink: string | undefined): SafeHtml {
  const open = status.temporalStatus === 'RUNNING';
  const shownStatus = open
    ? status.status
    : status.status === 'running' || status.status === 'awaiting_approval'
      ? status.temporalStatus.toLowerCase()
      : status.status;
  return html`<section class="run-head">
    <p class="crumbs"><a href="/">Runs</a> / <span class="run-id">${status.id}</span></p>
    <h1>${status.feature}</h1>
    <p class="meta">
      <span class="badge status-${shownStatus.replace(/[^a-z]+/g, '-')}" data-run-status
        >${shownStatus.replace('_', ' ')}</span
      >
      gates:
      ${status.gates}${lineage(status)}${temporalUiLink ? html` · <a href="${temporalUiLink}" rel="noopener noreferrer">Temporal UI</a>` : ''}
    </p>
    ${activity(status, open)}
  </section>`;
}

/** An amendment's version and the run it amends, or the failed run a retry goes on from. */
function lineage(status: RunStatus): SafeHtml | '' {
  const version =
    status.version && status.version > 1 ? html` · <span data-version>version ${status.version}</span>` : '';
  const from = (label: string, id: string | undefined) =>
    id ? html` · ${label} <a href="/specs/${encodeURIComponent(id)}" data-${label}>${id}</a>` : '';
  return html`${version}${from('amends', status.amends)}${from('retries', status.retries)}`;
}

function activity(status: RunStatus, open: boolean): SafeHtml | '' {
  const refused = status.refused
    ? html`<p class="notice refused" role="alert">
        Last decision refused (${status.refused.action} on ${status.refused.phase} by ${status.refused.by}):
        ${status.refused.reason ?? 'no reason given'}
      </p>`
    : '';
  if (status.error)
    return html`${refused}
      <p class="notice failed" role="alert">The run failed: ${status.error}</p>`;
  if (!open) return refused;
  const running = status.phases.find((entry) => entry.state === 'running');
  if (running)
    return html`${refused}
      <p class="notice running" aria-live="polite">
        <span class="spinner" aria-hidden="true"></span>Generating
        <strong>${running.name}</strong>${running.revision > 0 ? ` (revision ${running.revision + 1})` : ''}… this page
        updates when it is ready.
      </p>`;
  if (status.pendingApproval)
    return html`${refused}
      <p class="notice waiting">
        Waiting for a decision on <strong>${status.pendingApproval.phase}</strong>, revision
        ${status.pendingApproval.revision}.
      </p>`;
  if (status.phase === 'render' || status.phase === 'tickets')
    return html`${refused}
      <p class="notice running" aria-live="polite">
        <span class="spinner" aria-hidden="true"></span
        >${status.phase === 'render' ? 'Rendering the pack' : 'Creating tickets'}… this page updates when it is done.
      </p>`;
  return refused;
}
