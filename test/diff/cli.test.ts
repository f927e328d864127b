// `oaskit diff` on the command line (in this process, test/support/cli.ts; the real binary once):
// exit codes against --fail-on, unusable input, the four formats (the JSON shape the issue fixes,
// SARIF 2.1.0's required fields, the Markdown changelog with spec text escaped) and --base on a
// real git repository in a temporary folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../generator/diff/checks.ts';
import { runCli } from '../support/cli.ts';
import { op, post, spec, type Obj } from './support.ts';

const repo = resolve(import.meta.dirname, '../..');

function files(pairs: Record<string, Obj | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-diff-cli-'));
  for (const [name, value] of Object.entries(pairs)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  }
  return dir;
}

const before = spec({ '/pets': { get: op('listPets'), post: post('addPet', { type: 'object', properties: { name: { type: 'string' } } }) } });
// breaking: a property became required; warning: a server URL changed
const breaking = spec({ '/pets': { get: op('listPets'), post: post('addPet', { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }) } });
const warningOnly = spec({ '/pets': { get: op('listPets'), post: post('addPet', { type: 'object', properties: { name: { type: 'string' } } }) } }, {}, { servers: [{ url: 'https://elsewhere.example.com' }] });

const diff = (cwd: string, ...args: string[]) => runCli(['diff', ...args], { cwd, env: { NO_COLOR: '1' } });

describe('oaskit diff: exit codes', () => {
  const unmodelled = `openapi: 3.1.0
info: { title: x, version: '1' }
paths:
  /e/{user_id}:
    post:
      operationId: track
      x-oaskit-segment-call: { call: track, userId: user_id, event: name, timestamp: timestamp }
      parameters:
        - { name: user_id, in: path, required: true, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { name: { type: string } } }
      responses:
        '200': { description: ok }
`;
  const dir = files({ 'old.json': before, 'new.json': breaking, 'warn.json': warningOnly, 'bad.json': '{"openapi": "3.1.0", "info": {"title": "x"}, "paths": {"/a": {"get": {"responses": {"200": {"$ref": "#/nowhere"}}}}}}', 'unmodelled.yaml': unmodelled });

  it('0 when nothing changed', async () => {
    const r = await diff(dir, 'old.json', 'old.json');
    expect(r).toMatchObject({ code: 0, out: 'no changes; semver: none\n' });
  });

  it('1 for a breaking change, 0 with --fail-on never', async () => {
    expect((await diff(dir, 'old.json', 'new.json')).code).toBe(1);
    expect((await diff(dir, 'old.json', 'new.json', '--fail-on', 'never')).code).toBe(0);
  });

  it('warnings fail only with --fail-on warning', async () => {
    expect((await diff(dir, 'old.json', 'warn.json')).code).toBe(0);
    expect((await diff(dir, 'old.json', 'warn.json', '--fail-on', 'warning')).code).toBe(1);
  });

  it('2 for bad usage, in one line', async () => {
    expect(await diff(dir, 'old.json', 'new.json', '--format', 'xml')).toMatchObject({ code: 2, err: 'oaskit diff: --format must be text, json, sarif or markdown, not "xml"\n' });
    expect(await diff(dir, 'old.json', 'new.json', '--fail-on', 'info')).toMatchObject({ code: 2, err: 'oaskit diff: --fail-on must be breaking, warning or never, not "info"\n' });
    expect(await diff(dir, 'old.json')).toMatchObject({ code: 2, err: 'oaskit diff: give OLD and NEW, or --base REF to compare a spec with its version at a git ref\n' });
  });

  it('2 for a missing file and for a spec with errors, with its diagnostics', async () => {
    const missing = await diff(dir, 'old.json', 'nothing.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^oaskit diff: cannot read spec: .*nothing\.json/);
    const bad = await diff(dir, 'old.json', 'bad.json');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad\.json cannot be compared: it has errors\n/);
    expect(bad.err).toMatch(/bad\.json:1:\d+ - error ref-/);
    expect(bad.out).toBe('');
    // a problem only the model sees (the diff builds it once, without the \`model\` rule): the same diagnostic
    const unmodelled = await diff(dir, 'old.json', 'unmodelled.yaml');
    expect(unmodelled.code).toBe(2);
    expect(unmodelled.err).toMatch(/unmodelled\.yaml:\d+:\d+ - error model: x-oaskit-segment-call: `timestamp` must name a property of the JSON body/);
  });

  it('--help describes the command', async () => {
    const r = await diff(dir, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: oaskit diff OLD NEW \[--format FORMAT\] \[--fail-on LEVEL\] \| \[spec\.\.\.\] --base REF\n/);
    expect(r.out).toMatch(/--format FORMAT +text \(default; positions and code frames\), json/);
    expect(r.out).toMatch(/--base REF/);
  });
});

