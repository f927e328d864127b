// A short, seeded slice of the mutation fuzz (scripts/fuzz.ts; `npm run fuzz` runs thousands):
// mutated fixtures through check, generate, the mock's document and the language service, in
// this process. None may crash, disagree (check passes what generate refuses), or run away in
// time or memory.
import { describe, expect, it } from 'vitest';
import { runCase, runFuzz, smallSources, summary } from '../../scripts/fuzz.ts';
import { hostileCases } from '../security/hostile-cases.ts';

describe('mutation fuzz (a slice)', () => {
  it('100 mutated fixtures: no crash, check and generate agree, bounded time and memory', { timeout: 180_000 }, async () => {
    const seed = 15;
    const report = await runFuzz({ seed, count: 100, sources: smallSources, caseLimitMs: 20_000, rssLimitBytes: 2 * 1024 ** 3 });
    console.log(summary(report, seed));
    expect(report.cases).toBe(100);
    expect(report.findings.map((f) => `${f.finding} (${f.mutations.join('; ')})`)).toEqual([]);
    // the slice reaches every outcome: clean, with errors, unusable, generated
    expect(report.exits[0] + report.exits[1]).toBeGreaterThanOrEqual(20);
    expect(report.exits[2]).toBeGreaterThanOrEqual(5);
    expect(report.generated).toBeGreaterThanOrEqual(5);
  });

  it('a crash is a finding: the harness sees what it is there to see', async () => {
    // a spec the harness must flag if the loader ever threw on it again: runCase reports throws
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'oaskit-fuzz-probe-'));
    const deep = hostileCases.find((c) => /example nested 10,000 deep in a JSON/.test(c.name))!;
    writeFileSync(join(dir, 'api.json'), Object.values(deep.files)[0]!);
    const outcome = await runCase(join(dir, 'api.json'));
    expect(outcome).toEqual({ checkExit: 2, generated: false });
    writeFileSync(join(dir, 'bad.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n');
    expect((await runCase(join(dir, 'bad.yaml'))).finding).toBeUndefined();
  });
});
