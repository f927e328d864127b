// `oaskit docs [--spec FILE...] [-o DIR] [--serve] [--port N] [--quiet]`: the API reference site
// (default generated/docs/) from every spec in spec/ (or the given ones), the README.md of each
// generated package (only for spec/), a page-weight report, and with --serve the site on localhost
// (port 4080, or a free one when the default is taken) until Ctrl-C.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readmeEmitter } from '../../emit/package/readme.ts';
import { serveDocs } from '../../emit/docs/serve.ts';
import { formatWeight, siteWeight } from '../../emit/docs/weights.ts';
import { defaultContext, emitSite, modelOf, SpecHasErrors, writeFolder } from '../../pipeline/pipeline.ts';
import { UnreadableSpecError } from '../../load/workspace.ts';
import type { ApiModel } from '../../model/types.ts';
import { freePort, isFree } from '../../mock/ports.ts';
import { parseCommand, parsePort, UsageError, type Command } from '../command.ts';
import { DEFAULT_DOCS_PORT, definitions } from '../definitions.ts';
import { progress } from '../progress.ts';
import { specsToUse } from '../project.ts';
import { waitForSignal } from '../signals.ts';

export const command: Command = async (argv) => {
  const { values } = parseCommand(definitions.docs, argv);
  if (values.port !== undefined && !values.serve) throw new UsageError('--port needs --serve');
  const explicitPort = values.port === undefined ? undefined : parsePort(values.port, DEFAULT_DOCS_PORT, 1, true);
  const cwd = process.cwd();
  const { specs, fromProject } = specsToUse(values.spec ?? [], cwd);
  const out = resolve(values.out ?? join(cwd, 'generated', 'docs'));
  if (!isReplaceable(out)) throw new UsageError(`refusing to write into ${out}: it has files and is not an oaskit docs folder`);
  const say = progress('docs', { quiet: values.quiet });

  const models: ApiModel[] = [];
  for (const spec of specs) {
    say(`checking and modelling ${relative(cwd, spec)}`);
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
  say('emitting the reference site');
  const site = await emitSite(models, defaultContext);
  say(`writing ${relative(cwd, out) || '.'}/`);
  writeFolder(out, site);
  process.stdout.write(`wrote ${relative(cwd, out) || '.'}/ (${site.length} files) from ${specs.map((s) => relative(cwd, s)).join(', ')}\n`);
  if (fromProject) {
    say('writing the package READMEs');
    for (const model of models) {
      const dir = join(cwd, 'generated', model.name);
      for (const file of await readmeEmitter.emit(model, defaultContext)) {
        const path = join(dir, file.path);
        mkdirSync(dir, { recursive: true });
        if (!existsSync(path) || readFileSync(path, 'utf8') !== file.contents) writeFileSync(path, file.contents);
        process.stdout.write(`wrote ${relative(cwd, path)}\n`);
      }
    }
  }
  process.stdout.write(`page weight:\n${formatWeight(siteWeight(site))}\n`);
  if (!values.serve) return 0;

  const port = explicitPort ?? ((await isFree(DEFAULT_DOCS_PORT)) ? DEFAULT_DOCS_PORT : await freePort());
  const signals = waitForSignal();
  let server;
  try {
    server = await serveDocs(out, port);
  } catch (error) {
    signals.dispose();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`oaskit docs: port ${port} is in use; give another with --port N (0: any free port)\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(`serving the API reference at ${server.url} (Ctrl-C to stop)\n`);
  await signals.promise;
  await server.close();
  signals.dispose();
  process.stdout.write('stopped\n');
  return 0;
};

/** A folder the site may replace: missing, empty, or a site written before (it has assets/site.css). */
function isReplaceable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (readdirSync(dir).length === 0) return true;
  return existsSync(join(dir, 'assets', 'site.css')) && existsSync(join(dir, 'index.html'));
}
