// The language server on the hostile specs of the security review (test/security/hostile-cases.ts),
// spoken to over stdio by a real client: each gets its diagnostics, and the server is still there
// to answer afterwards (no crash, no stack trace). The two cases about whole-file size are left to
// the command tests: the server reads files through the same loader.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { hostileCases, writeCase } from '../security/hostile-cases.ts';
import { LspClient } from './lsp-client.ts';

const work = mkdtempSync(join(tmpdir(), 'oaskit-lsp-hostile-'));
let client: LspClient;

beforeAll(async () => {
  client = await LspClient.start({ OASKIT_LSP_EXPENSIVE_DELAY_MS: '50' });
}, 30_000);

afterAll(async () => {
  await client?.stop();
  rmSync(work, { recursive: true, force: true });
});

const cases = hostileCases.filter((c) => !/more than (4,000,000 values|64 MiB)/.test(c.name));

describe('the language server on hostile specs', () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s: diagnostics, and it keeps answering', { timeout: 60_000 }, async (_, c, i) => {
    const spec = writeCase(join(work, String(i)), c);
    const uri = client.open(spec, readFileSync(spec, 'utf8'));
    const codes = c.check.says.map((re) => / - error ([a-z-]+):/.exec(re.source.replace(/\\/g, ''))![1]!);
    const published = await client.diagnostics(uri, (p) => codes.every((code) => p.diagnostics.some((d) => d.code === code && d.severity === 1)), 45_000);
    if (codes.length === 0) expect(published.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    // still answering: a hover and the outline of the same document
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    expect(hover === null || typeof hover === 'object').toBe(true);
    const symbols = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols === null || Array.isArray(symbols)).toBe(true);
    client.close(uri);
    expect(client.child.exitCode).toBe(null);
    expect(client.stderr.join('')).not.toMatch(/\n\s+at |Maximum call stack|internal error/);
  });
});
