// The runtime of generated clients: what a generated package imports and what users may import.
// Standalone operations: createConfig + defineOperation (+ the codecs styledParams, encodeBody;
// batch, waitForJob, pacing, validation when used). The client object: buildClient.
export { buildClient, fullCodec, type ClientOptions } from './client.ts';
export { createConfig, type Config, type ConfigOptions, type ErrorEvent, type Hooks, type RequestEvent, type ResponseEvent, type Validation } from './config.ts';
export { call, defineOperation, type RawOperation, type RawResult } from './operation.ts';
export { codecFor, type Authenticator, type BodyEncoder, type Codec, type ParamSerializer, type RawInput } from './request.ts';
export { authenticate } from './auth.ts';
export { styledParams } from './params.ts';
export { encodeBody } from './encode.ts';
export { batch } from './batch.ts';
export { waitForJob } from './jobs.ts';
export { items, pages, type RawPage } from './paginate.ts';
export { download, downloadUrl, type DownloadOptions, type DownloadResult } from './download.ts';
export { pacing, type Budget, type Limiter, type RateLimitOptions } from './ratelimit.ts';
export { validation, type Validators, type ValidationTables } from './validate.ts';
export {
  ApiError,
  ClientError,
  DownloadError,
  JobTimeoutError,
  MissingCredentialError,
  NetworkError,
  RedirectError,
  RequestValidationError,
  ResponseBodyError,
  ResponseValidationError,
  TimeoutError,
  type RequestSummary,
  type ValidationIssue,
} from './errors.ts';
export { CsvEncodeError, encodeCsv, encodeCsvField, type CsvOptions, type CsvRow, type CsvRows, type CsvValue } from './csv.ts';
export { defaultRetry, parseResetTime, parseRetryAfter, type RetryOptions } from './retry.ts';
export { systemClock, type Clock } from './clock.ts';
export type { ApiMeta, OperationMeta } from './meta.ts';
export type * from './types.ts';
