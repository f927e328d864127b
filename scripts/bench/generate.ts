// npm run bench:generate — `oaskit generate` (everything: types, client, operations, validators,
// README, package files) beside openapi-typescript's CLI (types only) on the same spec, each a
// fresh child process, alternating in one run; medians over ROUNDS (default 3) of CPU time (user +
// system, from /usr/bin/time) and peak RSS. Targets (issue 11): at most 1.5x the CPU and 2x the
// peak RSS of openapi-typescript on each spec.
//
// Specs: petstore (the test fixture), GitHub's REST API description (@octokit/openapi) and, as
// Stripe's description is not available offline, the largest spec of ../shared/robustness that
// generates (dutchie.json, 735 kB, OpenAPI 3.0; OpenAI's 1.9 MB one has errors that block
// generation); skipped with a reason when ../shared is absent. `npm run bench:generate -- github`
// runs one spec.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../lib/stats.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const rounds = Number(process.env.ROUNDS ?? 3);
const only = process.argv.slice(2);

const specs: { name: string; path?: string; missing?: string }[] = [
  { name: 'petstore', path: join(root, 'test/client/fixtures/petstore.yaml') },
  { name: 'github', path: require.resolve('@octokit/openapi/generated/api.github.com.json') },
  (() => {
    const path = join(root, '../shared/robustness/hey-api-specs/specs/3.0.x/dutchie.json');
    return existsSync(path) ? { name: 'dutchie', path } : { name: 'dutchie', missing: `${path} is absent (../shared not laid out)` };
  })(),
];

interface Sample {
  cpu: number;
  rssMb: number;
}

/** One child process under /usr/bin/time: its CPU seconds and peak RSS. */
function measure(command: string[], label: string): Sample {
  const stats = join(work, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-o', stats, '-f', '%U %S %M', ...command], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${label} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  const [user, sys, kb] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(/\s+/).map(Number);
  return { cpu: user! + sys!, rssMb: kb! / 1024 };
}

const work = mkdtempSync(join(tmpdir(), 'oaskit-bench-generate-'));
const oaskit = [process.execPath, join(root, 'bin/oaskit.js')];
const openapiTs = [process.execPath, join(root, 'node_modules/openapi-typescript/bin/cli.js')];
try {
  // bin/oaskit.js rebuilds dist/ when the sources changed: once here, not inside a measured run
  spawnSync(process.execPath, [join(root, 'bin/oaskit.js'), '--version'], { cwd: root });
  console.log(`bench:generate — child processes, ${rounds} rounds alternating, medians; CPU = user + system (/usr/bin/time)`);
  console.log('  spec       openapi-typescript (types)   oaskit generate (all files)   CPU ratio   RSS ratio');
  let over = false;
  for (const spec of specs) {
    if (only.length && !only.includes(spec.name)) continue;
    if (!spec.path) {
      console.log(`  ${spec.name.padEnd(10)} skipped: ${spec.missing}`);
      continue;
    }
    const peer: Sample[] = [];
    const ours: Sample[] = [];
    for (let i = 0; i < rounds; i++) {
      peer.push(measure([...openapiTs, spec.path, '-o', join(work, `${spec.name}.d.ts`), '--silent'], `openapi-typescript ${spec.name}`));
      rmSync(join(work, spec.name), { recursive: true, force: true });
      ours.push(measure([...oaskit, 'generate', '--quiet', '--spec', spec.path, '-o', join(work, spec.name)], `oaskit generate ${spec.name}`));
    }
    const p = { cpu: median(peer.map((s) => s.cpu)), rss: median(peer.map((s) => s.rssMb)) };
    const o = { cpu: median(ours.map((s) => s.cpu)), rss: median(ours.map((s) => s.rssMb)) };
    const cpuRatio = o.cpu / p.cpu;
    const rssRatio = o.rss / p.rss;
    if (cpuRatio > 1.5 || rssRatio > 2) over = true;
    const cell = (s: { cpu: number; rss: number }) => `${s.cpu.toFixed(2)} s CPU, ${s.rss.toFixed(0)} MB`.padEnd(29);
    console.log(`  ${spec.name.padEnd(10)} ${cell(p)}${cell(o)} ${cpuRatio.toFixed(2).padStart(6)}x ${rssRatio.toFixed(2).padStart(10)}x`);
  }
  console.log(`targets: CPU ratio <= 1.5x, RSS ratio <= 2x: ${over ? 'OVER on at least one spec' : 'met'}`);
  if (over) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
