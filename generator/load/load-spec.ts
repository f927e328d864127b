// Loading a spec: parse (with positions), read its version, check every $ref stays in the
// sandbox and resolves. Validation against the OpenAPI schema and oaskit's other rules run after
// this (generator/rules, via diagnostics/diagnose.ts). The result feeds the model.
import type { Diagnostic } from '../core/diagnostic.ts';
import { isObject } from '../core/pointer.ts';
import { Workspace, type WorkspaceOptions } from './workspace.ts';

export interface LoadedSpec {
  workspace: Workspace;
  /** 3.0 or 3.1; undefined when the document does not say */
  version: '3.0' | '3.1' | undefined;
  diagnostics: Diagnostic[];
}

export type LoadOptions = WorkspaceOptions;

/** Throws UnreadableSpecError when the root file itself cannot be read. */
export async function loadSpec(path: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const workspace = new Workspace(path, options);
  const root = workspace.root;
  const diagnostics: Diagnostic[] = [...root.syntaxErrors];
  if (root.value === undefined) return { workspace, version: undefined, diagnostics };
  const doc = root.value;
  const version = versionOf(doc);
  if (!isObject(doc)) {
    diagnostics.push({ code: 'oas-not-object', severity: 'error', message: 'an OpenAPI document must be an object', file: root.path, pointer: '' });
    return { workspace, version, diagnostics };
  }
  if (!version) {
    const what = isObject(doc) && 'swagger' in doc ? 'Swagger 2.0 is not supported; convert it to OpenAPI 3' : `unsupported or missing "openapi" version ${JSON.stringify(doc.openapi ?? null)}; oaskit reads OpenAPI 3.0.x and 3.1.x`;
    diagnostics.push({ code: 'oas-version', severity: 'error', message: what, file: root.path, pointer: 'openapi' in doc ? '/openapi' : '' });
    return { workspace, version, diagnostics };
  }
  if (typeof doc.openapi === 'number' || doc.openapi === version) {
    diagnostics.push({ code: 'oas-version-not-string', severity: 'warning', message: `"openapi" must be a full version string such as "${version}.0"; ${JSON.stringify(doc.openapi)} is read as ${version}`, file: root.path, pointer: '/openapi' });
  }
  if (isObject(doc.info) && typeof doc.info.version === 'number') {
    diagnostics.push({ code: 'info-version-not-string', severity: 'warning', message: `info.version must be a string; the number ${doc.info.version} is read as "${doc.info.version}" (quote it)`, file: root.path, pointer: '/info/version' });
  }
  if (version === '3.0' && doc.paths === undefined && doc.components !== undefined) {
    diagnostics.push({ code: 'oas-paths-missing', severity: 'warning', message: 'an OpenAPI 3.0 document must have "paths"; read as a document of components only', file: root.path, pointer: '' });
  }
  const refProblems = workspace.checkRefs();
  diagnostics.push(...refProblems);
  return { workspace, version, diagnostics };
}

/** '3.0.3' -> '3.0'; also the YAML numbers 3.0 and 3.1, a common slip that is read with a warning. */
function versionOf(doc: unknown): '3.0' | '3.1' | undefined {
  if (!isObject(doc)) return undefined;
  if (typeof doc.openapi === 'string') return doc.openapi.match(/^3\.[01](?=\.\d+$|$)/)?.[0] as '3.0' | '3.1' | undefined;
  if (doc.openapi === 3 || doc.openapi === 3.0) return '3.0';
  if (doc.openapi === 3.1) return '3.1';
  return undefined;
}
