// `oaskit generate --check` is what CI runs to fail on stale generated code: the committed
// generated/ must match the specs, and a stale, missing or extra file must be named, exit 1.
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const repo = resolve(import.meta.dirname, '../..');
const run = async (cwd: string, ...args: string[]) => {
  const r = await runCli(args, { cwd });
  return { status: r.code, stdout: r.out, stderr: r.err };
};

describe('oaskit generate --check', () => {
  it('finds the committed generated/ up to date with spec/', { timeout: 300_000 }, async () => {
    const r = await run(repo, 'generate', '--check');
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stdout).toContain('generated files are up to date');
    expect(r.status).toBe(0);
  });

  const work = mkdtempSync(join(tmpdir(), 'oaskit-check-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('names every stale, missing and extra file and exits 1', { timeout: 300_000 }, async () => {
    cpSync(join(repo, 'spec'), join(work, 'spec'), { recursive: true });
    cpSync(join(repo, 'generated'), join(work, 'generated'), { recursive: true });
    appendFileSync(join(work, 'generated', 'appcues', 'client.ts'), '\n// edited by hand\n');
    unlinkSync(join(work, 'generated', 'appboy', 'validators.ts'));
    writeFileSync(join(work, 'generated', 'docs', 'stray.html'), '<p>left over</p>\n');
    const r = await run(work, 'generate', '--check');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/stale: +generated\/appcues\/client\.ts/);
    expect(r.stdout).toMatch(/missing: +generated\/appboy\/validators\.ts/);
    expect(r.stdout).toMatch(/extra: +generated\/docs\/stray\.html/);
    expect(r.stdout).toMatch(/3 generated file\(s\) out of date/);
  });
});

describe('the committed generated packages', () => {
  it.each(['appboy', 'appcues'])('generated/%s passes tsc --noEmit --strict', { timeout: 300_000 }, async (name) => {
    const { typecheckFolder } = await import('../../scripts/lib/typecheck.ts');
    const result = typecheckFolder(join(repo, 'generated', name));
    expect(result.files).toBeGreaterThan(5);
    expect(result.errors.map((e) => `${e.file}:${e.line} ${e.message}`)).toEqual([]);
  });
});
