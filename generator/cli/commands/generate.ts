// `oaskit generate [--check]`: every spec in spec/ into generated/<name>/ and the docs site into
// generated/docs/. `--check` writes nothing and exits 1 naming each stale file.
// `oaskit generate --spec FILE --out DIR`: one spec into DIR.
import { resolve, join, relative } from 'node:path';
import { UnreadableSpecError } from '../../load/workspace.ts';
import { compareWithDisk, emitApi, emitSite, modelWithReport, SpecHasErrors, writeFolder, type Drift } from '../../pipeline/pipeline.ts';
import type { ApiModel } from '../../model/types.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';
import { specFiles } from './check.ts';

export const command: Command = async (argv) => {
  const { values, positionals } = parseOptions(argv, {
    check: { type: 'boolean', default: false },
    spec: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (Boolean(values.spec) !== Boolean(values.out)) throw new UsageError('--spec and --out go together');

  const jobs = values.spec
    ? [{ spec: resolve(values.spec), out: resolve(values.out!) }]
    : specFiles(process.cwd()).map((spec) => ({ spec, out: join(process.cwd(), 'generated', spec.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')) }));
  if (jobs.length === 0) throw new UsageError('no spec/*.yaml in this folder (or give --spec FILE --out DIR)');

  const models: ApiModel[] = [];
  const drift: Drift = { stale: [], missing: [], extra: [] };
  for (const job of jobs) {
    let model: ApiModel;
    try {
      const result = await modelWithReport(job.spec);
      model = result.model;
      if (result.nonBlockingErrors) {
        process.stderr.write(`oaskit generate: ${relative(process.cwd(), job.spec)} has ${result.nonBlockingErrors} error(s) in its examples or constraints (see \`oaskit check\`); generating anyway\n`);
      }
    } catch (error) {
      if (error instanceof SpecHasErrors) {
        process.stderr.write(error.report + `oaskit generate: ${relative(process.cwd(), job.spec)} has errors; nothing was generated\n`);
        return 1;
      }
      if (error instanceof UnreadableSpecError) throw new UsageError(`cannot read ${error.path}: ${error.reason}`);
      throw error;
    }
    models.push(model);
    const files = await emitApi(model);
    if (values.check) merge(drift, compareWithDisk(job.out, files));
    else {
      writeFolder(job.out, files);
      process.stdout.write(`generated ${relative(process.cwd(), job.out) || '.'}/ (${files.length} files) from ${relative(process.cwd(), job.spec)}\n`);
    }
  }
  if (!values.spec) {
    const site = await emitSite(models);
    if (site.length) {
      const out = join(process.cwd(), 'generated', 'docs');
      if (values.check) merge(drift, compareWithDisk(out, site));
      else {
        writeFolder(out, site);
        process.stdout.write(`generated generated/docs/ (${site.length} files)\n`);
      }
    }
  }
  if (!values.check) return 0;
  const lines = [
    ...drift.stale.map((p) => `stale:   ${relative(process.cwd(), p)}`),
    ...drift.missing.map((p) => `missing: ${relative(process.cwd(), p)}`),
    ...drift.extra.map((p) => `extra:   ${relative(process.cwd(), p)}`),
  ];
  if (lines.length === 0) {
    process.stdout.write('generated files are up to date\n');
    return 0;
  }
  process.stdout.write(lines.join('\n') + `\noaskit generate --check: ${lines.length} generated file(s) out of date; run \`oaskit generate\`\n`);
  return 1;
};

function merge(into: Drift, from: Drift): void {
  into.stale.push(...from.stale);
  into.missing.push(...from.missing);
  into.extra.push(...from.extra);
}
