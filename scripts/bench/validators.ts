// Benchmark: oaskit's generated validator vs Ajv (compiled, ajv-formats) vs TypeBox's compiled
// checker, on an Appboy `POST /users/track` body with 50 attributes, 50 events and 50 purchases.
//
//   npx tsx scripts/bench/validators.ts [--rounds N] [--ms MS] [--standalone]
//   (defaults: 9 rounds of 100 ms; --standalone uses the stand-in schema even when the spec has one)
//   npx tsx scripts/bench/validators.ts --scale
//   (instead: how compiling scales; GitHub's API description through the generate pipeline's
//   validators emitter, and `oaskit validator` over a folder of 1,000 schemas: time, CPU, memory,
//   size)
//
// Like is compared with like: oaskit `isX` vs Ajv (allErrors: false) vs TypeBox `Check`, and
// oaskit `validateX` (every error) vs Ajv (allErrors: true) vs TypeBox `Errors()` consumed to the
// end. Payloads: valid, one error early, one error late, many errors. Prints the median
// validations/second of several rounds, the ratios, and JSON.parse of the same body as a floor.
//
// The schema is the request body of /users/track in spec/appboy.yaml when that file defines it,
// otherwise the stand-in scripts/bench/appboy-users-track.schema.json. TypeBox cannot take a
// raw JSON Schema (Type.Unsafe is not checked by its compiler), so the same schema is rebuilt
// with TypeBox's builders (toTypeBox below); its formats use ajv-formats' functions, as Ajv does.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FormatRegistry, Type, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import ts from 'typescript';
import YAML from 'yaml';
import { emitValidatorModule, type Dialect } from '../../generator/validators/index.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const here = new URL('.', import.meta.url);
const repo = new URL('../../', import.meta.url);

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '9' }, ms: { type: 'string', default: '100' }, standalone: { type: 'boolean', default: false }, scale: { type: 'boolean', default: false } },
});
const ROUNDS = Number(args.rounds);
const ROUND_MS = Number(args.ms);

type Obj = Record<string, unknown>;

// --- the schema ---------------------------------------------------------------------------

interface Source {
  label: string;
  root: Obj;
  pointer: string;
  dialect: Dialect;
}

function loadSource(): Source {
  const spec = new URL('spec/appboy.yaml', repo);
  if (!args.standalone && existsSync(spec)) {
    const doc = YAML.parse(readFileSync(spec, 'utf8')) as Obj;
    const paths = (doc.paths ?? {}) as Obj;
    const key = Object.keys(paths).find((path) => path.replace(/\/$/, '').endsWith('/users/track'));
    const post = key ? ((paths[key] as Obj).post as Obj | undefined) : undefined;
    const body = post?.requestBody as Obj | undefined;
    const content = body?.content as Obj | undefined;
    if (key && content?.['application/json']) {
      const pointer = `#/paths/${key.replace(/~/g, '~0').replace(/\//g, '~1')}/post/requestBody/content/application~1json/schema`;
      const dialect: Dialect = String(doc.openapi).startsWith('3.0') ? 'openapi-3.0' : 'openapi-3.1';
      return { label: `spec/appboy.yaml ${key} request body`, root: doc, pointer, dialect };
    }
  }
  const schema = JSON.parse(readFileSync(new URL('appboy-users-track.schema.json', here), 'utf8')) as Obj;
  const why = args.standalone ? '--standalone' : 'spec/appboy.yaml has no /users/track body yet';
  return { label: `scripts/bench/appboy-users-track.schema.json (${why})`, root: schema, pointer: '#', dialect: '2020-12' };
}

function resolvePointer(root: Obj, pointer: string): unknown {
  let node: unknown = root;
  const path = pointer.replace(/^#\/?/, '');
  for (const raw of path === '' ? [] : path.split('/')) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Obj)[segment];
  }
  return node;
}

