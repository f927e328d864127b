// Benchmark: what one API call costs in a browser bundle (esbuild, minified, gzip -9), beside
// openapi-fetch.
//
//   npm run bench:bundle
//
// Bundles, each an app that makes one call:
//   (a) openapi-fetch: createClient + one POST;
//   (b) one standalone operation of the generated Appboy package: `trackUsers(config, input)`,
//       imported from its operations.ts (the package's package.json says sideEffects: false, as
//       a consumer would see it);
//   (b2) a GET with query parameters and an API key in the query (listSegments), which brings
//       the params and auth codecs;
//   (b3) (b) through the package's index (a barrel must not defeat tree-shaking);
//   (c) the whole client: createAppboyClient + one call (code splitting on, as an app bundler
//       would: the validators, loaded only when validation is asked for, land in their own chunk).
// Prints gzip bytes, the ratios to openapi-fetch, and the 4,000 B budget of issue 12 for (b).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'generated', 'appboy');
const BUDGET = 4000;

interface Measured {
  label: string;
  /** gzip bytes of the entry chunk */
  gzip: number;
  raw: number;
  /** other chunks (lazy imports), gzip bytes */
  lazy: number;
}

async function bundle(label: string, dir: string, source: string, splitting = false): Promise<Measured> {
  const entry = join(dir, `${label.replace(/\W+/g, '-')}.ts`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting,
    outdir: join(dir, 'out', label.replace(/\W+/g, '-')),
    write: false,
    absWorkingDir: root,
    logLevel: 'error',
  });
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js'));
  const main = js.find((f) => f.path.includes(label.replace(/\W+/g, '-') + '.js'))!;
  const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
  return { label, gzip: gz(main.contents), raw: main.contents.length, lazy: js.filter((f) => f !== main).reduce((n, f) => n + gz(f.contents), 0) };
}

/** An entry of the operation table in generated/appboy/client.ts (the module keeps `api` to itself), as a standalone operation carries it. */
async function operationMeta(id: string): Promise<unknown> {
  const source = readFileSync(join(pkg, 'client.ts'), 'utf8') + '\nexport { api };\n';
  const out = await build({ stdin: { contents: source, resolveDir: pkg, loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error' });
  const dir = mkdtempSync(join(root, '.tmp', 'bench-table-'));
  try {
    const file = join(dir, 'table.mjs');
    writeFileSync(file, out.outputFiles[0]!.text);
    const { api } = (await import(pathToFileURL(file).href)) as { api: { operations: { id: string }[] } };
    const op = api.operations.find((o) => o.id === id);
    if (!op) throw new Error(`generated/appboy has no ${id} operation`);
    // as operations.ts writes it: the validator names stay in validators.ts
    return { ...op, validators: undefined };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'bench-bundle-'));
  const runtime = (file: string) => JSON.stringify(join(pkg, 'runtime', file));
  // trackUsers needs no codec (codecFor: a JSON body, its credential in the body); listSegments
  // needs two (query parameters, an API key in the query)
  const listMeta = JSON.stringify(await operationMeta('listSegments'));
  const call = `{ body: { events: [{ external_id: 'u1', name: 'played', time: new Date().toISOString() }] } }`;
  try {
    const results = [
      await bundle(
        'openapi-fetch',
        dir,
        `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://rest.iad-01.braze.com' });
client.POST('/users/track', { body: { app_group_id: 'x', ...${call}.body } }).then((r) => console.log(r.data));
`,
      ),
      await bundle(
        'one operation',
        dir,
        `import { createConfig } from ${runtime('config.ts')};
import { trackUsers } from ${JSON.stringify(join(pkg, 'operations.ts'))};
const config = createConfig({ appGroupId: 'x' });
trackUsers(config, ${call}).then(console.log);
`,
      ),
      await bundle(
        'one GET + 2 codecs',
        dir,
        `import { createConfig } from ${runtime('config.ts')};
import { defineOperation } from ${runtime('operation.ts')};
import { styledParams } from ${runtime('params.ts')};
import { authenticate } from ${runtime('auth.ts')};
export const listSegments = /*#__PURE__*/ defineOperation(${listMeta}, { params: styledParams, auth: authenticate });
const config = createConfig({ appGroupId: 'x' });
listSegments(config, { query: { page: 1 } }).then(console.log);
`,
      ),
      await bundle(
        'one operation via index',
        dir,
        `import { createConfig, trackUsers } from ${JSON.stringify(join(pkg, 'index.ts'))};
const config = createConfig({ appGroupId: 'x' });
trackUsers(config, ${call}).then(console.log);
`,
      ),
      await bundle(
        'whole client',
        dir,
        `import { createAppboyClient } from ${JSON.stringify(join(pkg, 'index.ts'))};
const client = createAppboyClient({ appGroupId: 'x' });
client.userData.trackUsers(${call}).then(console.log);
`,
        true,
      ),
    ];
    const of = results[0]!.gzip;
    console.log('bench:bundle — esbuild, minified, ESM for browsers, gzip -9; an app making one call');
    console.log('  bundle                     gzip B   minified B   ÷ openapi-fetch   lazy chunks (gzip B)');
    for (const r of results) {
      console.log(`  ${r.label.padEnd(24)} ${String(r.gzip).padStart(8)} ${String(r.raw).padStart(12)} ${(r.gzip / of).toFixed(2).padStart(15)}×   ${r.lazy ? r.lazy : ''}`);
    }
    const one = results[1]!.gzip;
    console.log(`\none operation: ${one} B gzip, budget ${BUDGET} B: ${one <= BUDGET ? 'within' : 'OVER'} (${((one / BUDGET) * 100).toFixed(0)} %)`);
    if (one > BUDGET) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
