// Spec files in, generated files out: diagnose, build the model, run every emitter, format.
// Writing and `--check` comparison both start from the same in-memory file list.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { diagnose } from '../diagnostics/diagnose.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { locateDiagnostic } from '../diagnostics/position.ts';
import { formatText } from '../diagnostics/format.ts';
import { buildModel, ModelError } from '../model/build-model.ts';
import type { ApiModel } from '../model/types.ts';
import type { EmitContext, EmittedFile } from './emitter.ts';
import { formatFile } from './format.ts';
import { apiEmitters, siteEmitters } from './index.ts';

export class SpecHasErrors extends Error {
  constructor(
    readonly spec: string,
    readonly report: string,
  ) {
    super(`${spec} has errors; nothing was generated`);
  }
}

export const defaultContext: EmitContext = { docsBaseUrl: '../docs/' };

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
}

/** Load and model a spec; throws SpecHasErrors (with the formatted diagnostics) when it has errors. */
export async function modelOf(specPath: string, name?: string): Promise<ApiModel> {
  return (await modelWithReport(specPath, name)).model;
}

export async function modelWithReport(specPath: string, name?: string): Promise<ModelResult> {
  const result = await diagnose(specPath);
  const errors = result.diagnostics.filter((d: Diagnostic) => d.severity === 'error' && !nonBlocking.has(d.code));
  const nonBlockingErrors = result.diagnostics.filter((d: Diagnostic) => d.severity === 'error' && nonBlocking.has(d.code)).length;
  if (errors.length) {
    const report = formatText(errors.map((d) => locateDiagnostic(d, result.workspace.get(d.file))));
    throw new SpecHasErrors(specPath, report);
  }
  try {
    return { model: await buildModel(result, name ?? basename(specPath, extname(specPath))), nonBlockingErrors };
  } catch (error) {
    if (error instanceof ModelError) throw new SpecHasErrors(specPath, `${specPath}:1:1 - error model: ${error.message}\n`);
    throw error;
  }
}

/** Every file of one API package, formatted. Paths relative to the package folder. */
export async function emitApi(model: ApiModel, ctx: EmitContext = defaultContext): Promise<EmittedFile[]> {
  const files: EmittedFile[] = [];
  for (const emitter of apiEmitters) files.push(...(await emitter.emit(model, ctx)));
  return Promise.all(files.map(formatFile));
}

export async function emitSite(models: ApiModel[], ctx: EmitContext = defaultContext): Promise<EmittedFile[]> {
  const files: EmittedFile[] = [];
  for (const emitter of siteEmitters) files.push(...(await emitter.emit(models, ctx)));
  return Promise.all(files.map(formatFile));
}

export interface Drift {
  stale: string[];
  missing: string[];
  extra: string[];
}

/** Compare files with a folder: what differs, what is missing, what is there but not generated. */
export function compareWithDisk(dir: string, files: EmittedFile[]): Drift {
  const drift: Drift = { stale: [], missing: [], extra: [] };
  const wanted = new Set(files.map((f) => f.path));
  for (const f of files) {
    const p = join(dir, f.path);
    if (!existsSync(p)) drift.missing.push(p);
    else if (readFileSync(p, 'utf8') !== f.contents) drift.stale.push(p);
  }
  for (const p of listFiles(dir)) if (!wanted.has(relative(dir, p).split('\\').join('/'))) drift.extra.push(p);
  return drift;
}

/** Replace a folder's contents with exactly these files. */
export function writeFolder(dir: string, files: EmittedFile[]): void {
  const wanted = new Set(files.map((f) => join(dir, f.path)));
  for (const p of listFiles(dir)) if (!wanted.has(p)) rmSync(p);
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    if (!existsSync(p) || readFileSync(p, 'utf8') !== f.contents) writeFileSync(p, f.contents);
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}
