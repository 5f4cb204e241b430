import { html, type SafeHtml } from '../html';

export interface ArtifactLink {
  file: string;
  /** The file as the API serves it. */
  href: string;
  /** The file shown as a page (Markdown rendered, diagrams drawn), when it can be. */
  readHref?: string;
  bytes?: number;
  draft?: boolean;
}

/** The pack's files: final once the run has rendered them, else the draft of what is approved so far. */
export function artifactLinks(artifacts: ArtifactLink[], done: boolean): SafeHtml {
  const drafts = artifacts.some((artifact) => artifact.draft);
  return html`<section class="panel artifacts" aria-label="Artifacts">
    <h3>${done ? 'The pack' : drafts ? 'Draft pack' : 'Artifacts'}</h3>
    ${
      artifacts.length === 0
        ? html`<p class="empty">The pack is written when the last phase is approved.</p>`
        : html`<ul>
            ${artifacts.map((artifact) => html`<li>${artifact.readHref ? html`<a href="${artifact.readHref}" data-read="${artifact.file}">${artifact.file}</a> <a class="raw" href="${artifact.href}" data-artifact="${artifact.file}">raw</a>` : html`<a href="${artifact.href}" data-artifact="${artifact.file}">${artifact.file}</a>`}${artifact.draft ? html` <span class="badge draft">draft</span>` : ''}${artifact.bytes ? html` <span class="muted">${formatBytes(artifact.bytes)}</span>` : ''}</li>`)}
          </ul>`
    }
  </section>`;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
