// Spec files in, generated files out: diagnose (load + rules), build the model, run every
// emitter, format. Writing and `--check` comparison both start from the same in-memory file list.
// This sits above the loader, the model and the emitters: emitters only ever see the model.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { EmitContext, EmittedFile } from '../emit/emitter.ts';
import { formatFile } from '../emit/format.ts';
import { apiEmitters, siteEmitters } from '../emit/index.ts';
import type { ApiModel } from '../model/types.ts';

export { modelOf, modelsToServe, modelWithReport, SpecHasErrors, type ModelResult } from './model-of.ts';

export const defaultContext: EmitContext = { docsBaseUrl: '../docs/' };

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
