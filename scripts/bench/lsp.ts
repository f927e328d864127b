// Language server latency: the real server over stdio, as an editor drives it. For each spec it
// opens the file, then sends N incremental didChange notifications (alternating a harmless
// one-character edit in a description and its undo), each time waiting for the publishDiagnostics of that version, and prints the median and
// p95 of didChange -> publishDiagnostics. It also times one full pass (the expensive rules, which
// run after a pause) and the first open.
//   npx tsx scripts/bench/lsp.ts [N] [--full]
// Goals: p95 < 50 ms for spec/appboy.yaml, < 1 s for GitHub's api.github.com.json (13 MB).
// OASKIT_LSP_TRACE=1 in the environment makes the server log each pass's time on stderr.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LspClient, repoRoot } from '../../test/lsp/lsp-client.ts';

const args = process.argv.slice(2);
// --full: send the whole text with every change (a client without incremental sync)
const fullText = args.includes('--full');
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100);
const specs = [
  { name: 'spec/appboy.yaml', path: resolve(repoRoot, 'spec/appboy.yaml'), n, goalMs: 50 },
  { name: 'api.github.com.json', path: resolve(repoRoot, 'node_modules/@octokit/openapi/generated/api.github.com.json'), n: Math.max(10, Math.round(n / 5)), goalMs: 1000 },
];

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/** Where a harmless edit goes: the first letter of the first description (the document stays valid). */
function harmlessEdit(text: string): { at: number; original: string; replacement: string } {
  const m = /(description"?\s*:\s*["']?)([A-Za-z])/.exec(text);
  if (!m) throw new Error('no description to edit');
  const at = m.index + m[1]!.length;
  return { at, original: text[at]!, replacement: text[at] === 'X' ? 'Y' : 'X' };
}

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

const client = await LspClient.start({ OASKIT_LSP_EXPENSIVE_DELAY_MS: '300' });
const rows: string[] = [];
try {
  for (const spec of specs) {
    if (!existsSync(spec.path)) {
      rows.push(`${spec.name}: absent, skipped`);
      continue;
    }
    const original = readFileSync(spec.path, 'utf8');
    const edit = harmlessEdit(original);
    const start = positionOf(original, edit.at);
    const range = { start, end: { line: start.line, character: start.character + 1 } };
    // incremental changes, as an editor sends them (the server asks for incremental sync)
    const edited = original.slice(0, edit.at) + edit.replacement + original.slice(edit.at + 1);
    const change = (i: number) => (fullText ? client.change(uri, i % 2 === 0 ? edited : original) : client.edit(uri, range, i % 2 === 0 ? edit.replacement : edit.original));
    let t = performance.now();
    const uri = client.open(spec.path, original);
    const first = await client.diagnostics(uri, (p) => p.version === 1, 120_000);
    const openMs = performance.now() - t;
    // the expensive pass of the open (example validation) finishes before the changes start
    await new Promise((r) => setTimeout(r, 200));
    await client.nextDiagnostics(uri, (p) => p.version === 1, 120_000).catch(() => undefined);
    const times: number[] = [];
    for (let i = 0; i < spec.n; i++) {
      t = performance.now();
      const version = change(i);
      await client.nextDiagnostics(uri, (p) => p.version === version, 60_000);
      times.push(performance.now() - t);
      // an editor's keystrokes are not back to back; let the server breathe between changes
      await new Promise((r) => setTimeout(r, 5));
    }
    // one full pass: change, then wait for the second publication of that version (the expensive rules)
    t = performance.now();
    const version = change(spec.n);
    await client.nextDiagnostics(uri, (p) => p.version === version, 60_000);
    const cheapMs = performance.now() - t;
    await client.nextDiagnostics(uri, (p) => p.version === version, 120_000);
    const fullMs = performance.now() - t;
    // the first changes run while the JIT compiles the server: shown apart as well
    const warm = times.slice(Math.min(10, Math.floor(times.length / 4))).sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const median = quantile(times, 0.5);
    const p95 = quantile(times, 0.95);
    rows.push(
      `${spec.name} (${(original.length / 1024).toFixed(0)} KB, ${first.diagnostics.length} diagnostics, ${fullText ? 'full-text' : 'incremental'} changes): ` +
        `didChange -> publishDiagnostics over ${spec.n} changes: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (goal p95 < ${spec.goalMs} ms: ${p95 < spec.goalMs ? 'met' : 'MISSED'}); ` +
        `after the first ${times.length - warm.length} (JIT warm-up): median ${quantile(warm, 0.5).toFixed(1)} ms, p95 ${quantile(warm, 0.95).toFixed(1)} ms; ` +
        `first open ${openMs.toFixed(0)} ms; one change with the expensive rules: ${cheapMs.toFixed(0)} ms cheap, ${fullMs.toFixed(0)} ms full (incl. the 300 ms pause)`,
    );
    client.close(uri);
  }
} finally {
  await client.stop();
}
console.log(rows.join('\n'));
