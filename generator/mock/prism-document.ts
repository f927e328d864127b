// What Prism is given to load: the model printed as one OpenAPI 3.1 document (model/document.ts),
// written to a private temporary folder. Never the spec file as written: every `$ref` was resolved
// inside the spec's folder by oaskit's sandboxed loader, so Prism has nothing to fetch or read
// elsewhere, whatever the spec says. The document names the 2020-12 dialect, which Prism maps to
// its 2020-12 validator (without it, Prism validates 3.1 schemas as draft-07 and ignores
// prefixItems, dependentRequired…), so Prism and oaskit's validators agree.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printDocument } from '../model/document.ts';
import type { ApiModel } from '../model/types.ts';

export interface PrismDocument {
  /** the file Prism loads */
  path: string;
  /** remove the temporary folder */
  cleanup(): void;
}

export function writePrismDocument(model: ApiModel): PrismDocument {
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-prism-'));
  const path = join(dir, `${model.name.replace(/[^A-Za-z0-9_-]+/g, '-') || 'spec'}.json`);
  writeFileSync(path, JSON.stringify(printDocument(model).document, null, 2));
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
