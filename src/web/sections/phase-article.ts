import type { PhaseView } from '../../review/review-types';
import { html, type SafeHtml } from '../html';
import { markdownToHtml } from '../markdown-to-html';
import { phaseTitle } from '../phase-title';
import type { SpecPageData } from '../spec-page-data';
import { diffSection } from './diff-section';
import { operationsTable } from './operations-table';
import { reopenNotice } from './reopen-notice';

/** The shown revision of the phase: its section as it will read in the pack, and what changed. */
export function phaseArticle(data: SpecPageData): SafeHtml {
  const { view, phase, status } = data;
  const entry = status.phases.find((candidate) => candidate.name === phase);
  if (!view) {
    const state = entry?.state ?? 'pending';
    return html`<article class="phase" data-phase="${phase}">
      <h2>${phaseTitle(phase)}</h2>
      <p class="empty">
        ${state === 'running' ? 'This phase is being generated; the page updates when it is ready.' : state === 'skipped' ? 'This phase was skipped.' : 'This phase has not been generated yet.'}
      </p>
    </article>`;
  }
  const fileBase = `/v1/specs/${encodeURIComponent(status.id)}/artifacts/`;
  return html`<article class="phase" data-phase="${phase}" data-revision="${view.revision}">
    <header class="phase-head">
      <h2>${phaseTitle(phase)} <span class="revision">revision ${view.revision}</span></h2>
      ${revisionLinks(phase, view.revision, view.revisions)}
      <p class="meta">
        ${view.summary}<br /><span class="provenance"
          >${view.provider} · ${view.model} · ${view.state.replace('_', ' ')}</span
        >
      </p>
    </header>
    ${reopenNotice(data.reopenReason)} ${data.diff ? diffSection(data.diff, data.diffAgainstApproved) : ''}
    ${phase === 'api' ? operationsTable(view.content) : ''}
    <section class="rendered" aria-label="Section as it appears in the pack">
      ${markdownToHtml(view.markdown, { fileBase })}
    </section>
    ${phaseFiles(view.files)}
  </article>`;
}

/** The other pack files this revision renders (diagram source, OpenAPI, plans), as text to read in place. */
function phaseFiles(files: PhaseView['files']): SafeHtml | '' {
  if (!files.length) return '';
  return html`<section class="phase-files" aria-label="Pack files from this phase">
    <h3>Pack files from this phase</h3>
    ${files.map(
      (file) =>
        html`<details>
          <summary><code>${file.file}</code> <span class="muted">${file.text.split('\n').length} lines</span></summary>
          <pre><code>${file.text}</code></pre>
        </details>`,
    )}
  </section>`;
}

function revisionLinks(phase: string, current: number, revisions: number[]): SafeHtml | '' {
  if (revisions.length < 2) return '';
  return html`<p class="revisions">
    Revisions:
    ${revisions.map((revision) =>
      revision === current
        ? html`<strong aria-current="true">r${revision}</strong> `
        : html`<a href="?phase=${phase}&amp;revision=${revision}">r${revision}</a> `,
    )}
  </p>`;
}
