// Every command's options and help, in one light module: `oaskit --help`, `oaskit X --help` and a
// usage error cost no loading of the command itself. The options mean the same in every command:
// --spec FILE (repeatable), -o/--out, --port, --format, --config, -q/--quiet.
import type { CommandDefinition, OptionDefinition } from './command.ts';

export const DEFAULT_MOCK_PORT = 4010;
export const DEFAULT_DOCS_PORT = 4080;
export const DEFAULT_PROXY_PORT = 4010;

const specs = { type: 'string', multiple: true, value: 'FILE', help: 'an OpenAPI file (repeatable); default: every spec/*.yaml, *.yml and *.json of this folder' } satisfies OptionDefinition;
const quiet = { type: 'boolean', short: 'q', help: 'no progress lines (they go to stderr, and only when it is a terminal)' } satisfies OptionDefinition;
const verbose = { type: 'boolean', help: "Prism's own log lines on stderr" } satisfies OptionDefinition;
const host = { type: 'string', value: 'HOST', help: 'the interface to listen on (default 127.0.0.1)' } satisfies OptionDefinition;

export const definitions = {
  check: {
    name: 'check',
    summary: 'diagnostics with file:line:col, code and message',
    synopsis: '[spec...] [--spec FILE] [--format text|json|sarif] [--config FILE]',
    description:
      'Checks OpenAPI 3.0 and 3.1 files: structure against the official schema, $refs, examples against their schemas, and the rules of the config file. Each problem is printed as `file:line:col - severity code: message` with a code frame. Specs are given as arguments or with --spec.',
    positionals: { name: 'spec' },
    options: {
      spec: specs,
      format: { type: 'string', value: 'FORMAT', help: 'text (default), json or sarif (SARIF 2.1.0, for code scanning)' },
      config: { type: 'string', value: 'FILE', help: "the config file (rule severities); default: oaskit.config.json, .oaskitrc, .oaskitrc.json, .oaskitrc.yaml or .oaskitrc.yml in the spec's folder, else in this folder" },
      color: { type: 'boolean', help: 'colour the text output even when stdout is not a terminal' },
      'no-color': { type: 'boolean', help: 'no colour (also with NO_COLOR set)' },
    },
    exit: '0 no errors (warnings allowed), 1 errors found, 2 bad usage or unusable input (unreadable or unparsable spec, bad config file)',
  },
  diff: {
    name: 'diff',
    summary: 'breaking changes between two versions of a spec, on the wire and in the generated SDK',
    synopsis: 'OLD NEW [--format FORMAT] [--fail-on LEVEL] | [spec...] --base REF',
    description:
      'Compares two OpenAPI files (3.0 or 3.1, each loaded and checked like `oaskit check`): what a request or response that was valid before no longer is (wire checks), and what the generated package loses or renames (SDK checks: methods, groups, functions, input fields, exported types). Each change has a stable id, a level (breaking, warning, info) and a position; the summary ends with the semver bump the generated packages deserve. Without two files it compares each spec (the arguments, else every spec/*.yaml, *.yml and *.json) with its version at the git ref --base, by default the merge base of HEAD and main.',
    positionals: { name: 'OLD NEW' },
    options: {
      format: { type: 'string', value: 'FORMAT', help: 'text (default; positions and code frames), json ({changes, summary, semver}), sarif (SARIF 2.1.0) or markdown (a changelog)' },
      'fail-on': { type: 'string', value: 'LEVEL', help: 'breaking (default), warning (breaking or warning) or never: exit 1 when a change at or above it is found' },
      base: { type: 'string', value: 'REF', help: 'compare the specs with their version at this git ref (default without OLD NEW: the merge base with main)' },
      color: { type: 'boolean', help: 'colour the text output even when stdout is not a terminal' },
      'no-color': { type: 'boolean', help: 'no colour (also with NO_COLOR set)' },
    },
    exit: '0 nothing at or above --fail-on found, 1 something was, 2 bad usage or unusable input (a spec that cannot be read or has errors: its diagnostics are printed on stderr)',
  },
  generate: {
    name: 'generate',
    summary: 'typed clients, validators and the reference site from the specs',
    synopsis: '[--spec FILE...] [-o DIR] [--reference-url URL] [--check] [--watch] [--quiet]',
    description:
      'Without --spec: every spec/*.yaml into generated/<name>/ (types, client, validators, README.md, package.json) and the reference site into generated/docs/. With --spec: those specs only (no site), into generated/<name>/, or into DIR with -o (with several specs: DIR/<name>/). --check writes nothing and names each stale, missing or extra file. --watch regenerates whenever a file of a spec\'s folder is saved, until Ctrl-C.',
    options: {
      spec: { ...specs, help: 'a spec to generate from (repeatable); default: every spec/*.yaml, *.yml and *.json of this folder' },
      out: { type: 'string', short: 'o', value: 'DIR', help: 'where the package goes (created when missing); with several specs, DIR/<name>/ each; needs --spec' },
      check: { type: 'boolean', help: 'write nothing; exit 1 when a generated file is out of date' },
      watch: { type: 'boolean', short: 'w', help: 'generate, then again on every save in the specs\' folders (errors are printed and it keeps watching); Ctrl-C stops' },
      'reference-url': { type: 'string', value: 'URL', help: "where the API's reference is published (http or https): JSDoc and README link there; default: the spec's x-oaskit-reference-url, else no links" },
      quiet,
    },
    exit: '0 generated (or up to date), 1 a spec has errors or --check found stale files, 2 bad usage or unreadable spec',
  },
  validator: {
    name: 'validator',
    summary: 'a standalone TypeScript validator from a JSON Schema',
    synopsis: 'SCHEMA.json -o OUT.ts | SCHEMA_DIR -o OUT_DIR',
    description:
      "Compiles a JSON Schema (dialect 2020-12) into a module exporting `validate(value)` (every error) and `isValid(value)` (a type guard: `value is T`, T derived from the schema). A folder of *.json schemas becomes a folder of modules, one per schema. The module's header says which dialect was read; a schema without $schema is read as 2020-12, and one that declares another dialect is read as 2020-12 with a note on stderr.",
    positionals: { name: 'SCHEMA.json or SCHEMA_DIR', min: 1, max: 1 },
    options: {
      out: { type: 'string', short: 'o', value: 'PATH', help: 'the module to write (OUT.ts), or for a folder of schemas the folder of modules; its folder is created when missing' },
      quiet,
    },
    exit: '0 compiled, 2 bad usage or a schema that cannot be read or compiled (reported as file:line:col; in folder mode the others are still written)',
  },
  docs: {
    name: 'docs',
    summary: 'the API reference site (HTML) and package READMEs (Markdown)',
    synopsis: '[--spec FILE...] [-o DIR] [--serve] [--port N] [--quiet]',
    description: `Writes the reference site (default generated/docs/) from the specs and, for the specs of spec/, the README.md of each generated package (Markdown: usage and operations). Prints the page weights. --serve then serves the site on localhost until Ctrl-C: on --port, or on ${DEFAULT_DOCS_PORT} (a free port when ${DEFAULT_DOCS_PORT} is taken).`,
    options: {
      spec: specs,
      out: { type: 'string', short: 'o', value: 'DIR', help: 'where the site goes (default generated/docs/; created when missing; a folder with other files is refused)' },
      serve: { type: 'boolean', help: 'serve the site after writing it, until Ctrl-C' },
      port: { type: 'string', value: 'N', help: `the port to serve on (default ${DEFAULT_DOCS_PORT}; 0 for any free port); needs --serve` },
      quiet,
    },
    exit: '0 written (and, with --serve, stopped by Ctrl-C), 1 a spec has errors, 2 bad usage or unreadable spec',
  },
  mock: {
    name: 'mock',
    summary: 'a Prism contract mock per spec, one port each',
    synopsis: '[--spec FILE...] [--port N] [--host HOST] [--dynamic] [--verbose]',
    description: `Starts a Prism mock server per spec on consecutive ports from --port (default ${DEFAULT_MOCK_PORT}), prints \`mock <name>: <url>\` for each once all answer, and runs until Ctrl-C (SIGINT) or SIGTERM, which stop every Prism it started. Specs may also be given as arguments.`,
    positionals: { name: 'spec' },
    options: {
      spec: specs,
      port: { type: 'string', value: 'N', help: `the first port (default ${DEFAULT_MOCK_PORT}); the next spec gets N+1, and so on` },
      host,
      dynamic: { type: 'boolean', help: 'generate responses from the schemas instead of the examples' },
      verbose,
    },
    exit: '0 stopped by a signal, 1 a spec cannot be served or a Prism died, 2 bad usage',
  },
  proxy: {
    name: 'proxy',
    summary: "Prism's validation proxy in front of a real server; reports contract violations",
    synopsis: '--spec FILE --upstream URL [--port N] [--fail-on-violation] [options]',
    description:
      'Serves --port and forwards every request to --upstream; every request and response that breaks the contract is printed on stdout as `violation <operationId> <METHOD> <path> <status> <pointer> <severity> <keyword>: <message>`. Runs until Ctrl-C, or until --requests requests were answered or --duration seconds passed (for CI), then prints a summary.',
    options: {
      spec: { type: 'string', value: 'FILE', help: 'the OpenAPI file of the contract (one)' },
      upstream: { type: 'string', value: 'URL', help: 'the real server, an http(s) URL' },
      port: { type: 'string', value: 'N', help: `the port clients talk to (default ${DEFAULT_PROXY_PORT})` },
      host,
      'fail-on-violation': { type: 'boolean', help: 'exit 1 when any violation was seen' },
      requests: { type: 'string', value: 'N', help: 'stop after N answered requests' },
      duration: { type: 'string', value: 'SECONDS', help: 'stop after this many seconds' },
      verbose,
    },
    exit: '0 stopped, 1 violations with --fail-on-violation, or Prism cannot serve the spec, 2 bad usage',
  },
  lsp: {
    name: 'lsp',
    summary: 'the language server (diagnostics, hover, completion) for editors',
    synopsis: '--stdio',
    description: 'Speaks the Language Server Protocol over standard input and output: the diagnostics of `oaskit check` as you type, hover, go to definition, completion and document symbols for OpenAPI files.',
    options: { stdio: { type: 'boolean', help: 'talk over stdin/stdout (the only transport)' } },
    exit: '0 after the client says exit, 2 bad usage',
  },
  start: {
    name: 'start',
    summary: 'check, generate, then serve the mocks and the reference site (npm start)',
    synopsis: '[--port N] [--docs-port N] [--no-serve] [--quiet]',
    description: `Runs \`oaskit check\` and \`oaskit generate\` on spec/, then starts a Prism mock per spec (from ${DEFAULT_MOCK_PORT}) and serves generated/docs/ (on ${DEFAULT_DOCS_PORT}), prints their URLs and runs until Ctrl-C, which stops everything it started. A default port that is taken is replaced by a free one.`,
    options: {
      port: { type: 'string', value: 'N', help: `the first mock port (default ${DEFAULT_MOCK_PORT})` },
      'docs-port': { type: 'string', value: 'N', help: `the port of the reference site (default ${DEFAULT_DOCS_PORT})` },
      'no-serve': { type: 'boolean', help: 'stop after check and generate' },
      quiet,
    },
    exit: '0 stopped by Ctrl-C, 1 errors in the specs or a mock died, 2 bad usage',
  },
} satisfies Record<string, CommandDefinition>;

export type CommandName = keyof typeof definitions;