/** The schema with every $ref replaced by its target (the track body is not recursive). */
function inline(schema: unknown, root: Obj, depth = 0): unknown {
  if (depth > 50) throw new Error('recursive schema: cannot inline for TypeBox');
  if (Array.isArray(schema)) return schema.map((item) => inline(item, root, depth));
  if (typeof schema !== 'object' || schema === null) return schema;
  const object = schema as Obj;
  if (typeof object.$ref === 'string') {
    const { $ref, ...rest } = object;
    const target = inline(resolvePointer(root, $ref as string), root, depth + 1) as Obj;
    return Object.keys(rest).length ? { allOf: [target, inline(rest, root, depth)] } : target;
  }
  const result: Obj = {};
  for (const [key, value] of Object.entries(object)) {
    result[key] = key === 'enum' || key === 'const' || key === 'example' || key === 'examples' ? value : inline(value, root, depth);
  }
  return result;
}

/** The JSON Schema keywords the track body uses, as TypeBox types. A subschema without `type`
 * (an anyOf/oneOf/if branch) takes its parent's type, as the keywords in it only apply to values
 * of that type. TypeBox has no oneOf: it is checked as a Union (anyOf, which stops at the first
 * match and so does less work than oneOf); if/then/else becomes (if AND then) OR (NOT if AND else). */
function toTypeBox(schema: unknown, inherited?: string): TSchema {
  if (schema === true || (typeof schema === 'object' && schema !== null && Object.keys(schema).length === 0)) return Type.Unknown();
  const s = schema as Obj;
  const options: Obj = {};
  for (const key of ['minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties']) {
    if (s[key] !== undefined && !(key === 'format' && (s[key] === 'float' || s[key] === 'double'))) options[key] = s[key];
  }
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  if (types.length > 1) {
    const { type: _type, ...rest } = s;
    return Type.Union(types.map((type) => toTypeBox({ ...rest, type })));
  }
  const objectish = s.properties !== undefined || s.required !== undefined || s.additionalProperties !== undefined || s.propertyNames !== undefined;
  const type = types[0] ?? (objectish ? 'object' : Object.keys(options).length ? inherited : undefined);
  const parts: TSchema[] = [];
  if (Array.isArray(s.enum)) parts.push(Type.Union((s.enum as (string | number | boolean)[]).map((value) => Type.Literal(value))));
  else if (s.const !== undefined) parts.push(Type.Literal(s.const as string));
  else if (type) parts.push(base(s, type, options));
  const context = type ?? inherited;
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[keyword])) parts.push(Type.Union((s[keyword] as unknown[]).map((branch) => toTypeBox(branch, context))));
  }
  if (Array.isArray(s.allOf)) parts.push(...(s.allOf as unknown[]).map((branch) => toTypeBox(branch, context)));
  if (s.not !== undefined) parts.push(Type.Not(toTypeBox(s.not, context)));
  if (s.if !== undefined && (s.then !== undefined || s.else !== undefined)) {
    const condition = toTypeBox(s.if, context);
    const then = s.then === undefined ? Type.Unknown() : toTypeBox(s.then, context);
    const otherwise = s.else === undefined ? Type.Unknown() : toTypeBox(s.else, context);
    parts.push(Type.Union([Type.Intersect([condition, then]), Type.Intersect([Type.Not(condition), otherwise])]));
  }
  const result = parts.length === 0 ? Type.Unknown() : parts.length === 1 ? parts[0]! : Type.Intersect(parts);
  return s.nullable === true ? Type.Union([result, Type.Null()]) : result;
}

function base(s: Obj, type: string, options: Obj): TSchema {
  switch (type) {
    case 'string':
      return Type.String(options);
    case 'number':
      return Type.Number(options);
    case 'integer':
      return Type.Integer(options);
    case 'boolean':
      return Type.Boolean(options);
    case 'null':
      return Type.Null();
    case 'array':
      return Type.Array(s.items === undefined ? Type.Unknown() : toTypeBox(s.items), options);
    case 'object': {
      const properties = (s.properties ?? {}) as Obj;
      const required = new Set((s.required ?? []) as string[]);
      const additional = s.additionalProperties;
      if (Object.keys(properties).length === 0 && s.propertyNames) {
        // propertyNames {minLength, maxLength, pattern} as the key pattern of a Record.
        const names = s.propertyNames as Obj;
        const max = (names.maxLength as number | undefined) ?? 10_000;
        const first = typeof names.pattern === 'string' && names.pattern.startsWith('^') ? names.pattern.slice(1).replace(/\$$/, '') : '[\\s\\S]';
        const key = Type.String({ pattern: `^${first}[\\s\\S]{0,${max - 1}}$` });
        return Type.Record(key, additional === undefined ? Type.Unknown() : toTypeBox(additional), { ...options, additionalProperties: false });
      }
      const shape: Record<string, TSchema> = {};
      for (const [name, value] of Object.entries(properties)) {
        const property = toTypeBox(value);
        shape[name] = required.has(name) ? property : Type.Optional(property);
      }
      for (const name of required) if (!(name in shape)) shape[name] = Type.Unknown();
      const extra = additional === undefined || additional === true ? {} : { additionalProperties: additional === false ? false : toTypeBox(additional) };
      return Type.Object(shape, { ...options, ...extra });
    }
    default:
      return Type.Unknown();
  }
}

