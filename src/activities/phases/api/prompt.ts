/** What the model is asked for in the api phase, beyond the schema: every sub-item the design lists, and which of them code adds. */
export const apiPrompt = [
  'Describe the REST resources: name (plural, kebab-case), schema name, fields with types, and which operations exist with the FR ids each serves.',
  'Each operation kind is a RESTful method: list is GET on the collection, create is POST, get is GET /{id}, update is PATCH /{id}, delete is DELETE /{id}.',
  'Give the API version (v1, v2, ...): versioning is in the URL path.',
  'Code writes the OpenAPI 3.1 document from these: paths, pagination, filtering and sorting parameters, rate limiting and throttling (rate-limit headers, 429 with Retry-After), problem+json errors and security schemes.',
].join(' ');
