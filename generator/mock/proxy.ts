// The validation proxy: client -> oaskit front server (the port the user asked for) -> Prism in
// proxy mode (a private loopback port) -> the upstream server. Prism validates each request and
// response against the spec and puts what it found in an `sl-violations` response header (JSON);
// the front server reads that header, names the operation from the spec's model, and reports
// each violation. The exchange itself passes through unchanged (Prism runs without --errors).
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSpec } from '../load/load-spec.ts';
import { escapeSegment } from '../core/pointer.ts';
import { buildModel } from '../model/build-model.ts';
import { operationMatcher, type OperationMatcher } from './match-operation.ts';
import { freePort } from './ports.ts';
import { startPrism, type PrismServer } from './prism.ts';

/** One entry of Prism's `sl-violations` header. */
export interface PrismViolation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

export interface Violation {
  /** operationId, when the request matched an operation of the spec */
  operation?: string;
  /** the path template of that operation */
  template?: string;
  method: string;
  /** the request path as sent (no query) */
  path: string;
  /** the status the client received */
  status: number;
  /**
   * JSON pointer into the exchange: /request/body/..., /request/query/<name>, /request/path/<name>,
   * /request/header/<name>, /response/body/..., /response/header/<name>, /response (the status).
   * For a missing required property it points at the property that is missing.
   */
  pointer: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code?: string;
  message: string;
}

export interface ExchangeReport {
  method: string;
  path: string;
  status: number;
  operation?: string;
  violations: Violation[];
}

export interface ProxyOptions {
  spec: string;
  upstream: string;
  /** the port clients use (0: any free port) */
  port: number;
  host?: string;
  /** called once per answered request, with what was wrong with it (often nothing) */
  onExchange?: (report: ExchangeReport) => void;
  onPrismLog?: (line: string) => void;
}

export interface ValidationProxy {
  readonly url: string;
  readonly port: number;
  readonly prism: PrismServer;
  readonly violations: readonly Violation[];
  /** requests answered so far */
  readonly requests: number;
  stop(): Promise<void>;
}

const hopByHop = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-connection']);

export async function startValidationProxy(options: ProxyOptions): Promise<ValidationProxy> {
  const host = options.host ?? '127.0.0.1';
  const matcher = await specMatcher(options.spec);
  const prism = await startPrism({ spec: options.spec, port: await freePort('127.0.0.1'), mode: 'proxy', upstream: options.upstream, errors: false, onLog: options.onPrismLog });
  const violations: Violation[] = [];
  let requests = 0;
  const sockets = new Set<import('node:net').Socket>();

  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    const headers: IncomingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!hopByHop.has(k)) headers[k] = v;
    const forward = request(prism.url + (req.url ?? '/'), { method, headers, agent: false }, (answer) => {
      const status = answer.statusCode ?? 0;
      const op = matcher?.match(method, path);
      const found = parseViolationHeader(headerValue(answer.headers['sl-violations'])).map((v) => toViolation(v, { method, path, status, operation: op?.id, template: op?.path, parameters: op?.parameters }));
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined && !hopByHop.has(k)) out[k] = v;
      res.writeHead(status, answer.statusMessage, out);
      answer.pipe(res);
      answer.once('end', () => {
        requests++;
        violations.push(...found);
        options.onExchange?.({ method, path, status, operation: op?.id, violations: found });
      });
    });
    forward.on('error', (error) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`oaskit proxy: Prism did not answer: ${error.message}\n`);
      } else res.destroy();
    });
    req.pipe(forward);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => resolve());
    });
  } catch (error) {
    await prism.stop();
    const e = error as NodeJS.ErrnoException;
    throw new Error(e.code === 'EADDRINUSE' ? `port ${options.port} is already in use` : e.message);
  }
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    prism,
    get violations() {
      return violations;
    },
    get requests() {
      return requests;
    },
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
        await prism.stop();
      })()),
  };
}

