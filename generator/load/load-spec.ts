// Loading a spec: parse (with positions), check every $ref stays in the sandbox and resolves,
// then validate against the OpenAPI schema. The result feeds the model and every diagnostic.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { isObject } from './pointer.ts';
import { validateOpenApi } from './validate-openapi.ts';
import { Workspace, type WorkspaceOptions } from './workspace.ts';

export interface LoadedSpec {
  workspace: Workspace;
  /** 3.0 or 3.1; undefined when the document does not say */
  version: '3.0' | '3.1' | undefined;
  diagnostics: Diagnostic[];
}

export interface LoadOptions extends WorkspaceOptions {
  /** run swagger-parser's schema validation (default true) */
  validateSchema?: boolean;
}

/** Throws UnreadableSpecError when the root file itself cannot be read. */
export async function loadSpec(path: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const workspace = new Workspace(path, options);
  const root = workspace.root;
  const diagnostics: Diagnostic[] = [...root.syntaxErrors];
  if (root.value === undefined) return { workspace, version: undefined, diagnostics };
  const doc = root.value;
  const version = isObject(doc) && typeof doc.openapi === 'string' ? (doc.openapi.match(/^3\.[01](?=\.)/)?.[0] as '3.0' | '3.1' | undefined) : undefined;
  if (!isObject(doc)) {
    diagnostics.push({ code: 'oas-not-object', severity: 'error', message: 'an OpenAPI document must be an object', file: root.path, pointer: '' });
    return { workspace, version, diagnostics };
  }
  if (!version) {
    const what = isObject(doc) && 'swagger' in doc ? 'Swagger 2.0 is not supported; convert it to OpenAPI 3' : `unsupported or missing "openapi" version ${JSON.stringify(doc.openapi ?? null)}; oaskit reads OpenAPI 3.0.x and 3.1.x`;
    diagnostics.push({ code: 'oas-version', severity: 'error', message: what, file: root.path, pointer: 'openapi' in doc ? '/openapi' : '' });
    return { workspace, version, diagnostics };
  }
  const refProblems = workspace.checkRefs();
  diagnostics.push(...refProblems);
  // swagger-parser would try to resolve the same refs itself: only run it on a sound ref graph
  if (options.validateSchema !== false && !refProblems.some((d) => d.severity === 'error')) {
    diagnostics.push(...(await validateOpenApi(workspace)));
  }
  return { workspace, version, diagnostics };
}
