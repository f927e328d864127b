// oaskit as a process, where the process is what is tested: the compiled command starts and exits
// with its codes, progress goes to a terminal only (a real pseudo-terminal, by util-linux's
// `script`), and `generate --watch` regenerates on a real save and keeps running through errors.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, oaskitBin, root, runOaskit, type Run } from '../mock/helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'oaskit-process-'));
const runs: Run[] = [];
afterAll(() => {
  for (const r of runs) r.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

const oaskit = (args: string[], cwd = root) => spawnSync(process.execPath, [oaskitBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** The command under a pseudo-terminal: stdout and stderr both arrive on the terminal. */
function inTerminal(args: string[], cwd: string): { status: number | null; output: string } {
  const command = [process.execPath, oaskitBin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw new Error(`util-linux's script is needed for a pseudo-terminal: ${r.error.message}`);
  return { status: r.status, output: r.stdout.replace(/\r\n/g, '\n') };
}

describe('the compiled command', () => {
  it('--version, --help and a usage error', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(oaskit(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
    expect(oaskit(['mock', '--help'])).toMatchObject({ status: 0, stderr: '' });
    expect(oaskit(['validator', '--nope'])).toMatchObject({ status: 2, stdout: '', stderr: 'oaskit validator: unknown option --nope; see `oaskit validator --help`\n' });
  });

  it('check: the exit codes of a clean spec and of a missing one', () => {
    expect(oaskit(['check', join(root, 'test/lsp/fixtures/petstore/openapi.yaml')])).toMatchObject({ status: 0, stdout: 'no problems found\n', stderr: '' });
    const missing = oaskit(['check', join(work, 'missing.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toMatch(/missing\.yaml:1:1 - error file-unreadable: cannot read spec: no such file/);
  });
});

describe('progress', () => {
  it('one line per stage on a terminal; none with --quiet; none when stderr is not a terminal', { timeout: 300_000 }, () => {
    const spec = join(work, 'pets.yaml');
    copyFileSync(join(fixtures, 'pets.yaml'), spec);
    const shown = inTerminal(['generate', '--spec', spec, '-o', join(work, 'progress')], work);
    expect(shown.status, shown.output).toBe(0);
    const stages = shown.output.split('\n').filter((l) => l.startsWith('oaskit generate ['));
    expect(stages.map((l) => l.replace(/^oaskit generate \[ *[\d.]+ s\] /, ''))).toEqual([
      'loading the generator',
      'pets: checking and modelling pets.yaml',
      'pets: emitting validators',
      'pets: emitting client',
      'pets: emitting types',
      'pets: emitting package',
      'pets: emitting readme',
      'pets: writing progress/',
    ]);
    expect(shown.output).toContain('generated progress/ (');

    const quiet = inTerminal(['generate', '--quiet', '--spec', spec, '-o', join(work, 'progress')], work);
    expect(quiet.status, quiet.output).toBe(0);
    expect(quiet.output).not.toContain('oaskit generate [');
    expect(quiet.output).toContain('generated progress/ (');

    const piped = oaskit(['generate', '--spec', spec, '-o', join(work, 'progress')], work);
    expect(piped).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('generate --watch', () => {
  it('regenerates on save, says what changed, prints errors and keeps watching, stops on SIGTERM', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(work, 'watch-'));
    const spec = join(dir, 'api.yaml');
    const good = readFileSync(join(fixtures, 'pets.yaml'), 'utf8');
    writeFileSync(spec, good);
    const run = runOaskit(['generate', '--watch', '--spec', spec, '-o', join(dir, 'out')], { cwd: dir });
    runs.push(run);
    await run.waitFor(/watching \. for changes/, 240_000, 'stderr');
    await run.waitFor(/^generated: \d+ files changed: /m, 1000);
    const before = readFileSync(join(dir, 'out', 'client.ts'), 'utf8');

    // a save that changes the API's title
    const retitled = good.replace(/^(  title: ).*$/m, '$1Pets Renamed');
    expect(retitled).not.toBe(good);
    writeFileSync(spec, retitled);
    await run.waitFor(/^api\.yaml changed: \d+ files? changed: .*out\/client\.ts/m, 240_000);
    expect(readFileSync(join(dir, 'out', 'client.ts'), 'utf8')).not.toBe(before);
    expect(readFileSync(join(dir, 'out', 'client.ts'), 'utf8')).toContain('Pets Renamed');

    // a broken save: the error with its position, the output left alone, still watching
    writeFileSync(spec, retitled + 'paths: [\n');
    await run.waitFor(/api\.yaml changed: errors above; no generated file changed/, 240_000);
    expect(run.stderr()).toMatch(/api\.yaml:\d+:\d+ - error yaml-syntax: /);
    expect(run.stderr()).toContain('out/ left as it was');

    // fixed again: regenerated from the good text (nothing differs from the last good output)
    writeFileSync(spec, good);
    await run.waitFor(/errors above; no generated file changed[^]*\napi\.yaml changed: \d+ files? changed: /, 240_000);
    expect(readFileSync(join(dir, 'out', 'client.ts'), 'utf8')).toBe(before);

    run.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
