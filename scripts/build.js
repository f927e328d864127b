// Compiles the toolkit (generator/**/*.ts) into dist/ as JavaScript with source maps, one module
// per source file, so that `oaskit` starts without transpiling anything. Run by `npm install` /
// `npm ci` (prepare), `npm pack` and `npm start`; bin/oaskit.js runs it again in a checkout whose
// sources changed since the last build, and test/support/build.ts before the tests.
//
// One file per module (not one bundle per command): each command already loads only what it
// imports, and modules that read files beside themselves (the client runtime copied into
// generated packages, the docs assets) keep their `import.meta.url`. Those files are copied here.
//
// Also precompiles the OpenAPI meta-schema validators (Ajv standalone code) into
// dist/rules/openapi-schemas.compiled.cjs, so `check` does not compile them at every start.
//
// Plain JavaScript: it runs before anything is built.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'generator');
export const dist = join(root, 'dist');
const stampFile = join(dist, '.build-stamp');

/** Sources that are read as text at run time (relative to generator/), copied beside the JavaScript. */
const textSources = [/^runtime\/.*\.ts$/, /^validators\/runtime\.ts$/, /^emit\/docs\/assets\//];
/** Not modules of the toolkit. (runtime/ is also compiled: the model reads runtime/media.ts, the one media-kind predicate.) */
const notCompiled = [/\.test\.ts$/, /\.d\.ts$/];

function walk(dir, into = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else into.push(path);
  }
  return into;
}

/** Every input of the build: the sources, this script, the dependency versions. */
function inputs() {
  return [...walk(source), fileURLToPath(import.meta.url), join(root, 'package.json')];
}

/** True when dist/ is missing or older than any input. Costs a stat per source file (~2 ms). */
export function isStale() {
  if (!existsSync(stampFile)) return true;
  const built = statSync(stampFile).mtimeMs;
  return inputs().some((file) => statSync(file).mtimeMs > built);
}

/** Writes a file so that a reader (another oaskit process) sees either the old or the new text. */
function writeAtomic(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/** Rewrites `./x.ts` imports to `./x.js` and leaves every import outside the module itself. */
const oneFilePerModule = {
  name: 'one-file-per-module',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path.startsWith('.')) return { path: args.path.replace(/\.ts$/, '.js'), external: true };
      return { path: args.path, external: true };
    });
  },
};

/** Builds dist/. `clean` removes it first (for a package: no file of a deleted source survives). */
export async function build({ clean = false } = {}) {
  const started = performance.now();
  const esbuild = await import('esbuild');
  if (clean) rmSync(dist, { recursive: true, force: true });
  const files = walk(source).map((path) => relative(source, path).split('\\').join('/'));
  const entryPoints = files.filter((f) => f.endsWith('.ts') && !notCompiled.some((re) => re.test(f))).map((f) => join(source, f));
  const result = await esbuild.build({
    entryPoints,
    outdir: dist,
    outbase: source,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    write: false,
    logLevel: 'warning',
    plugins: [oneFilePerModule],
  });
  for (const file of result.outputFiles) writeAtomic(file.path, file.contents);
  for (const f of files.filter((f) => textSources.some((re) => re.test(f)))) writeAtomic(join(dist, f), readFileSync(join(source, f)));
  await writeMetaSchemaValidators();
  writeAtomic(stampFile, `${new Date().toISOString()}\n`);
  return { files: result.outputFiles.length, ms: Math.round(performance.now() - started) };
}

/** Ajv standalone code of the OpenAPI 3.0 and 3.1 meta-schema validators (see openapi-schemas.ts). */
async function writeMetaSchemaValidators() {
  const { standaloneMetaSchemaCode } = await import(pathToFileURL(join(dist, 'rules', 'openapi-schemas.js')).href);
  writeAtomic(join(dist, 'rules', 'openapi-schemas.compiled.cjs'), await standaloneMetaSchemaCode());
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--if-stale') && !isStale()) process.exit(0);
  const { files, ms } = await build({ clean: args.includes('--clean') });
  process.stderr.write(`built dist/ (${files} files) in ${ms} ms\n`);
}
