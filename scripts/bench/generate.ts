// npm run bench:generate — oaskit's whole generation of GitHub's OpenAPI description (load,
// validate, model, types, client, validators, docs README, prettier) beside openapi-typescript
// alone on the same file, alternating in one process, medians over several rounds.
// openapi-typescript is one step of oaskit's pipeline, so the ratio says what the rest costs.
import { createRequire } from 'node:module';
import openapiTS, { astToString } from 'openapi-typescript';
import { emitApi, modelOf } from '../../generator/pipeline/pipeline.ts';
import { fmtMs, median } from '../lib/stats.ts';

const require = createRequire(import.meta.url);
const spec = require.resolve('@octokit/openapi/generated/api.github.com.json');
const rounds = Number(process.env.ROUNDS ?? 5);

async function peer(): Promise<number> {
  const t = performance.now();
  astToString(await openapiTS(new URL(`file://${spec}`), { silent: true }));
  return performance.now() - t;
}

async function oaskit(): Promise<{ ms: number; files: number; bytes: number }> {
  const t = performance.now();
  const files = await emitApi(await modelOf(spec, 'github'));
  return { ms: performance.now() - t, files: files.length, bytes: files.reduce((n, f) => n + f.contents.length, 0) };
}

// one warm-up each: module loading and JIT are not what this measures
await peer();
const warm = await oaskit();
const peerTimes: number[] = [];
const ourTimes: number[] = [];
for (let i = 0; i < rounds; i++) {
  peerTimes.push(await peer());
  ourTimes.push((await oaskit()).ms);
}
const p = median(peerTimes);
const o = median(ourTimes);
console.log(`GitHub REST API description (${spec.split('node_modules/')[1]}), ${rounds} rounds after a warm-up, medians:`);
console.log(`  openapi-typescript (types only)          ${fmtMs(p)}`);
console.log(`  oaskit generate (all ${warm.files} files, ${(warm.bytes / 1e6).toFixed(1)} MB)  ${fmtMs(o)}`);
console.log(`  ratio oaskit / openapi-typescript        ${(o / p).toFixed(2)}x`);
