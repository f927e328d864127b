// The shapes of x-oaskit-rate-limit, x-oaskit-pagination and x-oaskit-download (EXTENSIONS.md),
// read from the raw value of the extension. Each reader returns the value it understood and the
// problems it found, each at a pointer relative to the extension, so that the rules can report
// them with positions and the facts can use what is sound. Nothing here knows a particular API.
import { isObject, parsePointer } from '../core/pointer.ts';

export interface ExtensionProblem {
  /** relative to the extension's value: '' for the value itself, '/limit' for a member */
  pointer: string;
  message: string;
}

export interface Read<T> {
  value?: T;
  problems: ExtensionProblem[];
}

/** A budget: `limit` requests in any `window` seconds, counted in `bucket`. */
export interface RateLimitDecl {
  /** the bucket's name; undefined: the place's default (see facts.ts) */
  bucket?: string;
  limit?: number;
  /** seconds */
  window?: number;
}

/** `false`: the operations here are not paced. */
export type RateLimitValue = RateLimitDecl | false;

const rateKeys = new Set(['bucket', 'limit', 'window']);

export function readRateLimit(raw: unknown): Read<RateLimitValue> {
  if (raw === false) return { value: false, problems: [] };
  if (!isObject(raw)) return { problems: [{ pointer: '', message: 'x-oaskit-rate-limit must be an object ({ limit, window, bucket? } or { bucket }) or false' }] };
  const problems: ExtensionProblem[] = [];
  for (const key of Object.keys(raw)) if (!rateKeys.has(key)) problems.push({ pointer: '/' + key, message: `x-oaskit-rate-limit has no member ${JSON.stringify(key)} (bucket, limit, window)` });
  const value: RateLimitDecl = {};
  if (raw.bucket !== undefined) {
    if (typeof raw.bucket === 'string' && raw.bucket.trim() !== '') value.bucket = raw.bucket;
    else problems.push({ pointer: '/bucket', message: 'x-oaskit-rate-limit: `bucket` must be a non-empty string' });
  }
  if (raw.limit !== undefined) {
    if (Number.isInteger(raw.limit) && (raw.limit as number) >= 1) value.limit = raw.limit as number;
    else problems.push({ pointer: '/limit', message: 'x-oaskit-rate-limit: `limit` must be a whole number of requests, at least 1' });
  }
  if (raw.window !== undefined) {
    if (typeof raw.window === 'number' && Number.isFinite(raw.window) && raw.window > 0) value.window = raw.window;
    else problems.push({ pointer: '/window', message: 'x-oaskit-rate-limit: `window` must be a number of seconds greater than 0' });
  }
  if ((raw.limit === undefined) !== (raw.window === undefined)) {
    problems.push({ pointer: '', message: 'x-oaskit-rate-limit: give `limit` and `window` together (or neither, to join a bucket declared elsewhere)' });
  } else if (raw.limit === undefined && value.bucket === undefined && raw.bucket === undefined) {
    problems.push({ pointer: '', message: 'x-oaskit-rate-limit: give `limit` and `window`, or the `bucket` to join' });
  }
  return { value: problems.length ? undefined : value, problems };
}

export type PaginationStyle = 'page' | 'offset' | 'cursor' | 'link';

export interface PaginationDecl {
  style: PaginationStyle;
  /** the query parameter that carries the page number, the offset or the cursor (not for `link`) */
  param?: string;
  /** page and offset: the first value (page: default the parameter's `default`; offset: 0) */
  start?: number;
  /** JSON pointer to the items in the success body ('' when the body is the array) */
  items: string;
  /** cursor: JSON pointer to the next cursor in the success body */
  next?: string;
  /** page and offset: a full page's item count; a shorter page is the last */
  size?: number;
}

const styles: readonly PaginationStyle[] = ['page', 'offset', 'cursor', 'link'];
const paginationKeys = new Set(['style', 'param', 'start', 'items', 'next', 'size']);

function pointerProblem(value: unknown, key: string, name: string): ExtensionProblem | undefined {
  if (typeof value !== 'string') return { pointer: '/' + key, message: `${name}: \`${key}\` must be a JSON pointer into the success body (such as "/data" or "" for the body itself)` };
  try {
    parsePointer(value);
    return undefined;
  } catch {
    return { pointer: '/' + key, message: `${name}: \`${key}\` ${JSON.stringify(value)} is not a JSON pointer (it begins with "/", or is "" for the body itself)` };
  }
}

