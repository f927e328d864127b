// The specs a command works on: the ones given (--spec FILE, or arguments where a command takes
// them), else those of the project's spec/ folder.
import { resolve } from 'node:path';
import { specFiles } from '../pipeline/layout.ts';
import { UsageError } from './command.ts';

export { specFiles, specName } from '../pipeline/layout.ts';

/** Absolute paths of the given specs, else of spec/*; a UsageError when there are none. */
export function specsToUse(given: readonly string[], cwd = process.cwd()): { specs: string[]; fromProject: boolean } {
  if (given.length) return { specs: given.map((s) => resolve(cwd, s)), fromProject: false };
  const specs = specFiles(cwd);
  if (specs.length === 0) throw new UsageError('no spec given (--spec FILE) and no spec/*.yaml in this folder');
  return { specs, fromProject: true };
}

/** string[] of a repeatable option (parseArgs gives undefined when absent). */
export function list(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
}
