// Slips oaskit reads with a warning (load-spec.ts reports them) rather than rejecting the
// document: numeric `openapi` / `info.version`, a patch version newer than the schemas know, a
// components-only 3.0 document. Schema validation sees a copy with them
// mended, so the rest of the document is still judged. Members are shared, not copied.
import { isObject } from '../core/pointer.ts';

export function mendVersionSlips(value: unknown): unknown {
  if (!isObject(value)) return value;
  const doc: Record<string, unknown> = { ...value };
  if (isObject(doc.info) && typeof doc.info.version === 'number') doc.info = { ...doc.info, version: String(doc.info.version) };
  const v = typeof doc.openapi === 'number' ? (doc.openapi === 3.1 ? '3.1' : '3.0') : String(doc.openapi);
  if (/^3\.1(\.|$)/.test(v)) {
    if (!['3.1.0', '3.1.1', '3.1.2'].includes(v)) doc.openapi = '3.1.2';
  } else if (/^3\.0(\.|$)/.test(v)) {
    if (!['3.0.0', '3.0.1', '3.0.2', '3.0.3', '3.0.4'].includes(v)) doc.openapi = '3.0.4';
    if (doc.paths === undefined && doc.components !== undefined) doc.paths = {};
  }
  return doc;
}
