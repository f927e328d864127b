// Documented response headers, parsed by their schema: numbers to numbers, rate-limit resets and
// dates to Date, JSON to values. Absent headers stay absent.
import type { HeaderMeta } from './meta.ts';
import { put } from './request.ts';
import { parseResetTime } from './retry.ts';

export function parseHeaders(headers: Headers, documented: readonly HeaderMeta[], now: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, kind } of documented) {
    let raw: string | null;
    try {
      raw = headers.get(name);
    } catch {
      continue; // not a valid header name: it can never be present
    }
    if (raw === null) continue;
    const text = raw.trim();
    let value: unknown = raw;
    if (kind === 'number' || kind === 'integer') {
      if (text !== '' && !Number.isNaN(+text)) value = +text;
    } else if (kind === 'boolean') {
      if (text === 'true' || text === 'false') value = text === 'true';
    } else if (kind === 'date') value = parseResetTime(raw, now) ?? raw;
    else if (kind === 'json') {
      try {
        value = JSON.parse(raw);
      } catch {}
    }
    put(out, name, value);
  }
  return out;
}
