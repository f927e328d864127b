// npm run bench:tsc — what a generated package costs the compiler of the project that uses it:
// `tsc --noEmit --strict` of one consumer file making the same calls against (a) oaskit's
// generated Appboy package, as npm consumers get it (its built declarations) and as sources
// (client, runtime, types, validators: a repository that vendors generated/), and (b)
// openapi-typescript's plain output for spec/appboy.yaml with openapi-fetch. Both compiled
// in-process with the same options, alternating, CPU time, medians over several rounds; each
// also beside an empty consumer, so the cost of the package itself (+) is printed too.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { fmtMs, median } from '../lib/stats.ts';

const root = resolve(import.meta.dirname, '..', '..');
const rounds = Number(process.env.ROUNDS ?? 5);
// inside node_modules/ so that `openapi-fetch` resolves the way it does for a real consumer
const dir = join(root, 'node_modules', '.oaskit-bench-tsc');
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'plain'), { recursive: true });
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
cpSync(join(root, 'generated', 'appboy'), join(dir, 'ours'), { recursive: true });
const plainTypes = astToString(await openapiTS(new URL(`file://${join(root, 'spec', 'appboy.yaml')}`), { silent: true }));
writeFileSync(join(dir, 'plain', 'schema.d.ts'), plainTypes);

const at = '2024-01-01T00:00:00Z';
const ours = `import { createAppboyClient } from './ours/index.ts';
const client = createAppboyClient({ appGroupId: 'g' });
export async function run(): Promise<unknown[]> {
  const track = await client.userData.trackUsers({ body: { events: [{ external_id: 'u', name: 'e', time: '${at}' }], attributes: [{ external_id: 'u', first_name: 'A' }] } });
  const send = await client.messaging.sendMessages({ body: { segment_id: 's', messages: { email: { app_id: 'a', from: 'A <a@example.com>', body: 'b' } } } });
  const schedule = await client.schedules.createMessageSchedule({ body: { external_user_ids: ['u'], schedule: { time: '${at}' }, messages: { apple_push: { alert: 'hi' } } } });
  const removed = await client.userData.deleteUsers({ body: { external_ids: ['u'] } });
  const series = await client.kpiExport.getDailyActiveUsersDataSeries({ query: { length: 7 } });
  const details = await client.segmentExport.getSegmentDetails({ query: { segment_id: 's' } });
  return [track.message, send.message, schedule.message, removed, series.data?.[0]?.time, details.name];
}
`;
const plain = `import createClient from 'openapi-fetch';
import type { paths } from './plain/schema.d.ts';
const client = createClient<paths>({ baseUrl: 'https://api.appboy.com' });
export async function run(): Promise<unknown[]> {
  const track = await client.POST('/users/track', { body: { app_group_id: 'g', events: [{ external_id: 'u', name: 'e', time: '${at}' }], attributes: [{ external_id: 'u', first_name: 'A' }] } });
  const send = await client.POST('/messages/send', { body: { app_group_id: 'g', segment_id: 's', messages: { email: { app_id: 'a', from: 'A <a@example.com>', body: 'b' } } } });
  const schedule = await client.POST('/messages/schedule/create', { body: { app_group_id: 'g', external_user_ids: ['u'], schedule: { time: '${at}' }, messages: { apple_push: { alert: 'hi' } } } });
  const removed = await client.POST('/users/delete', { body: { app_group_id: 'g', external_ids: ['u'] } });
  const series = await client.GET('/kpi/dau/data_series', { params: { query: { app_group_id: 'g', length: 7 } } });
  const details = await client.GET('/segments/details', { params: { query: { app_group_id: 'g', segment_id: 's' } } });
  return [track.data?.message, send.data, schedule.data, removed.data, series.data?.data?.[0]?.time, details.data?.name];
}
`;
writeFileSync(join(dir, 'ours.ts'), ours);
// the package as npm consumers get it: the ESM declarations its own `npm run build` writes (dist/esm)
writeFileSync(join(dir, 'published.ts'), ours.replace("'./ours/index.ts'", "'./ours/dist/esm/index.js'"));
writeFileSync(join(dir, 'plain.ts'), plain);
writeFileSync(join(dir, 'empty.ts'), 'export const nothing = 0;\n');

const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
};

{
  const pkg = join(dir, 'ours');
  const config = ts.getParsedCommandLineOfConfigFile(join(pkg, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  ts.createProgram(config.fileNames, { ...config.options, emitDeclarationOnly: true }).emit();
  cpSync(join(pkg, 'schema.d.ts'), join(pkg, 'dist', 'esm', 'schema.d.ts'));
}

/** CPU ms of a fresh program (parse, bind, check) of one consumer file; throws on a type error. */
function compile(name: string): number {
  const start = process.cpuUsage();
  const program = ts.createProgram([join(dir, name)], options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const used = process.cpuUsage(start);
  if (diagnostics.length) throw new Error(`${name} does not compile:\n${ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' })}`);
  return (used.user + used.system) / 1000;
}

// a warm-up of each: the compiler's own JIT is not what this measures
const files = ['empty.ts', 'plain.ts', 'ours.ts', 'published.ts'];
for (const f of files) compile(f);
const times: Record<string, number[]> = Object.fromEntries(files.map((f) => [f, []]));
for (let i = 0; i < rounds; i++) for (const f of files) times[f]!.push(compile(f));
const [empty, p, o, d] = files.map((f) => median(times[f]!)) as [number, number, number, number];
rmSync(dir, { recursive: true, force: true });

console.log(`tsc --noEmit --strict of one consumer file (6 calls) against spec/appboy.yaml's types, ${rounds} rounds after a warm-up, CPU time, medians:`);
console.log(`  empty file (the standard library alone)                 ${fmtMs(empty)}`);
console.log(`  openapi-typescript + openapi-fetch                      ${fmtMs(p)}  (+${fmtMs(p - empty)})`);
const ratio = (x: number) => `${(x / p).toFixed(2)}x total, ${((x - empty) / Math.max(p - empty, 1e-9)).toFixed(2)}x beyond the empty file`;
console.log(`  oaskit's package, published (dist/*.d.ts)               ${fmtMs(d)}  (+${fmtMs(d - empty)})`);
console.log(`  oaskit's package, as sources (generated/appboy/*.ts)    ${fmtMs(o)}  (+${fmtMs(o - empty)})`);
console.log(`  ratio published / openapi-typescript                    ${ratio(d)}`);
console.log(`  ratio sources / openapi-typescript                      ${ratio(o)}`);
