// Reading a response: which documented response it is, and its body, read as a stream with a
// byte counter (a body past the limit is cut off at once instead of being buffered) and parsed
// by its media type. A 2XX declared JSON that is not JSON is an error, never text typed as an object.
import type { OperationMeta, ResponseMeta } from './meta.ts';
import { isJsonMedia } from './request.ts';

/** The documented response for a status: exact, then its class (4XX), then default (errors only). */
export function matchResponse(op: OperationMeta, status: number): ResponseMeta | undefined {
  const code = String(status);
  const range = code[0] + 'XX';
  let found: ResponseMeta | undefined;
  for (const r of op.responses) {
    if (r.status === code) return r;
    if (r.status.toUpperCase() === range) found = r;
    else if (r.status === 'default' && status > 299) found ??= r;
  }
  return found;
}

export function mediaOf(header: string | null): string | undefined {
  return header ? header.split(';')[0]!.trim().toLowerCase() : undefined;
}

/** Makes the error of a body that cannot be read as declared. */
export type Fail = (reason: 'invalid' | 'too-large') => Error;

/**
 * The body by its Content-Type (else the documented media type): JSON parsed, text as text,
 * anything else a Blob; an empty JSON body is undefined. It is read as a stream with a byte
 * counter: past `limit` bytes the rest is not read and `fail('too-large')` is thrown. A 2XX
 * labelled JSON, or whose documented media types are all JSON, must parse (else `fail('invalid')`).
 */
export async function readBody(response: Response, documented: ResponseMeta | undefined, limit: number, fail: Fail): Promise<unknown> {
  const declared = documented?.media ?? [];
  const type = response.headers.get('content-type') ?? declared[0] ?? '';
  const json = isJsonMedia(type);
  const strict = response.ok && (json || (declared.length > 0 && declared.every(isJsonMedia)));
  const reader = response.body?.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = Number(response.headers.get('content-length')) > limit ? Infinity : 0;
  for (let next; reader && size <= limit && !(next = await reader.read()).done; size += next.value.length) chunks.push(next.value);
  if (size > limit) {
    await reader?.cancel();
    throw fail('too-large');
  }
  const blob = new Blob(chunks, { type });
  if (!strict && type && !/json|^text\/|xml|urlencoded/i.test(type)) return blob;
  // (UTF-8, as TextDecoder reads it)
  const text = await blob.text();
  if (type && !json && !strict) return text;
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    if (strict) throw fail('invalid');
    return text;
  }
}
