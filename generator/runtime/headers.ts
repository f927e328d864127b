// Documented response headers, parsed by their schema: numbers to numbers, rate-limit resets and
// dates to Date, JSON to values. Absent headers stay absent.
import type { HeaderMeta } from './meta.ts';
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
    const value = parseHeader(raw, h.kind, now);
    if (value !== undefined) Object.defineProperty(out, h.name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function parseHeader(raw: string, kind: HeaderMeta['kind'], now: number): unknown {
  switch (kind) {
    case 'number':
    case 'integer': {
      const n = Number(raw.trim());
      return raw.trim() === '' || Number.isNaN(n) ? raw : n;
    }
    case 'boolean':
      return raw.trim() === 'true' ? true : raw.trim() === 'false' ? false : raw;
    case 'date':
      return parseResetTime(raw, now) ?? raw;
    case 'json':
      try {
        return JSON.parse(raw);
      } catch {
        return raw;
      }
    default:
      return raw;
  }
}
