// The output formats of `oaskit diff`: text like `check`'s (position, level, id, message, code
// frame), the JSON object the CI reads, SARIF 2.1.0 (through check's SARIF writer), and Markdown
// as a changelog a release can carry (spec text escaped, never markup).
import type { Severity } from '../core/diagnostic.ts';
import { codeFrame, formatSarif } from '../diagnostics/format.ts';
import { displayPath, locateDiagnostic, type Located } from '../diagnostics/position.ts';
import type { Workspace } from '../load/workspace.ts';
import { allChecks, checkDefinition, type Change, type Level } from './checks.ts';
import type { DiffResult } from './diff.ts';

export type DiffFormat = 'text' | 'json' | 'sarif' | 'markdown';
export const diffFormats: readonly DiffFormat[] = ['text', 'json', 'sarif', 'markdown'];

const severityOf: Record<Level, Severity> = { breaking: 'error', warning: 'warning', info: 'info' };

/**
 * Where the files are, and how to show them: `--base` loads the old spec from a temporary copy,
 * shown as the file it was (with the ref in the message).
 */
export interface Files {
  workspaces: readonly Workspace[];
  relocate?: (file: string) => { file: string; note: string } | undefined;
}

/** A change placed in its file (undefined when it has no location or the file is not loaded). */
function locate(c: Change, files: Files): Located | undefined {
  if (!c.loc) return undefined;
  const source = files.workspaces.map((w) => w.get(c.loc!.file)).find((s) => s !== undefined);
  const moved = files.relocate?.(c.loc.file);
  const message = `${c.operation ? `${c.operation}: ` : ''}${c.message}${moved ? ` (${moved.note})` : ''}`;
  const l = locateDiagnostic({ code: c.id, severity: severityOf[c.level], message, file: c.loc.file, pointer: c.loc.pointer }, source);
  return moved ? { ...l, diagnostic: { ...l.diagnostic, file: moved.file } } : l;
}

const position = (l: Located) => `${displayPath(l.diagnostic.file)}:${l.start.line}:${l.start.col}`;

const colors = { breaking: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' } as const;

export function formatDiffText(result: DiffResult, files: Files, options: { color?: boolean } = {}): string {
  const paint = (color: keyof typeof colors, text: string) => (options.color ? `${colors[color]}${text}${colors.reset}` : text);
  const out: string[] = [];
  for (const c of result.changes) {
    const l = locate(c, files);
    const head = `${paint(c.level, c.level)} ${paint('dim', c.id)}: ${l ? l.diagnostic.message : `${c.operation ? `${c.operation}: ` : ''}${c.message}`}`;
    out.push(l ? `${paint('bold', position(l))} - ${head}` : head);
    if (l?.source) out.push(codeFrame(l.source.text, l.start, l.end, (t) => paint(c.level, t)), '');
  }
  out.push(`${summaryLine(result)}; semver: ${result.semver}`);
  return out.join('\n') + '\n';
}

function summaryLine({ summary, changes }: DiffResult): string {
  if (!changes.length) return 'no changes';
  return `${summary.breaking} breaking, ${summary.warning} warning${summary.warning === 1 ? '' : 's'}, ${summary.info} info`;
}

export function formatDiffJson(result: DiffResult, files: Files): string {
  const changes = result.changes.map((c) => {
    const l = locate(c, files);
    const note = c.loc && files.relocate?.(c.loc.file)?.note;
    return { id: c.id, level: c.level, ...(c.operation ? { operation: c.operation } : {}), ...(l ? { location: position(l) } : {}), message: note ? `${c.message} (${note})` : c.message };
  });
  return JSON.stringify({ changes, summary: result.summary, semver: result.semver }, null, 2) + '\n';
}

export function formatDiffSarif(result: DiffResult, files: Files): string {
  const located = result.changes.map((c) => locate(c, files)).filter((l): l is Located => l !== undefined);
  const rules = allChecks().map((c) => ({ id: c.id, description: c.description, severity: severityOf[c.level] }));
  return formatSarif(located, rules);
}

/**
 * Markdown text from spec text, inside a list item (never at the start of a line): emphasis, code,
 * links, tables and HTML escaped; line breaks folded.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`)).replace(/[\r\n]+/g, ' ');
}

export function formatDiffMarkdown(result: DiffResult, titles: { old?: string; new?: string } = {}): string {
  const sections: [string, (c: Change) => boolean][] = [
    ['Breaking changes', (c) => c.level === 'breaking'],
    ['Warnings', (c) => c.level === 'warning'],
    ['Additions', (c) => c.level === 'info' && checkDefinition(c.id).bump !== 'patch'],
    ['Documentation', (c) => c.level === 'info' && checkDefinition(c.id).bump === 'patch'],
  ];
  const out = [`## API changes (semver: ${result.semver})`, ''];
  if (titles.old !== undefined || titles.new !== undefined) out.push(`Compared: ${markdownText(titles.old ?? '?')} → ${markdownText(titles.new ?? '?')}`, '');
  if (!result.changes.length) out.push('No changes.', '');
  for (const [title, pick] of sections) {
    const items = result.changes.filter(pick);
    if (!items.length) continue;
    out.push(`### ${title}`, '');
    for (const c of items) out.push(`- ${c.operation ? `**${markdownText(c.operation)}**: ` : ''}${markdownText(c.message)} (\`${c.id}\`)`);
    out.push('');
  }
  return out.join('\n');
}

export function formatDiff(format: DiffFormat, result: DiffResult, files: Files, options: { color?: boolean; titles?: { old?: string; new?: string } } = {}): string {
  switch (format) {
    case 'json':
      return formatDiffJson(result, files);
    case 'sarif':
      return formatDiffSarif(result, files);
    case 'markdown':
      return formatDiffMarkdown(result, options.titles);
    default:
      return formatDiffText(result, files, options);
  }
}

export type FailOn = 'breaking' | 'warning' | 'never';

/** 1 when something at or above the --fail-on level was found, else 0. */
export function exitCodeFor(result: DiffResult, failOn: FailOn): number {
  if (failOn === 'never') return 0;
  if (result.summary.breaking) return 1;
  return failOn === 'warning' && result.summary.warning ? 1 : 0;
}
