// The three output formats of `oaskit check`: text (like tsc, with a code frame), JSON, and
// SARIF 2.1.0 for code-scanning services.
import { pathToFileURL } from 'node:url';
import type { Located } from './position.ts';
import { displayPath } from './position.ts';

export type OutputFormat = 'text' | 'json' | 'sarif';

export function formatText(items: Located[], options: { color?: boolean; frame?: boolean } = {}): string {
  const out: string[] = [];
  for (const { diagnostic: d, start, end, source } of items) {
    out.push(`${displayPath(d.file)}:${start.line}:${start.col} - ${d.severity} ${d.code}: ${d.message}`);
    if (options.frame !== false && source) out.push(codeFrame(source.text, start, end), '');
  }
  const errors = items.filter((i) => i.diagnostic.severity === 'error').length;
  const warnings = items.filter((i) => i.diagnostic.severity === 'warning').length;
  out.push(items.length === 0 ? 'no problems found' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return out.join('\n') + '\n';
}

function codeFrame(text: string, start: { line: number; col: number }, end: { line: number; col: number }): string {
  const lines = text.split('\n');
  const line = lines[start.line - 1] ?? '';
  const gutter = String(start.line);
  const width = Math.max(1, end.line === start.line ? end.col - start.col : line.length - start.col + 1);
  const shown = line.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
  return `${gutter} | ${shown}\n${' '.repeat(gutter.length)} | ${' '.repeat(start.col - 1)}${'~'.repeat(Math.min(width, Math.max(1, shown.length - start.col + 1)))}`;
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
      })),
      null,
      2,
    ) + '\n'
  );
}

const sarifLevel = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(items: Located[], rules: { id: string; description: string }[]): string {
  const ruleIds = [...new Set([...rules.map((r) => r.id), ...items.map((i) => i.diagnostic.code)])].sort();
  const describe = new Map(rules.map((r) => [r.id, r.description]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'oaskit',
            informationUri: 'https://github.com/oaskit/oaskit',
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: describe.get(id) ?? id } })),
          },
        },
        results: items.map(({ diagnostic: d, start, end }) => ({
          ruleId: d.code,
          ruleIndex: ruleIds.indexOf(d.code),
          level: sarifLevel[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: displayPath(d.file).startsWith('/') ? pathToFileURL(d.file).href : displayPath(d.file) },
                region: { startLine: start.line, startColumn: start.col, endLine: end.line, endColumn: Math.max(end.col, start.col + (end.line === start.line ? 1 : 0)) },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
