// The generated packages as a team gets them: each is copied out of the repository, installed and
// packed on its own (its own TypeScript builds it: nothing borrowed from this repository), checked
// by @arethetypeswrong/cli and publint, then installed from the tarballs into a consumer app that
// is compiled with moduleResolution nodenext, node16 and bundler and run as ESM and through a
// CommonJS require against a loopback server. The README samples of each package are type-checked
// against the installed package in the same app. One pack per package, one shared install.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const packages = ['appboy', 'appcues'] as const;
const work = mkdtempSync(join(tmpdir(), 'oaskit-packaging-'));
const app = join(work, 'app');
const tarballs = new Map<string, string>();
let server: Server;
let apiUrl = '';

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The ```ts blocks of a Markdown file. */
function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

beforeAll(async () => {
  // each package on its own: copied without anything of the repository around it
  for (const [i, name] of packages.entries()) {
    const dir = join(work, name);
    cpSync(join(root, 'generated', name), dir, { recursive: true, filter: (p) => !/[\\/](node_modules|dist)$/.test(p) });
    // the packages have the same dependencies: the first installs them, the others share its node_modules
    if (i === 0) run('npm', ['install', '--ignore-scripts', '--prefer-offline'], dir);
    else symlinkSync(join(work, packages[0], 'node_modules'), join(dir, 'node_modules'), 'dir');
    const file = run('npm', ['pack', '--silent'], dir).trim().split('\n').pop()!;
    tarballs.set(name, join(dir, file));
  }
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--ignore-scripts', '--prefer-offline', ...tarballs.values()], app);
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/segments/list' && url.searchParams.get('app_group_id') === 'group-1') res.end(JSON.stringify({ message: 'success', segments: [{ id: 's1', name: 'All' }] }));
    else {
      res.statusCode = 404;
      res.end(JSON.stringify({ message: 'not found' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 600_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it.each(packages)('%s: the tarball holds the built files only, and attw and publint find no problem', { timeout: 180_000 }, (name) => {
    const files = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], join(work, name)))[0].files.map((f: { path: string }) => f.path) as string[];
    expect(files.filter((f) => !f.startsWith('dist/') && f !== 'package.json' && f !== 'README.md')).toEqual([]);
    for (const f of ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/cjs/package.json', 'dist/esm/validators.js', 'dist/cjs/schema.d.ts']) expect(files).toContain(f);
    const pkg = JSON.parse(readFileSync(join(work, name, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ sideEffects: false, engines: { node: '>=20' } });
    expect(pkg.description).not.toMatch(/\bAPI API\b/);
    const attw = spawnSync(bin('attw'), ['--format', 'ascii', tarballs.get(name)!], { encoding: 'utf8' });
    expect(attw.stdout + attw.stderr).toContain('No problems found');
    expect(attw.status).toBe(0);
    const publint = spawnSync(bin('publint'), ['run', '--strict', tarballs.get(name)!], { encoding: 'utf8' });
    expect(publint.stdout + publint.stderr, publint.stdout + publint.stderr).toMatch(/All good!/);
    expect(publint.status).toBe(0);
  });

  const esm = `import { createAppboyClient, createConfig, listSegments, ApiError } from '@oaskit/appboy';
import * as validators from '@oaskit/appboy/validators';
import { createAppcuesClient } from '@oaskit/appcues';

const baseUrl = process.env.API_URL!;
const client = createAppboyClient({ appGroupId: 'group-1', baseUrl, retry: false });
const page = await client.segmentExport.listSegments();
const standalone = await listSegments(createConfig({ appGroupId: 'group-1', baseUrl }));
let status = 0;
try {
  await listSegments(createConfig({ appGroupId: 'other', baseUrl, retry: false }));
} catch (error) {
  if (error instanceof ApiError) status = error.status;
}
console.log(JSON.stringify({ first: page.segments?.[0]?.name, standalone: standalone.message, status, validators: typeof validators.validateListSegmentsQuery, appcues: typeof createAppcuesClient }));
`;
  const cjs = `import appboy = require('@oaskit/appboy');
import validators = require('@oaskit/appboy/validators');

