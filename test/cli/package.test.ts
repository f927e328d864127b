// oaskit as another project's dev dependency: `npm pack` of this repository, installed with
// `npm i -D <tarball>` into a fresh project, then run there with npx. One pack and one install
// for the whole file (the install takes a minute: Prism and the code generators come with it).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../mock/helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'oaskit-package-'));
const consumer = join(work, 'consumer');
let files: string[] = [];

function run(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_yes: 'true' }, timeout: 540_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // dist/ is fresh (vitest's globalSetup); --ignore-scripts: prepare's clean build would pull
  // dist/ from under the tests running beside this one
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
  expect(pack.status, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  files = info!.files.map((f) => f.path).sort();
  mkdirSync(consumer);
  expect(run('npm', ['init', '-y'], consumer).status).toBe(0);
  const install = run('npm', ['i', '-D', '--prefer-offline', '--no-audit', '--no-fund', join(work, info!.filename)], consumer);
  expect(install.status, install.stderr).toBe(0);
  copyFileSync(join(root, 'test/lsp/fixtures/petstore/openapi.yaml'), join(consumer, 'openapi.yaml'));
  copyFileSync(join(root, 'test/lsp/fixtures/petstore/schemas.yaml'), join(consumer, 'schemas.yaml'));
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds the compiled toolkit and what it copies into generated packages, nothing of the tests', () => {
    for (const needed of ['bin/oaskit.js', 'dist/cli/main.js', 'dist/cli/commands/check.js', 'dist/rules/openapi-schemas.compiled.cjs', 'dist/runtime/client.ts', 'dist/validators/runtime.ts', 'dist/emit/docs/assets/site.css', 'schemas/oaskit.config.schema.json', 'README.md', 'package.json']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((f) => /^(test|generator|scripts|spec|generated|node_modules)\//.test(f) || /\.test\.[jt]s$/.test(f))).toEqual([]);
  });
});

describe('npx oaskit in the consumer project', () => {
  it('--version', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(run('npx', ['oaskit', '--version'], consumer)).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('check some.yaml', () => {
    expect(run('npx', ['oaskit', 'check', 'openapi.yaml'], consumer)).toMatchObject({ status: 0, stdout: 'no problems found\n' });
    const broken = run('npx', ['oaskit', 'check', 'nothing.yaml'], consumer);
    expect(broken.status).toBe(2);
    expect(broken.stdout).toMatch(/nothing\.yaml:1:1 - error file-unreadable/);
  });

  it('generate --spec ... --out ...: the whole package, with the runtime copied in', { timeout: 300_000 }, () => {
    const r = run('npx', ['oaskit', 'generate', '--spec', 'openapi.yaml', '--out', 'client'], consumer);
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ status: 0, stdout: expect.stringMatching(/^generated client\/ \(\d+ files\) from openapi\.yaml\n$/) });
    for (const f of ['client.ts', 'index.ts', 'schema.d.ts', 'validators.ts', 'package.json', 'runtime/client.ts']) expect(existsSync(join(consumer, 'client', f)), f).toBe(true);
    expect(readFileSync(join(consumer, 'client', 'runtime', 'client.ts'), 'utf8')).toContain("copied from oaskit's generator/runtime/client.ts");
  });
});
