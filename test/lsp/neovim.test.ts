// The language server in a real editor: Neovim's built-in LSP client, headless, drives a session
// on a copy of spec/appboy.yaml (test/lsp/neovim/session.lua): a $ref broken and its diagnostic
// at the right place, the quick fixes offered, the diagnostic cleared on undo, hover on an
// operation showing the generated method, completion inside an unclosed quote with a text edit
// over exactly what was typed. Skipped, saying so, where Neovim is not installed (`.ci/run`
// installs Debian's package when it can).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './lsp-client.ts';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const version = nvim.status === 0 ? nvim.stdout.split('\n')[0] : undefined;
const work = mkdtempSync(join(tmpdir(), 'oaskit-nvim-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Session {
  initial: number;
  broken: { code: string; line: number; col: number; message: string }[];
  actions: string[];
  afterUndo: number;
  hover?: string;
  typed: string;
  completion: { label: string; from?: number; to?: number }[];
}

describe('Neovim as the editor', () => {
  it('diagnostics, quick fixes, undo, hover and completion as a spec author sees them', { timeout: 420_000 }, (ctx) => {
    if (!version) {
      console.log('Neovim test skipped: no `nvim` on PATH (apt-get install neovim)');
      return ctx.skip();
    }
    console.log(`Neovim test with ${version}`);
    const spec = join(work, 'appboy.yaml');
    copyFileSync(join(repoRoot, 'spec/appboy.yaml'), spec);
    const result = join(work, 'session.json');
    execFileSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', `luafile ${join(repoRoot, 'test/lsp/neovim/session.lua')}`], {
      cwd: work,
      env: { ...process.env, OASKIT_BIN: join(repoRoot, 'bin/oaskit.js'), OASKIT_SPEC: spec, OASKIT_OUT: result },
      timeout: 400_000,
      stdio: 'ignore',
    });
    const s = JSON.parse(readFileSync(result, 'utf8')) as Session;
    expect(s.initial).toBe(0);
    // the first `$ref: '#/components/schemas/…'` of the spec, with an X typed after the name
    const refLine = readFileSync(spec, 'utf8').split('\n').findIndex((l) => l.includes("$ref: '#/components/schemas/"));
    const name = /schemas\/([^']+)'/.exec(readFileSync(spec, 'utf8').split('\n')[refLine]!)![1]!;
    expect(s.broken).toHaveLength(1);
    expect(s.broken[0]).toMatchObject({ code: 'ref-dangling', line: refLine });
    expect(s.broken[0]!.message).toContain(`did you mean '#/components/schemas/${name}'?`);
    expect(s.actions).toContain(`Change to '#/components/schemas/${name}'`);
    expect(s.afterUndo).toBe(0);
    expect(s.hover).toMatch(/\*\*Generated client\*\* \(`@oaskit\/appboy`\): `client\.\w+\.\w+\(input\)`/);
    expect(s.typed).toMatch(/\$ref: '#\/components\/schemas\/Us$/);
    const start = s.typed.indexOf("'") + 1;
    expect(s.completion.length).toBeGreaterThan(0);
    for (const item of s.completion) {
      expect(item.label).toMatch(/^#\/components\/schemas\/Us/i);
      expect([item.from, item.to]).toEqual([start, s.typed.length]);
    }
  });
});
