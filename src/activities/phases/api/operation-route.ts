import type { Api } from './schema';

export type ApiOperation = Api['resources'][number]['operations'][number];

export interface OperationRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under the version prefix: "/invoices", "/invoices/{id}", "/invoices/exports/{id}". */
  path: string;
  /** The path names one item or job, through the shared `id` parameter. */
  single: boolean;
}

/** Where each operation kind lives: RESTful CRUD on the resource, and a job collection under it for each action. */
export function operationRoute(resource: string, operation: ApiOperation): OperationRoute {
  switch (operation.kind) {
    case 'list':
      return { method: 'GET', path: `/${resource}`, single: false };
    case 'create':
      return { method: 'POST', path: `/${resource}`, single: false };
    case 'get':
      return { method: 'GET', path: `/${resource}/{id}`, single: true };
    case 'update':
      return { method: 'PATCH', path: `/${resource}/{id}`, single: true };
    case 'delete':
      return { method: 'DELETE', path: `/${resource}/{id}`, single: true };
    case 'start':
      return { method: 'POST', path: `/${resource}/${operation.action}`, single: false };
    case 'poll':
      return { method: 'GET', path: `/${resource}/${operation.action}/{id}`, single: true };
  }
}
