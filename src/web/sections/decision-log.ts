import type { RecordedDecision } from '../../shared/decision';
import { html, type SafeHtml } from '../html';

/** Every decision the run received, applied or refused: who, when, what, through which channel. */
export function decisionLog(decisions: RecordedDecision[]): SafeHtml {
  return html`<section class="panel decision-log" aria-label="Decision log">
    <h3>Decision log</h3>
    ${
      decisions.length === 0
        ? html`<p class="empty">No decisions yet.</p>`
        : html`<ol class="decisions">
            ${[...decisions].reverse().map(
              (decision) =>
                html`<li class="${decision.outcome}">
                  <div>
                    <strong>${decision.by}</strong
                    >${decision.actor && decision.actor !== decision.by ? html` <span class="muted">(by ${decision.actor})</span>` : ''}
                    <span class="action action-${decision.action}">${decision.action.replace('_', ' ')}</span>
                    ${decision.phase} r${decision.revision}
                  </div>
                  <div class="muted">
                    <time datetime="${decision.at}">${decision.at.replace('T', ' ').slice(0, 19)}</time> · via
                    ${decision.via ?? 'unknown'} ·
                    ${decision.verified ? html`<span class="verified">verified</span>` : html`<span class="unverified">unverified</span>`}
                    ${decision.outcome === 'rejected' ? html` · <span class="refused">refused: ${decision.reason ?? ''}</span>` : ''}
                  </div>
                  ${decision.comment ? html`<blockquote>${decision.comment}</blockquote>` : ''}
                  ${
                    decision.items?.length
                      ? html`<ul class="item-comments">
                          ${decision.items.map((item) => html`<li><strong>${item.id}</strong>: ${item.comment}</li>`)}
                        </ul>`
                      : ''
                  }
                </li>`,
            )}
          </ol>`
    }
  </section>`;
}
