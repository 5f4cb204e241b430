import { type ApiOperation, operationRoute } from '../../activities/phases/api/operation-route';
import { html, type SafeHtml } from '../html';

interface ApiContent {
  version?: string;
  resources?: {
    name: string;
    schemaName: string;
    description: string;
    fields?: { name: string; type: string; required: boolean }[];
    operations?: { kind: string; action?: string; summary: string; requirements: string[] }[];
  }[];
}

const KINDS = new Set(['list', 'create', 'get', 'update', 'delete', 'start', 'poll']);

/** The API phase's operations, one row each, grouped by resource with its fields. */
export function operationsTable(content: unknown): SafeHtml | '' {
  const api = content as ApiContent;
  if (!Array.isArray(api?.resources)) return '';
  const prefix = api.version ? `/${api.version}` : '';
  return html`<section class="operations" aria-label="Operations">
    <h3>Operations</h3>
    <table class="operations-table">
      <thead>
        <tr>
          <th>Method</th>
          <th>Path</th>
          <th>Summary</th>
          <th>Requirements</th>
        </tr>
      </thead>
      ${api.resources.map(
        (resource) =>
          html`<tbody>
            <tr class="resource-row">
              <th colspan="4">
                ${resource.name} <span class="schema">${resource.schemaName}</span>
                <span class="muted">${resource.description}</span>
                ${resource.fields?.length ? html`<div class="fields">${resource.fields.map((field) => html`<code>${field.name}${field.required ? '' : '?'}: ${field.type}</code> `)}</div>` : ''}
              </th>
            </tr>
            ${(resource.operations ?? []).map((operation) => {
              // Content under review may be any edit: a kind the schema does not know is shown as it is.
              const route = KINDS.has(operation.kind)
                ? operationRoute(resource.name, operation as ApiOperation)
                : { method: operation.kind.toUpperCase(), path: `/${resource.name}` };
              return html`<tr>
                <td><span class="method method-${route.method.toLowerCase()}">${route.method}</span></td>
                <td><code>${prefix}${route.path}</code></td>
                <td>${operation.summary}</td>
                <td>${operation.requirements.join(', ')}</td>
              </tr>`;
            })}
          </tbody>`,
      )}
    </table>
  </section>`;
}
