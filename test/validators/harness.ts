// Shared by the validator tests: load generated modules, type-check them with `tsc --strict`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export type Validate = (value: unknown) => { ok: true; value: unknown } | { ok: false; errors: ValidationError[] };
export type Guard = (value: unknown) => boolean;

export interface ValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

let scratch: string | undefined;
let counter = 0;

/** A directory for this test process's generated files, removed at exit. */
export function scratchDir(): string {
  if (!scratch) {
    const dir = mkdtempSync(join(tmpdir(), 'oaskit-validators-'));
    scratch = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return scratch;
}

/** Transpiles a generated module (types stripped, nothing else changed) and imports it. */
export async function importModule<T = Record<string, (value: unknown) => unknown>>(source: string): Promise<T> {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(scratchDir(), `module-${process.pid}-${counter++}.mjs`);
  writeFileSync(file, js);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as T;
}

/** `tsc --strict --noEmit` over the given files (name -> source); returns the diagnostics as text. */
export function typeCheck(files: Record<string, string>): string[] {
  const dir = join(scratchDir(), `tsc-${counter++}`);
  mkdirSync(dir, { recursive: true });
  const names = Object.entries(files).map(([name, source]) => {
    const path = join(dir, name);
    writeFileSync(path, source);
    return path;
  });
  const program = ts.createProgram(names, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.replace(dir + '/', '')}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}
