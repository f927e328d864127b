// `oaskit mock [spec...] [--port N] [--host H] [--dynamic] [--verbose]`: a Prism mock per spec
// (default: every spec in spec/), one port each from --port (4010) up. Prints one
// `mock <name>: <url>` line per spec once all answer; runs until SIGINT/SIGTERM, then stops every
// Prism (process group and all). Exit 0 after a clean stop, 1 when a spec cannot be served or a
// Prism dies, 2 on bad usage.
import { relative, resolve } from 'node:path';
import { DEFAULT_MOCK_PORT, MocksStartError, startMocks, stopMocks } from '../../mock/mocks.ts';
import { modelsToServe } from '../../pipeline/pipeline.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';
import { specFiles } from './check.ts';

export const command: Command = async (argv) => {
  const { values, positionals } = parseOptions(argv, {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    dynamic: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  });
  const specs = positionals.length ? positionals.map((p) => resolve(p)) : specFiles(process.cwd());
  if (specs.length === 0) throw new UsageError('no spec given and no spec/*.yaml in this folder');
  const port = parsePort(values.port, DEFAULT_MOCK_PORT, specs.length);
  const show = (spec: string) => relative(process.cwd(), spec) || spec;

  // a spec with errors is never served: its diagnostics are printed instead
  const models = await modelsToServe(specs, (report) => process.stderr.write(report));
  if (!models) return 1;
  const signals = waitForSignal();
  let mocks;
  try {
    mocks = await startMocks(models, {
      port,
      host: values.host,
      dynamic: values.dynamic,
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

export function parsePort(value: string | undefined, fallback: number, count = 1): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port + count - 1 > 65535) {
    throw new UsageError(`--port must be a port number${count > 1 ? ` with room for ${count} consecutive ports` : ''}, not ${JSON.stringify(value)}`);
  }
  return port;
}

/** SIGINT/SIGTERM, caught from the start so a signal during startup still stops cleanly. */
export function waitForSignal(): { promise: Promise<NodeJS.Signals>; received: () => boolean; dispose: () => void } {
  let got: NodeJS.Signals | undefined;
  let resolveSignal!: (s: NodeJS.Signals) => void;
  const promise = new Promise<NodeJS.Signals>((r) => (resolveSignal = r));
  const handler = (signal: NodeJS.Signals) => {
    got ??= signal;
    resolveSignal(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    promise,
    received: () => got !== undefined,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
