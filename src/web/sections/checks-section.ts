import type { PhaseView } from '../../review/review-types';
import { html, type SafeHtml } from '../html';

/** Validators (schema, references, Mermaid, OpenAPI, lint), the quality criteria and untraced requirements. */
export function checksSection(view: PhaseView): SafeHtml {
  const failed =
    view.checks.filter((check) => !check.valid).length + view.quality.filter((result) => !result.passed).length;
  return html`<section class="panel checks" aria-label="Checks">
    <h3>Checks <span class="count ${failed ? 'bad' : 'good'}">${failed ? `${failed} failing` : 'all pass'}</span></h3>
    <ul class="check-list">
      ${view.checks.map(
        (check) =>
          html`<li class="${check.valid ? 'pass' : 'fail'}">
            <span class="mark" aria-hidden="true">${check.valid ? '✓' : '✗'}</span> ${check.validator}
            ${
              check.errors.length
                ? html`<ul>
                    ${check.errors.map((error) => html`<li>${error}</li>`)}
                  </ul>`
                : ''
            }
          </li>`,
      )}
    </ul>
    ${
      view.quality.length
        ? html`<h4>Quality criteria</h4>
            <ul class="check-list">
              ${view.quality.map(
                (result) =>
                  html`<li class="${result.passed ? 'pass' : 'fail'}">
                    <span class="mark" aria-hidden="true">${result.passed ? '✓' : '✗'}</span> ${result.criterion}
                    ${
                      result.reasons.length
                        ? html`<ul>
                            ${result.reasons.map((reason) => html`<li>${reason}</li>`)}
                          </ul>`
                        : ''
                    }
                  </li>`,
              )}
            </ul>`
        : ''
    }
    ${view.orphans.length ? html`<p class="warning">Not yet traced to design: ${view.orphans.join(', ')}</p>` : ''}
  </section>`;
}