// --- payloads -----------------------------------------------------------------------------

const TIME = '2013-07-16T19:20:30+01:00';

function attribute(i: number): Obj {
  return {
    external_id: `user-${i}`,
    first_name: 'Jon',
    last_name: 'Snow',
    email: `user${i}@example.com`,
    dob: '1988-02-14',
    country: 'US',
    language: 'en',
    gender: i % 2 ? 'M' : 'F',
    home_city: 'New York',
    email_subscribe: 'opted_in',
    push_subscribe: 'subscribed',
    date_of_first_session: TIME,
    image_url: 'https://cdn.example.com/u/1.png',
    push_tokens: [{ app_id: 'your-app-id', token: `token-${i}` }],
    has_profile_picture: true,
    favourite_color: 'blue',
    visits: { inc: 1 },
    music_videos_favorited: { add: ['calvinharris-summer'], remove: ['nickiminaj-anaconda'] },
  };
}

function event(i: number): Obj {
  return {
    external_id: `user-${i}`,
    app_id: 'your-app-id',
    name: i % 2 ? 'watched_trailer' : 'rented_movie',
    time: TIME,
    properties: { movie: 'The Movie', duration: 12.5, hd: true },
  };
}

function purchase(i: number): Obj {
  return {
    external_id: `user-${i}`,
    app_id: '11ae5b4b-2445-4440-a04f-bf537764c9ad',
    product_id: 'backpack',
    currency: 'USD',
    price: 40,
    quantity: 2,
    time: TIME,
    properties: { color: 'red', monogram: 'ABC', checkout_duration: 180 },
  };
}

function body(): Obj {
  return {
    app_group_id: 'your-app-group-id',
    attributes: Array.from({ length: 50 }, (_, i) => attribute(i)),
    events: Array.from({ length: 50 }, (_, i) => event(i)),
    purchases: Array.from({ length: 50 }, (_, i) => purchase(i)),
  };
}

function payloads(): Record<string, Obj> {
  const valid = body();
  const early = body();
  ((early.attributes as Obj[])[0] as Obj).gender = 'X';
  const late = body();
  ((late.purchases as Obj[])[49] as Obj).currency = 'usd';
  const many = body();
  for (let i = 0; i < 50; i += 5) {
    ((many.attributes as Obj[])[i] as Obj).email_subscribe = 'maybe';
    ((many.events as Obj[])[i] as Obj).time = 'yesterday';
    ((many.purchases as Obj[])[i] as Obj).price = '40';
  }
  many.unexpected = true;
  return { valid, early, late, many };
}

// --- timing -------------------------------------------------------------------------------

let sink = 0;

/** Iterations that take about ROUND_MS. */
function calibrate(run: (value: unknown) => unknown, value: unknown): number {
  for (let iterations = 1; ; iterations *= 2) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) if (run(value)) sink++;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms > 20) return Math.max(1, Math.round((iterations * ROUND_MS) / ms));
  }
}

function timeRound(run: (value: unknown) => unknown, value: unknown, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) if (run(value)) sink++;
  return iterations / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Median validations per second of every (runner, payload) pair. Rounds go round-robin over
 * the pairs, so a change in machine load affects every pair alike. */
function measureAll(pairs: { key: string; run: (value: unknown) => unknown; value: unknown }[]): Map<string, number> {
  const iterations = pairs.map((pair) => calibrate(pair.run, pair.value));
  const rates = pairs.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) pairs.forEach((pair, i) => rates[i]!.push(timeRound(pair.run, pair.value, iterations[i]!)));
  return new Map(
    pairs.map((pair, i) => {
      const sorted = rates[i]!.sort((a, b) => a - b);
      return [pair.key, sorted[Math.floor(sorted.length / 2)]!];
    }),
  );
}

