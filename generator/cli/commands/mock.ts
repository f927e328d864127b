// `oaskit mock [--spec FILE...] [--port N] [--host H] [--dynamic] [--verbose]`: a Prism mock per spec
// (given with --spec or as arguments; default: every spec in spec/), one port each from --port
// (4010) up. Prints one
// `mock <name>: <url>` line per spec once all answer; runs until SIGINT/SIGTERM, then stops every
// Prism (process group and all). Exit 0 after a clean stop, 1 when a spec cannot be served or a
// Prism dies, 2 on bad usage.
import { relative } from 'node:path';
import { MocksStartError, startMocks, stopMocks } from '../../mock/mocks.ts';
import { parseCommand, parsePort, type Command } from '../command.ts';
import { DEFAULT_MOCK_PORT, definitions } from '../definitions.ts';
import { specsToUse } from '../project.ts';
import { waitForSignal } from '../signals.ts';

/** Prism follows every `$ref`, even in data: those are left out of what it serves (mock/prism-document.ts). */
export function dataRefsNote(spec: string, count: number): string {
  return `oaskit mock: ${spec}: ${count} \`$ref\` member${count === 1 ? '' : 's'} inside examples, defaults, enums or extensions left out of what Prism serves (Prism would follow ${count === 1 ? 'it' : 'them'} out of the spec)\n`;
}

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommand(definitions.mock, argv);
  const { specs } = specsToUse([...positionals, ...(values.spec ?? [])]);
  const port = parsePort(values.port, DEFAULT_MOCK_PORT, specs.length);
  const show = (spec: string) => relative(process.cwd(), spec) || spec;

  // a spec with errors is never served: its diagnostics are printed instead
  const { modelsToServe } = await import('../../pipeline/model-of.ts');
  const models = await modelsToServe(specs, (report) => process.stderr.write(report));
  if (!models) return 1;
  const signals = waitForSignal();
  let mocks;
  try {
    mocks = await startMocks(models, {
      port,
      host: values.host ?? '127.0.0.1',
      dynamic: values.dynamic ?? false,
      onLog: values.verbose ? (name, line) => process.stderr.write(`[${name}] ${line}\n`) : undefined,
    });
  } catch (error) {
    signals.dispose();
    if (!(error instanceof MocksStartError)) throw error;
    for (const f of error.failures) process.stderr.write(`oaskit mock: ${show(f.spec)}: Prism cannot serve it: ${f.detail}\n`);
    return 1;
  }
  if (signals.received()) {
    await stopMocks(mocks);
    signals.dispose();
    return 0;
  }
  for (const m of mocks) process.stdout.write(`mock ${m.name}: ${m.server.url}\n`);
  for (const m of mocks) if (m.server.dataRefs) process.stderr.write(dataRefsNote(show(m.server.spec), m.server.dataRefs));
  process.stderr.write(`oaskit mock: ${mocks.length} mock${mocks.length === 1 ? '' : 's'} running; Ctrl-C stops ${mocks.length === 1 ? 'it' : 'them'}\n`);

  const died = Promise.race(mocks.map((m) => m.server.exited.then((code) => ({ m, code }))));
  const outcome = await Promise.race([signals.promise.then(() => undefined), died]);
  await stopMocks(mocks);
  signals.dispose();
  if (outcome) {
    const last = outcome.m.server.output().slice(-3).join(' | ');
    process.stderr.write(`oaskit mock: the Prism for ${show(outcome.m.server.spec)} exited (${outcome.code})${last ? `: ${last}` : ''}; stopped the others\n`);
    return 1;
  }
  process.stderr.write('oaskit mock: stopped\n');
  return 0;
};
