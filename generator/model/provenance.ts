// Where a statement of a spec comes from. `x-oaskit-evidence` and `x-oaskit-note` hold text that
// begins with its kind and, in parentheses, its sources:
//
//   x-oaskit-evidence:
//     - 'Document (SEED 002): the path and the 202 job body.'
//     - 'Guess: the CSV has no header row.'
//   x-oaskit-note: >-
//     Decision (SEED 001 Response format; SEED 001 Error Handling): both 200 and 202 are declared.
//
// Text stays text, so a renderer that knows nothing of kinds still shows it whole; this module
// reads the kind, the sources and the statement for those that do (badges, lists of guesses).
// See EXTENSIONS.md.
import type { ApiModel, MediaType } from './types.ts';

export type ProvenanceKind = 'document' | 'decision' | 'guess';

export interface Provenance {
  /** document: a document states it; decision: the documents disagree or are silent and the spec chose; guess: nothing states it */
  kind: ProvenanceKind;
  /** the documents it rests on, as written between the parentheses (split at `;`) */
  sources: string[];
  /** the statement, without the leading `Kind (sources):` */
  text: string;
  /** the extension it was written in: `x-oaskit-evidence` or `x-oaskit-note` */
  extension: string;
  /** JSON pointer from the object holding the extension to the text: `/x-oaskit-note`, `/x-oaskit-evidence/1` */
  pointer: string;
}

/** A value of a provenance extension that is not a labelled text; `text` when it is text, so a renderer can still show it. */
export interface ProvenanceProblem {
  extension: string;
  pointer: string;
  message: string;
  text?: string;
}

/** The extensions read as provenance, in the order their entries are returned. */
export const provenanceExtensions = ['x-oaskit-evidence', 'x-oaskit-note'] as const;

/** The keyword each kind begins with. */
export const kindKeywords: Readonly<Record<ProvenanceKind, string>> = { document: 'Document', decision: 'Decision', guess: 'Guess' };

const labelled = /^\s*(document|decision|guess)\s*(?:\(([^()]*)\))?\s*:\s*/i;

/** Every labelled entry of an object's provenance extensions, in order; unlabelled text is left out (see provenanceProblems). */
export function provenance(extensions: Readonly<Record<string, unknown>>): Provenance[] {
  const out: Provenance[] = [];
  for (const { extension, pointer, value } of entries(extensions)) {
    if (typeof value !== 'string') continue;
    const entry = parseProvenance(value, extension, pointer);
    if (entry) out.push(entry);
  }
  return out;
}

/** One text read as provenance, or undefined when it does not begin with a kind. */
export function parseProvenance(text: string, extension: string, pointer = '/' + extension): Provenance | undefined {
  const m = labelled.exec(text);
  if (!m) return undefined;
  const sources = (m[2] ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return { kind: m[1]!.toLowerCase() as ProvenanceKind, sources, text: text.slice(m[0].length).trim(), extension, pointer };
}

/** What keeps an object's provenance extensions from being read: values that are not text, text without a kind, a document without its sources. */
export function provenanceProblems(extensions: Readonly<Record<string, unknown>>): ProvenanceProblem[] {
  const out: ProvenanceProblem[] = [];
  for (const { extension, pointer, value, inList } of entries(extensions)) {
    const where = inList ? `${extension} item ${pointer.slice(pointer.lastIndexOf('/') + 1)}` : extension;
    if (typeof value !== 'string') {
      const hint = value && typeof value === 'object' && !Array.isArray(value) ? ": YAML reads an unquoted `Kind: text` as a mapping; quote the text or write it as a block scalar (>-)" : '';
      out.push({ extension, pointer, message: `${where} must be text${inList ? '' : ' or a list of texts'}${hint}` });
      continue;
    }
    const entry = parseProvenance(value, extension, pointer);
    if (!entry) out.push({ extension, pointer, message: `${where} does not say its kind: begin it with "Document (sources):", "Decision (sources):" or "Guess:"`, text: value });
    else if (!entry.text) out.push({ extension, pointer, message: `${where} has a kind but no statement after it`, text: value });
    else if (entry.kind === 'document' && entry.sources.length === 0) out.push({ extension, pointer, message: `${where} is a Document entry without its sources: write "Document (source; …): text"`, text: value });
  }
  return out;
}

function* entries(extensions: Readonly<Record<string, unknown>>): Iterable<{ extension: string; pointer: string; value: unknown; inList: boolean }> {
  for (const extension of provenanceExtensions) {
    if (!Object.hasOwn(extensions, extension)) continue;
    const value = extensions[extension];
    if (Array.isArray(value)) for (const [i, item] of value.entries()) yield { extension, pointer: `/${extension}/${i}`, value: item, inList: true };
    else yield { extension, pointer: `/${extension}`, value, inList: false };
  }
}

/** Every `x-*` bag of a model, each once (a shared component counts once): for counts and lists. */
export function everyExtensions(model: ApiModel): Readonly<Record<string, unknown>>[] {
  const out = new Set<Readonly<Record<string, unknown>>>();
  const media = (ms: MediaType[]) => ms.forEach((m) => (out.add(m.extensions), m.encoding.forEach((e) => e.headers.forEach((h) => out.add(h.extensions)))));
  out.add(model.extensions);
  out.add(model.info.extensions);
  model.servers.forEach((s) => out.add(s.extensions));
  model.tags.forEach((t) => out.add(t.extensions));
  model.securitySchemes.forEach((s) => out.add(s.extensions));
  for (const op of model.operations) {
    out.add(op.extensions);
    op.parameters.forEach((p) => (out.add(p.extensions), media(p.content)));
    if (op.requestBody) out.add(op.requestBody.extensions), media(op.requestBody.content);
    op.responses.forEach((r) => (out.add(r.extensions), r.headers.forEach((h) => out.add(h.extensions)), media(r.content)));
  }
  model.schemaNodes.forEach((s) => out.add(s.extensions));
  return [...out];
}
