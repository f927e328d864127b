// What Prism is given to load: the model printed as one OpenAPI 3.1 document (model/document.ts),
// written to a private temporary folder. Never the spec file as written: every `$ref` was resolved
// inside the spec's folder by oaskit's sandboxed loader, so Prism has nothing to fetch or read
// elsewhere, whatever the spec says. The document names the 2020-12 dialect, which Prism maps to
// its 2020-12 validator (without it, Prism validates 3.1 schemas as draft-07 and ignores
// prefixItems, dependentRequired…), so Prism and oaskit's validators agree.
//
// One thing the printed document still holds that Prism would follow: data. Prism resolves every
// `{ $ref }` in the file, even inside an example, a default, an enum or an extension, where it is
// data to OpenAPI (and to oaskit); a URL there is a fetch, a relative path a read next to the
// temporary file. So every `$ref` member that is not one of the printer's own
// (`#/components/schemas/<name>` of a printed component) is left out, and counted.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printDocument } from '../model/document.ts';
import type { ApiModel } from '../model/types.ts';

export interface PrismDocument {
  /** the file Prism loads */
  path: string;
  /** `$ref` members of data (examples, defaults, enums, extensions) left out: Prism would follow them */
  dataRefs: number;
  /** remove the temporary folder */
  cleanup(): void;
}

export function writePrismDocument(model: ApiModel): PrismDocument {
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-prism-'));
  const path = join(dir, `${model.name.replace(/[^A-Za-z0-9_-]+/g, '-') || 'spec'}.json`);
  const { text, dataRefs } = inertText(printDocument(model).document);
  writeFileSync(path, text);
  return { path, dataRefs, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The document as JSON text without any `$ref` Prism could follow out of it. */
export function inertText(document: Record<string, unknown>): { text: string; dataRefs: number } {
  const components = document.components as { schemas?: Record<string, unknown> } | undefined;
  const printed = new Set(Object.keys(components?.schemas ?? {}).map((name) => '#/components/schemas/' + encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1')).replace(/%2F/g, '/')));
  let dataRefs = 0;
  // JSON.stringify's replacer sees every object on the way out (a copy: the cached document stays as it is)
  const text = JSON.stringify(
    document,
    function (this: unknown, _key: string, value: unknown) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, '$ref')) return value;
      const ref = (value as Record<string, unknown>).$ref;
      if (typeof ref === 'string' && printed.has(ref)) return value;
      dataRefs++;
      const copy: Record<string, unknown> = {};
      for (const k of Object.keys(value)) if (k !== '$ref') Object.defineProperty(copy, k, { value: (value as Record<string, unknown>)[k], enumerable: true, writable: true, configurable: true });
      return copy;
    },
    2,
  );
  return { text, dataRefs };
}
