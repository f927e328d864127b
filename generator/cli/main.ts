// Entry point of the `oaskit` command: routes the first word to a command module.
// Every command returns its exit code; anything thrown that is not a UsageError is a bug,
// reported in one line (set OASKIT_DEBUG=1 for the stack).
import { UsageError, type Command } from './command.ts';

const commands: Record<string, () => Promise<{ command: Command }>> = {
  check: () => import('./commands/check.ts'),
  generate: () => import('./commands/generate.ts'),
  validator: () => import('./commands/validator.ts'),
  docs: () => import('./commands/docs.ts'),
  mock: () => import('./commands/mock.ts'),
  proxy: () => import('./commands/proxy.ts'),
  lsp: () => import('./commands/lsp.ts'),
  start: () => import('./commands/start.ts'),
};

const usage = `usage: oaskit <command> [options]

commands:
  check [spec...] [--format text|json|sarif]   diagnostics with file:line:col
  generate [--check] | --spec FILE --out DIR   clients, validators and docs from the specs
  validator SCHEMA.json -o OUT.ts              a standalone validator from a JSON Schema
  docs [--out DIR] [--serve]                   the API reference site and Markdown
  mock [--port N]                              a Prism contract mock per spec
  proxy --spec FILE --upstream URL [--port N] [--fail-on-violation]
  lsp --stdio                                  the language server
  start                                        check, generate, docs, then serve mocks and docs`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(usage + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`oaskit: unknown command '${name}'\n\n${usage}\n`);
    return 2;
  }
  try {
    const { command } = await load();
    return await command(rest);
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
