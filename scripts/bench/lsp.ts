// Language server latency, as a spec author types: the real server over stdio, driven by the
// protocol's own client. For each spec (spec/appboy.yaml and GitHub's api.github.com.json from
// @octokit/openapi, in the same run) it opens the file, then plays a realistic sequence of
// incremental edits, each a new version:
//   - structural edits: a property added to a schema (a block of lines), then removed;
//   - a `$ref` broken (one letter) and fixed;
//   - a new schema typed a character at a time at the end of components/schemas (every
//     intermediate text, broken ones included).
// Each version is timed from didChange until its complete diagnostics are published, examples
// included (the server runs with no pause before the expensive rules, so each version gets one
// publication with every rule). Prints the median and p95 per spec, the time from opening to the
// first diagnostics, and the server's peak RSS (CPU of the server process, user+system, too).
//   npx tsx scripts/bench/lsp.ts [--quick] [--only=appboy]
// Goals (issue 14): spec/appboy.yaml p95 < 50 ms; GitHub p95 < 300 ms, open -> first
// diagnostics < 2 s, RSS < 600 MB.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LspClient, repoRoot } from '../../test/lsp/lsp-client.ts';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const allSpecs = [
  { name: 'spec/appboy.yaml', path: resolve(repoRoot, 'spec/appboy.yaml'), goalMs: 50 },
  { name: 'api.github.com.json', path: resolve(repoRoot, 'node_modules/@octokit/openapi/generated/api.github.com.json'), goalMs: 300, openGoalMs: 2000, rssGoalMb: 600 },
];
const specs = allSpecs.filter((s) => !only || s.name.includes(only));