export function readPagination(raw: unknown): Read<PaginationDecl> {
  const name = 'x-oaskit-pagination';
  if (!isObject(raw)) return { problems: [{ pointer: '', message: `${name} must be an object: { style, param, items, … }` }] };
  const problems: ExtensionProblem[] = [];
  for (const key of Object.keys(raw)) if (!paginationKeys.has(key)) problems.push({ pointer: '/' + key, message: `${name} has no member ${JSON.stringify(key)} (style, param, start, items, next, size)` });
  const style = raw.style as PaginationStyle;
  if (!styles.includes(style)) problems.push({ pointer: raw.style === undefined ? '' : '/style', message: `${name}: \`style\` must be one of ${styles.join(', ')}` });
  if (style !== 'link' && styles.includes(style) && (typeof raw.param !== 'string' || raw.param === '')) {
    problems.push({ pointer: raw.param === undefined ? '' : '/param', message: `${name}: \`param\` must name the query parameter that carries the ${style === 'page' ? 'page number' : style}` });
  }
  if (style === 'link' && raw.param !== undefined) problems.push({ pointer: '/param', message: `${name}: a \`link\` style follows the Link header and takes no \`param\`` });
  if (raw.items === undefined) problems.push({ pointer: '', message: `${name}: \`items\` must say where the items are in the success body (a JSON pointer)` });
  else {
    const p = pointerProblem(raw.items, 'items', name);
    if (p) problems.push(p);
  }
  if (style === 'cursor') {
    if (raw.next === undefined) problems.push({ pointer: '', message: `${name}: a \`cursor\` style needs \`next\`, the JSON pointer to the next cursor in the success body` });
    else {
      const p = pointerProblem(raw.next, 'next', name);
      if (p) problems.push(p);
    }
  } else if (raw.next !== undefined) problems.push({ pointer: '/next', message: `${name}: \`next\` is for the \`cursor\` style only` });
  if (raw.start !== undefined && !(Number.isInteger(raw.start) && (style === 'page' || style === 'offset'))) {
    problems.push({ pointer: '/start', message: `${name}: \`start\` must be a whole number, for the page and offset styles` });
  }
  if (raw.size !== undefined && !(Number.isInteger(raw.size) && (raw.size as number) >= 1 && (style === 'page' || style === 'offset'))) {
    problems.push({ pointer: '/size', message: `${name}: \`size\` must be a whole number of items, at least 1, for the page and offset styles` });
  }
  if (problems.length) return { problems };
  const value: PaginationDecl = { style, items: raw.items as string };
  if (typeof raw.param === 'string') value.param = raw.param;
  if (typeof raw.start === 'number') value.start = raw.start;
  if (typeof raw.next === 'string') value.next = raw.next;
  if (typeof raw.size === 'number') value.size = raw.size;
  return { value, problems };
}

export interface DownloadDecl {
  /** JSON pointer to the download URL in the success body; undefined: the body is the file */
  url?: string;
}

export function readDownload(raw: unknown): Read<DownloadDecl> {
  const name = 'x-oaskit-download';
  if (raw === true) return { value: {}, problems: [] };
  if (!isObject(raw)) return { problems: [{ pointer: '', message: `${name} must be true (the response body is the file) or { url: <JSON pointer to the download URL> }` }] };
  const problems: ExtensionProblem[] = [];
  for (const key of Object.keys(raw)) if (key !== 'url') problems.push({ pointer: '/' + key, message: `${name} has no member ${JSON.stringify(key)} (url)` });
  if (raw.url === undefined) problems.push({ pointer: '', message: `${name}: \`url\` must say where the download URL is in the success body (a JSON pointer)` });
  else {
    const p = pointerProblem(raw.url, 'url', name);
    if (p) problems.push(p);
    else if (raw.url === '') problems.push({ pointer: '/url', message: `${name}: \`url\` must point into the body, not at the body itself` });
  }
  return problems.length ? { problems } : { value: { url: raw.url as string }, problems };
}
