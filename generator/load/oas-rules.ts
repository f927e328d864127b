// Rules of OpenAPI 3.x that its published JSON Schema (the 2021-04-15 one swagger-parser ships)
// does not encode, checked on the document as written.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { escapeSegment } from './pointer.ts';
import { walkStructure } from './spec-walk.ts';

const linkKeys = new Set(['operationRef', 'operationId', 'parameters', 'requestBody', 'description', 'server']);

export function checkOasRules(doc: Record<string, unknown>, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (pointer: string, message: string, atKey = false) => out.push({ code: 'oas-structure', severity: 'error', message, file, pointer, atKey });
  walkStructure(doc, (node, { pointer, parentKey, isNameMap }) => {
    if (isNameMap) return;
    const isParameter = typeof node.name === 'string' && typeof node.in === 'string';
    if ((isParameter || parentKey === 'headers' || parentKey === 'content') && 'example' in node && 'examples' in node) {
      report(pointer + '/examples', '"example" and "examples" are mutually exclusive', true);
    }
    if ('allowReserved' in node && ((isParameter && node.in !== 'query') || (!isParameter && parentKey === 'headers'))) {
      report(pointer + '/allowReserved', '"allowReserved" applies only to query parameters', true);
    }
    if (parentKey === 'links' && !('$ref' in node)) {
      for (const k of Object.keys(node)) if (!linkKeys.has(k) && !k.startsWith('x-')) report(`${pointer}/${escapeSegment(k)}`, `a Link object has no property '${k}'`, true);
    }
  });
  return out;
}
