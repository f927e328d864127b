// What a media type is, for sending and reading bodies. The one predicate of oaskit: the model
// classifies every declared media type with it (so the client, the docs and the validators agree)
// and the runtime reads an actual Content-Type with it.

export type MediaKind = 'json' | 'ndjson' | 'multipart' | 'form' | 'csv' | 'text' | 'xml' | 'binary' | 'any';

/** `application/json; charset=utf-8` -> `application/json` */
export function essence(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

const jsonLines = new Set(['ndjson', 'jsonl', 'jsonlines', 'json-lines', 'json-seq']);

/**
 * JSON is `…/json` and `…/…+json` (`application/problem+json`, `text/json`); JSON lines
 * (`application/x-ndjson`, `application/jsonl`, `application/json-seq`) are not one JSON value.
 */
export function mediaKind(contentType: string): MediaKind {
  const m = essence(contentType);
  if (m === '*/*' || m === '') return 'any';
  const [type = '', subtype = ''] = m.split('/');
  if (jsonLines.has(subtype.replace(/^x-/, ''))) return 'ndjson';
  if (subtype === 'json' || subtype.endsWith('+json')) return 'json';
  if (type === 'multipart') return 'multipart';
  if (m === 'application/x-www-form-urlencoded') return 'form';
  if (m === 'text/csv') return 'csv';
  if (subtype === 'xml' || subtype.endsWith('+xml')) return 'xml';
  if (type === 'text') return 'text';
  return 'binary';
}
