// `oaskit check` end to end: the real command line (in this process: test/support/cli.ts; as a
// process in test/cli/process.test.ts), on broken copies of a real spec written to a temp folder;
// exit codes, positions, the three formats, the configuration.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleTable } from '../../generator/rules/index.ts';
import { runCli } from '../support/cli.ts';

const repo = resolve(import.meta.dirname, '../..');
const petstore = join(repo, 'test/lsp/fixtures/petstore');
// the real spec broken below: appboy when it exists, else appcues
const realSpec = ['spec/appboy.yaml', 'spec/appcues.yaml'].map((p) => join(repo, p)).find((p) => existsSync(p))!;

function check(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(['check', ...args], { cwd: repo, env: { NO_COLOR: '1' } });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'oaskit-check-'));
}

/** A copy of the petstore fixture (two files) in a temp folder; returns the root spec's path. */
function petstoreCopy(edit: (text: string) => string = (t) => t): string {
  const dir = tempDir();
  copyFileSync(join(petstore, 'schemas.yaml'), join(dir, 'schemas.yaml'));
  writeFileSync(join(dir, 'openapi.yaml'), edit(readFileSync(join(petstore, 'openapi.yaml'), 'utf8')));
  return join(dir, 'openapi.yaml');
}

/** A broken copy of the real spec, and the 1-based line of the change. */
function realCopy(edit: (lines: string[]) => number): { path: string; line: number } {
  const lines = readFileSync(realSpec, 'utf8').split('\n');
  const line = edit(lines);
  const path = join(tempDir(), 'spec.yaml');
  writeFileSync(path, lines.join('\n'));
  return { path, line };
}

describe('exit codes', () => {
  it('0 and "no problems found" for a clean spec', async () => {
    const r = await check(petstoreCopy());
    expect(r.out).toBe('no problems found\n');
    expect(r.code).toBe(0);
  });

  it('0 with warnings only', async () => {
    const r = await check(petstoreCopy((t) => t.replace('  schemas:\n', '  schemas:\n    Unused:\n      type: string\n')));
    expect(r.out).toMatch(/openapi\.yaml:\d+:5 - warning component-unused: schema 'Unused' is never used/);
    expect(r.out).toMatch(/0 errors, 1 warning\n$/);
    expect(r.code).toBe(0);
  });

  it('2 for a missing file', async () => {
    const r = await check(join(tempDir(), 'nothing.yaml'));
    expect(r.out).toMatch(/nothing\.yaml:1:1 - error file-unreadable: cannot read spec: no such file/);
    expect(r.code).toBe(2);
  });

  it('2 for a bad --format', async () => {
    const r = await check('--format', 'xml', petstoreCopy());
    expect(r.err).toBe('oaskit check: --format must be text, json or sarif, not "xml"\n');
    expect(r.code).toBe(2);
  });
});

