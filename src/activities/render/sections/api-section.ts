import { operationRoute } from '../../phases/api/operation-route';
import type { Api } from '../../phases/api/schema';
import type { Architecture } from '../../phases/architecture/schema';
import { markdownTable } from '../markdown-table';
import { renderSequenceDiagram } from '../sequence-diagram';

export function apiSection(api: Api, architecture: Architecture | undefined, openApiFile: string): string {
  const rows = api.resources.flatMap((resource) =>
    resource.operations.map((operation) => {
      const { method, path } = operationRoute(resource.name, operation);
      return [`${method} /${api.version}${path}`, operation.summary, operation.requirements.join(', ')];
    }),
  );
  return [
    `The full contract is [${openApiFile}](${openApiFile}) (OpenAPI 3.1). Collections paginate with \`limit\` and \`cursor\`, sort with \`sort\` and filter with \`filter[field]\`; errors are RFC 9457 problem documents; every response carries rate-limit headers and 429 carries Retry-After. The version is in the path (\`/${api.version}\`).${hasJobs(api) ? ' An action that takes time is a job: its POST answers 202 with a Location to poll, and the job reports its status and, once it has succeeded, a link to its result.' : ''}`,
    markdownTable(['Endpoint', 'Summary', 'Requirements'], rows),
    '### Main journey',
    '```mermaid\n' + renderSequenceDiagram(api, architecture) + '\n```',
  ].join('\n\n');
}

function hasJobs(api: Api): boolean {
  return api.resources.some((resource) => resource.operations.some((operation) => operation.kind === 'start'));
}
