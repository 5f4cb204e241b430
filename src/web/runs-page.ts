import { html } from './html';
import { durationText } from './duration-text';
import { pageLayout } from './page-layout';
import type { RunRow } from './run-list';
import type { Viewer } from './viewer';

export function runsPage(rows: RunRow[], viewer: Viewer, now = Date.now()): string {
  const waiting = rows.filter((row) => row.awaiting).length;
  const body = html` <h1>Spec runs</h1>
    <p class="lede">
      ${waiting ? `${waiting} ${waiting === 1 ? 'run awaits' : 'runs await'} a decision.` : 'No run awaits a decision.'}
    </p>
    ${
      rows.length === 0
        ? html`<p class="empty">
            No runs yet. Start one with <code>npx specforge new "&lt;feature&gt;"</code> or <code>POST /v1/specs</code>.
          </p>`
        : html`<table class="runs" data-live-list>
            <thead>
              <tr>
                <th>Feature</th>
                <th>Status</th>
                <th>Phase</th>
                <th>Waiting</th>
                <th>Started</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (row) =>
                  html`<tr class="${row.awaiting ? 'awaiting' : ''}" data-run-id="${row.id}">
                    <td>
                      <a href="/specs/${encodeURIComponent(row.id)}">${row.feature || row.id}</a>
                      <div class="run-id">${row.id}</div>
                    </td>
                    <td><span class="badge status-${statusClass(row)}">${statusText(row)}</span></td>
                    <td>${row.awaiting ? html`<strong>${row.gate}</strong>` : row.phase}</td>
                    <td>
                      ${row.awaiting && row.since ? html`<span title="${row.since}">${durationText(now - Date.parse(row.since))}</span>` : '—'}
                    </td>
                    <td>
                      ${row.startedAt ? html`<time datetime="${row.startedAt}">${row.startedAt.replace('T', ' ').slice(0, 16)}</time>` : ''}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
  return pageLayout({ title: 'Runs', viewer, body, data: { page: 'runs' } });
}

function statusText(row: RunRow): string {
  if (row.temporalStatus !== 'RUNNING')
    return row.status && row.status !== 'running' && row.status !== 'awaiting_approval'
      ? row.status
      : row.temporalStatus.toLowerCase();
  return (row.status || 'running').replace('_', ' ');
}

function statusClass(row: RunRow): string {
  return statusText(row).replace(/[^a-z]+/g, '-');
}