async function importGenerated(source: string): Promise<Record<string, (value: unknown) => unknown>> {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-bench-'));
  const file = join(dir, 'track.mjs');
  writeFileSync(file, js);
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, (value: unknown) => unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function format(rate: number): string {
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(2)}M/s` : `${(rate / 1e3).toFixed(1)}k/s`;
}

async function main(): Promise<void> {
  const source = loadSource();
  const schema = resolvePointer(source.root, source.pointer);

  const generated = await importGenerated(await emitValidatorModule([{ name: 'Track', schema: source.pointer }], { root: source.root, dialect: source.dialect }));
  const isTrack = generated.isTrack!;
  const validateTrack = generated.validateTrack!;

  const makeAjv = (allErrors: boolean) => {
    const ajv = new Ajv2020({ allErrors, strict: false });
    addFormats(ajv);
    if (source.pointer === '#') return ajv.compile(source.root);
    ajv.addSchema({ ...source.root, $id: 'https://oaskit.invalid/appboy.json' });
    return ajv.compile({ $ref: `https://oaskit.invalid/appboy.json${source.pointer}` });
  };
  const ajvFirst = makeAjv(false);
  const ajvAll = makeAjv(true);

  for (const [name, def] of Object.entries(fullFormats)) {
    const check = typeof def === 'function' ? def : def instanceof RegExp ? (value: string) => def.test(value) : typeof def === 'object' && def !== null && 'validate' in def ? def.validate : undefined;
    if (typeof check === 'function') FormatRegistry.Set(name, check as (value: string) => boolean);
    else if (check instanceof RegExp) FormatRegistry.Set(name, (value) => check.test(value));
  }
  const typebox = TypeCompiler.Compile(toTypeBox(inline(schema, source.root)));

  const cases = payloads();
  const texts = Object.fromEntries(Object.entries(cases).map(([name, value]) => [name, JSON.stringify(value)]));

  // Every validator must agree on every payload before its speed means anything.
  for (const [name, value] of Object.entries(cases)) {
    const expected = name === 'valid';
    const verdicts = {
      'oaskit isTrack': isTrack(value),
      'oaskit validateTrack': (validateTrack(value) as { ok: boolean }).ok,
      'ajv allErrors:false': ajvFirst(value),
      'ajv allErrors:true': ajvAll(value),
      'typebox Check': typebox.Check(value),
      'typebox Errors()': typebox.Errors(value).First() === undefined,
    };
    for (const [who, verdict] of Object.entries(verdicts)) {
      if (verdict !== expected) {
        console.error(`${who} says ${name} payload is ${verdict ? 'valid' : 'invalid'}`);
        if (who.startsWith('oaskit')) console.error(JSON.stringify((validateTrack(value) as { errors?: unknown }).errors, null, 2));
        process.exit(1);
      }
    }
  }
  const errorCounts = Object.fromEntries(
    Object.entries(cases).map(([name, value]) => {
      const result = validateTrack(value) as { errors?: unknown[] };
      return [name, result.errors?.length ?? 0];
    }),
  );

  const columns = Object.keys(cases);
  const rows: [string, (value: unknown) => unknown][] = [
    ['oaskit isTrack', (value) => isTrack(value)],
    ['ajv (allErrors: false)', (value) => ajvFirst(value)],
    ['typebox Check', (value) => typebox.Check(value)],
    ['oaskit validateTrack', (value) => (validateTrack(value) as { ok: boolean }).ok],
    ['ajv (allErrors: true)', (value) => ajvAll(value)],
    ['typebox Errors() (all)', (value) => {
      let count = 0;
      for (const _error of typebox.Errors(value)) count++;
      return count === 0;
    }],
  ];
  const pairs = rows.flatMap(([label, run]) => columns.map((column) => ({ key: `${label}|${column}`, run, value: cases[column] as unknown })));
  pairs.push({ key: 'floor', run: (text) => JSON.parse(text as string), value: texts.valid });
  const medians = measureAll(pairs);
  const results = new Map<string, Record<string, number>>(rows.map(([label]) => [label, Object.fromEntries(columns.map((column) => [column, medians.get(`${label}|${column}`)!]))]));
  const floor = medians.get('floor')!;

  const width = 26;
  const line = (label: string, cells: string[]) => console.log(label.padEnd(width) + cells.map((cell) => cell.padStart(12)).join(''));
  console.log(`Schema: ${source.label} (dialect ${source.dialect})`);
  console.log(`Body: 50 attributes, 50 events, 50 purchases, ${texts.valid!.length} bytes of JSON; errors found by validateTrack: ${JSON.stringify(errorCounts)}`);
  console.log(`Node ${process.version}, ${ROUNDS} rounds of ~${ROUND_MS} ms per cell (round-robin), median validations/second\n`);
  line('', columns);
  for (const [label, rates] of results) line(label, columns.map((column) => format(rates[column]!)));
  console.log(`${'JSON.parse (floor)'.padEnd(width)}${format(floor).padStart(12)}  (valid body)\n`);
  const ratio = (a: string, b: string) => columns.map((column) => `${(results.get(a)![column]! / results.get(b)![column]!).toFixed(2)}x`);
  line('isTrack / ajv', ratio('oaskit isTrack', 'ajv (allErrors: false)'));
  line('isTrack / typebox', ratio('oaskit isTrack', 'typebox Check'));
  line('validateTrack / ajv', ratio('oaskit validateTrack', 'ajv (allErrors: true)'));
  line('validateTrack / typebox', ratio('oaskit validateTrack', 'typebox Errors() (all)'));
  if (sink < 0) console.log(sink);
}

