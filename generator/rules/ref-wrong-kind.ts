// ref-wrong-kind: a `$ref` names an object of the kind its place expects: a response's ref a
// Response, a schema's ref a schema. `"500": { $ref: '#/paths' }` or a schema `$ref: '#'` resolve
// (the pointer exists) but name the wrong thing; read as what they are not, they made generate
// print the whole document into one response. The kind of a target is the one the spec index
// gave it where it is written; a place only ever reached through refs takes the kind its first
// ref expects.
import type { Kind } from '../core/grammar.ts';
import { finding, type Finding, type Rule } from './rule.ts';

const names: Partial<Record<Kind, string>> = {
  document: 'the whole OpenAPI document',
  components: 'the Components object',
  paths: 'the Paths object',
  pathItem: 'a Path Item',
  operation: 'an Operation',
  requestBody: 'a Request Body',
  mediaType: 'a Media Type object',
  responses: 'a Responses object',
  response: 'a Response',
  parameter: 'a Parameter',
  header: 'a Header',
  example: 'an Example',
  schema: 'a schema',
  securityScheme: 'a Security Scheme',
  link: 'a Link',
  callback: 'a Callback',
  tag: 'a Tag',
  info: 'the Info object',
  server: 'a Server',
};

const named = (kind: Kind) => names[kind] ?? `a ${kind} object`;

export const refWrongKind: Rule = {
  id: 'ref-wrong-kind',
  description: 'A $ref must name an object of the kind its place expects (a Response for a response, a schema for a schema).',
  check(ctx) {
    const out: Finding[] = [];
    for (const ref of ctx.index.refs) {
      if (!ref.target.ok) continue;
      // a ref to a ref: judge where the chain ends
      const end = ctx.workspace.deref(ref.target.target.loc, ref.target.target.value);
      if (!end.ok) continue;
      const found = ctx.index.siteAt(end.target.loc.file + '#' + end.target.loc.pointer)?.kind;
      if (found === undefined || found === ref.kind || found === 'reference') continue;
      out.push(finding({ file: ref.loc.file, pointer: ref.loc.pointer + '/$ref' }, `$ref ${JSON.stringify(ref.ref)} names ${named(found)}, where ${named(ref.kind)} is expected`));
    }
    return out;
  },
};