interface Edit {
  label: string;
  /** offset and length replaced in the current text, and the new text */
  at: number;
  remove: number;
  insert: string;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The sequence of edits for a spec; each applies to the text the previous ones left. */
function editsFor(text: string, json: boolean): Edit[] {
  const edits: Edit[] = [];
  // a schema with properties: a property added after its `properties` line, then removed
  const props = json ? /\n( +)"properties": \{\n/g : /\n( +)properties:\n/g;
  props.lastIndex = Math.floor(text.length / 3);
  const p = props.exec(text);
  if (!p) throw new Error('no schema with properties');
  const inner = p[1]! + '  ';
  const added = json ? `${inner}"bench_added": {\n${inner}  "type": "string",\n${inner}  "maxLength": 40\n${inner}},\n` : `${inner}bench_added:\n${inner}  type: string\n${inner}  maxLength: 40\n`;
  const propAt = p.index + p[0].length;
  for (let round = 0; round < (quick ? 2 : 5); round++) {
    edits.push({ label: 'add a property', at: propAt, remove: 0, insert: added });
    edits.push({ label: 'remove it', at: propAt, remove: added.length, insert: '' });
  }
  // a $ref broken (a letter added to the name) and fixed
  const ref = json ? /"\$ref": "#\/components\/schemas\/([^"]+)"/g : /\$ref: '#\/components\/schemas\/([^']+)'/g;
  ref.lastIndex = Math.floor(text.length / 2);
  const r = ref.exec(text);
  if (!r) throw new Error('no $ref to a schema');
  const nameEnd = r.index + r[0].length - 1;
  for (let round = 0; round < (quick ? 2 : 5); round++) {
    edits.push({ label: 'break a $ref', at: nameEnd, remove: 0, insert: 'X' });
    edits.push({ label: 'fix it', at: nameEnd, remove: 1, insert: '' });
  }
  // a new schema typed a character at a time, as the first member of components/schemas
  const schemas = json ? /\n( +)"schemas": \{\n/.exec(text) : /\n( +)schemas:\n/.exec(text);
  if (!schemas) throw new Error('no components/schemas');
  const ind = schemas[1]! + '  ';
  const typed = json ? `${ind}"BenchTyped": {\n${ind}  "type": "object",\n${ind}  "properties": {\n${ind}    "id": { "type": "integer" }\n${ind}  }\n${ind}},\n` : `${ind}BenchTyped:\n${ind}  type: object\n${ind}  properties:\n${ind}    id:\n${ind}      type: integer\n`;
  // as in an editor: Enter at the end of the `schemas` line brings the indentation with it, then
  // one character at a time, each later Enter with its indentation again
  const typedAt = schemas.index + schemas[0].length - 1;
  const chars = '\n' + (quick ? typed.slice(0, 40) : typed).replace(/\n$/, '');
  const keys = chars.match(/\n *|[^\n]/g)!;
  let offset = typedAt;
  for (const k of keys) {
    edits.push({ label: 'type a schema', at: offset, remove: 0, insert: k });
    offset += k.length;
  }
  edits.push({ label: 'delete it', at: typedAt, remove: chars.length, insert: '' });
  return edits;
}

async function serverCpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(stat[11]) + Number(stat[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const rows: string[] = [];
for (const spec of specs) {
  if (!existsSync(spec.path)) {
    rows.push(`${spec.name}: absent, skipped`);
    continue;
  }
  // one server per spec, so that its peak RSS is that spec's
  const client = await LspClient.start({ OASKIT_LSP_EXPENSIVE_DELAY_MS: '0' });
  const pid = client.child.pid!;
  try {
    let text = readFileSync(spec.path, 'utf8');
    const json = spec.path.endsWith('.json');
    const t0 = performance.now();
    const uri = client.open(spec.path, text);
    const first = await client.diagnostics(uri, (p) => p.version === 1, 180_000);
    const openMs = performance.now() - t0;
    const cpuBefore = await serverCpuMs(pid);
    const times: number[] = [];
    const byLabel = new Map<string, number[]>();
    for (const e of editsFor(text, json)) {
      const start = positionOf(text, e.at);
      const end = positionOf(text, e.at + e.remove);
      text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
      const t = performance.now();
      const version = client.edit(uri, { start, end }, e.insert);
      await client.nextDiagnostics(uri, (p) => p.version === version, 120_000);
      const ms = performance.now() - t;
      times.push(ms);
      byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), ms]);
      // keystrokes are not back to back
      await new Promise((r) => setTimeout(r, 5));
    }
    const cpuAfter = await serverCpuMs(pid);
    const rss = peakRssMb(pid);
    times.sort((a, b) => a - b);
    const p95 = quantile(times, 0.95);
    const parts = [...byLabel].map(([label, list]) => `${label} ${quantile(list.sort((a, b) => a - b), 0.5).toFixed(0)}`).join(', ');
    const goals = [`p95 < ${spec.goalMs} ms: ${p95 < spec.goalMs ? 'met' : 'MISSED'}`];
    if (spec.openGoalMs) goals.push(`open < ${spec.openGoalMs} ms: ${openMs < spec.openGoalMs ? 'met' : 'MISSED'}`);
    if (spec.rssGoalMb && rss !== undefined) goals.push(`RSS < ${spec.rssGoalMb} MB: ${rss < spec.rssGoalMb ? 'met' : 'MISSED'}`);
    rows.push(
      `${spec.name} (${(readFileSync(spec.path).length / 1024).toFixed(0)} KB): ${times.length} versions, each until its complete diagnostics (examples included): ` +
        `median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times.at(-1)!.toFixed(0)} ms; medians by step (ms): ${parts}; ` +
        `open -> first diagnostics ${openMs.toFixed(0)} ms (${first.diagnostics.length} diagnostics); ` +
        `server CPU over the edits ${cpuBefore !== undefined && cpuAfter !== undefined ? `${(cpuAfter - cpuBefore).toFixed(0)} ms (${((cpuAfter - cpuBefore) / times.length).toFixed(1)} ms per version)` : 'n/a'}; ` +
        `peak RSS ${rss !== undefined ? rss.toFixed(0) + ' MB' : 'n/a'}. Goals: ${goals.join(', ')}`,
    );
    client.close(uri);
  } finally {
    await client.stop();
  }
}
console.log(rows.join('\n'));
