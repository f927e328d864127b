// All diagnostics for one spec: loading problems (syntax, refs, OpenAPI schema) and, when the
// document is sound enough to read, oaskit's own rules. Shared by `check`, the LSP and `generate`.
import { loadSpec, type LoadOptions, type LoadedSpec } from '../load/load-spec.ts';
import type { Diagnostic } from './diagnostic.ts';

export interface Diagnosis extends LoadedSpec {
  /** true when the input could not be used at all (syntax errors, not an OpenAPI document) */
  unusable: boolean;
}

export async function diagnose(path: string, options: LoadOptions = {}): Promise<Diagnosis> {
  const loaded = await loadSpec(path, options);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const unusable = loaded.workspace.root.value === undefined || loaded.diagnostics.some((d) => d.code === 'oas-version' || d.code === 'oas-not-object');
  return { ...loaded, diagnostics, unusable };
}
