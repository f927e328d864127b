// Spec files in, generated files out: diagnose (load + rules), build the model, run every
// emitter. Writing and `--check` comparison both start from the same in-memory file list.
// This sits above the loader, the model and the emitters: emitters only ever see the model.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { EmitContext, EmittedFile } from '../emit/emitter.ts';
import { apiEmitters, siteEmitters } from '../emit/index.ts';
import type { ApiModel } from '../model/types.ts';

export { modelOf, modelsToServe, modelWithReport, SpecHasErrors, type ModelResult } from './model-of.ts';

export const defaultContext: EmitContext = {};

/**
 * Every file of one API package, as the emitters write them: each emits its final layout (no
 * formatter runs over the output, so the cost stays linear in the spec). Paths relative to the
 * package folder. `stage` hears the name of each emitter before it runs (progress lines).
 */
export async function emitApi(model: ApiModel, ctx: EmitContext = defaultContext, stage?: (name: string) => void): Promise<EmittedFile[]> {
  const files: EmittedFile[] = [];
  for (const emitter of apiEmitters) {
    stage?.(emitter.name);
    files.push(...(await emitter.emit(model, ctx)));
  }
  return files;
}

export async function emitSite(models: ApiModel[], ctx: EmitContext = defaultContext): Promise<EmittedFile[]> {
  const files: EmittedFile[] = [];
  for (const emitter of siteEmitters) files.push(...(await emitter.emit(models, ctx)));
  return files;
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

/**
 * Replace a folder's contents with exactly these files: only what differs is touched. `drift` is
 * the folder compared with them already (compareWithDisk), so that nothing is read twice.
 */
export function writeFolder(dir: string, files: EmittedFile[], drift: Drift = compareWithDisk(dir, files)): void {
  for (const p of drift.extra) rmSync(p);
  const changed = new Set([...drift.stale, ...drift.missing]);
  for (const f of files) {
    const p = join(dir, f.path);
    if (!changed.has(p)) continue;
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.contents);
  }
}

/** What a package's own install, build and pack leave in its folder: never generated, never removed. */
const BUILD_OUTPUT = /^(?:node_modules|dist|package-lock\.json|[^/]+\.tgz)$/;

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .filter((p) => !BUILD_OUTPUT.test(relative(dir, p).split(/[\\/]/)[0]!))
    .sort();
}
