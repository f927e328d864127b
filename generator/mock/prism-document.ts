// What Prism is given to load. Prism picks its JSON Schema validator per schema from `$schema`,
// which http-spec fills in from the document's `jsonSchemaDialect`; without that field an
// OpenAPI 3.1 document is validated as draft-07 (prefixItems, unevaluatedProperties,
// dependentRequired ... silently ignored), which disagrees with oaskit's validators. So a 3.1
// document that does not name the 2020-12 dialect Prism recognises is handed to Prism as a
// bundled copy (every $ref internal) that does. 3.0 documents, and 3.1 documents that already
// say 2020-12, are passed through untouched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { loadSpec } from '../load/load-spec.ts';
import { isObject } from '../core/pointer.ts';
import { UnreadableSpecError } from '../load/workspace.ts';
import { buildModel } from '../model/build-model.ts';

export const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
/** The dialects Prism maps to its 2020-12 validator (its own test, see prism-http validator utils). */
const prism2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;
/** OpenAPI 3.1's default dialect: 2020-12 plus annotation-only OAS keywords. */
const oasBaseDialect = /^https:\/\/spec\.openapis\.org\/oas\/3\.1\/dialect\//;

export interface PrismDocument {
  /** the file Prism loads */
  path: string;
  /** true when `path` is a rewritten copy in a temporary folder */
  rewritten: boolean;
  /** remove the temporary copy, if any */
  cleanup(): void;
}

export async function prismDocument(spec: string): Promise<PrismDocument> {
  const original = resolve(spec);
  const passThrough: PrismDocument = { path: original, rewritten: false, cleanup: () => {} };
  let loaded;
  try {
    loaded = await loadSpec(original);
  } catch (error) {
    if (error instanceof UnreadableSpecError) return passThrough; // Prism reports it, naming the file
    throw error;
  }
  const doc = loaded.workspace.root.value;
  if (loaded.version !== '3.1' || !isObject(doc)) return passThrough;
  const dialect = doc.jsonSchemaDialect;
  if (typeof dialect === 'string' && (prism2020.test(dialect) || !oasBaseDialect.test(dialect))) return passThrough;
  // a document with broken refs or syntax is given to Prism as written: Prism says what is wrong
  if (loaded.diagnostics.some((d) => d.severity === 'error')) return passThrough;
  let document: Record<string, unknown>;
  try {
    document = (await buildModel(loaded)).document;
  } catch {
    return passThrough;
  }
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-prism-'));
  const path = join(dir, basename(original, extname(original)) + '.json');
  writeFileSync(path, JSON.stringify({ ...document, jsonSchemaDialect: JSON_SCHEMA_2020_12 }, null, 2));
  return { path, rewritten: true, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
