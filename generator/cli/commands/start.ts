// `oaskit start [--port N] [--docs-port N] [--no-serve] [--quiet]` (npm start): the main job.
// Check every spec, generate clients, validators and docs, then serve a Prism mock per spec and
// the reference site, print where, and run until Ctrl-C / SIGTERM, which stops everything it
// started. Default ports are 4010+ for the mocks and 4080 for the docs; a taken default port is
// replaced by a free one, so a second run still starts (ports given explicitly must be free).
import { join } from 'node:path';
import { serveDocs } from '../../emit/docs/serve.ts';
import { MocksStartError, startMocks, stopMocks } from '../../mock/mocks.ts';
import { freePort, freePortRange, isFree } from '../../mock/ports.ts';
import { parseCommand, parsePort, UsageError, type Command } from '../command.ts';
import { DEFAULT_DOCS_PORT, DEFAULT_MOCK_PORT, definitions } from '../definitions.ts';
import { specFiles } from '../project.ts';
import { waitForSignal } from '../signals.ts';
import { command as check } from './check.ts';
import { command as generate } from './generate.ts';

export const command: Command = async (argv) => {
  const { values } = parseCommand(definitions.start, argv);
  const say = (line: string) => process.stdout.write(line + '\n');
  const specs = specFiles(process.cwd());
  if (specs.length === 0) throw new UsageError('no spec/*.yaml in this folder');
  const givenMockPort = values.port === undefined ? undefined : parsePort(values.port, DEFAULT_MOCK_PORT, specs.length);
  const givenDocsPort = values['docs-port'] === undefined ? undefined : parsePort(values['docs-port'], DEFAULT_DOCS_PORT);

  say('== oaskit check');
  const checked = await check([]);
  if (checked !== 0) {
    process.stderr.write('oaskit start: the specs have errors (above); fix them first\n');
    return checked;
  }
  say('\n== oaskit generate');
  const generated = await generate(values.quiet ? ['--quiet'] : []);
  if (generated !== 0) return generated;
  if (values['no-serve']) return 0;

  say('\n== serving');
  const mockPort = givenMockPort ?? ((await rangeFree(DEFAULT_MOCK_PORT, specs.length)) ? DEFAULT_MOCK_PORT : await freePortRange(specs.length));
  const { modelsToServe } = await import('../../pipeline/model-of.ts');
  const models = await modelsToServe(specs, (report) => process.stderr.write(report));
  if (!models) return 1;
  const signals = waitForSignal();
  let mocks;
  try {
    mocks = await startMocks(models, { port: mockPort });
  } catch (error) {
    signals.dispose();
    if (!(error instanceof MocksStartError)) throw error;
    for (const f of error.failures) process.stderr.write(`oaskit start: Prism cannot serve ${f.spec}: ${f.detail}\n`);
    return 1;
  }
  let docs;
  try {
    docs = await serveDocs(join(process.cwd(), 'generated', 'docs'), givenDocsPort ?? ((await isFree(DEFAULT_DOCS_PORT)) ? DEFAULT_DOCS_PORT : await freePort()));
  } catch (error) {
    await stopMocks(mocks);
    signals.dispose();
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    process.stderr.write(`oaskit start: port ${givenDocsPort} is in use; give another with --docs-port N\n`);
    return 1;
  }
  const width = Math.max(...mocks.map((m) => m.name.length)) + 7;
  for (const m of mocks) say(`${`mock ${m.name}:`.padEnd(width)}${m.server.url}`);
  say(`${'docs:'.padEnd(width)}${docs.url}`);
  say('Ctrl-C stops them.');

  const died = Promise.race(mocks.map((m) => m.server.exited.then((code) => ({ m, code }))));
  const outcome = await Promise.race([signals.promise.then(() => undefined), died]);
  await Promise.all([stopMocks(mocks), docs.close()]);
  signals.dispose();
  if (outcome) {
    process.stderr.write(`oaskit start: the mock for ${outcome.m.name} exited (${outcome.code}); stopped everything\n`);
    return 1;
  }
  say('stopped');
  return 0;
};

async function rangeFree(first: number, count: number): Promise<boolean> {
  for (let i = 0; i < count; i++) if (!(await isFree(first + i))) return false;
  return true;
}
