// `oaskit diff OLD NEW [--format text|json|sarif|markdown] [--fail-on breaking|warning|never]`, or
// `oaskit diff [spec...] --base REF`: the changes between two versions of a spec (generator/diff/).
// Exit 0 nothing at or above --fail-on, 1 something, 2 bad usage or unusable input (the
// diagnostics of a spec with errors on stderr).
import { rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../../diagnostics/config.ts';
import { semverOf, summaryOf } from '../../diff/checks.ts';
import { exitCodeFor, formatDiff, diffFormats, type DiffFormat, type FailOn, type Files } from '../../diff/format.ts';
import { baseRef, GitError, gitRoot, specAtRef } from '../../diff/git-base.ts';
import { diffSpecs, type SpecDiff } from '../../diff/run.ts';
import { UnreadableSpecError } from '../../load/workspace.ts';
import { SpecHasErrors } from '../../pipeline/model-of.ts';
import { parseCommand, UsageError, type Command } from '../command.ts';
import { definitions } from '../definitions.ts';
import { specsToUse } from '../project.ts';

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommand(definitions.diff, argv);
  const format = (values.format ?? 'text') as DiffFormat;
  if (!diffFormats.includes(format)) throw new UsageError(`--format must be text, json, sarif or markdown, not ${JSON.stringify(values.format)}`);
  const failOn = (values['fail-on'] ?? 'breaking') as FailOn;
  if (!['breaking', 'warning', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be breaking, warning or never, not ${JSON.stringify(values['fail-on'])}`);
  const color = values['no-color'] ? false : (values.color ?? (format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR));

  const temps: string[] = [];
  try {
    let result: SpecDiff;
    let files: Files;
    if (positionals.length === 2 && values.base === undefined) {
      result = await diffSpecs(resolve(positionals[0]!), resolve(positionals[1]!));
      files = { workspaces: result.workspaces };
    } else {
      if (positionals.length === 1 && values.base === undefined) throw new UsageError('give OLD and NEW, or --base REF to compare a spec with its version at a git ref');
      ({ result, files } = await againstBase(positionals, values.base, temps));
    }
    process.stdout.write(formatDiff(format, result, files, { color, titles: result.titles }));
    return exitCodeFor(result, failOn);
  } catch (error) {
    if (error instanceof SpecHasErrors) {
      process.stderr.write(`oaskit diff: ${error.spec} cannot be compared: it has errors\n${error.report}`);
      return 2;
    }
    if (error instanceof UnreadableSpecError) {
      process.stderr.write(`oaskit diff: cannot read spec: ${error.message}\n`);
      return 2;
    }
    if (error instanceof GitError) throw new UsageError(error.message);
    if (error instanceof ConfigError) throw new UsageError(`invalid config ${error.message}`);
    throw error;
  } finally {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  }
};

/** Each spec against its version at the ref, merged into one result. */
async function againstBase(given: string[], ref: string | undefined, temps: string[]): Promise<{ result: SpecDiff; files: Files }> {
  const cwd = process.cwd();
  const root = gitRoot(cwd);
  const base = baseRef(cwd, ref);
  const { specs } = specsToUse(given, cwd);
  const merged: SpecDiff = { changes: [], summary: { breaking: 0, warning: 0, info: 0 }, semver: 'none', workspaces: [], titles: { old: base, new: 'working tree' } };
  const copies = new Map<string, string>();
  for (const spec of specs) {
    const copy = specAtRef(root, spec, base);
    temps.push(copy.root);
    if (!copy.path) {
      process.stderr.write(`oaskit diff: ${relative(cwd, spec)} is new since ${base}; nothing to compare\n`);
      continue;
    }
    copies.set(copy.root, root);
    const r = await diffSpecs(copy.path, spec);
    merged.changes.push(...r.changes);
    merged.workspaces.push(...r.workspaces);
  }
  merged.summary = summaryOf(merged.changes);
  merged.semver = semverOf(merged.changes);
  const relocate = (file: string) => {
    for (const [temp, repo] of copies) {
      if (file.startsWith(temp + sep)) return { file: join(repo, relative(temp, file)), note: `at ${base}` };
    }
    return undefined;
  };
  return { result: merged, files: { workspaces: merged.workspaces, relocate } };
}
