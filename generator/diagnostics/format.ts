// The three output formats of `oaskit check`: text (like tsc, with a code frame), JSON, and
// SARIF 2.1.0 for code-scanning services.
import { pathToFileURL } from 'node:url';
import type { Severity } from '../core/diagnostic.ts';
import type { Located } from './position.ts';
import { displayPath, locateDiagnostic } from './position.ts';

export type OutputFormat = 'text' | 'json' | 'sarif';

const colors = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' } as const;

/** `file:line:col - severity code: message`, each followed by a code frame, then a summary. */
export function formatText(items: Located[], options: { color?: boolean; frame?: boolean } = {}): string {
  const paint = (color: keyof typeof colors, text: string) => (options.color ? `${colors[color]}${text}${colors.reset}` : text);
  const out: string[] = [];
  for (const { diagnostic: d, start, end, source } of items) {
    out.push(`${paint('bold', `${displayPath(d.file)}:${start.line}:${start.col}`)} - ${paint(d.severity, d.severity)} ${paint('dim', d.code)}: ${d.message}`);
    // the places that belong to it (each problem of an example, the first use of an id)
    for (const r of d.related ?? []) {
      const at = r.file === d.file && source ? locateDiagnostic({ ...d, ...r, offsets: undefined }, source).start : undefined;
      out.push(`    ${paint('dim', at ? `${displayPath(r.file)}:${at.line}:${at.col}` : `${displayPath(r.file)}#${r.pointer}`)} ${r.message}`);
    }
    if (options.frame !== false && source) out.push(codeFrame(source.text, start, end, (t) => paint(d.severity, t)), '');
  }
  const count = (s: string) => items.filter((i) => i.diagnostic.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const others = count('info') + count('hint');
  out.push(items.length === 0 ? 'no problems found' : `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}${others ? `, ${others} info` : ''}`);
  return out.join('\n') + '\n';
}

/** The line of the diagnostic with its range underlined (to the end of the line when it runs on). */
export function codeFrame(text: string, start: { line: number; col: number }, end: { line: number; col: number }, paint: (t: string) => string = (t) => t): string {
  const lineStart = nthLineStart(text, start.line);
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  const gutter = String(start.line);
  // tabs and control characters shown as one column each, so the underline stays aligned
  const shown = line.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
  const from = Math.min(start.col - 1, shown.length);
  const to = end.line === start.line ? Math.min(end.col - 1, shown.length) : shown.trimEnd().length;
  const width = Math.max(1, to - from);
  return `${gutter} | ${shown}\n${' '.repeat(gutter.length)} | ${' '.repeat(from)}${paint('~'.repeat(width))}`;
}

function nthLineStart(text: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

export function formatJson(items: Located[]): string {
  return (
    JSON.stringify(
      items.map(({ diagnostic: d, start, end }) => ({
        file: displayPath(d.file),
        line: start.line,
        column: start.col,
        endLine: end.line,
        endColumn: end.col,
        severity: d.severity,
        code: d.code,
        message: d.message,
        ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
        ...(d.suggestion ? { suggestion: d.suggestion } : {}),
        ...(d.related ? { related: d.related.map((r) => ({ file: displayPath(r.file), pointer: r.pointer, message: r.message })) } : {}),
      })),
      null,
      2,
    ) + '\n'
  );
}

const sarifLevel = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, with a rule entry (description, default level) for every code oaskit has. */
export function formatSarif(items: Located[], rules: { id: string; description: string; severity?: Severity; optIn?: true }[], cwd = process.cwd()): string {
  const ruleIds = [...new Set([...rules.map((r) => r.id), ...items.map((i) => i.diagnostic.code)])].sort();
  const byId = new Map(rules.map((r) => [r.id, r]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'oaskit',
            informationUri: 'https://github.com/oaskit/oaskit',
            rules: ruleIds.map((id) => {
              const r = byId.get(id);
              return {
                id,
                name: id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
                shortDescription: { text: r?.description ?? id },
                fullDescription: { text: r?.description ?? id },
                defaultConfiguration: { level: sarifLevel[r?.severity ?? 'error'], ...(r?.optIn ? { enabled: false } : {}) },
              };
            }),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : cwd + '/').href } },
        results: items.map(({ diagnostic: d, start, end }) => {
          const shown = displayPath(d.file, cwd);
          const relativeToCwd = !shown.startsWith('/') && !/^[a-z]:[\\/]/i.test(shown);
          return {
            ruleId: d.code,
            ruleIndex: ruleIds.indexOf(d.code),
            level: sarifLevel[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: relativeToCwd ? { uri: shown.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' } : { uri: pathToFileURL(d.file).href },
                  region: { startLine: start.line, startColumn: start.col, endLine: end.line, endColumn: Math.max(end.col, start.col + (end.line === start.line ? 1 : 0)) },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
