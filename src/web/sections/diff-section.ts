import type { PhaseDiff, ReviewItem } from '../../review/review-types';
import { html, type SafeHtml } from '../html';

/** Lines kept around each change in the Markdown diff; longer unchanged runs fold. */
const CONTEXT_LINES = 2;

/**
 * What changed since the previous revision (or, for a phase at its gate again after a reopen, since
 * its approved one): items added, removed and changed, then the section's lines.
 */
export function diffSection(diff: PhaseDiff, againstApproved = false): SafeHtml {
  const since = `Changes since ${againstApproved ? 'approved ' : ''}revision ${diff.from}`;
  const unchanged =
    diff.added.length + diff.removed.length + diff.changed.length === 0 && diff.lines.every((line) => line.op === ' ');
  return html`<section class="diff" aria-label="${since}">
    <h3>${since}</h3>
    ${
      unchanged
        ? html`<p class="empty">No change.</p>`
        : html` <ul class="item-changes">
              ${diff.added.map((item) => html`<li class="added"><span class="sign">+</span> ${itemText(item)}</li>`)}
              ${diff.removed.map((item) => html`<li class="removed"><span class="sign">−</span> ${itemText(item)}</li>`)}
              ${diff.changed.map(
                (item) =>
                  html`<li class="changed">
                    <span class="sign">~</span> ${itemText(item)}
                    <ul class="fields">
                      ${item.fields.map((field) => html`<li><code>${field.path}</code>: <del>${valueText(field.before)}</del> → <ins>${valueText(field.after)}</ins></li>`)}
                    </ul>
                  </li>`,
              )}
            </ul>
            <details class="line-diff" open>
              <summary>Section text, line by line</summary>
              <pre>${foldedLines(diff.lines)}</pre>
            </details>`
    }
  </section>`;
}

function itemText(item: ReviewItem): SafeHtml {
  return html`<strong>${item.id}</strong> <span class="muted">${item.kind}</span> ${item.label}`;
}

function valueText(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function foldedLines(lines: PhaseDiff['lines']): SafeHtml[] {
  const near = lines.map((_, index) =>
    lines.slice(Math.max(0, index - CONTEXT_LINES), index + CONTEXT_LINES + 1).some((line) => line.op !== ' '),
  );
  const out: SafeHtml[] = [];
  let folded = 0;
  lines.forEach((line, index) => {
    if (!near[index]) {
      folded += 1;
      return;
    }
    if (folded) out.push(foldLine(folded));
    folded = 0;
    const kind = line.op === '+' ? 'add' : line.op === '-' ? 'del' : 'same';
    out.push(html`<span class="line ${kind}">${line.op} ${line.text}</span>`);
  });
  if (folded) out.push(foldLine(folded));
  return out;
}

function foldLine(count: number): SafeHtml {
  return html`<span class="fold">… ${count} unchanged ${count === 1 ? 'line' : 'lines'}</span>`;
}
