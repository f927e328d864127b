// `oaskit mock`: the real command, real Prism processes, real signals.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePortRange } from '../../generator/mock/ports.ts';
import { runCli } from '../support/cli.ts';
import { eventually, fetchJson, fixtures, prismPidsOnPort, runOaskit, type Run } from './helpers.ts';

describe('oaskit mock', () => {
  // a project folder of its own: spec/alpha.yaml and spec/beta.yaml
  let project: string;
  const runs: Run[] = [];

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'oaskit-mock-test-'));
    mkdirSync(join(project, 'spec'));
    copyFileSync(join(fixtures, 'pets.yaml'), join(project, 'spec', 'alpha.yaml'));
    copyFileSync(join(fixtures, 'with-dialect.yaml'), join(project, 'spec', 'beta.yaml'));
  });

  afterAll(async () => {
    for (const r of runs) r.kill('SIGKILL');
    rmSync(project, { recursive: true, force: true });
  });

  it('serves every spec of spec/ on consecutive ports from --port, and stops them all on SIGTERM', async () => {
    const port = await freePortRange(2);
    const run = runOaskit(['mock', '--port', String(port)], { cwd: project });
    runs.push(run);
    await run.waitFor(/mock beta: (\S+)\n/);
    expect(run.stdout()).toBe(`mock alpha: http://127.0.0.1:${port}\nmock beta: http://127.0.0.1:${port + 1}\n`);

    expect((await fetchJson(`http://127.0.0.1:${port}/pets/1`)).body).toEqual({ id: 1, name: 'Rex' });
    expect((await fetchJson(`http://127.0.0.1:${port + 1}/status`)).body).toEqual({ ok: true });
    expect(prismPidsOnPort(port)).toHaveLength(1);
    expect(prismPidsOnPort(port + 1)).toHaveLength(1);

    run.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain('oaskit mock: stopped');
    expect(prismPidsOnPort(port)).toEqual([]);
    expect(prismPidsOnPort(port + 1)).toEqual([]);
  }, 180_000);

  it('Ctrl-C (SIGINT) stops them too', async () => {
    const port = await freePortRange(1);
    const run = runOaskit(['mock', '--port', String(port), join(fixtures, 'pets.yaml')]);
    runs.push(run);
    await run.waitFor(/mock pets: http:\/\/127\.0\.0\.1:(\d+)\n/);
    expect(prismPidsOnPort(port)).toHaveLength(1);
    run.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(prismPidsOnPort(port)).toEqual([]);
  }, 180_000);

  it('a spec Prism cannot load: a clear error naming it, exit 1, the other Prism shut down', async () => {
    const port = await freePortRange(2);
    const run = runOaskit(['mock', '--port', String(port), join(fixtures, 'pets.yaml'), join(fixtures, 'no-operations.yaml')]);
    runs.push(run);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/^oaskit mock: test\/mock\/fixtures\/no-operations\.yaml: Prism cannot serve it: No operations found in the current file\.$/m);
    expect(run.stdout()).toBe('');
    expect(prismPidsOnPort(port)).toEqual([]);
    expect(prismPidsOnPort(port + 1)).toEqual([]);
  }, 180_000);

  it('a Prism that dies while serving stops the rest, exit 1', async () => {
    const port = await freePortRange(2);
    const run = runOaskit(['mock', '--port', String(port), join(fixtures, 'pets.yaml'), join(fixtures, 'with-dialect.yaml')]);
    runs.push(run);
    await run.waitFor(/mock with-dialect: /);
    const [victim] = prismPidsOnPort(port + 1);
    process.kill(victim!, 'SIGKILL');
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/the Prism for test\/mock\/fixtures\/with-dialect\.yaml exited \(SIGKILL\)/);
    await eventually(() => prismPidsOnPort(port).length === 0, 10_000, 'the other Prism to stop');
  }, 180_000);

  it('bad usage exits 2', async () => {
    const noSpecs = mkdtempSync(join(tmpdir(), 'oaskit-mock-empty-'));
    try {
      // usage is checked before anything starts: in this process (test/support/cli.ts)
      const run = await runCli(['mock'], { cwd: noSpecs });
      expect(run.code).toBe(2);
      expect(run.err).toContain('no spec given');
      const badPort = await runCli(['mock', '--port', 'eighty', join(fixtures, 'pets.yaml')]);
      expect(badPort.code).toBe(2);
      expect(badPort.err).toContain('--port must be a port number');
    } finally {
      rmSync(noSpecs, { recursive: true, force: true });
    }
  }, 60_000);
});