describe(`broken copies of ${realSpec.split('/').pop()}`, () => {
  it('bad YAML: exit 2, yaml-syntax at the line', async () => {
    const { path, line } = realCopy((lines) => {
      const i = lines.findIndex((l) => /^\s+description: \S/.test(l));
      lines[i] = lines[i]!.replace('description: ', 'description: [unclosed ');
      return i + 1;
    });
    const r = await check(path);
    expect(r.code).toBe(2);
    const first = r.out.split('\n')[0]!;
    expect(first).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+) - error yaml-syntax: `));
    // the parser notices the unclosed flow sequence at the earliest on that line
    expect(Number(/:(\d+):/.exec(first)![1])).toBeGreaterThanOrEqual(line);
  });

  it('a bad indent does not hide a dangling $ref 300 lines away: the syntax error once, the $ref too, exit 2', async () => {
    let refLine = 0;
    const { path, line } = realCopy((lines) => {
      const i = lines.findIndex((l) => /^ {6}summary: \S/.test(l));
      lines[i] = ' ' + lines[i];
      const r = lines.findIndex((l, j) => j > i + 300 && /\$ref: '#\/components\/schemas\//.test(l));
      lines[r] = lines[r]!.replace(/(#\/components\/schemas\/[^']+)'/, "$1Nope'");
      refLine = r + 1;
      return i + 1;
    });
    const r = await check(path);
    const found = r.out.split('\n').filter((l) => / - (error|warning) /.test(l));
    expect(found.filter((l) => l.includes('yaml-syntax'))).toHaveLength(1);
    // the parser notices the indent on the line of the key before it, or on it
    expect(Number(/spec\.yaml:(\d+):/.exec(found.find((l) => l.includes('yaml-syntax'))!)![1])).toBeGreaterThanOrEqual(line - 1);
    expect(found.some((l) => new RegExp(`spec\\.yaml:${refLine}:\\d+ - error ref-dangling: .*Nope`).test(l))).toBe(true);
    expect(r.code).toBe(2);
  });

  it('a dangling $ref: exit 1, ref-dangling at the ref value', async () => {
    const { path, line } = realCopy((lines) => {
      const i = lines.findIndex((l) => /\$ref: '#\/components\/schemas\//.test(l));
      lines[i] = lines[i]!.replace(/(#\/components\/schemas\/[^']+)'/, "$1Nope'");
      return i + 1;
    });
    const col = readFileSync(path, 'utf8').split('\n')[line - 1]!.indexOf("'#/components") + 1;
    const r = await check(path);
    expect(r.out).toMatch(new RegExp(`spec\\.yaml:${line}:${col} - error ref-dangling: \\$ref "#/components/schemas/[^"]+Nope" points to nothing`));
    expect(r.code).toBe(1);
  });

  it('info.title removed: exit 1, oas-schema at the info key', async () => {
    const { path, line } = realCopy((lines) => {
      const info = lines.indexOf('info:');
      const title = lines.findIndex((l, i) => i > info && /^  title: /.test(l));
      lines.splice(title, 1);
      return info + 1;
    });
    const r = await check(path);
    expect(r.out).toContain(`spec.yaml:${line}:1 - error oas-schema: /info must have required property 'title'\n${line} | info:\n`);
    expect(r.code).toBe(1);
  });

  it('a code frame under each diagnostic', async () => {
    const path = petstoreCopy((t) => t.replace("$ref: 'schemas.yaml#/Error'", "$ref: 'schemas.yaml#/Eror'"));
    const r = await check(path);
    expect(r.out.split('\n').slice(1, 3)).toEqual(["63 |                 $ref: 'schemas.yaml#/Eror'", "   |                       ~~~~~~~~~~~~~~~~~~~~"]);
  });
});

describe('--format json and sarif', () => {
  const broken = () => petstoreCopy((t) => t.replace("items:\n                  $ref: '#/components/schemas/Pet'", "items:\n                  $ref: '#/components/schemas/Pets'"));

  it('json: one object per diagnostic', async () => {
    const r = await check('--format', 'json', broken());
    expect(r.code).toBe(1);
    const items = JSON.parse(r.out);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ line: 20, column: 25, endLine: 20, endColumn: 52, severity: 'error', code: 'ref-dangling', pointer: '/paths/~1pets/get/responses/200/content/application~1json/schema/items/$ref' });
    expect(items[0].file).toMatch(/openapi\.yaml$/);
    expect(items[0].message).toBe('$ref "#/components/schemas/Pets" points to nothing: no "Pets" at /components/schemas; did you mean \'#/components/schemas/Pet\'?');
    expect(items[0].suggestion).toEqual({ text: '#/components/schemas/Pet', part: 'value' });
  });

  it('sarif: a valid 2.1.0 log with every rule described', async () => {
    const r = await check('--format', 'sarif', broken());
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('oaskit');
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
    for (const { rule, severity } of ruleTable) {
      const r = rules.find((x) => x.id === rule.id);
      expect(r?.shortDescription.text, rule.id).toBe(rule.description);
      expect(r?.defaultConfiguration.level).toBe(severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note');
    }
    expect(run.results).toHaveLength(1);
    const result = run.results[0];
    expect(result.ruleId).toBe('ref-dangling');
    expect(rules[result.ruleIndex]!.id).toBe('ref-dangling');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 20, startColumn: 25, endLine: 20, endColumn: 52 });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/.*openapi\.yaml$/);
  });
});

