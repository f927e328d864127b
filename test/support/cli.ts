// The oaskit command line in this process: `main(argv)` with its stdout and stderr captured, in a
// given working folder. For tests of what a command does; the tests of the process itself (start
// time, signals, the installed package) spawn bin/oaskit.js (test/cli/process.test.ts).
import { main } from '../../generator/cli/main.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs one command line; runs are serialised (they share the process's stdout and cwd). */
export function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  const run = queue.then(() => runNow(argv, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined> }): Promise<CliRun> {
  let out = '';
  let err = '';
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const capture = (append: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  const cwd = process.cwd();
  const env = Object.fromEntries(Object.keys(options.env ?? {}).map((k) => [k, process.env[k]]));
  try {
    for (const [k, v] of Object.entries(options.env ?? {})) setEnv(k, v);
    if (options.cwd) process.chdir(options.cwd);
    process.stdout.write = capture((t) => (out += t));
    process.stderr.write = capture((t) => (err += t));
    const code = await main(argv);
    return { code, out, err };
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    process.chdir(cwd);
    for (const [k, v] of Object.entries(env)) setEnv(k, v);
  }
}

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
