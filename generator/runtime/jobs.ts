// Waiting for a background job: poll the operation the spec marks `x-oaskit-job-status` until the
// state property reaches a terminal value, or give up after `timeoutMs`.
import type { Config } from './config.ts';
import { JobTimeoutError } from './errors.ts';
import type { JobMeta, OperationMeta } from './meta.ts';
import type { RawOperation } from './operation.ts';

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  signal?: AbortSignal;
  /** path parameters of the status operation the job does not carry */
  path?: Record<string, unknown>;
}

/** Path parameters of `template` read from a URL that matches it (`.../jobs/{job_id}`). */
export function matchPath(template: string, url: string): Record<string, string> | undefined {
  let pathname: string;
  try {
    pathname = new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return undefined;
  }
  const names: string[] = [];
  const source = template
    .split(/(\{[^{}]+\})/)
    .map((part) => {
      const m = /^\{([^{}]+)\}$/.exec(part);
      if (m) {
        names.push(m[1]!);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const match = new RegExp(`${source}/?$`).exec(pathname);
  if (!match) return undefined;
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    try {
      out[name] = decodeURIComponent(match[i + 1]!);
    } catch {
      out[name] = match[i + 1]!;
    }
  });
  return out;
}

/** The status operation's path parameters from a job: its properties by name, then any URL it holds. */
export function jobPathParams(op: OperationMeta, job: unknown, given: Record<string, unknown> = {}): Record<string, unknown> {
  const names = op.params.filter((p) => p.in === 'path').map((p) => p.name);
  const path: Record<string, unknown> = {};
  const values = typeof job === 'object' && job !== null ? (job as Record<string, unknown>) : {};
  for (const value of typeof job === 'string' ? [job] : Object.values(values)) {
    if (typeof value !== 'string' || !value.includes('/')) continue;
    const found = matchPath(op.path, value);
    if (found) Object.assign(path, found);
  }
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(values, name) && (typeof values[name] === 'string' || typeof values[name] === 'number')) path[name] = values[name];
    if (given[name] !== undefined) path[name] = given[name];
  }
  return path;
}

/**
 * Polls until the job's state is terminal and resolves with the last status body (check its state
 * for success or failure). Rejects with JobTimeoutError after `timeoutMs` (default 10 min).
 */
export async function waitForJob(config: Config<string>, status: RawOperation, meta: Pick<JobMeta, 'property' | 'terminal'>, job: unknown, options: WaitOptions = {}): Promise<unknown> {
  const { timeoutMs = 600_000, intervalMs = 2_000, signal } = options;
  const input = { path: jobPathParams(status.meta, job, options.path), signal };
  const { clock } = config;
  const started = clock.now();
  let last: unknown;
  for (;;) {
    last = await status(config, input);
    const state = typeof last === 'object' && last !== null ? (last as Record<string, unknown>)[meta.property] : undefined;
    if (meta.terminal.some((t) => t === state)) return last;
    const elapsed = clock.now() - started;
    if (elapsed + intervalMs > timeoutMs) throw new JobTimeoutError(status.operationId, timeoutMs, last);
    await clock.sleep(intervalMs, signal);
  }
}
