// One Prism process (mock server or validation proxy) for one spec: started in its own process
// group, ready when it answers HTTP, stopped by killing the whole group. Used by `oaskit mock`,
// `oaskit proxy`, `npm start` and the conformance suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { ApiModel } from '../model/types.ts';
import { writePrismDocument } from './prism-document.ts';

export type PrismMode = 'mock' | 'proxy';

export interface PrismOptions {
  /** the spec to serve, as modelled (a spec with errors has no model: it is never served) */
  model: ApiModel;
  port: number;
  /** interface to listen on (default 127.0.0.1) */
  host?: string;
  mode: PrismMode;
  /** proxy mode: the server Prism forwards to */
  upstream?: string;
  /**
   * Prism's `--errors`: a violation marked as an error becomes an error response instead of a
   * warning in the log. Default: true for the mock (an example that breaks its own schema is an
   * error, as in `oaskit check`), false for the proxy (the upstream's answer is passed through
   * and the violations reported).
   */
  errors?: boolean;
  /** mock mode: generate responses from schemas instead of serving the examples */
  dynamic?: boolean;
  /** how long to wait for Prism to answer (default 90 s: a 2-core machine loading a big spec) */
  startTimeoutMs?: number;
  /** every line Prism writes (ANSI colours stripped) */
  onLog?: (line: string) => void;
}

export interface PrismServer {
  /** http://host:port */
  readonly url: string;
  readonly port: number;
  /** the spec as given */
  readonly spec: string;
  /** `$ref` members of examples, defaults, enums or extensions left out of what Prism serves (it would follow them) */
  readonly dataRefs: number;
  /** the Prism process id (also its process group id) */
  readonly pid: number;
  /** resolves with the exit code (or signal name) when the process has ended */
  readonly exited: Promise<number | string>;
  /** the last lines Prism wrote */
  output(): string[];
  /** kill the process group and wait until it is gone; safe to call twice */
  stop(): Promise<void>;
}

/** Prism could not start: the spec is named, `detail` is what Prism said. */
export class PrismStartError extends Error {
  constructor(
    readonly spec: string,
    readonly detail: string,
  ) {
    super(`Prism cannot serve ${spec}: ${detail}`);
  }
}

/** The file that runs Prism's CLI (its package's `bin`), run with this Node. */
export function prismEntry(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@stoplight/prism-cli/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.prism;
  if (!bin) throw new Error('@stoplight/prism-cli has no `prism` bin');
  return join(dirname(pkgPath), bin);
}

/** Prism's CLI arguments for a document Prism can load. */
export function prismArgs(options: PrismOptions, document: string): string[] {
  const host = options.host ?? '127.0.0.1';
  const errors = options.errors ?? options.mode === 'mock';
  const args: string[] = [options.mode, document];
  if (options.mode === 'proxy') {
    if (!options.upstream) throw new Error('proxy mode needs an upstream URL');
    args.push(options.upstream);
  }
  args.push('--port', String(options.port), '--host', host, '--no-multiprocess', errors ? '--errors' : '--no-errors');
  if (options.mode === 'mock' && options.dynamic) args.push('--dynamic');
  return args;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** If this process ends without stopping its Prisms (an exception, process.exit), take them down. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) killGroup(child, 'SIGKILL');
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already empty
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const ansi = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const host = options.host ?? '127.0.0.1';
  const spec = options.model.source;
  const doc = writePrismDocument(options.model);
  const args = prismArgs(options, doc.path);
  const child = spawn(process.execPath, [prismEntry(), ...args], {
    cwd: dirname(doc.path),
    detached: true, // its own process group: stop() kills Prism and anything it forked
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', NODE_ENV: 'development' },
  });
  live.add(child);
  installExitHook();

  const lines: string[] = [];
  const onText = (chunk: Buffer) => {
    for (let line of chunk.toString('utf8').split(/\r?\n/)) {
      line = line.replace(ansi, '').trimEnd();
      if (!line) continue;
      line = line.split(doc.path).join(spec);
      lines.push(line);
      if (lines.length > 400) lines.splice(0, lines.length - 400);
      options.onLog?.(line);
    }
  };
  child.stdout!.on('data', onText);
  child.stderr!.on('data', onText);

  const exited = new Promise<number | string>((resolveExit) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      doc.cleanup();
      resolveExit(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      live.delete(child);
      doc.cleanup();
      lines.push(error.message);
      resolveExit('spawn-error');
    });
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const pid = child.pid;
      if (pid === undefined) return;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      // Prism itself is gone; make sure nothing it started outlives it
      for (let i = 0; i < 50 && groupAlive(pid); i++) {
        killGroup(child, i === 0 ? 'SIGTERM' : 'SIGKILL');
        await sleep(100);
      }
    })());

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${options.port}`;
  const server: PrismServer = { url, port: options.port, spec, dataRefs: doc.dataRefs, pid: child.pid ?? -1, exited, output: () => [...lines], stop };

  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  for (;;) {
    if (hasExited) throw new PrismStartError(spec, failureDetail(lines, await exited, options.port));
    // Prism logs this line once listen() succeeded; the connect proves the port is reachable.
    // (No HTTP request: in proxy mode it would be forwarded to the upstream.)
    if (lines.some((l) => /Prism is listening on/.test(l)) && (await connects(host, options.port))) return server;
    if (Date.now() > deadline) {
      await stop();
      throw new PrismStartError(spec, `no answer on ${url} after ${Math.round((options.startTimeoutMs ?? 90_000) / 1000)} s${lines.length ? ` (last output: ${lines.at(-1)})` : ''}`);
    }
    await sleep(150);
  }
}

/** The useful part of what a failed Prism said: its fatal message, else an error line, else the last lines. */
function failureDetail(lines: string[], exit: number | string, port: number): string {
  if (lines.some((l) => /EADDRINUSE/.test(l))) return `port ${port} is already in use`;
  for (const line of lines) {
    const fatal = /\bfatal\s+(.*\S)/.exec(line);
    if (fatal) return fatal[1]!;
  }
  for (const line of lines) {
    const error = /^\s*(?:[A-Z]\w*Error: |message: ')(.*)$/.exec(line);
    if (error) return error[1]!.replace(/'\s*\+?,?$/, '').trim();
  }
  return `Prism exited (${exit})${lines.length ? `: ${lines.slice(-3).join(' | ')}` : ' without output'}`;
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolveConnect) => {
    const socket = connect({ host, port });
    socket.setTimeout(1000, () => socket.destroy());
    socket.once('connect', () => {
      socket.end();
      resolveConnect(true);
    });
    socket.once('error', () => resolveConnect(false));
    socket.once('close', () => resolveConnect(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
