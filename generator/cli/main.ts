// Entry point of the `oaskit` command: routes the first word to a command module. Options are
// checked against the command's definition (definitions.ts) before the command loads, so
// `--help` and usage errors answer at once. Every command returns its exit code; anything thrown
// that is not a UsageError is a bug, reported in one line (set OASKIT_DEBUG=1 for the stack).
import { readFileSync } from 'node:fs';
import { helpText, parseCommand, UsageError, type Command } from './command.ts';
import { definitions, type CommandName } from './definitions.ts';

const modules: Record<CommandName, () => Promise<{ command: Command }>> = {
  check: () => import('./commands/check.ts'),
  diff: () => import('./commands/diff.ts'),
  generate: () => import('./commands/generate.ts'),
  validator: () => import('./commands/validator.ts'),
  docs: () => import('./commands/docs.ts'),
  mock: () => import('./commands/mock.ts'),
  proxy: () => import('./commands/proxy.ts'),
  lsp: () => import('./commands/lsp.ts'),
  start: () => import('./commands/start.ts'),
};

export function version(): string {
  // the package's own package.json: two folders up from generator/cli/ and from dist/cli/
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export function usage(): string {
  const names = Object.keys(definitions) as CommandName[];
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return [
    'usage: oaskit <command> [options]',
    '',
    'commands:',
    ...names.map((n) => `  ${n.padEnd(width)}${definitions[n].summary}`),
    '',
    '`oaskit <command> --help` for its options; `oaskit --version` for the version.',
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0] && Object.hasOwn(definitions, rest[0])) return main([rest[0], '--help']);
    (name ? process.stdout : process.stderr).write(usage());
    return name ? 0 : 2;
  }
  if (!Object.hasOwn(modules, name)) {
    process.stderr.write(`oaskit: unknown command ${JSON.stringify(name)}; \`oaskit --help\` lists the commands\n`);
    return 2;
  }
  const command = name as CommandName;
  try {
    if (parseCommand(definitions[command], rest).values.help) {
      process.stdout.write(helpText(definitions[command]));
      return 0;
    }
    const { command: run } = await modules[command]();
    return await run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`oaskit ${name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`oaskit ${name}: internal error: ${message}\n`);
    if (process.env.OASKIT_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 70;
  }
}
