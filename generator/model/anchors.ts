// Anchors (HTML ids and URL fragments) derived from spec names. They only ever contain
// [A-Za-z0-9_-], so they are safe in an attribute, a URL and a CSS selector, and they are stable:
// names that are already clean keep exactly their name, and only the names that had to be changed
// compete for a numbered suffix, in spec order.

/** `repos/get-content` -> `repos-get-content`; never empty. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'x' : s;
}

/** A lower-case slug for file names (case-insensitive file systems). */
export function fileSlug(text: string): string {
  return slug(text).toLowerCase();
}

/**
 * Unique anchors `<prefix><slug>` for names, in their order. A clean name (its slug is itself) is
 * placed first, so adding an odd name never renames a clean one.
 */
export function assignAnchors(names: readonly string[], prefix: string, taken: Set<string> = new Set(), fold = false): string[] {
  const key = (a: string) => (fold ? a.toLowerCase() : a);
  const out: string[] = new Array(names.length);
  const order = names.map((n, i) => i);
  order.sort((a, b) => Number(slug(names[a]!) !== names[a]) - Number(slug(names[b]!) !== names[b]) || a - b);
  for (const i of order) {
    const base = prefix + (fold ? fileSlug(names[i]!) : slug(names[i]!));
    let anchor = base;
    for (let n = 2; taken.has(key(anchor)); n++) anchor = `${base}-${n}`;
    taken.add(key(anchor));
    out[i] = anchor;
  }
  return out;
}

/** The anchor of every operation (`op-<slug>`), by operation id: the docs and the client's JSDoc links share it. */
export function operationAnchors(operationIds: readonly string[]): Map<string, string> {
  const anchors = assignAnchors(operationIds, 'op-');
  return new Map(operationIds.map((id, i) => [id, anchors[i]!]));
}
