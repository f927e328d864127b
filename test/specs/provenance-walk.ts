// Every x-oaskit-evidence / x-oaskit-note of a parsed spec, read with generator/model/provenance.ts,
// with the JSON pointer of each text; and what could not be read.
import { provenance, provenanceProblems, type Provenance, type ProvenanceProblem } from '../../generator/model/provenance.ts';

export interface Found {
  entries: (Provenance & { at: string })[];
  problems: (ProvenanceProblem & { at: string })[];
  /** how many x-oaskit-evidence / x-oaskit-note keys the document has */
  keys: Record<string, number>;
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export function provenanceOf(doc: unknown): Found {
  const found: Found = { entries: [], problems: [], keys: { 'x-oaskit-evidence': 0, 'x-oaskit-note': 0 } };
  const walk = (node: unknown, at: string): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${at}/${i}`));
    const obj = node as Record<string, unknown>;
    for (const k of Object.keys(found.keys)) if (Object.hasOwn(obj, k)) found.keys[k]!++;
    for (const p of provenance(obj)) found.entries.push({ ...p, at: at + p.pointer });
    for (const p of provenanceProblems(obj)) found.problems.push({ ...p, at: at + p.pointer });
    for (const [k, v] of Object.entries(obj)) if (k !== 'x-oaskit-evidence' && k !== 'x-oaskit-note') walk(v, `${at}/${esc(k)}`);
  };
  walk(doc, '');
  return found;
}

/** Counts by extension and kind: { 'x-oaskit-note': { decision: 3, ... }, ... }. */
export function countByKind(entries: readonly Provenance[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const e of entries) {
    const byKind = (out[e.extension] ??= {});
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  }
  return out;
}
