// limit-ref-depth: how deep a depth-first walk can descend from the document's root when it
// follows `$ref`s. Other tools that read the spec (openapi-typescript's bundler, Prism) walk
// resolved refs recursively; 600 components each nesting the next exhaust their stack however
// shallow each one is written. The bound is independent of walk order: a graph of the places refs
// lead to (and the document root), each edge weighted by how deep the ref is written below its
// place; a strongly connected group counts every member's deepest edge once (a walk may go round
// it all), and the longest path through the groups is the bound.
import { limits } from '../core/limits.ts';
import type { RefSite, Site } from '../load/spec-index.ts';
import { finding, type Rule } from './rule.ts';

interface Edge {
  to: number;
  weight: number;
  /** the ref this edge follows (undefined for a place written inside another) */
  ref?: RefSite;
}

export const limitRefDepth: Rule = {
  id: 'limit-ref-depth',
  description: `Schemas must not nest deeper through $refs than other tools can walk (${limits.refDepth} levels).`,
  check(ctx) {
    const { sites, refs } = ctx.index;
    if (sites.length === 0) return [];
    const targets = new Set<string>();
    for (const r of refs) if (r.targetKey !== undefined) targets.add(r.targetKey);
    // the places: the root, every site without a parent and every site a ref leads to
    const place = new Map<Site, number>();
    const vertexAt = new Map<string, number>();
    const edges: Edge[][] = [];
    const anchor = new Map<Site, { v: number; depth: number }>();
    for (const s of sites) {
      const isPlace = !s.parent || targets.has(s.key);
      const up = s.parent ? anchor.get(s.parent) : undefined;
      if (isPlace) {
        const v = edges.length;
        edges.push([]);
        place.set(s, v);
        if (!vertexAt.has(s.key)) vertexAt.set(s.key, v);
        anchor.set(s, { v, depth: 0 });
        if (up) edges[up.v]!.push({ to: v, weight: up.depth + s.via.length });
      } else anchor.set(s, up ? { v: up.v, depth: up.depth + s.via.length } : { v: 0, depth: 0 });
    }
    for (const r of refs) {
      if (r.targetKey === undefined) continue;
      const to = vertexAt.get(r.targetKey);
      const from = anchor.get(r.site);
      if (to === undefined || !from) continue;
      edges[from.v]!.push({ to, weight: from.depth + 1, ref: r });
    }
    const bound = longestBound(edges);
    const root = place.get(sites[0]!)!;
    if (bound[root]! <= limits.refDepth) return [];
    // report at the ref that leads into the deepest part
    let worst: Edge | undefined;
    for (let v = 0; v < edges.length; v++) {
      for (const e of edges[v]!) if (e.ref && bound[e.to]! > limits.refDepth && (!worst || bound[e.to]! > bound[worst.to]!)) worst = e;
    }
    const at = worst?.ref ? { file: worst.ref.loc.file, pointer: worst.ref.loc.pointer + '/$ref' } : sites[0]!.loc;
    return [finding(at, `through $refs, schemas nest up to ${bound[root]!.toLocaleString('en')} levels deep from here, more than the ${limits.refDepth.toLocaleString('en')} other tools can walk`)];
  },
};

/**
 * For each vertex, an upper bound on the weight of any path from it (Tarjan's strongly connected
 * components, iteratively; a component is finished only after every component it reaches).
 */
function longestBound(edges: Edge[][]): number[] {
  const n = edges.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const component = new Array<number>(n).fill(-1);
  const componentBound: number[] = [];
  const bound = new Array<number>(n).fill(0);
  const stack: number[] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    const work: { v: number; next: number }[] = [{ v: start, next: 0 }];
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = true;
    while (work.length) {
      const frame = work[work.length - 1]!;
      const out = edges[frame.v]!;
      if (frame.next < out.length) {
        const w = out[frame.next++]!.to;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push({ v: w, next: 0 });
        } else if (onStack[w]) low[frame.v] = Math.min(low[frame.v]!, index[w]!);
        continue;
      }
      work.pop();
      const v = frame.v;
      if (work.length) low[work[work.length - 1]!.v] = Math.min(low[work[work.length - 1]!.v]!, low[v]!);
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      const c = componentBound.length;
      let x: number;
      do {
        x = stack.pop()!;
        onStack[x] = false;
        component[x] = c;
        members.push(x);
      } while (x !== v);
      let inner = 0;
      let exit = 0;
      for (const m of members) {
        let deepest = 0;
        for (const e of edges[m]!) {
          if (component[e.to] === c) deepest = Math.max(deepest, e.weight);
          else exit = Math.max(exit, e.weight + componentBound[component[e.to]!]!);
        }
        if (members.length > 1 || edges[m]!.some((e) => e.to === m)) inner += deepest;
      }
      componentBound.push(inner + exit);
      for (const m of members) bound[m] = inner + exit;
    }
  }
  return bound;
}
