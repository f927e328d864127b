// Generating a fixture spec into a scratch folder that can resolve openapi-fetch (inside
// node_modules/, which module resolution walks up from), and type-checking it with tsc --strict.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { emitApi, modelOf, writeFolder } from '../../generator/pipeline/pipeline.ts';
import type { EmittedFile } from '../../generator/emit/emitter.ts';

export const root = resolve(import.meta.dirname, '..', '..');
export const fixtures = join(root, 'test', 'client', 'fixtures');

export function scratchDir(name: string): string {
  const dir = join(root, 'node_modules', '.oaskit-test', `${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function generate(spec: string): Promise<EmittedFile[]> {
  return emitApi(await modelOf(spec));
}

export async function generateInto(spec: string, dir: string): Promise<EmittedFile[]> {
  const files = await generate(spec);
  writeFolder(dir, files);
  return files;
}

/** Runs `tsc --noEmit --strict -p dir`; resolves with its output and exit code. */
export async function tsc(dir: string, extra: string[] = []): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '-p', dir, ...extra], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: (e.stdout ?? '') + (e.stderr ?? '') };
  }
}
