// Documented response headers, parsed by their schema: numbers to numbers, rate-limit resets and
// dates to Date, JSON to values. Absent headers stay absent.
import type { HeaderMeta } from './meta.ts';
import { put } from './request.ts';
import { parseResetTime } from './retry.ts';

export function parseHeaders(headers: Headers, documented: readonly HeaderMeta[], now: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const h of documented) {
    let raw: string | null;
    try {
      raw = headers.get(h.name);
    } catch {
      continue; // not a valid header name: it can never be present
    }
    if (raw === null) continue;
    put(out, h.name, parseHeader(raw, h.kind, now));
  }
  return out;
}

function parseHeader(raw: string, kind: HeaderMeta['kind'], now: number): unknown {
  const text = raw.trim();
  if (kind === 'number' || kind === 'integer') return text === '' || Number.isNaN(Number(text)) ? raw : Number(text);
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : raw;
  if (kind === 'date') return parseResetTime(raw, now) ?? raw;
  if (kind === 'json') {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}
