import path from 'node:path';
import { html } from './html';
import { markdownToHtml } from './markdown-to-html';
import type { PackFile } from './pack-file';
import { pageLayout } from './page-layout';
import type { RunStatus } from './spec-page-data';
import type { Viewer } from './viewer';

/** One pack file to read in the browser: Markdown as HTML (diagrams drawn), the rest as text. */
export function packFilePage(status: RunStatus, packFile: PackFile, viewer: Viewer): string {
  const runPath = `/specs/${encodeURIComponent(status.id)}`;
  const raw = `/v1/specs/${encodeURIComponent(status.id)}/artifacts/${encodeURIComponent(packFile.file)}`;
  const extension = path.extname(packFile.file);
  const content =
    extension === '.md'
      ? html`<section class="rendered">${markdownToHtml(packFile.text, { fileBase: `${runPath}/files/` })}</section>`
      : extension === '.mmd'
        ? html`<pre class="mermaid">${packFile.text}</pre>`
        : html`<pre class="file-text"><code>${packFile.text}</code></pre>`;
  const body = html`<section class="run-head">
      <p class="crumbs"><a href="/">Runs</a> / <a href="${runPath}">${status.feature}</a></p>
      <h1 class="file-name">
        <code>${packFile.file}</code>${packFile.draft ? html` <span class="badge draft">draft</span>` : ''}
      </h1>
      <p class="meta">
        ${packFile.draft ? 'Rendered now from the approved phases and the one awaiting a decision. ' : ''}<a
          href="${raw}"
          data-raw-file
          >Raw file</a
        >
      </p>
    </section>
    <article class="phase pack-file">${content}</article>`;
  return pageLayout({ title: packFile.file, viewer, body, data: { page: 'file' } });
}
