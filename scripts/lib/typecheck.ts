// Type-check a folder of generated TypeScript with the compiler API, strict, in one program.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface TypecheckResult {
  files: number;
  errors: { file: string; line: number; message: string }[];
}

export function typecheckFolder(dir: string, extraFiles: string[] = []): TypecheckResult {
  const files = [...listTs(dir), ...extraFiles];
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    skipLibCheck: false,
    types: [],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return {
    files: files.length,
    errors: diagnostics.map((d) => {
      const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      return { file: d.file?.fileName ?? '', line: (pos?.line ?? 0) + 1, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
    }),
  };
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
