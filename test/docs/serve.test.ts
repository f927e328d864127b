// `oaskit docs` and the docs server: the command writes the site and reports page weights, refuses
// to wipe a folder that is not a docs site, serves on localhost and stops on SIGTERM (a process);
// the server stays inside its folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../../generator/emit/docs/serve.ts';
import { runCli } from '../support/cli.ts';
import { fixtureSpecs, removeDir, repoRoot, tempDir } from './support.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeDir));
const bin = join(repoRoot, 'bin/oaskit.js');

describe('oaskit docs', () => {
  it('writes the site for the given specs and reports the page weight', async () => {
    const parent = tempDir('docs-cli');
    made.push(parent);
    const out = join(parent, 'site');
    const r = await runCli(['docs', '--spec', fixtureSpecs[0]!, '--spec', fixtureSpecs[1]!, '--out', out], { cwd: repoRoot });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of ['index.html', 'shop.html', 'hostile.html', 'assets/site.css', 'assets/site.js', 'search-index.js']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(r.out).toMatch(/page weight:\n/);
    expect(r.out).toMatch(/shop\.html +[\d.]+ KB +[\d.]+ KB gzip/);
    expect(r.out).toMatch(/total +[\d.]+ KB/);
  });

  it('refuses to replace a folder that is not a docs site', async () => {
    const out = tempDir('docs-cli');
    made.push(out);
    writeFileSync(join(out, 'precious.txt'), 'keep me');
    const r = await runCli(['docs', '--spec', fixtureSpecs[0]!, '--out', out], { cwd: repoRoot });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refusing to write into/);
    expect(readFileSync(join(out, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('rejects a bad port', async () => {
    const r = await runCli(['docs', '--serve', '--port', 'x'], { cwd: repoRoot });
    expect(r.code).toBe(2);
    expect(r.err).toBe('oaskit docs: --port must be a port number, not "x"\n');
  });

  it('serves the site with --serve, prints the URL and stops on SIGTERM', async () => {
    const parent = tempDir('docs-cli');
    made.push(parent);
    const out = join(parent, 'site');
    const child = spawn(process.execPath, [bin, 'docs', '--spec', fixtureSpecs[0]!, '--out', out, '--serve', '--port', '0'], { cwd: repoRoot });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /serving the API reference at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', () => reject(new Error(`exited early: ${stdout}`)));
    });
    const res = await fetch(url + 'shop.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="op-listPets"');
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  }, 120_000);
});

describe('serveDocs', () => {
  it('serves files with their types and the CSP, and nothing outside its folder', async () => {
    const root = tempDir('docs-serve');
    made.push(root);
    const dir = join(root, 'site');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'sub', 'index.html'), 'sub');
    writeFileSync(join(dir, 'a.css'), 'body{}');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    const server = await serveDocs(dir);
    try {
      const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);
      const index = await get('');
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(index.headers.get('content-security-policy')).toBe("default-src 'self'");
      expect(index.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await get('a.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(await (await get('sub/')).text()).toBe('sub');
      for (const p of ['../secret.txt', '..%2fsecret.txt', '%2e%2e/secret.txt', 'sub/../../secret.txt', 'missing.html', '%00']) {
        const r = await get(p);
        expect(r.status, p).toBe(404);
        expect(await r.text()).not.toContain('secret');
      }
      expect((await get('index.html', { method: 'POST' })).status).toBe(405);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    } finally {
      await server.close();
    }
  });
});
