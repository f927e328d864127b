// Start-up of the command line, beside its peers in the same run: `oaskit check` against Redocly's
// `redocly lint` and Spectral's `spectral lint` (its spectral:oas ruleset) on every spec of spec/,
// `oaskit --version`, and the language server's first diagnostics for spec/appboy.yaml.
//   npm run bench:cli [-- --rounds N]
// Each command runs N rounds (default 5), interleaved; printed are medians of wall time and of CPU
// time (user + sys of the child, from bash's `times`: wall time drifts on a shared machine).
// Goals (issue 11): --version < 0.2 s; check faster than both peers and < 1 s; the language
// server's first diagnostics < 1 s after initialize.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LspClient, repoRoot, uriOf } from '../../test/lsp/lsp-client.ts';
import { median } from '../lib/stats.ts';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? NaN) || 5;
const bin = (name: string) => realpathSync(resolve(repoRoot, 'node_modules/.bin', name));
const ruleset = join(mkdtempSync(join(tmpdir(), 'oaskit-bench-cli-')), '.spectral.yaml');
writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
const quietEnv = { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NODE_OPTIONS: '' };

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** One run of a command: wall time around it, CPU time of the child from bash's `times`. */
function measure(argv: string[]): Sample {
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  // `times` prints the shell's own times, then its children's: "0m0.512s 0m0.101s"
  const script = `s=$(date +%s%N); ${quoted} >/dev/null 2>&1; e=$(date +%s%N); echo "$s $e"; times`;
  const out = execFileSync('bash', ['-c', script], { cwd: repoRoot, env: quietEnv, encoding: 'utf8' }).trim().split('\n');
  const [start, end] = out[0]!.split(' ').map(Number) as [number, number];
  const seconds = (t: string) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t)!;
    return Number(m[1]) * 60 + Number(m[2]);
  };
  const [user, sys] = out[2]!.split(' ').map(seconds) as [number, number];
  return { wallMs: (end - start) / 1e6, cpuMs: (user + sys) * 1000 };
}

const specs = readdirSync(join(repoRoot, 'spec'))
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((f) => `spec/${f}`);

type Tool = { name: string; argv: (spec: string) => string[] };
const tools: Tool[] = [
  { name: 'oaskit check', argv: (spec) => [process.execPath, resolve(repoRoot, 'bin/oaskit.js'), 'check', spec] },
  { name: 'redocly lint', argv: (spec) => [process.execPath, bin('redocly'), 'lint', spec] },
  { name: 'spectral lint', argv: (spec) => [process.execPath, bin('spectral'), 'lint', '--ruleset', ruleset, spec] },
];

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;
console.log(`bench:cli — ${rounds} rounds each, medians; @redocly/cli ${version['@redocly/cli']}, @stoplight/spectral-cli ${version['@stoplight/spectral-cli']}, node ${process.version}`);
// one untimed run of everything: the file cache warm for all alike
for (const spec of specs) for (const tool of tools) measure(tool.argv(spec));

const rows: string[][] = [['spec', 'command', 'wall', 'CPU', 'CPU vs oaskit']];
const verdicts: string[] = [];
for (const spec of specs) {
  const samples = new Map<Tool, Sample[]>(tools.map((t) => [t, []]));
  for (let r = 0; r < rounds; r++) for (const tool of tools) samples.get(tool)!.push(measure(tool.argv(spec)));
  const med = (tool: Tool, key: keyof Sample) => median(samples.get(tool)!.map((s) => s[key]));
  const ours = med(tools[0]!, 'cpuMs');
  for (const tool of tools) {
    rows.push([spec, tool.name, `${(med(tool, 'wallMs') / 1000).toFixed(2)} s`, `${(med(tool, 'cpuMs') / 1000).toFixed(2)} s`, tool === tools[0] ? '1.00×' : `${(med(tool, 'cpuMs') / ours).toFixed(2)}×`]);
  }
  const faster = tools.slice(1).every((t) => med(t, 'cpuMs') > ours && med(t, 'wallMs') > med(tools[0]!, 'wallMs'));
  verdicts.push(`${spec}: oaskit check ${faster ? 'faster than both peers' : 'NOT faster than both peers'} (CPU and wall); wall ${med(tools[0]!, 'wallMs') < 1000 ? '<' : '>='} 1 s`);
}

const versionSamples = Array.from({ length: rounds }, () => measure([process.execPath, resolve(repoRoot, 'bin/oaskit.js'), '--version']));
const versionWall = median(versionSamples.map((s) => s.wallMs));
rows.push(['-', 'oaskit --version', `${(versionWall / 1000).toFixed(2)} s`, `${(median(versionSamples.map((s) => s.cpuMs)) / 1000).toFixed(2)} s`, '']);
verdicts.push(`oaskit --version: ${versionWall < 200 ? '<' : '>='} 0.2 s`);

// The language server: spawn, initialize, open spec/appboy.yaml, wait for its first diagnostics.
const lspSamples: { ready: number; first: number; cpu: number }[] = [];
const appboy = resolve(repoRoot, 'spec/appboy.yaml');
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  const client = await LspClient.start();
  const t1 = performance.now();
  const uri = uriOf(appboy);
  client.open(appboy);
  await client.diagnostics(uri);
  const t2 = performance.now();
  lspSamples.push({ ready: t1 - t0, first: t2 - t0, cpu: cpuMsOf(client.child.pid!) });
  await client.stop();
}
const lspFirst = median(lspSamples.map((s) => s.first));
rows.push(['spec/appboy.yaml', 'oaskit lsp: initialize answered', `${(median(lspSamples.map((s) => s.ready)) / 1000).toFixed(2)} s`, '', '']);
rows.push(['spec/appboy.yaml', 'oaskit lsp: first diagnostics', `${(lspFirst / 1000).toFixed(2)} s`, `${(median(lspSamples.map((s) => s.cpu)) / 1000).toFixed(2)} s`, '']);
verdicts.push(`language server: first diagnostics for spec/appboy.yaml ${lspFirst < 1000 ? '<' : '>='} 1 s after initialize (spawn, initialize, didOpen, publishDiagnostics)`);

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  '));
console.log('');
for (const v of verdicts) console.log(v);

/** user + sys CPU time of a live process so far (Linux /proc), in ms. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // fields after the command: state is [0], utime [11], stime [12], in clock ticks (100 a second)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
