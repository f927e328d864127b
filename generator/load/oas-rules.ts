// Rules of OpenAPI 3.x that its published JSON Schema (the 2021-04-15 one swagger-parser ships)
// does not encode, checked on the document as written.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { escapeSegment, isObject } from './pointer.ts';

const linkKeys = new Set(['operationRef', 'operationId', 'parameters', 'requestBody', 'description', 'server']);

export function checkOasRules(doc: Record<string, unknown>, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (pointer: string, message: string, atKey = false) => out.push({ code: 'oas-structure', severity: 'error', message, file, pointer, atKey });
  const visit = (node: unknown, pointer: string, parentKey: string, grandKey: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${pointer}/${i}`, String(i), parentKey));
    if (!isObject(node)) return;
    const isParameter = typeof node.name === 'string' && typeof node.in === 'string';
    const isHeader = grandKey === 'headers' || parentKey === 'headers';
    if ((isParameter || isHeader || grandKey === 'content') && 'example' in node && 'examples' in node) {
      report(pointer + '/examples', '"example" and "examples" are mutually exclusive', true);
    }
    if ('allowReserved' in node && ((isParameter && node.in !== 'query') || (!isParameter && grandKey === 'headers'))) {
      report(pointer + '/allowReserved', '"allowReserved" applies only to query parameters', true);
    }
    if (grandKey === 'links' && !('$ref' in node)) {
      for (const k of Object.keys(node)) if (!linkKeys.has(k) && !k.startsWith('x-')) report(`${pointer}/${escapeSegment(k)}`, `a Link object has no property '${k}'`, true);
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'example' || k === 'examples' || k === 'default' || k === 'enum' || k === 'const') continue;
      visit(v, `${pointer}/${escapeSegment(k)}`, k, parentKey);
    }
  };
  visit(doc, '', '', '');
  return out;
}
