// What the reference of one API contains and where each part lives: operations grouped by tag,
// anchors for operations, schemas, tags and security schemes, the page each one is on, and the
// cross-links between operations and schemas. The HTML site and the Markdown README both render
// from this plan, so they list the same things under the same anchors.
import type { ApiModel, Operation, Response, Schema, Tag } from '../../model/types.ts';
import { assignAnchors, fileSlug } from '../../model/anchors.ts';
import { clientInfo, type ClientInfo } from './samples.ts';
import { refsIn, SchemaReader } from './schema-view.ts';

/** Above this many operations an API gets one page per tag (and pages of schemas). */
export const splitThreshold = 60;
/** Schemas on one schema page of a split API. */
const schemasPerPage = 60;

export interface OperationGroup {
  tag: Tag | undefined;
  title: string;
  anchor: string;
  /** the page of this group's operations (relative to the site root) */
  page: string;
  operations: Operation[];
}

export interface SchemaPage {
  page: string;
  title: string;
  names: string[];
}

export interface UsedBy {
  op: Operation;
  /** true when the operation names the schema itself, false when through other schemas */
  direct: boolean;
}

/** An error response declared once (components/responses) and used by several operations. */
export interface SharedResponse {
  name: string;
  anchor: string;
  response: Response;
  users: { op: Operation; status: string }[];
}

export interface ApiReference {
  model: ApiModel;
  reader: SchemaReader;
  client: ClientInfo;
  /** file-safe name of the API: its page is `<folder>.html`, more pages (when split) in `<folder>/` */
  folder: string;
  /** the API's own page (relative to the site root) */
  overview: string;
  split: boolean;
  groups: OperationGroup[];
  schemaPages: SchemaPage[];
  opAnchor: Map<string, string>;
  schemaAnchor: Map<string, string>;
  authAnchor: Map<string, string>;
  pageOfOp: Map<string, string>;
  pageOfSchema: Map<string, string>;
  /** component schemas an operation names directly, in first-use order */
  opSchemas: Map<string, string[]>;
  /** operations that use a schema (directly or through others), in spec order */
  usedByOps: Map<string, UsedBy[]>;
  /** schemas that name a schema directly */
  usedBySchemas: Map<string, string[]>;
  /** shared error responses, shown in full once (on the overview page) */
  sharedResponses: Map<string, SharedResponse>;
}

/**
 * The plan of an API's reference. `split` (one page per tag, and pages of schemas) defaults to
 * "more than splitThreshold operations"; the HTML site also splits an API whose one page would be
 * too heavy.
 */
