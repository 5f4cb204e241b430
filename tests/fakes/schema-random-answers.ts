import { generateSync, type JsonSchema } from 'json-schema-faker';
import type { PhaseName } from '../../src/shared/phases';
import type { ModelRequest } from './scripted-answers';

type Item = Record<string, unknown>;

/** Short lists and texts keep answers quick to check and render; every one is still an instance of the schema. */
const DRAW = { maxItems: 4, maxLength: 60 };

/**
 * A model that follows the sent schema and nothing else: a random instance of the schema, drawn
 * from `seed`. Only what the schema cannot say is then set right, as a model that read the
 * request would: ids numbered in order, cited ids taken from the request, names made unique, edges
 * and foreign keys joining what exists. Whether the answer passes the phase's check is up to the
 * sent schema.
 */
export function schemaRandomAnswer(phase: PhaseName, schema: JsonSchema, request: ModelRequest, seed: number): unknown {
  const answer = generateSync(schema, { seed, ...DRAW }) as Item;
  if (!answer || typeof answer !== 'object') return answer;
  const known = knownIds(phase, answer, request);
  numberIds(answer);
  citeKnown(answer, known);
  uniqueNames(answer);
  joinReferences(phase, answer);
  return answer;
}

interface KnownIds {
  requirements: string[];
  threats: string[];
}

/** Requirement and threat ids the answer may cite: the request's earlier sections, or its own requirements. */
function knownIds(phase: PhaseName, answer: Item, request: ModelRequest): KnownIds {
  const earlier = request.approvedEarlierSections as {
    requirements?: { functional: string[]; nonFunctional: string[] };
    security?: { threats: string[] };
  };
  const idOf = (line: string) => line.split(':')[0]!;
  if (phase === 'requirements') {
    const count = (key: string) => (Array.isArray(answer[key]) ? (answer[key] as unknown[]).length : 0);
    return {
      requirements: [
        ...range(count('functional')).map((index) => `FR-${index + 1}`),
        ...range(count('nonFunctional')).map((index) => `NFR-${index + 1}`),
      ],
      threats: [],
    };
  }
  return {
    requirements: [...(earlier.requirements?.functional ?? []), ...(earlier.requirements?.nonFunctional ?? [])].map(
      idOf,
    ),
    threats: (earlier.security?.threats ?? []).map(idOf),
  };
}

/** FR-1, FR-2…; acceptance criteria as AC-<story>.<n>. */
function numberIds(node: unknown, story = 0): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      if (item && typeof item === 'object' && typeof (item as Item).id === 'string') {
        const id = (item as Item).id as string;
        const kind = /^([A-Z]+)-/.exec(id)?.[1];
        if (kind === 'AC') (item as Item).id = `AC-${story}.${index + 1}`;
        else if (kind) (item as Item).id = `${kind}-${index + 1}`;
      }
      numberIds(item, prefix(item) === 'US' ? index + 1 : story);
    });
    return;
  }
  if (node && typeof node === 'object') for (const value of Object.values(node)) numberIds(value, story);
}

function prefix(item: unknown): string | undefined {
  const id = item && typeof item === 'object' ? (item as Item).id : undefined;
  return typeof id === 'string' ? /^([A-Z]+)-/.exec(id)?.[1] : undefined;
}

/** Every `requirements` and `threats` list cites ids that exist, as many as it drew. */
function citeKnown(node: unknown, known: KnownIds): void {
  if (Array.isArray(node)) return node.forEach((item) => citeKnown(item, known));
  if (!node || typeof node !== 'object') return;
  const item = node as Item;
  for (const [key, ids] of [
    ['requirements', known.requirements],
    ['threats', known.threats],
  ] as const) {
    if (Array.isArray(item[key]) && (item[key] as unknown[]).every((value) => typeof value === 'string')) {
      item[key] =
        ids.length === 0 ? [] : [...new Set((item[key] as string[]).map((_, index) => ids[index % ids.length]!))];
    }
  }
  for (const value of Object.values(item)) citeKnown(value, known);
}

/** Names that become paths, tables, diagram nodes or schema keys: unique within their list. */
function uniqueNames(node: unknown): void {
  if (Array.isArray(node)) {
    for (const key of ['name', 'schemaName', 'id', 'action']) {
      const seen = new Set<string>();
      node.forEach((item, index) => {
        if (!item || typeof item !== 'object' || typeof (item as Item)[key] !== 'string') return;
        let value = (item as Item)[key] as string;
        if (seen.has(value)) value = (item as Item)[key] = `${value.slice(0, 100)}${index}`;
        seen.add(value);
      });
    }
    node.forEach(uniqueNames);
    return;
  }
  if (node && typeof node === 'object') Object.values(node).forEach(uniqueNames);
}

function joinReferences(phase: PhaseName, answer: Item): void {
  if (phase === 'architecture') {
    const ids = ((answer.components as Item[]) ?? []).map((component) => component.id as string);
    ((answer.edges as Item[]) ?? []).forEach((edge, index) => {
      edge.from = ids[index % ids.length];
      edge.to = ids[(index + 1) % ids.length];
    });
  }
  if (phase === 'database') {
    const tables = (answer.tables as Item[]) ?? [];
    tables.forEach((table, index) => {
      const column = ((table.columns as Item[]) ?? [])[0]?.name as string;
      table.references = ((table.references as Item[]) ?? []).map(() => ({
        column,
        table: tables[(index + 1) % tables.length]!.name,
      }));
    });
  }
  if (phase === 'api') {
    for (const resource of (answer.resources as Item[]) ?? []) {
      // One operation of each kind (and action) per resource: two "list" operations would be one path twice.
      const seen = new Set<string>();
      resource.operations = ((resource.operations as Item[]) ?? []).filter((operation) => {
        const key = `${operation.kind}:${operation.action ?? ''}`;
        return !seen.has(key) && Boolean(seen.add(key));
      });
    }
  }
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
