// `oaskit generate [--spec FILE...] [-o DIR] [--check] [--watch] [--quiet]`: every spec in spec/
// into generated/<name>/ and the docs site into generated/docs/; or the given specs into
// generated/<name>/, or into DIR (several: DIR/<name>/). `--check` writes nothing and exits 1
// naming each stale file. `--watch` generates again whenever a file the specs read is saved.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { EmitContext, EmittedFile } from '../../emit/emitter.ts';
import type { Drift } from '../../pipeline/pipeline.ts';
import type { ApiModel } from '../../model/types.ts';
import { parseCommand, UsageError, type Command } from '../command.ts';
import { definitions } from '../definitions.ts';
import { progress, type Progress } from '../progress.ts';
import { specName, specsToUse } from '../project.ts';
import { waitForSignal } from '../signals.ts';
import { watchFiles } from '../watch.ts';

/** The generator (TypeScript, openapi-typescript, the emitters): loaded once the command line is known good. */
type Generator = typeof import('../../pipeline/pipeline.ts') & Pick<typeof import('../../load/workspace.ts'), 'UnreadableSpecError'>;
let lib: Generator;
/** What the emitters are told besides the model (`--reference-url`). */
let context: EmitContext = {};

export interface Job {
  spec: string;
  out: string;
}

export const command: Command = async (argv) => {
  const { values } = parseCommand(definitions.generate, argv);
  const given = values.spec ?? [];
  if (values.out !== undefined && given.length === 0) throw new UsageError('-o/--out needs --spec FILE (without --spec every spec/*.yaml goes to generated/<name>/)');
  if (values.watch && values.check) throw new UsageError('--watch and --check do not go together');
  const referenceUrl = values['reference-url'];
  if (referenceUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(referenceUrl)) throw new UsageError(`--reference-url takes an http or https URL, not ${JSON.stringify(referenceUrl)}`);
  context = referenceUrl === undefined ? {} : { referenceUrl };
  const cwd = process.cwd();
  const { specs, fromProject } = specsToUse(given, cwd);
  const jobs = plan(specs, values.out === undefined ? undefined : resolve(values.out), cwd);
  const site = fromProject ? join(cwd, 'generated', 'docs') : undefined;
  if (!values.check) for (const out of [...jobs.map((j) => j.out), ...(site ? [site] : [])]) refuseForeignFolder(out);
  const say = progress('generate', { quiet: values.quiet });
  say('loading the generator');
  lib = { ...(await import('../../pipeline/pipeline.ts')), UnreadableSpecError: (await import('../../load/workspace.ts')).UnreadableSpecError };
  if (values.watch) return watch(jobs, site, say);

  const models: ApiModel[] = [];
  const drift: Drift = { stale: [], missing: [], extra: [] };
  for (const job of jobs) {
    const result = await generateOne(job, { check: values.check ?? false, say });
    if (typeof result === 'number') return result;
    models.push(result.model);
    if (values.check) merge(drift, result.drift);
    else process.stdout.write(`generated ${show(job.out)}/ (${result.files.length} files) from ${show(job.spec)}\n`);
  }
  if (site) {
    say('docs: emitting the reference site');
    const files = await lib.emitSite(models);
    if (values.check) merge(drift, lib.compareWithDisk(site, files));
    else if (files.length) {
      lib.writeFolder(site, files);
      process.stdout.write(`generated ${show(site)}/ (${files.length} files)\n`);
    }
  }
  if (!values.check) return 0;
  const lines = [...drift.stale.map((p) => `stale:   ${show(p)}`), ...drift.missing.map((p) => `missing: ${show(p)}`), ...drift.extra.map((p) => `extra:   ${show(p)}`)];
  if (lines.length === 0) {
    process.stdout.write('generated files are up to date\n');
    return 0;
  }
  process.stdout.write(lines.join('\n') + `\noaskit generate --check: ${lines.length} generated file(s) out of date; run \`oaskit generate\`\n`);
  return 1;
};

/** Where each spec goes: generated/<name>/, or DIR, or DIR/<name>/ for several specs. */
function plan(specs: string[], out: string | undefined, cwd: string): Job[] {
  const jobs = specs.map((spec) => ({ spec, out: out === undefined ? join(cwd, 'generated', specName(spec)) : specs.length === 1 ? out : join(out, specName(spec)) }));
  const seen = new Map<string, string>();
  for (const job of jobs) {
    const other = seen.get(job.out);
    if (other) throw new UsageError(`${show(other)} and ${show(job.spec)} would both go to ${show(job.out)}/: give them different names`);
    seen.set(job.out, job.spec);
  }
  return jobs;
}

/** A folder generate may replace: missing, empty, or written by oaskit before (a file of it says so). */
function refuseForeignFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UsageError(`${show(dir)} is a file, not a folder`);
  const names = readdirSync(dir);
  if (names.length === 0) return;
  const ours = names.some((name) => {
    try {
      return readFileSync(join(dir, name), 'utf8').slice(0, 600).includes('Generated by oaskit');
    } catch {
      return false;
    }
  });
  if (!ours && !existsSync(join(dir, 'assets', 'site.css'))) throw new UsageError(`refusing to write into ${show(dir)}: it has files and none was generated by oaskit`);
}

