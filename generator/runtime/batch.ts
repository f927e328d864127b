// Batches: any number of items in, requests within every `maxItems` cap of the body out, run with
// bounded concurrency, and one outcome per item back. An item is delivered; rejected by a
// non-fatal error of a success response that names it; failed with its chunk's error (after
// retries); or unconfirmed when a success response reports errors that name no item.
import type { Config } from './config.ts';
import type { BatchMeta, OperationMeta } from './meta.ts';
import { toApiError, type RawOperation } from './operation.ts';
import type { Codec, RawInput } from './request.ts';
import { send } from './send.ts';
import type { BatchChunk, BatchOutcome, BatchReport } from './types.ts';

interface Plan {
  /** [array, first index, count] per array */
  ranges: [string, number, number][];
  body: unknown;
}

/** Splits a body into request bodies that respect every cap. Arrays are cut side by side. */
export function planChunks(meta: BatchMeta, body: unknown): Plan[] {
  if (meta.root !== undefined) {
    const items = Array.isArray(body) ? body : [];
    const plans: Plan[] = [];
    for (let start = 0; start < items.length; start += meta.root) {
      const slice = items.slice(start, start + meta.root);
      plans.push({ ranges: [['', start, slice.length]], body: slice });
    }
    return plans;
  }
  const source = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const arrays = meta.arrays.filter(([name]) => Array.isArray(source[name]));
  let count = 0;
  for (const [name, cap] of arrays) count = Math.max(count, Math.ceil((source[name] as unknown[]).length / Math.max(1, cap)));
  const plans: Plan[] = [];
  for (let k = 0; k < count; k++) {
    const chunk: Record<string, unknown> = {};
    for (const key of Object.keys(source)) if (!arrays.some(([name]) => name === key)) chunk[key] = source[key];
    const ranges: Plan['ranges'] = [];
    for (const [name, cap] of arrays) {
      const all = source[name] as unknown[];
      const start = k * Math.max(1, cap);
      const slice = all.slice(start, start + Math.max(1, cap));
      if (slice.length === 0) continue;
      Object.defineProperty(chunk, name, { value: slice, enumerable: true, writable: true, configurable: true });
      ranges.push([name, start, slice.length]);
    }
    plans.push({ ranges, body: chunk });
  }
  return plans;
}

/** Which item a non-fatal error names: `{ index, input_array }`-style objects or `"events[3]: ..."` text. */
export function locateError(entry: unknown, meta: BatchMeta): { array: string; index: number } | undefined {
  const names = meta.root !== undefined ? [''] : meta.arrays.map(([n]) => n);
  if (typeof entry === 'string') {
    const m = /^\s*([A-Za-z_$][\w$]*)?\s*\[(\d+)\]/.exec(entry);
    if (!m) return undefined;
    const array = m[1] ?? (names.length === 1 ? names[0]! : undefined);
    return array !== undefined && names.includes(array) ? { array, index: Number(m[2]) } : undefined;
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  const e = entry as Record<string, unknown>;
  const index = e[meta.errors?.index ?? 'index'];
  if (typeof index !== 'number' || !Number.isInteger(index)) return undefined;
  const named = meta.errors?.array !== undefined ? e[meta.errors.array] : undefined;
  const array = typeof named === 'string' ? named : names.length === 1 ? names[0] : undefined;
  return array !== undefined && names.includes(array) ? { array, index } : undefined;
}

/** `.batch()` of a standalone operation: `batch(trackUsers, config, { events })`. */
export function batch(operation: RawOperation, config: Config<string>, body: unknown, options: RawInput & { concurrency?: number } = {}): Promise<BatchReport<BatchOutcome>> {
  if (!operation.meta.batch) return Promise.reject(new TypeError(`${operation.operationId} has no capped arrays to batch`));
  return runBatch(config, operation.meta, body, options, operation.codec);
}

export async function runBatch(
  config: Config<string>,
  op: OperationMeta,
  body: unknown,
  options: RawInput & { concurrency?: number },
  codec?: Codec,
): Promise<BatchReport<BatchOutcome>> {
  const meta = op.batch!;
  const { concurrency = 4, ...input } = options;
  const plans = planChunks(meta, body);
  // one outcome slot per item, arrays in the order of the caps
  const outcomes: BatchOutcome[] = [];
  const offset = new Map<string, number>();
  const source = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const arrays: [string, unknown[]][] = meta.root !== undefined ? [['', Array.isArray(body) ? body : []]] : meta.arrays.filter(([n]) => Array.isArray(source[n])).map(([n]) => [n, source[n] as unknown[]]);
  for (const [name, items] of arrays) {
    offset.set(name, outcomes.length);
    items.forEach((item, index) => outcomes.push({ array: name, index, item, chunk: -1, status: 'failed', error: new Error('not sent') }));
  }
  const chunks: BatchChunk[] = plans.map((p, index) => ({ index, ranges: p.ranges, ok: false }));
  const set = (array: string, index: number, chunk: number, outcome: Partial<BatchOutcome> & { status: BatchOutcome['status'] }) => {
    const at = offset.get(array)! + index;
    const base = outcomes[at]!;
    outcomes[at] = { array: base.array, index: base.index, item: base.item, chunk, ...outcome } as BatchOutcome;
  };

  let next = 0;
  const worker = async () => {
    while (next < plans.length) {
      const k = next++;
      const plan = plans[k]!;
      try {
        const outcome = await send(config, op, { ...input, body: plan.body }, codec);
        if (!outcome.ok) throw toApiError(config, outcome);
        chunks[k]!.ok = true;
        chunks[k]!.data = outcome.payload;
        const reported = meta.errors ? (outcome.payload as Record<string, unknown> | undefined)?.[meta.errors.property] : undefined;
        const unmapped: unknown[] = [];
        const rejected = new Map<string, unknown>();
        if (Array.isArray(reported)) {
          for (const entry of reported) {
            const at = locateError(entry, meta);
            const range = at && plan.ranges.find(([name, , count]) => name === at.array && at.index < count);
            if (at && range) rejected.set(`${at.array}\u0000${range[1] + at.index}`, entry);
            else unmapped.push(entry);
          }
        }
        for (const [name, start, count] of plan.ranges) {
          for (let i = start; i < start + count; i++) {
            const reason = rejected.get(`${name}\u0000${i}`);
            if (reason !== undefined) set(name, i, k, { status: 'rejected', reason });
            else if (unmapped.length) set(name, i, k, { status: 'unconfirmed', errors: unmapped });
            else set(name, i, k, { status: 'delivered' });
          }
        }
      } catch (error) {
        chunks[k]!.error = error;
        for (const [name, start, count] of plan.ranges) for (let i = start; i < start + count; i++) set(name, i, k, { status: 'failed', error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, plans.length)) }, worker));

  const report: BatchReport<BatchOutcome> = { outcomes, chunks, delivered: 0, rejected: 0, failed: 0, unconfirmed: 0, ok: true };
  for (const o of outcomes) report[o.status]++;
  report.ok = report.delivered === outcomes.length;
  return report;
}
