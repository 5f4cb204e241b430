import type { Api } from '../../phases/api/schema';
import type { Architecture } from '../../phases/architecture/schema';
import { markdownTable } from '../markdown-table';
import { renderSequenceDiagram } from '../sequence-diagram';

const ROUTES = { list: ['GET', ''], create: ['POST', ''], get: ['GET', '/{id}'], update: ['PATCH', '/{id}'], delete: ['DELETE', '/{id}'] } as const;

export function apiSection(api: Api, architecture: Architecture | undefined, openApiFile: string): string {
  const rows = api.resources.flatMap((resource) =>
    resource.operations.map((operation) => {
      const [method, suffix] = ROUTES[operation.kind];
      return [`${method} /${api.version}/${resource.name}${suffix}`, operation.summary, operation.requirements.join(', ')];
    }),
  );
  return [
    `The full contract is [${openApiFile}](${openApiFile}) (OpenAPI 3.1). Collections paginate with \`limit\` and \`cursor\`, sort with \`sort\` and filter with \`filter[field]\`; errors are RFC 9457 problem documents; every response carries rate-limit headers and 429 carries Retry-After. The version is in the path (\`/${api.version}\`).`,
    markdownTable(['Endpoint', 'Summary', 'Requirements'], rows),
    '### Main journey',
    '```mermaid\n' + renderSequenceDiagram(api, architecture) + '\n```',
  ].join('\n\n');
}
