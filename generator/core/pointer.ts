// JSON pointers (RFC 6901), as used for every location in oaskit: `#` is never part of them.

/** '/a/b~1c' -> ['a', 'b/c']; '' -> []. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map(unescapeSegment);
}

export function escapeSegment(segment: string | number): string {
  const text = String(segment);
  // most segments need no escape: skip the two regex passes (hot on large specs)
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** ['a', 'b/c'] -> '/a/b~1c' */
export function toPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += '/' + escapeSegment(s);
  return out;
}

export function appendPointer(pointer: string, ...segments: (string | number)[]): string {
  let out = pointer;
  for (const s of segments) out += '/' + escapeSegment(s);
  return out;
}

/** Own-property lookup: `__proto__` or `constructor` in a spec are data, never the prototype. */
export function child(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) {
    if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
    return value[Number(segment)];
  }
  if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, segment)) {
    return (value as Record<string, unknown>)[segment];
  }
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function unescapeSegment(segment: string): string {
  if (!segment.includes('~')) return segment;
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The segments of a `$ref`'s fragment: `#/a~1b/c%20d` -> ['a/b', 'c d'] (URI percent-decoding,
 * then JSON pointer unescaping). Undefined for a fragment that is not a JSON pointer or is not
 * valid percent-encoding.
 */
export function fragmentSegments(ref: string): string[] | undefined {
  const hash = ref.indexOf('#');
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  let pointer: string;
  try {
    pointer = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  if (pointer !== '' && !pointer.startsWith('/')) return undefined;
  return parsePointer(pointer);
}

/** A JSON pointer (already `~`-escaped) as a URI fragment: each segment percent-encoded. */
export function toFragment(pointer: string): string {
  return '#' + pointer.split('/').map((s) => encodeURIComponent(s)).join('/');
}