const client: appboy.AppboyClient = appboy.createAppboyClient({ appGroupId: 'group-1', baseUrl: process.env.API_URL!, retry: false });
client.segmentExport.listSegments().then(async (page) => {
  let status = 0;
  await appboy.listSegments(appboy.createConfig({ appGroupId: 'other', baseUrl: process.env.API_URL!, retry: false })).catch((error: unknown) => {
    if (error instanceof appboy.ApiError) status = error.status;
  });
  console.log(JSON.stringify({ first: page.segments?.[0]?.name, status, validators: typeof validators.validateListSegmentsQuery }));
});
`;
  const expected = { first: 'All', status: 404, validators: 'function' };

  /** A tsconfig for the app, compiling `files` into `out`. */
  function compile(name: string, options: Record<string, unknown>, files: string[]): { status: number | null; output: string } {
    const config = { compilerOptions: { strict: true, target: 'ES2022', skipLibCheck: false, types: ['node'], typeRoots: [join(root, 'node_modules', '@types')], outDir: `out-${name}`, ...options }, files };
    writeFileSync(join(app, `tsconfig.${name}.json`), JSON.stringify(config));
    const result = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${name}.json`], { cwd: app, encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr };
  }

  /** Runs an app (asynchronously: the server answering it is in this process). */
  async function runNode(file: string): Promise<unknown> {
    const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: app, encoding: 'utf8', timeout: 60_000, env: { ...process.env, API_URL: apiUrl } });
    return JSON.parse(stdout.trim().split('\n').pop()!);
  }

  it('compiles and runs an ESM app with moduleResolution nodenext', { timeout: 180_000 }, async () => {
    writeFileSync(join(app, 'nodenext.mts'), esm);
    const result = compile('nodenext', { module: 'NodeNext', moduleResolution: 'NodeNext' }, ['nodenext.mts']);
    expect(result.output).toBe('');
    expect(await runNode(join(app, 'out-nodenext', 'nodenext.mjs'))).toMatchObject({ ...expected, standalone: 'success', appcues: 'function' });
  });

  it('compiles and runs ESM and CommonJS apps with moduleResolution node16', { timeout: 180_000 }, async () => {
    writeFileSync(join(app, 'node16.mts'), esm);
    writeFileSync(join(app, 'node16.cts'), cjs);
    const result = compile('node16', { module: 'Node16', moduleResolution: 'Node16' }, ['node16.mts', 'node16.cts']);
    expect(result.output).toBe('');
    expect(await runNode(join(app, 'out-node16', 'node16.mjs'))).toMatchObject(expected);
    // the CommonJS app loads the package with require()
    expect(readFileSync(join(app, 'out-node16', 'node16.cjs'), 'utf8')).toContain(`require("@oaskit/appboy")`);
    expect(await runNode(join(app, 'out-node16', 'node16.cjs'))).toMatchObject(expected);
  });

  it('compiles an app with moduleResolution bundler, and runs what it emits', { timeout: 180_000 }, async () => {
    writeFileSync(join(app, 'bundler.ts'), esm);
    const result = compile('bundler', { module: 'ESNext', moduleResolution: 'Bundler' }, ['bundler.ts']);
    expect(result.output).toBe('');
    expect(await runNode(join(app, 'out-bundler', 'bundler.js'))).toMatchObject(expected);
  });

  it('type-checks every TypeScript sample of each README against the installed package', { timeout: 180_000 }, () => {
    const files: string[] = [];
    for (const name of packages) {
      const readme = readFileSync(join(app, 'node_modules', '@oaskit', name, 'README.md'), 'utf8');
      const blocks = tsBlocks(readme);
      expect(blocks.length).toBeGreaterThanOrEqual(8);
      for (const section of ['`.result()`', 'Typed errors', 'Retries and timeouts', 'Validation', 'Hooks', 'One operation on its own']) expect(readme).toContain(section);
      // every link goes somewhere absolute: nothing points into files the package does not have
      expect([...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]).filter((href) => !/^https?:\/\//.test(href!))).toEqual([]);
      blocks.forEach((block, i) => {
        const file = `readme-${name}-${i}.mts`;
        writeFileSync(join(app, file), `${block}\nexport {};\n`);
        files.push(file);
      });
    }
    const result = compile('readme', { module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true }, files);
    expect(result.output).toBe('');
  });
});