export function buildReference(model: ApiModel, folder: string, split = model.operations.length > splitThreshold): ApiReference {
  const reader = new SchemaReader(model);

  const taken = new Set<string>(['main', 'top', 'search', 'servers', 'authentication', 'operations', 'schemas', 'contents']);
  // operation anchors take the `op-` prefix, so they never meet the reserved names above
  const opAnchor = new Map(model.operations.map((o) => [o.id, model.names.operations.get(o)!.anchor]));
  const schemaAnchors = assignAnchors(
    model.schemas.map((s) => s.name),
    'schema-',
    taken,
  );
  const schemaAnchor = new Map(model.schemas.map((s, i) => [s.name, schemaAnchors[i]!]));
  const authAnchors = assignAnchors(
    model.securitySchemes.map((s) => s.name),
    'auth-',
    taken,
  );
  const authAnchor = new Map(model.securitySchemes.map((s, i) => [s.name, authAnchors[i]!]));

  // groups: tags in declared order, operations under their first tag, untagged last
  const byTag = new Map<string, Operation[]>();
  const untagged: Operation[] = [];
  for (const op of model.operations) {
    const t = op.tags[0];
    if (t === undefined) untagged.push(op);
    else byTag.set(t, [...(byTag.get(t) ?? []), op]);
  }
  const tagged = model.tags.filter((t) => byTag.has(t.name));
  const groupAnchors = assignAnchors([...tagged.map((t) => t.name), ...(untagged.length ? ['other'] : [])], 'tag-', taken);
  // tag pages never take the schema pages' names
  const schemaChunks = Math.ceil(model.schemas.length / schemasPerPage);
  const pageNames = split ? assignAnchors([...tagged.map((t) => t.name), ...(untagged.length ? ['other'] : [])], '', new Set(['index', 'schemas', ...Array.from({ length: schemaChunks }, (_, i) => `schemas-${i + 1}`)]), true) : [];
  const overview = `${folder}.html`;
  const groups: OperationGroup[] = tagged.map((tag, i) => ({ tag, title: tag.name, anchor: groupAnchors[i]!, page: split ? `${folder}/${pageNames[i]}.html` : overview, operations: byTag.get(tag.name)! }));
  if (untagged.length) groups.push({ tag: undefined, title: tagged.length ? 'Other operations' : 'Operations', anchor: groupAnchors[tagged.length]!, page: split ? `${folder}/${pageNames[tagged.length]}.html` : overview, operations: untagged });

  const schemaPages: SchemaPage[] = [];
  if (!split) {
    if (model.schemas.length) schemaPages.push({ page: overview, title: 'Schemas', names: model.schemas.map((s) => s.name) });
  } else {
    // alphabetical, schemasPerPage to a page, titled by the initials they span
    const sorted = [...model.schemas.map((s) => s.name)].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : a < b ? -1 : a > b ? 1 : 0));
    const initial = (name: string) => (/[a-z]/i.test(name.charAt(0)) ? name.charAt(0).toUpperCase() : '#');
    const chunks = schemaChunks;
    for (let c = 0; c < chunks; c++) {
      const names = sorted.slice(c * schemasPerPage, (c + 1) * schemasPerPage);
      const [first, last] = [initial(names[0]!), initial(names[names.length - 1]!)];
      const title = chunks === 1 ? 'Schemas' : first === last ? `Schemas ${first} (${c + 1} of ${chunks})` : `Schemas ${first}–${last}`;
      schemaPages.push({ page: `${folder}/schemas${chunks > 1 ? `-${c + 1}` : ''}.html`, title, names });
    }
  }

  const pageOfOp = new Map<string, string>();
  for (const g of groups) for (const op of g.operations) pageOfOp.set(op.id, g.page);
  const pageOfSchema = new Map<string, string>();
  for (const p of schemaPages) for (const n of p.names) pageOfSchema.set(n, p.page);

  // cross-links
  const schemaRefs = new Map(model.schemas.map((s) => [s.name, refsIn(reader, s.schema)]));
  const usedBySchemas = new Map<string, string[]>(model.schemas.map((s) => [s.name, []]));
  for (const [name, refs] of schemaRefs) for (const r of refs) if (r !== name) usedBySchemas.get(r)?.push(name);
  const opSchemas = new Map<string, string[]>();
  const usedByOps = new Map<string, UsedBy[]>(model.schemas.map((s) => [s.name, []]));
  for (const op of model.operations) {
    const direct: string[] = [];
    const add = (schema: Schema) => {
      for (const r of refsIn(reader, schema, true)) if (!direct.includes(r)) direct.push(r);
    };
    for (const p of op.parameters) {
      if (p.schema) add(p.schema);
      for (const m of p.content) if (m.schema) add(m.schema);
    }
    for (const m of op.requestBody?.content ?? []) if (m.schema) add(m.schema);
    for (const r of op.responses) {
      for (const h of r.headers) if (h.schema) add(h.schema);
      for (const m of r.content) if (m.schema) add(m.schema);
    }
    opSchemas.set(op.id, direct);
    const closure = new Set(direct);
    const queue = [...direct];
    while (queue.length) for (const r of schemaRefs.get(queue.shift()!) ?? []) if (!closure.has(r)) (closure.add(r), queue.push(r));
    for (const name of closure) usedByOps.get(name)?.push({ op, direct: direct.includes(name) });
  }

  // error responses that several operations take from components/responses
  const uses = new Map<string, { response: Response; users: { op: Operation; status: string }[] }>();
  for (const op of model.operations) {
    for (const r of op.responses) {
      if (r.refName === undefined || /^2/.test(r.status)) continue;
      const u = uses.get(r.refName) ?? { response: r, users: [] };
      u.users.push({ op, status: r.status });
      uses.set(r.refName, u);
    }
  }
  const shared = [...uses].filter(([, u]) => new Set(u.users.map((x) => x.op.id)).size > 1);
  const responseAnchors = assignAnchors(
    shared.map(([name]) => name),
    'response-',
    taken,
  );
  const sharedResponses = new Map(shared.map(([name, u], i) => [name, { name, anchor: responseAnchors[i]!, ...u }]));

  return {
    model,
    reader,
    client: clientInfo(model),
    folder,
    overview,
    split,
    groups,
    schemaPages,
    opAnchor,
    schemaAnchor,
    authAnchor,
    pageOfOp,
    pageOfSchema,
    opSchemas,
    usedByOps,
    usedBySchemas,
    sharedResponses,
  };
}

/** Names of the APIs' pages in a site (`<name>.html`, `<name>/`): file-safe and unique. */
export function apiFolders(models: readonly ApiModel[]): string[] {
  return assignAnchors(
    models.map((m) => m.name),
    '',
    new Set(['assets', 'index', 'search-index']),
    true,
  ).map(fileSlug);
}

/** A link from one page of the site to another (both relative to the site root). */
export function relativeHref(from: string, to: string): string {
  if (from === to) return '';
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** The path from a page to the site root: '' or '../'. */
export function rootOf(page: string): string {
  return '../'.repeat(page.split('/').length - 1);
}
