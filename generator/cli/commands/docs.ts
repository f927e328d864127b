// `oaskit docs [--out DIR] [--serve] [--port N] [--spec FILE...]`: the API reference site (default
// generated/docs/) from every spec in spec/ (or the given ones), the README.md of each generated
// package (only for spec/), a page-weight report, and with --serve the site on localhost until
// Ctrl-C.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { docsReadmeEmitter } from '../../emit/docs/index.ts';
import { serveDocs } from '../../emit/docs/serve.ts';
import { formatWeight, siteWeight } from '../../emit/docs/weights.ts';
import { defaultContext, emitSite, modelOf, SpecHasErrors, writeFolder } from '../../pipeline/pipeline.ts';
import { formatFile } from '../../emit/format.ts';
import { UnreadableSpecError } from '../../load/workspace.ts';
import type { ApiModel } from '../../model/types.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';
import { specFiles } from './check.ts';

export const command: Command = async (argv) => {
  const { values, positionals } = parseOptions(argv, {
    out: { type: 'string' },
    serve: { type: 'boolean', default: false },
    port: { type: 'string' },
    spec: { type: 'string', multiple: true },
  });
  if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not ${JSON.stringify(values.port)}`);
  const cwd = process.cwd();
  const specs = values.spec?.length ? values.spec.map((s) => resolve(s)) : specFiles(cwd);
  if (specs.length === 0) throw new UsageError('no spec/*.yaml in this folder (or give --spec FILE)');
  const out = resolve(values.out ?? join(cwd, 'generated', 'docs'));
  if (!isReplaceable(out)) throw new UsageError(`refusing to write into ${out}: it has files and is not an oaskit docs folder`);

  const models: ApiModel[] = [];
  for (const spec of specs) {
    try {
      models.push(await modelOf(spec));
    } catch (error) {
      if (error instanceof SpecHasErrors) {
        process.stderr.write(error.report + `oaskit docs: ${relative(cwd, spec)} has errors; no docs were written\n`);
        return 1;
      }
      if (error instanceof UnreadableSpecError) throw new UsageError(`cannot read ${error.path}: ${error.reason}`);
      throw error;
    }
  }
  const site = await emitSite(models, defaultContext);
  writeFolder(out, site);
  process.stdout.write(`wrote ${relative(cwd, out) || '.'}/ (${site.length} files) from ${specs.map((s) => relative(cwd, s)).join(', ')}\n`);
  if (!values.spec?.length) {
    for (const model of models) {
      const dir = join(cwd, 'generated', model.name);
      for (const file of await Promise.all((await docsReadmeEmitter.emit(model, defaultContext)).map(formatFile))) {
        const path = join(dir, file.path);
        mkdirSync(dir, { recursive: true });
        if (!existsSync(path) || readFileSync(path, 'utf8') !== file.contents) writeFileSync(path, file.contents);
        process.stdout.write(`wrote ${relative(cwd, path)}\n`);
      }
    }
  }
  process.stdout.write(`page weight:\n${formatWeight(siteWeight(site))}\n`);
  if (!values.serve) return 0;

  const server = await serveDocs(out, port);
  process.stdout.write(`serving the API reference at ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write('stopped\n');
  return 0;
};

/** A folder the site may replace: missing, empty, or a site written before (it has assets/site.css). */
function isReplaceable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (readdirSync(dir).length === 0) return true;
  return existsSync(join(dir, 'assets', 'site.css')) && existsSync(join(dir, 'index.html'));
}
