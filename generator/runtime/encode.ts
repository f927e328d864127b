// Request bodies of media types other than JSON: multipart (files, and CSV parts from rows),
// urlencoded forms, CSV from rows, text and bytes. A codec: only operations with such media
// types need it, so only they import it.
import { encodeCsv, type CsvRows } from './csv.ts';
import { isPlainObject, scalar, type BodyEncoder } from './request.ts';

function appendPart(form: FormData, name: string, value: unknown, csv: boolean): void {
  if (value === undefined || value === null) return;
  if (csv) {
    const text = typeof value === 'string' ? value : value instanceof Blob ? value : encodeCsv(value as CsvRows);
    form.append(name, typeof text === 'string' ? new Blob([text], { type: 'text/csv' }) : text, `${name}.csv`);
  } else if (value instanceof Blob) form.append(name, value, typeof (value as { name?: unknown }).name === 'string' ? (value as File).name : name);
  else if (Array.isArray(value)) for (const v of value) appendPart(form, name, v, false);
  else if (typeof value === 'object' && !(value instanceof Date)) form.append(name, new Blob([JSON.stringify(value)], { type: 'application/json' }));
  else form.append(name, scalar(value));
}

/** A body for its media type; `type` is the Content-Type to send (none for multipart: fetch sets it with the boundary). */
export const encodeBody: BodyEncoder = (media, body, csvParts) => {
  const type = media.toLowerCase();
  if (type === 'multipart/form-data') {
    if (body instanceof FormData) return { body };
    const form = new FormData();
    if (isPlainObject(body)) for (const key of Object.keys(body)) appendPart(form, key, body[key], csvParts.includes(key));
    return { body: form };
  }
  if (type === 'application/x-www-form-urlencoded') {
    const search = new URLSearchParams();
    if (isPlainObject(body)) {
      for (const key of Object.keys(body)) {
        const v = body[key];
        if (v === undefined || v === null) continue;
        for (const item of Array.isArray(v) ? v : [v]) search.append(key, typeof item === 'object' && !(item instanceof Date) ? JSON.stringify(item) : scalar(item));
      }
    }
    return { body: search.toString(), type: media };
  }
  if (body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || body instanceof ReadableStream) return { body: body as BodyInit, type: media };
  if (type.startsWith('text/csv') && Array.isArray(body)) return { body: encodeCsv(body as CsvRows), type: media };
  return { body: typeof body === 'string' ? body : JSON.stringify(body), type: media };
};
