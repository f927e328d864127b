// The hostile and malformed specs of the security review (issue 15) through every command that
// reads a spec: `check` answers with its exit code and a positioned diagnostic, `generate` and
// `docs` agree with it (a spec check passes generates code that parses; one it fails is refused
// with the same diagnostic), and nothing crashes (no exit 70, no stack trace), leaks a file from
// outside the folder, or runs away in memory.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { hostileCases, writeCase } from './hostile-cases.ts';

const work = mkdtempSync(join(tmpdir(), 'oaskit-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const codeOf = (re: RegExp) => / - error ([a-z-]+):/.exec(re.source.replace(/\\/g, ''))?.[1];

/** Syntax errors of a TypeScript file (a comment closed early shows up here). */
function syntaxErrors(path: string): string[] {
  // a declaration file is checked as a module (transpiling emits nothing for it)
  const out = ts.transpileModule(readFileSync(path, 'utf8'), { reportDiagnostics: true, fileName: path.replace(/\.d\.ts$/, '.ts'), compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe.each(hostileCases)('$name', (c) => {
  const dir = join(work, c.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60));
  const spec = writeCase(dir, c);

  it('check: the exit code and a positioned diagnostic', { timeout: 120_000 }, async () => {
    const heap = process.memoryUsage().heapUsed;
    const run = await runCli(['check', spec]);
    expect(run.err).not.toMatch(/internal error|\n\s+at /);
    expect(run.code).toBe(c.check.exit);
    for (const says of c.check.says) expect(run.out).toMatch(says);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(1024 * 1024 * 1024);
  });

  it(c.generates ? 'generate: code that parses, nothing from outside the folder' : 'generate: refused with the same diagnostic', { timeout: 180_000 }, async () => {
    const out = join(dir, 'out');
    const run = await runCli(['generate', '--spec', spec, '--out', out]);
    expect(run.err).not.toMatch(/internal error|\n\s+at /);
    if (!c.generates) {
      expect(run.code).toBe(1);
      for (const says of c.check.says) expect(run.err).toContain(` - error ${codeOf(says)}:`);
      expect(existsSync(out)).toBe(false);
      return;
    }
    expect(run.code).toBe(0);
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    expect(files.flatMap((f) => syntaxErrors(join(out, f)))).toEqual([]);
    for (const f of readdirSync(out, { recursive: true, encoding: 'utf8' })) if (f.includes('.')) expect(readFileSync(join(out, f), 'utf8')).not.toContain('TOP-SECRET');
  });

  it(`docs: ${c.docs ?? c.generates ? 'written' : 'refused'}, never a crash`, { timeout: 180_000 }, async () => {
    const out = join(dir, 'docs');
    const run = await runCli(['docs', '--spec', spec, '--out', out, '--quiet']);
    expect(run.err).not.toMatch(/internal error|\n\s+at /);
    expect(run.code).toBe((c.docs ?? c.generates) ? 0 : 1);
  });
});

describe('oaskit validator on hostile schemas', () => {
  const deep = (leaf: string, wrap: (s: string) => string) => {
    let s = leaf;
    for (let i = 0; i < 10_000; i++) s = wrap(s);
    return s;
  };
  it.each([
    ['a schema nested 10,000 deep', deep('{"type":"string"}', (s) => `{"type":"object","properties":{"a":${s}}}`)],
    ['a const nested 10,000 deep', `{"const":${deep('1', (s) => `[${s}]`)}}`],
  ])('%s: exit 2 with the position of the limit', async (_, text) => {
    const file = join(work, `deep-${text.length}.json`);
    (await import('node:fs')).writeFileSync(file, text);
    const run = await runCli(['validator', file, '-o', join(work, 'v.ts')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/deep-\d+\.json:1:\d+: objects and arrays are nested deeper here than oaskit reads \(256 levels\)/);
  });
});
