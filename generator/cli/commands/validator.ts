// `oaskit validator SCHEMA.json -o OUT.ts`: a bare JSON Schema (2020-12) document into a module
// exporting validate(value) and isValid(value). Given a folder of *.json schemas and an output
// folder, compiles every schema (one module per schema, same base name) in this one process.
//
// Bad input (an unreadable file, invalid JSON, a schema the compiler cannot compile) is reported
// in one line with its position (`file:line:col: ...`) and gives exit code 2; in folder mode
// every bad file is reported and the good ones are still written.
//
// Folder mode compiles the files one after another in this process (what prettier makes of the
// generated code's shapes is learnt once and reused: format.ts), spread over worker threads only
// for very many files; this same module is the workers' code.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LineCounter, parseDocument } from 'yaml';
import { parseOptions, UsageError, type Command } from '../command.ts';
import { compileSchemaFile, ValidatorCompileError } from '../../validators/index.ts';
import { unescapeSegment } from '../../core/pointer.ts';

const usage = 'usage: oaskit validator SCHEMA.json -o OUT.ts | oaskit validator SCHEMA_DIR -o OUT_DIR';

/** line:col (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return `${line}:${before.length - before.lastIndexOf('\n')}`;
}

/** The JSON of a schema file, or a one-line error with the file's position. */
function readSchema(file: string): { text: string; schema: unknown } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return { text, schema: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message.replace(/\s*in JSON at position \d+.*$/s, '');
    const position = /at position (\d+)/.exec((error as Error).message);
    const offset = position ? Number(position[1]) : text.length;
    throw new UsageError(`${file}:${lineColumn(text, offset)}: invalid JSON: ${message}`);
  }
}

/** Where a `#/a/b` pointer is in the JSON text (the YAML parser reads JSON with positions). */
function pointerPosition(text: string, pointer: string): string | undefined {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter });
  const segments = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const decoded = unescapeSegment(decodeURIComponent(segment));
      return /^(0|[1-9][0-9]*)$/.test(decoded) ? Number(decoded) : decoded;
    });
  for (let length = segments.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(segments.slice(0, length), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const { line, col } = counter.linePos(range[0]);
      return `${line}:${col}`;
    }
  }
  return undefined;
}

/** Compiles one schema file into source text, or throws a one-line UsageError. */
async function compileFile(file: string): Promise<string> {
  const { text, schema } = readSchema(file);
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) {
    throw new UsageError(`${file}:1:1: a schema must be a JSON object or a boolean`);
  }
  try {
    return await compileSchemaFile(schema);
  } catch (error) {
    if (error instanceof ValidatorCompileError) {
      const position = pointerPosition(text, error.at);
      throw new UsageError(`${file}${position ? `:${position}` : ''}: ${error.message}`);
    }
    throw error;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

interface Job {
  file: string;
  out: string;
}

/** Compiles and writes one schema; returns the one-line error, if any. */
async function compileInto(job: Job): Promise<string | undefined> {
  try {
    const source = await compileFile(job.file);
    try {
      writeFileSync(job.out, source);
    } catch (error) {
      throw new UsageError(`cannot write ${job.out}: ${(error as Error).message}`);
    }
    return undefined;
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
}

const WORKER_FLAG = 'oaskit-validator-worker';
// Workers start in plain JavaScript: register tsx, then load this module.
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.module); });`;

/** Runs the jobs on up to `threads` workers; errors come back in job order. */
async function runParallel(jobs: Job[], threads: number): Promise<(string | undefined)[]> {
  const results: (string | undefined)[] = new Array(jobs.length);
  const slices = Array.from({ length: threads }, (_, t) => jobs.map((job, i) => ({ job, i })).filter(({ i }) => i % threads === t));
  await Promise.all(
    slices.map(
      (slice) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(BOOTSTRAP, {
            eval: true,
            workerData: { flag: WORKER_FLAG, tsx: import.meta.resolve('tsx/esm/api'), module: import.meta.url, jobs: slice.map(({ job }) => job) },
          });
          worker.on('message', (message: { index: number; error?: string; internal?: string }) => {
            if (message.internal) reject(new Error(message.internal));
            else results[slice[message.index]!.i] = message.error;
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a compile worker stopped with code ${code}`))));
        }),
    ),
  );
  return results;
}

if (!isMainThread && (workerData as { flag?: string } | null)?.flag === WORKER_FLAG) {
  const { jobs } = workerData as { jobs: Job[] };
  for (let index = 0; index < jobs.length; index++) {
    try {
      parentPort!.postMessage({ index, error: await compileInto(jobs[index]!) });
    } catch (error) {
      parentPort!.postMessage({ index, internal: (error as Error).message });
      break;
    }
  }
}

export const command: Command = async (argv) => {
  const { values, positionals } = parseOptions(argv, { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length !== 1 || !values.out) throw new UsageError(usage);
  const [input] = positionals as [string];
  const out = values.out;

  if (!isDirectory(input)) {
    const error = await compileInto({ file: input, out });
    if (error) throw new UsageError(error);
    return 0;
  }

  let names: string[];
  try {
    names = readdirSync(input).filter((name) => name.endsWith('.json')).sort();
    mkdirSync(out, { recursive: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const jobs = names.map((name) => ({ file: join(input, name), out: join(out, `${basename(name, '.json')}.ts`) }));
  // A worker costs a start-up of a few seconds of CPU (loading the toolkit, and learning prettier's
  // layouts again: format.ts), while a schema takes a few milliseconds; below a few thousand
  // schemas per worker one thread is faster.
  const threads = Math.min(availableParallelism(), Math.floor(jobs.length / 2500));
  const errors: (string | undefined)[] = [];
  if (threads > 1) {
    errors.push(...(await runParallel(jobs, threads)));
  } else {
    for (const job of jobs) errors.push(await compileInto(job));
  }
  for (const error of errors) if (error) process.stderr.write(`oaskit validator: ${error}\n`);
  const failures = errors.filter(Boolean).length;
  process.stdout.write(`oaskit validator: ${jobs.length - failures} of ${jobs.length} schemas compiled into ${out}\n`);
  return failures ? 2 : 0;
};