/** The spec's operations, to name them in reports; undefined when the spec cannot be modelled. */
async function specMatcher(spec: string): Promise<OperationMatcher | undefined> {
  try {
    const loaded = await loadSpec(spec);
    if (loaded.diagnostics.some((d) => d.severity === 'error')) return undefined;
    return operationMatcher((await buildModel(loaded)).operations);
  } catch {
    return undefined;
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(',') : v;
}

/** Prism's header: a JSON array, or "Too many violations! " and a cut-off JSON array. */
export function parseViolationHeader(value: string | undefined): PrismViolation[] {
  if (!value) return [];
  const truncated = value.startsWith('Too many violations! ');
  const text = truncated ? value.slice('Too many violations! '.length) : value;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (Array.isArray(parsed)) return parsed.filter(isPrismViolation);
  } catch {
    // cut off: keep every complete entry
  }
  const entries: PrismViolation[] = [];
  for (const m of text.matchAll(/\{"location":\[[^\]]*\],[^{}]*\}/g)) {
    try {
      const v = JSON.parse(m[0]) as unknown;
      if (isPrismViolation(v)) entries.push(v);
    } catch {
      // a broken piece
    }
  }
  if (truncated) entries.push({ location: ['response'], severity: 'Error', code: 'truncated', message: 'more violations than fit in the sl-violations header; the list above is incomplete' });
  return entries;
}

function isPrismViolation(v: unknown): v is PrismViolation {
  return !!v && typeof v === 'object' && Array.isArray((v as PrismViolation).location) && typeof (v as PrismViolation).message === 'string';
}

export function toViolation(
  v: PrismViolation,
  exchange: { method: string; path: string; status: number; operation?: string; template?: string; parameters?: readonly { name: string; in: string }[] },
): Violation {
  const severity = String(v.severity).toLowerCase();
  const location = [...v.location];
  // Prism lower-cases parameter names in its locations (request.path.petid): give the spec's spelling
  if (location[0] === 'request' && location.length >= 3 && ['path', 'query', 'header', 'cookie'].includes(location[1]!)) {
    const declared = exchange.parameters?.find((p) => p.in === location[1] && p.name.toLowerCase() === location[2]!.toLowerCase());
    if (declared) location[2] = declared.name;
  }
  return {
    operation: exchange.operation,
    template: exchange.template,
    method: exchange.method.toUpperCase(),
    path: exchange.path,
    status: exchange.status,
    pointer: violationPointer(location, v.code === undefined ? undefined : String(v.code), v.message),
    severity: severity === 'warning' || severity === 'info' || severity === 'hint' ? severity : 'error',
    code: v.code === undefined || v.code === '' ? undefined : String(v.code),
    message: v.message,
  };
}

/**
 * Prism's location as a JSON pointer. Its body segments come from ajv's instancePath split on
 * '/', so they are already escaped; the first segments (request/response, body/query/path/header,
 * a parameter name) are plain names and are escaped here.
 */
export function violationPointer(location: readonly string[], code: string | undefined, message: string): string {
  const body = location.indexOf('body');
  const segments = location.map((s, i) => (body >= 0 && i > body ? String(s) : escapeSegment(String(s))));
  if (code === 'required') {
    const missing = /must have required property '([^']*)'/.exec(message);
    if (missing) segments.push(escapeSegment(missing[1]!));
  }
  return segments.map((s) => '/' + s).join('');
}

/**
 * One line, fields separated by spaces (stable for grep/awk), the message last:
 * `violation <operationId|-> <METHOD> <path> <status> <pointer> <severity> <keyword|->: <message>`
 */
export function formatViolation(v: Violation): string {
  return `violation ${v.operation ?? '-'} ${v.method} ${v.path} ${v.status} ${v.pointer} ${v.severity} ${v.code ?? '-'}: ${v.message.replace(/[\r\n]+/g, ' ')}`;
}
