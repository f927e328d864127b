// What is at a place of a spec file: the node under the cursor, the OpenAPI kind of a node (also
// in a fragment file reached through refs), the component a node names.
import { parsePointer, toPointer } from '../core/pointer.ts';
import type { SourceFile } from '../load/source-file.ts';
import type { Loc } from '../load/workspace.ts';
import { componentOf } from '../load/spec-index.ts';
import { kindAt, type Kind } from '../core/grammar.ts';
import type { Analysis } from './project.ts';

export interface NodeAt {
  pointer: string;
  segments: string[];
  part: 'key' | 'value';
}

export function nodeAt(source: SourceFile, offset: number): NodeAt {
  const at = source.pointerAt(offset);
  return { pointer: at.pointer, segments: parsePointer(at.pointer), part: at.part };
}

/** The value at a pointer of a parsed file (no refs followed). */
export function valueAt(value: unknown, segments: readonly string[]): unknown {
  let v = value;
  for (const s of segments) {
    if (Array.isArray(v)) v = /^\d+$/.test(s) ? v[Number(s)] : undefined;
    else if (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, s)) v = (v as Record<string, unknown>)[s];
    else return undefined;
  }
  return v;
}

/**
 * The OpenAPI kind of the node at `segments` of `file`. In the root it follows the grammar from
 * the document; in a fragment file, from the kind a ref into that file expects.
 */
export function kindInFile(analysis: Analysis | undefined, file: string, value: unknown, segments: readonly string[], refs: 'reference' | 'expected' = 'reference'): Kind | undefined {
  if (!analysis || analysis.root === file) return kindAt(value, segments, 'document', refs);
  for (const r of analysis.index.refs) {
    if (!r.target.ok || r.target.target.loc.file !== file) continue;
    const base = parsePointer(r.target.target.loc.pointer);
    if (base.length > segments.length || base.some((s, i) => s !== segments[i])) continue;
    const k = kindAt(r.target.target.value, segments.slice(base.length), r.kind, refs);
    if (k) return k;
  }
  return undefined;
}

/** The component (root file, /components/<section>/<name>) a location names, if any. */
export function componentAt(analysis: Analysis, loc: Loc): { section: string; name: string; loc: Loc } | undefined {
  if (loc.file !== analysis.root) return undefined;
  const c = componentOf(loc.pointer);
  if (!c) return undefined;
  const pointer = toPointer(['components', c.section, c.name]);
  if (pointer !== loc.pointer) return undefined;
  return { ...c, loc };
}
