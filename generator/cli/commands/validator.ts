// `oaskit validator SCHEMA.json -o OUT.ts`: a bare JSON Schema (2020-12) document into a module
// exporting validate(value) and isValid(value): value is T (T from schema-type.ts). Given a folder
// of *.json schemas and an output folder, compiles every schema (one module per schema, same base
// name) in this one process. The header of each module says the dialect it was read as; a schema
// that declares another dialect is read as 2020-12 too, with a note on stderr.
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
import { basename, dirname, join, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LineCounter, parseDocument } from 'yaml';
import { parseCommand, UsageError, type Command } from '../command.ts';
import { definitions } from '../definitions.ts';
import { progress } from '../progress.ts';
import { schemaType } from '../schema-type.ts';
import { compileSchemaFile, ValidatorCompileError } from '../../validators/index.ts';
import { unescapeSegment } from '../../core/pointer.ts';
import { parseSource } from '../../load/source-file.ts';

const usage = 'usage: oaskit validator SCHEMA.json -o OUT.ts | oaskit validator SCHEMA_DIR -o OUT_DIR';
const dialect2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;

/** How the schema's dialect was decided, for the module header; `note` when it deserves a line on stderr. */
export function dialectOf(schema: unknown): { header: string; note?: string } {
  const declared = typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? (schema as { $schema?: unknown }).$schema : undefined;
  if (declared === undefined) return { header: 'JSON Schema 2020-12 (assumed: the schema has no $schema)' };
  if (typeof declared === 'string' && dialect2020.test(declared)) return { header: 'JSON Schema 2020-12 (its $schema)' };
  const named = JSON.stringify(declared);
  return {
    header: `JSON Schema 2020-12, although its $schema is ${named}`,
    note: `its $schema is ${named}; read as JSON Schema 2020-12, the dialect oaskit compiles (keywords whose meaning changed, such as an array \`items\` or \`dependencies\`, are read the 2020-12 way)`,
  };
}

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
  // the loader's limits (size, nesting, values): a schema past them is refused before anything walks it
  const source = parseSource(file.endsWith('.json') ? file : file + '.json', text);
  const limit = source.syntaxErrors.find((d) => d.code.startsWith('limit-'));
  if (limit) throw new UsageError(`${file}:${lineColumn(text, limit.offsets?.start ?? 0)}: ${limit.message}`);
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
async function compileFile(file: string): Promise<{ source: string; note?: string }> {
  const { text, schema } = readSchema(file);
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) {
    throw new UsageError(`${file}:1:1: a schema must be a JSON object or a boolean`);
  }
  const dialect = dialectOf(schema);
  const header = `Generated by oaskit validator from ${basename(file)}. Do not edit.\nDialect: ${dialect.header}.`;
  try {
    return { source: await compileSchemaFile(schema, { type: schemaType(schema), header }), note: dialect.note && `${file}: ${dialect.note}` };
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

/** Compiles and writes one schema; returns the one-line error or dialect note, if any. */
async function compileInto(job: Job): Promise<{ error?: string; note?: string }> {
  try {
    const { source, note } = await compileFile(job.file);
    try {
      writeFileSync(job.out, source);
    } catch (error) {
      throw new UsageError(`cannot write ${job.out}: ${(error as Error).message}`);
    }
    return { note };
  } catch (error) {
    if (error instanceof UsageError) return { error: error.message };
    throw error;
  }
}

const WORKER_FLAG = 'oaskit-validator-worker';
// Workers load this module: compiled JavaScript as it is; the TypeScript source (in tests) through tsx.
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
(workerData.module.endsWith('.ts') ? import('tsx/esm/api').then(({ register }) => register()) : Promise.resolve()).then(() => import(workerData.module));`;

type Outcome = { error?: string; note?: string };

/** Runs the jobs on up to `threads` workers; outcomes come back in job order. */
async function runParallel(jobs: Job[], threads: number): Promise<Outcome[]> {
  const results: Outcome[] = new Array(jobs.length);
  const slices = Array.from({ length: threads }, (_, t) => jobs.map((job, i) => ({ job, i })).filter(({ i }) => i % threads === t));
  await Promise.all(
    slices.map(
      (slice) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(BOOTSTRAP, {
            eval: true,
            workerData: { flag: WORKER_FLAG, module: import.meta.url, jobs: slice.map(({ job }) => job) },
          });
          worker.on('message', (message: { index: number; outcome?: Outcome; internal?: string }) => {
            if (message.internal) reject(new Error(message.internal));
            else results[slice[message.index]!.i] = message.outcome!;
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
      parentPort!.postMessage({ index, outcome: await compileInto(jobs[index]!) });
    } catch (error) {
      parentPort!.postMessage({ index, internal: (error as Error).message });
      break;
    }
  }
}

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommand(definitions.validator, argv);
  if (!values.out) throw new UsageError(`-o/--out is required; ${usage}`);
  const [input] = positionals as [string];
  const out = resolve(values.out);
  const say = progress('validator', { quiet: values.quiet });

  if (!isDirectory(input)) {
    mkdirOf(dirname(out));
    const { error, note } = await compileInto({ file: input, out });
    if (error) throw new UsageError(error);
    if (note) process.stderr.write(`oaskit validator: ${note}\n`);
    return 0;
  }

  let names: string[];
  try {
    names = readdirSync(input).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  mkdirOf(out);
  const jobs = names.map((name) => ({ file: join(input, name), out: join(out, `${basename(name, '.json')}.ts`) }));
  // A worker costs a start-up of a few seconds of CPU (loading the toolkit, and learning prettier's
  // layouts again: format.ts), while a schema takes a few milliseconds; below a few thousand
  // schemas per worker one thread is faster.
  const threads = Math.min(availableParallelism(), Math.floor(jobs.length / 2500));
  const outcomes: Outcome[] = [];
  say(`compiling ${jobs.length} schemas${threads > 1 ? ` on ${threads} threads` : ''}`);
  if (threads > 1) {
    outcomes.push(...(await runParallel(jobs, threads)));
  } else {
    for (const [i, job] of jobs.entries()) {
      if (i > 0 && i % 500 === 0) say(`${i} of ${jobs.length} compiled`);
      outcomes.push(await compileInto(job));
    }
  }
  for (const { error } of outcomes) if (error) process.stderr.write(`oaskit validator: ${error}\n`);
  const noted = outcomes.filter((o) => o.note);
  if (noted.length === 1) process.stderr.write(`oaskit validator: ${noted[0]!.note}\n`);
  if (noted.length > 1) process.stderr.write(`oaskit validator: ${noted.length} schemas declare a $schema other than 2020-12 (the first: ${noted[0]!.note}); each was read as JSON Schema 2020-12\n`);
  const failures = outcomes.filter((o) => o.error).length;
  process.stdout.write(`oaskit validator: ${jobs.length - failures} of ${jobs.length} schemas compiled into ${values.out}\n`);
  return failures ? 2 : 0;
};

function mkdirOf(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create ${dir}: ${(error as Error).message}`);
  }
}
