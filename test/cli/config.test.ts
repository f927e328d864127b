// The config file: any of its names, YAML or JSON whatever the name says, errors at file:line:col,
// and the JSON Schema for editors kept in step with the rule table.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { configFileNames, configJsonSchema, parseConfig } from '../../generator/diagnostics/config.ts';
import { configSchemaPath, configSchemaText } from '../../scripts/config-schema.ts';
import { runCli } from '../support/cli.ts';

const petstore = new URL('../lsp/fixtures/petstore/', import.meta.url);
const yamlConfig = 'rules:\n  component-unused: error\n';
const jsonConfig = '{ "rules": { "component-unused": "error" } }';

/** A petstore copy with an unused schema (a warning by default) and the given config file. */
function project(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-config-'));
  copyFileSync(new URL('schemas.yaml', petstore), join(dir, 'schemas.yaml'));
  const spec = readFileSync(new URL('openapi.yaml', petstore), 'utf8').replace('  schemas:\n', '  schemas:\n    Unused:\n      type: string\n');
  writeFileSync(join(dir, 'openapi.yaml'), spec);
  writeFileSync(join(dir, name), text);
  return join(dir, 'openapi.yaml');
}

describe('config file names and formats', () => {
  it.each(configFileNames.flatMap((name) => [[name, 'YAML', yamlConfig] as const, [name, 'JSON', jsonConfig] as const]))('%s holding %s applies', async (name, _, text) => {
    const r = await runCli(['check', project(name, text)], { env: { NO_COLOR: '1' } });
    expect(r.out).toMatch(/- error component-unused: schema 'Unused' is never used/);
    expect(r.code).toBe(1);
  });

  it('the names are tried in order; --config overrides them all', async () => {
    const spec = project('.oaskitrc.yaml', 'rules:\n  component-unused: off\n');
    writeFileSync(join(spec, '../oaskit.config.json'), jsonConfig);
    expect((await runCli(['check', spec])).code).toBe(1);
    const off = join(spec, '../custom.yml');
    writeFileSync(off, 'rules: { component-unused: off }\n');
    expect(await runCli(['check', '--config', off, spec])).toMatchObject({ code: 0, out: 'no problems found\n' });
  });
});

describe('config errors: file:line:col', () => {
  it.each([
    ['YAML syntax', 'rules:\n  component-unused: [off\n', /:3:1: cannot be read as YAML or JSON: /],
    ['JSON syntax', '{ "rules": { "component-unused": "off" }', /:1:41: cannot be read as YAML or JSON: Flow map must end with a \}/],
    ['a duplicate key', 'rules:\n  component-unused: off\n  component-unused: error\n', /:3:3: cannot be read as YAML or JSON: Map keys must be unique/],
    ['a bad severity in YAML', 'rules:\n  component-unused: loud\n', /:2:21: rule "component-unused" must be "off", "error", "warning", "info" or "hint", not loud$/],
    ['an unknown rule in YAML', 'rules:\n  operation-id-misssing: off\n', /:2:3: unknown rule "operation-id-misssing"; did you mean "operation-id-missing"\?$/],
    ['not an object', '- rules\n', /:1:1: a config file must hold an object/],
    ['rules not an object', 'rules: off\n', /:1:8: "rules" must be an object/],
  ])('%s', (_, text, message) => {
    expect(() => parseConfig('/p/.oaskitrc', text)).toThrow(message);
    try {
      parseConfig('/p/.oaskitrc', text);
    } catch (error) {
      expect((error as Error).message.startsWith('/p/.oaskitrc:')).toBe(true);
    }
  });

  it('reaches the user as one line, exit 2', async () => {
    const r = await runCli(['check', project('.oaskitrc', 'rules:\n  component-unused: loud\n')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^oaskit check: invalid config .*\.oaskitrc:2:21: rule "component-unused" must be/);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('schemas/oaskit.config.schema.json', () => {
  it('is up to date with the rule table (npx tsx scripts/config-schema.ts writes it)', () => {
    expect(readFileSync(configSchemaPath, 'utf8')).toBe(configSchemaText());
  });

  it('accepts what the loader accepts and rejects what it rejects', () => {
    const ajv = new Ajv2020Module.default({ strict: true });
    const validate = ajv.compile(configJsonSchema());
    const good = [{ rules: { 'component-unused': 'off', 'operation-id-missing': 'error' } }, { $schema: './node_modules/oaskit/schemas/oaskit.config.schema.json', rules: {} }, {}];
    const bad = [{ rules: { 'component-unused': 'loud' } }, { rules: { 'no-such-rule': 'off' } }, { rule: {} }, { rules: { 'yaml-syntax': 'off' } }, []];
    for (const config of good) {
      expect(validate(config), JSON.stringify(config)).toBe(true);
      expect(() => parseConfig('/p/c.json', JSON.stringify(config))).not.toThrow();
    }
    for (const config of bad) {
      expect(validate(config), JSON.stringify(config)).toBe(false);
      expect(() => parseConfig('/p/c.json', JSON.stringify(config))).toThrow();
    }
  });
});