describe('configuration', () => {
  const withUnused = (t: string) => t.replace('  schemas:\n', '  schemas:\n    Unused:\n      type: string\n');

  it('upgrades a rule (oaskit.config.json next to the spec)', async () => {
    const path = petstoreCopy(withUnused);
    writeFileSync(join(path, '../oaskit.config.json'), JSON.stringify({ rules: { 'component-unused': 'error' } }));
    const r = await check(path);
    expect(r.out).toMatch(/- error component-unused: schema 'Unused'/);
    expect(r.code).toBe(1);
  });

  it('downgrades a rule (.oaskitrc.json)', async () => {
    const path = petstoreCopy((t) => t.replace("$ref: 'schemas.yaml#/Error'", "$ref: 'schemas.yaml#/Eror'"));
    writeFileSync(join(path, '../.oaskitrc.json'), JSON.stringify({ rules: { 'ref-dangling': 'warning' } }));
    const r = await check(path);
    expect(r.out).toMatch(/- warning ref-dangling: /);
    expect(r.code).toBe(0);
  });

  it('switches a rule off (--config FILE)', async () => {
    const path = petstoreCopy(withUnused);
    const config = join(tempDir(), 'custom.json');
    writeFileSync(config, JSON.stringify({ rules: { 'component-unused': 'off' } }));
    const r = await check('--config', config, path);
    expect(r.out).toBe('no problems found\n');
    expect(r.code).toBe(0);
  });

  it.each([
    ['bad syntax', '{ "rules": { "component-unused": "off" }', /:1:41: cannot be read as YAML or JSON: Flow map must end with a \}/],
    ['an unknown rule', '{ "rules": { "component-unsued": "off" } }', /:1:14: unknown rule "component-unsued"; did you mean "component-unused"\?/],
    ['a bad severity', '{\n  "rules": { "component-unused": "loud" }\n}', /:2:34: rule "component-unused" must be "off", "error", "warning", "info" or "hint", not "loud"/],
    ['a fixed code', '{ "rules": { "yaml-syntax": "off" } }', /:1:14: "yaml-syntax" cannot be configured/],
    ['an unknown setting', '{ "rule": {} }', /:1:3: unknown setting "rule"; a config file has "rules" only/],
  ])('an invalid config (%s): exit 2 with the place', async (_, text, message) => {
    const path = petstoreCopy();
    writeFileSync(join(path, '../oaskit.config.json'), text);
    const r = await check(path);
    expect(r.err).toMatch(/^oaskit check: invalid config .*oaskit\.config\.json:/);
    expect(r.err).toMatch(message);
    expect(r.code).toBe(2);
  });
});

// The OpenAPI Initiative's own must-pass and must-fail documents (../shared/robustness).
const suite = resolve(repo, '../shared/robustness/oai-3.1-schema-tests/tests/schema');
const haveSuite = existsSync(suite);
if (!haveSuite) {
  if (process.env.CI) throw new Error(`${suite} is absent; CI needs ../shared/robustness`);
  console.log(`skipping the OAI schema suite: ${suite} is absent`);
}

describe.skipIf(!haveSuite)('the OAI 3.1 schema test suite', () => {
  const files = (kind: string) => (haveSuite ? readdirSync(join(suite, kind)).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(suite, kind, f)) : []);
  const run = async (paths: string[], config?: string) => JSON.parse((await check('--format', 'json', ...(config ? ['--config', config] : []), ...paths)).out) as { file: string; line: number; column: number; severity: string; code: string; message: string }[];

  // The pass/ documents are valid OpenAPI, but some are fragments of examples with real slips
  // that oaskit's rules beyond the schema rightly report; those rules are tested in test/rules.
  const known: Record<string, string[]> = {
    'operation-object-example.yaml': ['path-param-undeclared', 'path-param-unused', 'security-scheme-unknown'],
    'parameter-object-examples.yaml': ['path-param-unused'],
    'security-scheme-object-examples.yaml': ['ref-unsafe'],
  };

  it('gives no error for any pass/ document, but the known rule findings', async () => {
    const items = await run(files('pass'));
    const errors = items.filter((d) => d.severity === 'error');
    const byFile: Record<string, string[]> = {};
    for (const e of errors) (byFile[e.file.split('/').pop()!] ??= []).includes(e.code) || byFile[e.file.split('/').pop()!]!.push(e.code);
    for (const list of Object.values(byFile)) list.sort();
    expect(byFile).toEqual(known);
    expect(files('pass').length).toBeGreaterThan(30);
  });

  it('gives at least one error with a position for every fail/ document', async () => {
    const items = await run(files('fail'));
    for (const f of files('fail')) {
      const errors = items.filter((d) => d.severity === 'error' && d.file === f);
      expect(errors.length, f).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.line, f).toBeGreaterThanOrEqual(1);
        expect(e.column, f).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