describe('oaskit diff: formats', () => {
  const dir = files({ 'old.json': before, 'new.json': breaking });

  it('text: position, level, id, message, code frame, then the summary and semver', async () => {
    const r = await diff(dir, 'old.json', 'new.json');
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^new\.json:\d+:\d+ - breaking request-property-became-required: POST \/pets: request body \(application\/json\) property 'name': became required$/);
    expect(lines[1]).toMatch(/^\d+ \| +"name": \{$/);
    expect(lines[2]).toMatch(/^ +\| +~+$/);
    expect(lines.at(-2)).toBe('1 breaking, 0 warnings, 0 info; semver: major');
  });

  it('json: exactly the shape of the issue', async () => {
    const r = await diff(dir, 'old.json', 'new.json', '--format', 'json');
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['changes', 'summary', 'semver']);
    expect(out.summary).toEqual({ breaking: 1, warning: 0, info: 0 });
    expect(out.semver).toBe('major');
    expect(out.changes).toHaveLength(1);
    expect(Object.keys(out.changes[0])).toEqual(['id', 'level', 'operation', 'location', 'message']);
    expect(out.changes[0]).toMatchObject({ id: 'request-property-became-required', level: 'breaking', operation: 'POST /pets', message: "request body (application/json) property 'name': became required" });
    expect(out.changes[0].location).toMatch(/^new\.json:\d+:\d+$/);
  });

  it("sarif: SARIF 2.1.0's required fields, a rule for every check", async () => {
    const r = await diff(dir, 'old.json', 'new.json', '--format', 'sarif');
    const log = JSON.parse(r.out);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(Array.isArray(log.runs)).toBe(true);
    const run = log.runs[0];
    expect(typeof run.tool.driver.name).toBe('string');
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
    for (const c of allChecks()) {
      const rule = rules.find((x) => x.id === c.id);
      expect(rule?.shortDescription.text, c.id).toBe(c.description);
      expect(rule?.defaultConfiguration.level).toBe({ breaking: 'error', warning: 'warning', info: 'note' }[c.level]);
    }
    expect(run.results).toHaveLength(1);
    for (const result of run.results) {
      // a result needs a message (text); ruleId/ruleIndex must agree; level from the enum
      expect(typeof result.message.text).toBe('string');
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(typeof artifactLocation.uri).toBe('string');
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
    }
    expect(run.results[0]).toMatchObject({ ruleId: 'request-property-became-required', level: 'error' });
    expect(run.results[0].message.text).toMatch(/^POST \/pets: request body/);
  });

  it('markdown: a changelog by level, spec text escaped', async () => {
    const evil = spec({ '/pets': { get: op('listPets'), post: post('addPet', { type: 'object', properties: { name: { type: 'string' }, '<img src=x onerror=alert(1)>': { type: 'string' } }, required: ['<img src=x onerror=alert(1)>'] }) } });
    const d = files({ 'old.json': before, 'new.json': evil });
    const r = await diff(d, 'old.json', 'new.json', '--format', 'markdown');
    expect(r.out).toMatch(/^## API changes \(semver: major\)\n\nCompared: Pets 1\.0\.0 → Pets 1\.0\.0\n\n### Breaking changes\n\n- \*\*POST \/pets\*\*: /);
    expect(r.out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.out).not.toContain('<img');
    expect(r.out).toContain('(`new-required-request-property`)');
  });
});

describe('oaskit diff --base', () => {
  it('compares each spec/*.yaml of a git repository with its version at a ref', async () => {
    const dir = files({ 'spec/pets.json': before, 'spec/shared/other.json': { type: 'string' } });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git('add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'spec');
    writeFileSync(join(dir, 'spec/pets.json'), JSON.stringify(breaking, null, 2));
    const r = await diff(dir, '--base', 'HEAD', '--format', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out);
    expect(out.changes.map((c: { id: string; location: string }) => [c.id, c.location.replace(/:\d+:\d+$/, '')])).toEqual([['request-property-became-required', 'spec/pets.json']]);
    // without --base: the merge base with main (here HEAD itself)
    expect((await diff(dir, '--format', 'json')).out).toBe(r.out);
    // a ref where the spec did not exist yet: nothing to compare
    const first = await diff(dir, '--base', 'HEAD~1');
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/spec\/pets\.json is new since HEAD~1/);
    // a removal is located in the old version, named as the file with the ref
    writeFileSync(join(dir, 'spec/pets.json'), JSON.stringify(spec({ '/pets': { get: op('listPets') } }), null, 2));
    const removed = JSON.parse((await diff(dir, '--base', 'HEAD', '--format', 'json')).out);
    expect(removed.changes[0]).toMatchObject({ id: 'endpoint-removed', operation: 'POST /pets', message: 'operation addPet removed (at HEAD)' });
    expect(removed.changes[0].location).toMatch(/^spec\/pets\.json:\d+:\d+$/);
    // an unknown ref is bad usage
    expect(await diff(dir, '--base', 'no-such-ref')).toMatchObject({ code: 2 });
  });
});

describe('the real binary', () => {
  it('bin/oaskit.js diff exits 1 and prints the change', () => {
    const dir = files({ 'old.json': before, 'new.json': breaking });
    const r = spawnSync(process.execPath, [join(repo, 'bin/oaskit.js'), 'diff', 'old.json', 'new.json', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).changes[0].id).toBe('request-property-became-required');
  });
});
