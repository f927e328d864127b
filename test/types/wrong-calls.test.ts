// Counts the deliberately wrong calls of wrong-calls.test-d.ts and checks that the compiler rejects
// each one on its own: the file is compiled with its `@ts-expect-error` directives blanked out,
// and every line that followed a directive must have an error (an unused directive would already
// fail the type tests; this also catches a directive that hides an error on a line it was not meant for).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const file = join(root, 'test', 'types', 'wrong-calls.test-d.ts');

describe('wrong calls against the generated Appboy and Appcues clients', () => {
  it('are at least 32, and each one is a compile error', { timeout: 180_000 }, () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const marked = lines.flatMap((l, i) => (/^\s*\/\/ @ts-expect-error \S/.test(l) ? [i + 1] : []));
    const unmarked = lines.map((l) => l.replace(/\/\/ @ts-expect-error/, '// (expected error)')).join('\n');
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const host = ts.createCompilerHost(config.options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, ...rest) => (resolve(name) === file ? ts.createSourceFile(name, unmarked, version) : read(name, version, ...rest));
    const program = ts.createProgram([file], config.options, host);
    const errorLines = new Set(
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(file))
        .filter((d) => d.file && resolve(d.file.fileName) === file && d.start !== undefined)
        .map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line),
    );
    // a directive at line n (1-based) covers line n + 1, i.e. index n
    const caught = marked.filter((n) => errorLines.has(n));
    console.log(`wrong calls caught: ${caught.length} / ${marked.length}`);
    expect(marked.length).toBeGreaterThanOrEqual(32);
    expect(marked.filter((n) => !errorLines.has(n)).map((n) => `line ${n + 1}: ${lines[n]!.trim()}`)).toEqual([]);
  });
});
