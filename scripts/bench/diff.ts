// npm run bench:diff — `oaskit diff` on two versions of GitHub's description (GitHub Enterprise
// Server 3.18 and 3.19, from @octokit/openapi) beside what oaskit takes to load one of them (the
// load `generate` does: parse, sandboxed refs, every rule, model). Goal (issue 13): the diff in at
// most 2x the load of one. `diff` skips the rules whose errors never block (example validation),
// so its two loads cost less than two of these. Medians over several rounds after a warm-up, CPU time (user +
// system, the machine is shared) and wall time; the compare step alone is printed too.
import { createRequire } from 'node:module';
import { diffModels } from '../../generator/diff/diff.ts';
import { diffSpecs } from '../../generator/diff/run.ts';
import { modelWithReport } from '../../generator/pipeline/model-of.ts';
import { fmtMs, median } from '../lib/stats.ts';

const require = createRequire(import.meta.url);
const oldSpec = require.resolve('@octokit/openapi/generated/ghes-3.18.json');
const newSpec = require.resolve('@octokit/openapi/generated/ghes-3.19.json');
const rounds = Number(process.env.ROUNDS ?? 3);

async function timed<T>(work: () => Promise<T> | T): Promise<{ cpu: number; wall: number; value: T }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await work();
  const u = process.cpuUsage(c);
  return { cpu: (u.user + u.system) / 1000, wall: performance.now() - t, value };
}

// warm-up: module loading and JIT are not what this measures
const a = await modelWithReport(oldSpec, 'github');
const b = await modelWithReport(newSpec, 'github');
const warm = diffModels(a.model, b.model);

const load = { cpu: [] as number[], wall: [] as number[] };
const whole = { cpu: [] as number[], wall: [] as number[] };
const compare = { cpu: [] as number[], wall: [] as number[] };
for (let i = 0; i < rounds; i++) {
  const l = await timed(() => modelWithReport(newSpec, 'github'));
  load.cpu.push(l.cpu);
  load.wall.push(l.wall);
  const d = await timed(() => diffSpecs(oldSpec, newSpec, { name: 'github' }));
  whole.cpu.push(d.cpu);
  whole.wall.push(d.wall);
  const m = await timed(() => diffModels(a.model, b.model));
  compare.cpu.push(m.cpu);
  compare.wall.push(m.wall);
}
const row = (label: string, x: { cpu: number[]; wall: number[] }) => console.log(`  ${label.padEnd(44)} cpu ${fmtMs(median(x.cpu)).padStart(9)}   wall ${fmtMs(median(x.wall)).padStart(9)}`);
console.log(`GitHub Enterprise Server 3.18 -> 3.19 (@octokit/openapi), ${rounds} rounds after a warm-up, medians:`);
console.log(`  ${warm.changes.length} changes (${warm.summary.breaking} breaking, ${warm.summary.warning} warnings, ${warm.summary.info} info), semver ${warm.semver}`);
row('oaskit load of one (3.19: parse, all rules, model)', load);
row('oaskit diff 3.18 3.19 (two loads + compare)', whole);
row('the compare step alone (two models in)', compare);
console.log(`  ratio diff / load of one (cpu)               ${(median(whole.cpu) / median(load.cpu)).toFixed(2)}x   (goal <= 2x)`);
console.log(`  ratio compare / load of one (cpu)            ${(median(compare.cpu) / median(load.cpu)).toFixed(2)}x`);
