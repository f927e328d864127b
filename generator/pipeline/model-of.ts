// Spec file in, model out: diagnose (load + rules), then build the model, or say why not. Light
// (no emitter is loaded): the mock, the proxy and the language server use it as well as generate.
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.ts';
import { configFor, defaultConfig } from '../diagnostics/config.ts';
import { diagnose, type DiagnoseOptions } from '../diagnostics/diagnose.ts';
import { formatText } from '../diagnostics/format.ts';
import { locateDiagnostic } from '../diagnostics/position.ts';
import { buildModel, ModelError } from '../model/build-model.ts';
import type { ApiModel } from '../model/types.ts';
import type { Workspace } from '../load/workspace.ts';

export class SpecHasErrors extends Error {
  constructor(
    readonly spec: string,
    readonly report: string,
  ) {
    super(`${spec} has errors; nothing was generated`);
  }
}

/**
 * Errors that say the spec is wrong about its data, not that it cannot be read: code can still be
 * generated from what the spec declares (GitHub's description has hundreds of invalid examples).
 * `oaskit check` reports them as errors; `generate` counts them and goes on.
 */
const nonBlocking = new Set(['example-invalid', 'enum-type-mismatch', 'limit-contradiction', 'required-undefined', 'security-scheme-unknown']);

export interface ModelResult {
  model: ApiModel;
  /** errors that did not stop generation (see nonBlocking) */
  nonBlockingErrors: number;
  /** the files the model was read from, for positions (`file:line:col`) of what the model points at */
  workspace: Workspace;
}

/** Load and model a spec; throws SpecHasErrors (with the formatted diagnostics) when it has errors. */
export async function modelOf(specPath: string, name?: string): Promise<ApiModel> {
  return (await modelWithReport(specPath, name)).model;
}

/**
 * `onlyBlocking`: skip the rules whose errors never block (nonBlocking: example validation is most
 * of the rules' time on a large spec); whether the spec is usable is decided exactly as without it,
 * only `nonBlockingErrors` is not counted, and the model is built once. For `diff`, which needs
 * the model, not the report.
 * `rules: 'cheap'` leaves out the expensive rules (checking every example against its schema):
 * they never block a model, so `generate` skips them and says `oaskit check` runs them.
 */
export async function modelWithReport(specPath: string, name?: string, options: DiagnoseOptions & { onlyBlocking?: boolean } = {}): Promise<ModelResult> {
  const { onlyBlocking, ...diagnoseOptions } = options;
  if (onlyBlocking) {
    const config = diagnoseOptions.config === undefined ? configFor(specPath) : (diagnoseOptions.config ?? defaultConfig);
    // (and the `model` rule: it builds the model only to report a ModelError, which building it
    // below reports the same way)
    diagnoseOptions.config = { ...config, rules: { ...config.rules, ...Object.fromEntries([...nonBlocking, 'model'].map((code) => [code, 'off' as const])) } };
  }
  const result = await diagnose(specPath, diagnoseOptions);
  const errors = result.diagnostics.filter((d: Diagnostic) => d.severity === 'error' && !nonBlocking.has(d.code));
  const nonBlockingErrors = result.diagnostics.filter((d: Diagnostic) => d.severity === 'error' && nonBlocking.has(d.code)).length;
  if (errors.length) {
    const report = formatText(errors.map((d) => locateDiagnostic(d, result.workspace.get(d.file))));
    throw new SpecHasErrors(specPath, report);
  }
  try {
    return { model: buildModel(result, name ?? basename(specPath, extname(specPath))), nonBlockingErrors, workspace: result.workspace };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    const d: Diagnostic = { code: 'model', severity: 'error', message: error.message, file: error.loc.file, pointer: error.loc.pointer };
    throw new SpecHasErrors(specPath, formatText([locateDiagnostic(d, result.workspace.get(d.file))]));
  }
}

/**
 * Models of specs to serve (mock, proxy, start), or undefined after `report` got the diagnostics
 * of every spec that has errors: a spec with errors is never served.
 */
export async function modelsToServe(specs: string[], report: (text: string) => void): Promise<ApiModel[] | undefined> {
  const models: ApiModel[] = [];
  let failed = false;
  for (const spec of specs) {
    try {
      models.push(await modelOf(spec));
    } catch (error) {
      if (!(error instanceof SpecHasErrors)) throw error;
      report(error.report);
      failed = true;
    }
  }
  return failed ? undefined : models;
}