// --- how compiling scales ---------------------------------------------------------------------

function cpuSeconds(since: NodeJS.CpuUsage): string {
  const used = process.cpuUsage(since);
  return ((used.user + used.system) / 1e6).toFixed(1);
}

/** One of the 1,000 schemas of folder mode (as test/validators/cli.test.ts makes them). */
function folderSchema(i: number): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `Generated ${i}`,
    type: 'object',
    required: ['id'],
    properties: {
      id: { type: 'integer', minimum: i },
      name: { type: 'string', maxLength: 10 + (i % 50), pattern: '^[a-z]+$' },
      tags: { type: 'array', items: { type: 'string' }, uniqueItems: i % 2 === 0 },
      kind: { enum: ['a', 'b', `c${i}`] },
      child: { $ref: '#/$defs/child' },
    },
    $defs: { child: { type: ['object', 'null'], properties: { at: { type: 'string', format: 'date-time' } } } },
    additionalProperties: false,
  };
}

async function scale(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus().length} CPUs; one run each (CPU is this process's, user + system)\n`);
  const github = (() => {
    try {
      return createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    } catch {
      return undefined;
    }
  })();
  if (github) {
    const { loadSpec } = await import('../../generator/load/load-spec.ts');
    const { buildModel } = await import('../../generator/model/build-model.ts');
    const { validatorEntries } = await import('../../generator/emit/validators/plan.ts');
    const { printDocument } = await import('../../generator/model/document.ts');
    const { validatorsEmitter } = await import('../../generator/emit/validators/emit-validators.ts');
    const model = buildModel(await loadSpec(github), 'github');
    const entries = validatorEntries(model, printDocument(model, { examples: false })).length;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const [file] = await validatorsEmitter.emit(model, {});
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    const text = file!.contents;
    console.log(`GitHub's API description (${entries} validators): validators.ts in ${seconds} s, ${cpuSeconds(cpu)} s CPU, ${(text.length / 1e6).toFixed(1)} MB, ${text.split('\n').length} lines; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } else {
    console.log("GitHub's API description: @octokit/openapi is not installed");
  }
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-bench-folder-'));
  try {
    mkdirSync(join(dir, 'schemas'));
    for (let i = 0; i < 1000; i++) writeFileSync(join(dir, 'schemas', `schema-${String(i).padStart(4, '0')}.json`), JSON.stringify(folderSchema(i), null, 2));
    const { command } = await import('../../generator/cli/commands/validator.ts');
    const cpu = process.cpuUsage();
    const start = performance.now();
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    const status = await command([join(dir, 'schemas'), '-o', join(dir, 'out')]).finally(() => (process.stdout.write = write));
    console.log(`oaskit validator, a folder of 1,000 schemas: ${((performance.now() - start) / 1000).toFixed(1)} s, ${cpuSeconds(cpu)} s CPU (exit ${status})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args.scale) await scale();
else await main();
