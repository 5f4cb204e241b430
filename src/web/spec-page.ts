import { html } from './html';
import { pageLayout } from './page-layout';
import { runState } from './run-state';
import { artifactLinks, type ArtifactLink } from './sections/artifact-links';
import { checksSection } from './sections/checks-section';
import { decisionLog } from './sections/decision-log';
import { changesList } from './sections/changes-list';
import { decisionPanel, questionsList, ticketsGatePanel } from './sections/decision-panel';
import { editPanel } from './sections/edit-panel';
import { phaseArticle } from './sections/phase-article';
import { phaseTabs } from './sections/phase-tabs';
import { amendPanel, reopenPanel } from './sections/reopen-panel';
import { runHeader } from './sections/run-header';
import type { SpecPageData } from './spec-page-data';
import type { Viewer } from './viewer';

/** /specs/:id: the run, the shown phase revision, and everything needed to decide its gate. */
export function specPage(
  data: SpecPageData,
  artifacts: ArtifactLink[],
  viewer: Viewer,
  temporalUiLink?: string,
): string {
  const { status, view } = data;
  const state = runState(status);
  const ticketsGate = state.open && status.pendingApproval?.phase === 'tickets';
  const decide = ticketsGate
    ? ticketsGatePanel(status, viewer)
    : data.atGate && view
      ? decisionPanel(status, view, viewer)
      : '';
  const finished = !state.open && status.status === 'completed';
  const body = html` ${runHeader(status, temporalUiLink)} ${phaseTabs(status, data.phase)}
    <div class="columns">
      <div class="main-column">${data.atGate && view ? editPanel(view) : ''} ${phaseArticle(data)}</div>
      <aside class="side-column">
        ${decide} ${state.open ? reopenPanel(status, viewer) : finished ? amendPanel(status, viewer) : ''}
        ${view && !data.atGate && data.phase === 'requirements' ? questionsList(view.questions) : ''}
        ${view ? checksSection(view) : ''} ${artifactLinks(artifacts, status.status === 'completed' && !state.open)}
        ${changesList(status.changes)} ${decisionLog(status.decisions)}
      </aside>
    </div>`;
  return pageLayout({
    title: `${data.phase} · ${status.feature.slice(0, 60)}`,
    viewer,
    body,
    data: {
      page: 'spec',
      'spec-id': status.id,
      'state-url': `/specs/${encodeURIComponent(status.id)}/state`,
      'state-version': state.version,
      live: String(state.open),
    },
  });
}
