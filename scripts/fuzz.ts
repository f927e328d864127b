// A mutation fuzz over the project's specs and test fixtures: each case is a spec with one to three
// random mutations (byte flips, deleted and duplicated lines, re-indented blocks, truncation,
// values of the wrong type, random unicode, broken `$ref`s), run in this process through what
// every command does with a spec:
//
//   check     diagnose, then every diagnostic located and formatted
//   generate  the model and every emitter (nothing written)
//   mock      the document Prism would be given (printed, data `$ref`s left out)
//   lsp       the language service: open, diagnostics, outline, a hover
//
// A finding is a crash (anything thrown that is not "the spec has errors" or "cannot read it", an
// `internal-error` diagnostic, a stack overflow), a disagreement (check passes a spec that
// generate cannot model), a case over the time limit, or the process over the memory limit.
// Seeded: the same seed gives the same cases. `npm run fuzz` runs a long campaign and prints its
// figures; test/faults/fuzz.test.ts runs a short slice in `npm test`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnose } from '../generator/diagnostics/diagnose.ts';
import { formatText } from '../generator/diagnostics/format.ts';
import { locateDiagnostic } from '../generator/diagnostics/position.ts';
import { UnreadableSpecError } from '../generator/load/workspace.ts';
import { LanguageService } from '../generator/lsp/service.ts';
import { inertText } from '../generator/mock/prism-document.ts';
import { printDocument } from '../generator/model/document.ts';
import { emitApi, modelWithReport, SpecHasErrors } from '../generator/pipeline/pipeline.ts';

const root = resolve(import.meta.dirname, '..');

/** The specs mutated: the project's own and its test fixtures. */
export const allSources = [
  'spec/appcues.yaml',
  'spec/appboy.yaml',
  'test/client/fixtures/petstore.yaml',
  'test/client/fixtures/hostile.yaml',
  'test/docs/fixtures/shop.yaml',
  'test/docs/fixtures/hostile.yaml',
  'test/mock/fixtures/pets.yaml',
  'test/mock/fixtures/with-dialect.yaml',
  'test/mock/fixtures/bad-example.yaml',
  'test/lsp/fixtures/json/openapi.json',
].map((p) => join(root, p));

/** The small ones: a case costs well under a second (the slice in `npm test`). */
export const smallSources = allSources.filter((p) => !/[\\/]spec[\\/]app/.test(p));

export interface FuzzOptions {
  seed: number;
  count: number;
  sources?: string[];
  /** a case slower than this is a finding (default 180 s: generating the largest spec takes a minute on a loaded 2-core machine) */
  caseLimitMs?: number;
  /** the process's resident memory above this is a finding (default 3 GB) */
  rssLimitBytes?: number;
  /** where failing cases are kept (default: nowhere) */
  keepFailures?: string;
  /** stop after this long, however many cases ran */
  budgetMs?: number;
  onCase?: (n: number, result: CaseResult) => void;
}

export interface CaseResult {
  source: string;
  mutations: string[];
  /** what check said: its exit code (0 clean, 1 errors, 2 unusable) */
  checkExit: 0 | 1 | 2;
  generated: boolean;
  ms: number;
  finding?: string;
}

export interface FuzzReport {
  cases: number;
  /** by exit code of check */
  exits: Record<0 | 1 | 2, number>;
  generated: number;
  findings: CaseResult[];
  maxRssBytes: number;
  slowestMs: number;
  ms: number;
}

/** mulberry32: small, fast and good enough to pick mutations. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wrongValues = ['[]', '{}', '42', 'true', 'null', "''", '-1e309', '[1, [2, [3]]]', '{ $ref: "#" }', '{ $ref: "#/paths" }', '"/* */ */"', '{ a: *x }', '&x { b: 1 }', '"\\u2028"', '~'];
const brokenRefs = ['#', '', '%', '#%E0%A4%A', '#/components/schemas/', '#//', 'x.yaml', '../up.yaml', 'http://127.0.0.1:9/x', 'a%00b', '#/paths', '#/components', '#/info', '#~2', '#/components/schemas/__proto__', '#/components/schemas/hasOwnProperty'];
const unicode = ['\u0000', '\u2028', '\u2029', '\ufeff', '\ud800', '\udfff', '😀', '\u202e', 'é', '\t', '\r', '\u0085', '*/', '/*', '`${x}`', '</script>'];

type Mutation = (text: string, rnd: () => number) => { text: string; what: string };

const pick = <T>(list: readonly T[], rnd: () => number): T => list[Math.floor(rnd() * list.length)]!;
const lineRange = (lines: string[], rnd: () => number) => {
  const start = Math.floor(rnd() * lines.length);
  return { start, end: Math.min(lines.length, start + 1 + Math.floor(rnd() * 6)) };
};

