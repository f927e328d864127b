// `oaskit validator` as a user runs it: the real command line (in this process; one test as a
// process), real files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { importModule, scratchDir, type Guard, type Validate } from './harness.ts';

const BIN = fileURLToPath(new URL('../../bin/oaskit.js', import.meta.url));

async function oaskit(...args: string[]) {
  const result = await runCli(['validator', ...args]);
  return { status: result.code, stdout: result.out, stderr: result.err };
}

/** The same as a process, as a user runs it. */
function oaskitProcess(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'validator', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function schema(i: number) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `Generated ${i}`,
    type: 'object',
    required: ['id'],
    properties: {
      id: { type: 'integer', minimum: i },
      name: { type: 'string', maxLength: 10 + (i % 50), pattern: '^[a-z]+$' },
      tags: { type: 'array', items: { type: 'string' }, uniqueItems: i % 2 === 0 },
      kind: { enum: ['a', 'b', `c${i}`] },
      child: { $ref: '#/$defs/child' },
    },
    $defs: { child: { type: ['object', 'null'], properties: { at: { type: 'string', format: 'date-time' } } } },
    additionalProperties: false,
  };
}

describe('oaskit validator', () => {
  it('compiles a folder of 1,000 schemas in one run, one module per schema', async () => {
    const dir = join(scratchDir(), 'cli-folder');
    const input = join(dir, 'schemas');
    mkdirSync(input, { recursive: true });
    for (let i = 0; i < 1000; i++) writeFileSync(join(input, `schema-${String(i).padStart(4, '0')}.json`), JSON.stringify(schema(i), null, 2));
    const output = join(dir, 'validators');
    const run = await oaskit(input, '-o', output);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`oaskit validator: 1000 of 1000 schemas compiled into ${output}\n`);
    expect(readdirSync(output).filter((name) => name.endsWith('.ts'))).toHaveLength(1000);
    const module = (await importModule(readFileSync(join(output, 'schema-0042.ts'), 'utf8'))) as { validate: Validate; isValid: Guard };
    expect(module.isValid({ id: 42, kind: 'c42', child: null })).toBe(true);
    expect(module.isValid({ id: 41 })).toBe(false);
    expect(module.validate({ id: 42, extra: 1 })).toMatchObject({ ok: false, errors: [{ keyword: 'additionalProperties' }] });
  }, 300_000);

  it('compiles one schema file to one module', async () => {
    const dir = join(scratchDir(), 'cli-file');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'one.json'), JSON.stringify(schema(1)));
    const run = oaskitProcess(join(dir, 'one.json'), '-o', join(dir, 'one.ts'));
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const module = (await importModule(readFileSync(join(dir, 'one.ts'), 'utf8'))) as { isValid: Guard };
    expect(module.isValid({ id: 1 })).toBe(true);
  }, 60_000);

  it('reports bad input in one line with file:line:col and exits 2', async () => {
    const dir = join(scratchDir(), 'cli-bad');
    mkdirSync(dir, { recursive: true });
    const badJson = join(dir, 'bad.json');
    writeFileSync(badJson, '{\n  "type": "object",\n  properties: {}\n}\n');
    const badPattern = join(dir, 'pattern.json');
    writeFileSync(badPattern, '{\n  "properties": {\n    "a": { "type": "string", "pattern": "(" }\n  }\n}\n');
    const cases: [string[], RegExp][] = [
      [[badJson, '-o', join(dir, 'out.ts')], new RegExp(`^oaskit validator: ${badJson}:3:3: invalid JSON: .+\\n$`)],
      [[badPattern, '-o', join(dir, 'out.ts')], new RegExp(`^oaskit validator: ${badPattern}:3:41: invalid pattern "\\(" \\(.+\\) at #/properties/a/pattern\\n$`)],
      [[join(dir, 'missing.json'), '-o', join(dir, 'out.ts')], /^oaskit validator: cannot read .*missing\.json: ENOENT.*\n$/],
      [[badJson], /^oaskit validator: -o\/--out is required; usage: oaskit validator SCHEMA\.json -o OUT\.ts/],
    ];
    for (const [args, message] of cases) {
      const run = await oaskit(...args);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  }, 60_000);

  it('in folder mode reports every bad file, writes the good ones, exits 2', async () => {
    const dir = join(scratchDir(), 'cli-mixed');
    mkdirSync(join(dir, 'in'), { recursive: true });
    writeFileSync(join(dir, 'in', 'a.json'), JSON.stringify(schema(1)));
    writeFileSync(join(dir, 'in', 'b.json'), '{ "type": ');
    writeFileSync(join(dir, 'in', 'c.json'), JSON.stringify({ $ref: 'https://example.com/remote.json' }));
    const run = await oaskit(join(dir, 'in'), '-o', join(dir, 'out'));
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/b\.json:1:11: invalid JSON: /),
      expect.stringMatching(/c\.json:1:9: \$ref "https:\/\/example\.com\/remote\.json" points outside this document .* at #\/\$ref$/),
    ]);
    expect(readdirSync(join(dir, 'out'))).toEqual(['a.ts']);
  }, 60_000);
});
