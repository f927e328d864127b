// The command line's surface, in this process: `--help` for every command (from its definition,
// so options and help cannot drift apart), `--help`/`--version` at the top, and one-line usage
// errors with exit 2 for what a command does not take.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OptionDefinition } from '../../generator/cli/command.ts';
import { definitions } from '../../generator/cli/definitions.ts';
import { runCli } from '../support/cli.ts';

const names = Object.keys(definitions) as (keyof typeof definitions)[];
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('oaskit --help and --version', () => {
  it('lists every command with its summary', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: oaskit <command> \[options\]\n/);
    for (const name of names) expect(r.out).toMatch(new RegExp(`^  ${name} +${definitions[name].summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  });

  it('no command: the list on stderr, exit 2; an unknown command: one line, exit 2', async () => {
    const none = await runCli([]);
    expect(none).toMatchObject({ code: 2, out: '' });
    expect(none.err).toMatch(/^usage: oaskit <command>/);
    const unknown = await runCli(['chek', 'spec/appboy.yaml']);
    expect(unknown).toEqual({ code: 2, out: '', err: 'oaskit: unknown command "chek"; `oaskit --help` lists the commands\n' });
  });

  it('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
    expect(await runCli(['-v'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });
});

describe.each(names)('oaskit %s', (name) => {
  const definition = definitions[name];

  it('--help prints its usage, every option and the exit codes', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await runCli([name, flag]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out.startsWith(`usage: oaskit ${name} `)).toBe(true);
      for (const [option, o] of Object.entries(definition.options as Record<string, OptionDefinition>)) {
        expect(r.out).toMatch(new RegExp(`^  ${o.short ? `-${o.short}, ` : '    '}--${option}${o.type === 'string' ? ` ${o.value}` : ''} +\\S`, 'm'));
      }
      expect(r.out).toMatch(/^exit: 0 /m);
      for (const line of r.out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    }
    expect((await runCli(['help', name])).out).toBe((await runCli([name, '--help'])).out);
  });

  it('an unknown option: one line pointing at --help, exit 2', async () => {
    const r = await runCli([name, '--bogus']);
    expect(r).toEqual({ code: 2, out: '', err: `oaskit ${name}: unknown option --bogus; see \`oaskit ${name} --help\`\n` });
    const short = await runCli([name, '-Z']);
    expect(short).toEqual({ code: 2, out: '', err: `oaskit ${name}: unknown option -Z; see \`oaskit ${name} --help\`\n` });
  });

  it('an option without its value, or a flag with one: one line, exit 2', async () => {
    const valued = Object.entries(definition.options as Record<string, OptionDefinition>).find(([, o]) => o.type === 'string');
    if (valued) expect(await runCli([name, `--${valued[0]}`])).toEqual({ code: 2, out: '', err: `oaskit ${name}: --${valued[0]} needs a value; see \`oaskit ${name} --help\`\n` });
    const flag = Object.entries(definition.options as Record<string, OptionDefinition>).find(([, o]) => o.type === 'boolean');
    if (flag) expect(await runCli([name, `--${flag[0]}=yes`])).toEqual({ code: 2, out: '', err: `oaskit ${name}: --${flag[0]} takes no value; see \`oaskit ${name} --help\`\n` });
  });
});

describe('the conventions', () => {
  it('--spec wherever a command takes specs, --port wherever something is served, -o/--out where something is written', () => {
    for (const name of ['check', 'generate', 'docs', 'mock', 'proxy'] as const) expect(definitions[name].options, name).toHaveProperty('spec');
    for (const name of ['docs', 'mock', 'proxy', 'start'] as const) expect(definitions[name].options, name).toHaveProperty('port');
    for (const name of ['generate', 'docs', 'validator'] as const) expect(definitions[name].options.out, name).toMatchObject({ short: 'o' });
    expect(definitions.proxy.options).toHaveProperty('duration');
    expect(definitions.proxy.options).toHaveProperty('requests');
  });

  it('a single-valued option given twice is an error, not a silent choice', async () => {
    const r = await runCli(['check', '--format', 'json', '--format', 'text', 'spec/appboy.yaml']);
    expect(r).toEqual({ code: 2, out: '', err: 'oaskit check: --format given twice; see `oaskit check --help`\n' });
  });

  it('an unexpected argument where a command takes none', async () => {
    expect(await runCli(['generate', 'spec/appboy.yaml'])).toEqual({ code: 2, out: '', err: 'oaskit generate: unexpected argument "spec/appboy.yaml"; see `oaskit generate --help`\n' });
  });

  it('generate: -o needs --spec; --watch and --check exclude each other', async () => {
    expect((await runCli(['generate', '-o', 'x'])).err).toMatch(/^oaskit generate: -o\/--out needs --spec FILE/);
    expect((await runCli(['generate', '--watch', '--check'])).err).toBe('oaskit generate: --watch and --check do not go together\n');
  });
});

describe('README.md', () => {
  it('its command table names every command and every option of each', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const rows = readme.split('\n').filter((l) => l.startsWith('| `oaskit '));
    for (const name of names) {
      const mine = rows.filter((r) => r.startsWith(`| \`oaskit ${name} `) || r.startsWith(`| \`oaskit ${name}\``)).join(' ');
      expect(mine, name).not.toBe('');
      for (const option of Object.keys(definitions[name].options)) expect(mine, `${name} --${option}`).toContain(`--${option}`);
    }
  });
});