type Outcome = { model: ApiModel; files: EmittedFile[]; drift: Drift };

/** One spec: model, emit, and write (or compare). An exit code when the spec cannot be generated. */
async function generateOne(job: Job, options: { check: boolean; say: Progress; watching?: boolean }): Promise<Outcome | number> {
  const { say } = options;
  let model: ApiModel;
  try {
    say(`${specName(job.spec)}: checking and modelling ${show(job.spec)}`);
    // the examples are checked by `oaskit check`: they cannot block generation, and on a big API
    // checking each against its schema costs more than generating
    const result = await lib.modelWithReport(job.spec, undefined, { rules: 'cheap' });
    model = result.model;
    if (result.nonBlockingErrors) {
      process.stderr.write(`oaskit generate: ${show(job.spec)} has ${result.nonBlockingErrors} error(s) in its constraints (see \`oaskit check\`, which also checks the examples); generating anyway\n`);
    }
  } catch (error) {
    if (error instanceof lib.SpecHasErrors) {
      process.stderr.write(error.report + `oaskit generate: ${show(job.spec)} has errors; ${options.watching ? `${show(job.out)}/ left as it was` : 'nothing was generated'}\n`);
      return 1;
    }
    if (error instanceof lib.UnreadableSpecError) {
      if (options.watching) {
        process.stderr.write(`oaskit generate: cannot read ${show(error.path)}: ${error.reason}\n`);
        return 2;
      }
      throw new UsageError(`cannot read ${show(error.path)}: ${error.reason}`);
    }
    throw error;
  }
  const files = await lib.emitApi(model, context, (stage) => say(`${model.name}: emitting ${stage}`));
  const drift = lib.compareWithDisk(job.out, files);
  if (!options.check) {
    say(`${model.name}: writing ${show(job.out)}/`);
    lib.writeFolder(job.out, files, drift);
  }
  return { model, files, drift };
}

/** Generates, then again on every save of a file the specs read, until SIGINT/SIGTERM. */
async function watch(jobs: Job[], site: string | undefined, say: Progress): Promise<number> {
  const models = new Map<Job, ApiModel>();
  const signals = waitForSignal();
  const outs = [...jobs.map((j) => j.out), ...(site ? [site] : [])];

  /** Generates `todo` (then the site) and says what changed; errors are printed, never thrown. */
  const run = async (todo: Job[], why: string) => {
    const started = performance.now();
    const changed: string[] = [];
    let failed = false;
    for (const job of todo) {
      try {
        const result = await generateOne(job, { check: false, say, watching: true });
        if (typeof result === 'number') {
          failed = true;
          continue;
        }
        models.set(job, result.model);
        changed.push(...[...result.drift.stale, ...result.drift.missing, ...result.drift.extra]);
      } catch (error) {
        failed = true;
        process.stderr.write(`oaskit generate: ${show(job.spec)}: internal error: ${(error as Error).message}\n`);
      }
    }
    if (site && models.size === jobs.length) {
      try {
        const files = await lib.emitSite(jobs.map((j) => models.get(j)!));
        const drift = lib.compareWithDisk(site, files);
        changed.push(...drift.stale, ...drift.missing, ...drift.extra);
        lib.writeFolder(site, files, drift);
      } catch (error) {
        failed = true;
        process.stderr.write(`oaskit generate: the reference site: internal error: ${(error as Error).message}\n`);
      }
    }
    const ms = Math.round(performance.now() - started);
    const what = changed.length === 0 ? 'no generated file changed' : `${changed.length} file${changed.length === 1 ? '' : 's'} changed: ${changed.map(show).join(', ')}`;
    process.stdout.write(`${why}: ${failed ? 'errors above; ' : ''}${what} (${ms} ms)\n`);
  };

  await run(jobs, 'generated');
  /** The files each job read last time (its spec at least), to know which job a save concerns. */
  const filesOf = (job: Job) => new Set([job.spec, ...(models.get(job)?.files ?? [])]);
  const watcher = watchFiles({
    files: () => [...new Set(jobs.flatMap((job) => [...filesOf(job)]))],
    ignore: (path) => outs.some((out) => path === out || path.startsWith(out + '/')),
    onChange: async (paths) => {
      const todo = jobs.filter((job) => paths.some((p) => filesOf(job).has(p)));
      // a file no spec read before (a new $ref target): every spec of that folder may want it
      await run(todo.length ? todo : jobs, `${paths.map(show).join(', ')} changed`);
    },
  });
  process.stderr.write(`oaskit generate: watching ${watcher.folders().map((f) => show(f) || '.').join(', ')} for changes (Ctrl-C stops)\n`);
  await signals.promise;
  await watcher.close();
  signals.dispose();
  return 0;
}

function show(path: string): string {
  return relative(process.cwd(), path) || '.';
}

function merge(into: Drift, from: Drift): void {
  into.stale.push(...from.stale);
  into.missing.push(...from.missing);
  into.extra.push(...from.extra);
}
