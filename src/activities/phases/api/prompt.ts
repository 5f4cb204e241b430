/** What the model is asked for in the api phase, beyond the schema: every sub-item the design lists, and which of them code adds. */
export const apiPrompt = [
  'Describe the REST resources: name (plural, kebab-case), schema name, fields with types, and which operations exist with the FR ids each serves.',
  'Each operation kind is a RESTful method: list is GET on the collection, create is POST, get is GET /{id}, update is PATCH /{id}, delete is DELETE /{id}.',
  'A verb the feature names that takes time (export, import, send, schedule, approve, generate, sync, publish, archive...) is an action: a `start` operation (POST /{resource}/{action}, 202 with a Location; `action` is the plural kebab-case job such as `exports`; `inputs` are the fields it takes) and a `poll` operation (GET /{resource}/{action}/{id}: status and result link) with the same `action`, besides the CRUD.',
  'Give the API version (v1, v2, ...): versioning is in the URL path.',
  'Code writes the OpenAPI 3.1 document from these: paths, pagination, filtering and sorting parameters, rate limiting and throttling (rate-limit headers, 429 with Retry-After), problem+json errors and security schemes.',
].join(' ');
