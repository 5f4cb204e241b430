import { html, type SafeHtml } from '../html';
import type { PhaseName } from '../../shared/phases';
import { phaseTitle } from '../phase-title';
import type { RunStatus } from '../spec-page-data';

/** The eight phases with their state; each links to that phase's latest revision. */
export function phaseTabs(status: RunStatus, selected: PhaseName): SafeHtml {
  return html`<nav class="phase-tabs" aria-label="Phases">
    <ol>
      ${status.phases.map(
        (entry, index) =>
          html`<li class="${entry.name === selected ? 'selected' : ''} state-${entry.state}">
            <a href="?phase=${entry.name}" ${entry.name === selected ? html` aria-current="page"` : ''}
              ><span class="step">${index + 1}</span> ${phaseTitle(entry.name)}
              <span class="phase-state" data-phase-state="${entry.name}">${entry.state.replace('_', ' ')}</span></a
            >
          </li>`,
      )}
    </ol>
  </nav>`;
}
