// Shared by the docs tests: the fixture specs, building a site into a folder, the TypeScript
// samples of every operation, and type-checking them against a generated client.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildReference } from '../../generator/emit/docs/reference.ts';
import { operationSamples } from '../../generator/emit/docs/samples.ts';
import { emitSite, modelOf, writeFolder } from '../../generator/pipeline/pipeline.ts';
import type { EmittedFile } from '../../generator/emit/emitter.ts';
import type { ApiModel } from '../../generator/model/types.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixtureDir = join(repoRoot, 'test/docs/fixtures');
export const fixtureSpecs = ['shop.yaml', 'hostile.yaml'].map((f) => join(fixtureDir, f));

/** A fresh folder under the repo's .tmp/ (gitignored); node_modules resolve from there. */
export function tempDir(name: string): string {
  const base = join(repoRoot, '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${name}-`));
}

/**
 * A spec big enough to be split into pages (more operations than splitThreshold, more schemas
 * with one initial than fit one schema page), written as JSON into `dir`.
 */
export function writeLargeSpec(dir: string): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const tags = ['Alpha', 'Beta', 'Gamma tag'];
  for (let i = 0; i < 70; i++) {
    const tag = i < 65 ? tags[i % 3] : undefined;
    const schema = `Sample${String(i).padStart(2, '0')}`;
    schemas[schema] = { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, next: { $ref: `#/components/schemas/Sample${String((i + 1) % 70).padStart(2, '0')}` } } };
    paths[`/items${i}/{id}`] = {
      get: {
        operationId: `getItem${i}`,
        ...(tag ? { tags: [tag] } : {}),
        summary: `Get item ${i}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': { description: 'The item.', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } }, '404': { $ref: '#/components/responses/NotFound' } },
      },
    };
  }
  for (const name of ['apple', 'Banana', '9lives', 'zebra']) schemas[name] = { type: 'string', description: `The ${name} schema.` };
  const doc = {
    openapi: '3.1.0',
    info: { title: 'Large API', version: '1.0.0', description: 'A generated spec with many operations.' },
    servers: [{ url: 'https://large.example.com' }],
    tags: tags.map((name) => ({ name, description: `Operations of ${name}.` })),
    paths,
    components: { schemas, responses: { NotFound: { description: 'Not found.', content: { 'application/json': { schema: { $ref: '#/components/schemas/apple' } } } } } },
  };
  const path = join(dir, 'large.json');
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

export async function modelsOf(specs: string[]): Promise<ApiModel[]> {
  const out: ApiModel[] = [];
  for (const s of specs) out.push(await modelOf(s));
  return out;
}

/** The specs in spec/ when every one of them loads without errors; else the reason they are skipped. */
export async function realSpecs(): Promise<{ specs: string[]; models: ApiModel[] } | { skip: string }> {
  const dir = join(repoRoot, 'spec');
  const specs = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => join(dir, f))
    : [];
  if (!specs.length) return { skip: 'no spec/*.yaml yet' };
  try {
    return { specs, models: await modelsOf(specs) };
  } catch (error) {
    return { skip: `spec/ does not check clean yet: ${(error as Error).message.split('\n')[0]}` };
  }
}

export async function buildSite(models: ApiModel[], dir: string): Promise<EmittedFile[]> {
  const files = await emitSite(models);
  writeFolder(dir, files);
  return files;
}

export interface Sample {
  api: string;
  opId: string;
  code: string;
}

export function typescriptSamples(model: ApiModel): Sample[] {
  const ref = buildReference(model, model.name);
  return model.operations.map((op) => ({ api: model.name, opId: op.id, code: operationSamples(model, ref.reader, ref.client, op).typescript }));
}

export function curlSamples(model: ApiModel): Sample[] {
  const ref = buildReference(model, model.name);
  return model.operations.map((op) => ({ api: model.name, opId: op.id, code: operationSamples(model, ref.reader, ref.client, op).curl }));
}

/**
 * Write each sample as a module importing the client from `clientIndex` instead of the package
 * name, and run `tsc --noEmit --strict` over all of them. Returns tsc's output ('' when clean).
 */
export async function typecheckSamples(groups: { samples: Sample[]; packageName: string; clientIndex: string }[], dir: string): Promise<string> {
  const files: string[] = [];
  for (const g of groups) {
    g.samples.forEach((s, i) => {
      const path = join(dir, s.api, `${String(i).padStart(3, '0')}-${s.opId.replace(/[^A-Za-z0-9_-]+/g, '_')}.mts`);
      mkdirSync(join(dir, s.api), { recursive: true });
      const from = JSON.stringify(g.packageName).slice(1, -1);
      const rewritten = s.code.replace(`from '${from}'`, `from ${JSON.stringify(g.clientIndex)}`);
      if (rewritten === s.code) throw new Error(`sample ${s.opId} does not import ${g.packageName}`);
      writeFileSync(path, `// ${s.api} ${s.opId}\n${rewritten}`);
      files.push(path);
    });
  }
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      types: ['node'],
    },
    files: files.map((f) => relative(dir, f)),
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    return '';
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return (e.stdout || '') + (e.stderr || '') || e.message;
  }
}

export function removeDir(dir: string): void {
  if (basename(dir) && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
