// `--base REF`: a spec's version at a git ref, written to a temporary folder with the files
// beside it (the whole folder of the spec at that ref, so its relative `$ref`s resolve as they
// did). Only `git` itself is run, with arguments, never a shell.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

export class GitError extends Error {}

function git(cwd: string, args: string[]): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    throw new GitError(`git ${args.join(' ')}: ${stderr || (error as Error).message}`);
  }
}

export function gitRoot(cwd: string): string {
  return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
}

/** The ref to compare with: the one given, else the merge base of HEAD and main. */
export function baseRef(cwd: string, given: string | undefined): string {
  if (given !== undefined) {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${given}^{commit}`]);
    return given;
  }
  return git(cwd, ['merge-base', 'HEAD', 'main']).toString('utf8').trim();
}

export interface BaseCopy {
  /** the spec's copy at the ref; undefined when the spec did not exist there */
  path?: string;
  /** the temporary folder that stands for the repository at the ref */
  root: string;
}

/** Writes the folder of `spec` as it was at `ref` under a new temporary folder. */
export function specAtRef(repoRoot: string, spec: string, ref: string): BaseCopy {
  const rel = relative(repoRoot, spec).split(sep).join('/');
  const root = mkdtempSync(join(tmpdir(), 'oaskit-base-'));
  const dir = dirname(rel);
  const listed = git(repoRoot, ['ls-tree', '-r', '--name-only', '-z', ref, '--', dir === '.' ? '.' : `${dir}/`]).toString('utf8').split('\0').filter(Boolean);
  if (!listed.includes(rel)) return { root };
  for (const file of listed) {
    if (!/\.(ya?ml|json)$/i.test(file)) continue;
    const target = join(root, ...file.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, git(repoRoot, ['show', `${ref}:${file}`]));
  }
  return { path: join(root, ...rel.split('/')), root };
}
