// The spec's provenance texts (`x-oaskit-evidence`, `x-oaskit-note`) as the package shows them
// outside the reference: each entry as one line that begins with its kind, and every place of a
// spec that carries some, labelled for a reader (the README's provenance list, the JSDoc). The
// reference draws badges from the same entries (docs/html-provenance.ts).
import { kindKeywords, provenanceExtensions, provenance, type Provenance } from '../model/provenance.ts';
import type { Loc } from '../core/loc.ts';
import type { Extensions } from '../model/schema.ts';
import type { ApiModel, MediaType, Operation } from '../model/types.ts';

/** One entry as written, whitespace folded: `Document (SEED 004; SEED 001): text`, `Guess: text`. */
export function provenanceLine(p: Provenance): string {
  return `${kindKeywords[p.kind]}${p.sources.length ? ` (${p.sources.join('; ')})` : ''}: ${fold(p.text)}`;
}

/**
 * Every provenance text of one object, as lines: labelled entries with their kind, and a text
 * that does not say its kind (a `provenance` diagnostic in `oaskit check`) as written, so none is lost.
 */
export function provenanceLines(extensions: Extensions): string[] {
  const labelled = new Map(provenance(extensions).map((p) => [p.pointer, p]));
  const out: string[] = [];
  for (const extension of provenanceExtensions) {
    const value = extensions[extension];
    const items = Array.isArray(value) ? value.map((v, i) => [`/${extension}/${i}`, v] as const) : value === undefined ? [] : [[`/${extension}`, value] as const];
    for (const [pointer, v] of items) {
      const p = labelled.get(pointer);
      if (p) out.push(provenanceLine(p));
      else if (typeof v === 'string' && v.trim()) out.push(fold(v));
    }
  }
  return out;
}

export interface ProvenanceSite {
  /** what the texts are about, in words with code spans: "operation `sendMessages`", "schema `Segment.created_by`" */
  where: string;
  lines: string[];
}

/** An operation's own parts that can carry provenance, labelled (labels are unique within the operation). */
function operationParts(op: Operation): Part[] {
  const out: Part[] = [{ where: 'operation', extensions: op.extensions, loc: op.loc }];
  const media = (where: string, ms: MediaType[]) => ms.forEach((m) => out.push({ where: `${where}, \`${m.contentType}\``, extensions: m.extensions, loc: m.loc }));
  for (const p of op.parameters) {
    out.push({ where: `parameter \`${p.name}\` (${p.in})`, extensions: p.extensions, loc: p.loc });
    media(`parameter \`${p.name}\``, p.content);
  }
  if (op.requestBody) {
    out.push({ where: 'request body', extensions: op.requestBody.extensions, loc: op.requestBody.loc });
    media('request body', op.requestBody.content);
  }
  for (const r of op.responses) {
    out.push({ where: `response ${r.status}`, extensions: r.extensions, loc: r.loc });
    r.headers.forEach((h) => out.push({ where: `header \`${h.name}\` of response ${r.status}`, extensions: h.extensions, loc: h.loc }));
    media(`response ${r.status}`, r.content);
  }
  return out;
}

interface Part {
  where: string;
  extensions: Extensions;
  loc?: Loc;
}

/** The provenance of an operation's own parts (itself, its parameters, body, responses, headers, media), for its JSDoc. */
export function operationProvenance(op: Operation): ProvenanceSite[] {
  return operationParts(op).flatMap(({ where, extensions }) => {
    const lines = provenanceLines(extensions);
    return lines.length ? [{ where, lines }] : [];
  });
}

/**
 * Every place of a spec with provenance texts, each object once (a shared parameter or response
 * is listed where it is first used): the API, servers, tags, security schemes, operations and
 * their parts, schemas. Linear in the size of the spec.
 */
export function provenanceSites(model: ApiModel): ProvenanceSite[] {
  // an object used in several places (a `$ref` to a component) is one object of the spec: its location says so
  const seen = new Set<unknown>();
  const out: ProvenanceSite[] = [];
  const add = (where: string, extensions: Extensions, loc?: Loc) => {
    const key = loc ? `${loc.file}#${loc.pointer}` : extensions;
    if (seen.has(key)) return;
    seen.add(key);
    const lines = provenanceLines(extensions);
    // a shared component is named by where it is written, not by its first use
    const shared = loc && loc.pointer.startsWith('/components/') ? `\`#${loc.pointer}\`` : undefined;
    if (lines.length) out.push({ where: shared ?? where, lines });
  };
  add('the API', model.extensions);
  add('the API (info)', model.info.extensions);
  model.servers.forEach((s) => add(`server \`${s.url}\``, s.extensions));
  model.tags.forEach((t) => add(`tag \`${t.name}\``, t.extensions));
  model.securitySchemes.forEach((s) => add(`security scheme \`${s.name}\``, s.extensions, s.loc));
  for (const op of model.operations) {
    for (const part of operationParts(op)) add(part.where === 'operation' ? `operation \`${op.id}\`` : `${part.where} of \`${op.id}\``, part.extensions, part.loc);
  }
  model.schemaNodes.forEach((s) => add(`schema \`${s.name}\``, s.extensions, s.loc));
  return out;
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