export const mutations: Record<string, Mutation> = {
  flip(text, rnd) {
    const i = Math.floor(rnd() * text.length);
    const c = rnd() < 0.5 ? pick([':', '{', '}', '[', ']', ',', "'", '"', '-', '#', '&', '*', '!', '|', '>', '\n', ' ', '?', '%', '@'], rnd) : String.fromCharCode(32 + Math.floor(rnd() * 95));
    return { text: text.slice(0, i) + c + text.slice(i + 1), what: `flip@${i}=${JSON.stringify(c)}` };
  },
  deleteLines(text, rnd) {
    const lines = text.split('\n');
    const { start, end } = lineRange(lines, rnd);
    lines.splice(start, end - start);
    return { text: lines.join('\n'), what: `delete ${start + 1}-${end}` };
  },
  duplicateLines(text, rnd) {
    const lines = text.split('\n');
    const { start, end } = lineRange(lines, rnd);
    lines.splice(end, 0, ...lines.slice(start, end));
    return { text: lines.join('\n'), what: `duplicate ${start + 1}-${end}` };
  },
  reindent(text, rnd) {
    const lines = text.split('\n');
    const { start, end } = lineRange(lines, rnd);
    const shift = pick([-4, -2, -1, 1, 2, 4], rnd);
    for (let i = start; i < end; i++) lines[i] = shift > 0 ? ' '.repeat(shift) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-shift}}`), '');
    return { text: lines.join('\n'), what: `reindent ${start + 1}-${end} by ${shift}` };
  },
  truncate(text, rnd) {
    const at = Math.floor(rnd() * text.length);
    return { text: text.slice(0, at), what: `truncate@${at}` };
  },
  wrongType(text, rnd) {
    const lines = text.split('\n');
    const candidates = lines.flatMap((l, i) => (/^\s*[^\s#][^:]*:\s+\S/.test(l) ? [i] : []));
    if (!candidates.length) return { text, what: 'wrongType (none)' };
    const i = pick(candidates, rnd);
    const value = pick(wrongValues, rnd);
    lines[i] = lines[i]!.replace(/:\s+.*$/, ': ' + value);
    return { text: lines.join('\n'), what: `wrongType ${i + 1}=${value}` };
  },
  unicode(text, rnd) {
    const i = Math.floor(rnd() * text.length);
    const c = pick(unicode, rnd);
    return { text: text.slice(0, i) + c + text.slice(i), what: `unicode@${i}=${JSON.stringify(c)}` };
  },
  brokenRef(text, rnd) {
    const refs = [...text.matchAll(/(["']?\$ref["']?\s*:\s*)(["']?)[^"'\n,}]*\2/g)];
    if (!refs.length) return { text, what: 'brokenRef (none)' };
    const m = pick(refs, rnd);
    const ref = pick(brokenRefs, rnd);
    return { text: text.slice(0, m.index) + m[1] + JSON.stringify(ref) + text.slice(m.index! + m[0].length), what: `brokenRef ${JSON.stringify(ref)}` };
  },
};

/** Runs one spec (already written at `path`) through every command's path; a finding, if any. */
export async function runCase(path: string): Promise<{ checkExit: 0 | 1 | 2; generated: boolean; finding?: string }> {
  let checkExit: 0 | 1 | 2;
  const blocking = new Set<string>();
  // check
  try {
    const result = await diagnose(path, { config: null });
    const located = result.diagnostics.map((d) => locateDiagnostic(d, result.workspace.get(d.file)));
    formatText(located);
    const internal = result.diagnostics.find((d) => d.code === 'internal-error');
    if (internal) return { checkExit: 1, generated: false, finding: `check: ${internal.message}` };
    for (const d of result.diagnostics) if (d.severity === 'error') blocking.add(d.code);
    checkExit = result.unusable ? 2 : blocking.size ? 1 : 0;
  } catch (error) {
    if (error instanceof UnreadableSpecError) checkExit = 2;
    else return { checkExit: 1, generated: false, finding: `check threw: ${describe(error)}` };
  }
  // generate and the mock's document
  let generated = false;
  try {
    const { model } = await modelWithReport(path);
    await emitApi(model);
    inertText(printDocument(model).document);
    generated = true;
  } catch (error) {
    if (error instanceof SpecHasErrors) {
      // the generator may refuse only what check reports as an error too
      const codes = [...error.report.matchAll(/ - error ([a-z0-9-]+):/g)].map((m) => m[1]!);
      const unknown = codes.filter((c) => !blocking.has(c));
      if (unknown.length) return { checkExit, generated, finding: `generate refused with ${unknown.join(', ')}, which check did not report: ${firstLine(error.report)}` };
    } else if (!(error instanceof UnreadableSpecError)) return { checkExit, generated, finding: `generate threw: ${describe(error)}` };
  }
  if (checkExit === 0 && !generated) return { checkExit, generated, finding: 'check passed but generate refused' };
  // the language service
  try {
    const service = new LanguageService();
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    service.open(uri, text, 1);
    for (const r of await service.rootsOf(uri)) {
      // the cheap rules: the expensive ones are the same code check just ran
      const found = await service.diagnostics(r, 'cheap');
      for (const list of found?.byUri.values() ?? []) {
        const internal = list.find((d) => d.code === 'internal-error');
        if (internal) return { checkExit, generated, finding: `lsp: ${internal.message}` };
      }
    }
    await service.documentSymbols(uri);
    const lines = text.split('\n');
    const line = Math.floor(lines.length / 2);
    await service.hover(uri, { line, character: Math.min(4, lines[line]?.length ?? 0) });
  } catch (error) {
    return { checkExit, generated, finding: `lsp threw: ${describe(error)}` };
  }
  return { checkExit, generated };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => / - error /.test(l)) ?? text.split('\n')[0]!;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const rnd = random(options.seed);
  const sources = (options.sources ?? allSources).map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
  const work = mkdtempSync(join(tmpdir(), 'oaskit-fuzz-'));
  const report: FuzzReport = { cases: 0, exits: { 0: 0, 1: 0, 2: 0 }, generated: 0, findings: [], maxRssBytes: 0, slowestMs: 0, ms: 0 };
  const started = performance.now();
  // the mutations that keep a spec readable more often weigh more: they reach generate
  const names = [...Object.keys(mutations), 'wrongType', 'wrongType', 'brokenRef', 'brokenRef', 'duplicateLines'];
  try {
    for (let n = 0; n < options.count; n++) {
      if (options.budgetMs !== undefined && performance.now() - started > options.budgetMs) break;
      const source = pick(sources, rnd);
      let text = source.text;
      const done: string[] = [];
      for (let k = rnd() < 0.6 ? 1 : rnd() < 0.7 ? 2 : 3; k > 0; k--) {
        const m = mutations[pick(names, rnd)]!(text, rnd);
        text = m.text;
        done.push(m.what);
      }
      // each case in a folder of its own, named as the source (its refs to siblings break, as they would)
      const dir = join(work, String(n));
      mkdirSync(dir);
      const path = join(dir, basename(source.path));
      writeFileSync(path, text);
      const t0 = performance.now();
      let outcome: Awaited<ReturnType<typeof runCase>>;
      try {
        outcome = await runCase(path);
      } catch (error) {
        outcome = { checkExit: 1, generated: false, finding: `uncaught: ${describe(error)}` };
      }
      const ms = Math.round(performance.now() - t0);
      const rss = process.memoryUsage().rss;
      report.maxRssBytes = Math.max(report.maxRssBytes, rss);
      report.slowestMs = Math.max(report.slowestMs, ms);
      let finding = outcome.finding;
      if (!finding && ms > (options.caseLimitMs ?? 180_000)) finding = `took ${ms} ms`;
      if (!finding && rss > (options.rssLimitBytes ?? 3 * 1024 ** 3)) finding = `resident memory ${Math.round(rss / 1024 ** 2)} MB`;
      const result: CaseResult = { source: source.path, mutations: done, checkExit: outcome.checkExit, generated: outcome.generated, ms, finding };
      report.cases++;
      report.exits[outcome.checkExit]++;
      if (outcome.generated) report.generated++;
      if (finding) {
        report.findings.push(result);
        if (options.keepFailures) {
          mkdirSync(options.keepFailures, { recursive: true });
          const kept = join(options.keepFailures, `${options.seed}-${n}-${basename(source.path)}`);
          writeFileSync(kept, text);
          writeFileSync(kept + '.txt', `${finding}\nfrom ${source.path}: ${done.join('; ')}\n`);
        }
      }
      options.onCase?.(n, result);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

/** The figures of a run, for people. */
export function summary(r: FuzzReport, seed: number): string {
  return [
    `fuzz seed ${seed}: ${r.cases} mutated specs in ${(r.ms / 1000).toFixed(1)} s`,
    `  check: ${r.exits[0]} clean, ${r.exits[1]} with errors, ${r.exits[2]} unusable; generated ${r.generated}`,
    `  findings: ${r.findings.length}; slowest case ${r.slowestMs} ms; max resident memory ${Math.round(r.maxRssBytes / 1024 ** 2)} MB`,
    ...r.findings.map((f) => `  - ${f.finding}\n    ${f.source.slice(root.length + 1)}: ${f.mutations.join('; ')}`),
  ].join('\n');
}

// `npm run fuzz [-- --count N --seed S --minutes M --small]`: the long campaign
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const seed = Number(arg('seed') ?? Date.now() % 1_000_000);
  const count = Number(arg('count') ?? 3000);
  const budget = arg('minutes');
  const report = await runFuzz({
    seed,
    count,
    sources: process.argv.includes('--small') ? smallSources : allSources,
    keepFailures: join(root, '.tmp', 'fuzz-failures'),
    budgetMs: budget === undefined ? undefined : Number(budget) * 60_000,
    onCase: (n, r) => {
      if (r.finding) process.stderr.write(`\ncase ${n}: ${r.finding}\n`);
      else if (n % 50 === 49) process.stderr.write(`${n + 1} `);
    },
  });
  process.stdout.write('\n' + summary(report, seed) + '\n');
  process.exitCode = report.findings.length ? 1 : 0;
}
