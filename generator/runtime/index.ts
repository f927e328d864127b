// The runtime of generated clients: what a generated `client.ts` imports and what users may import.
export { buildClient, serializeBody, serializePath, serializeQuery, type ClientOptions, type RawInput, type RawResult } from './client.ts';
export {
  ApiError,
  ClientError,
  JobTimeoutError,
  MissingCredentialError,
  NetworkError,
  RequestValidationError,
  ResponseValidationError,
  TimeoutError,
  type RequestSummary,
  type ValidationIssue,
} from './errors.ts';
export { CsvEncodeError, encodeCsv, encodeCsvField, type CsvOptions, type CsvRow, type CsvRows, type CsvValue } from './csv.ts';
export { defaultRetry, parseResetTime, parseRetryAfter, type RetryOptions } from './retry.ts';
export { systemClock, type Clock } from './clock.ts';
export type { ApiMeta } from './meta.ts';
export type * from './types.ts';
