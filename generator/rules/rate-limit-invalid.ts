// rate-limit-invalid: x-oaskit-rate-limit (on the root, a tag or an operation) must have the shape
// EXTENSIONS.md gives: { limit, window, bucket? }, { bucket } or false.
import { readRateLimit } from '../model/client-extensions.ts';
import { extensionFindings } from './extension-sites.ts';
import type { Rule } from './rule.ts';

export const rateLimitInvalid: Rule = {
  id: 'rate-limit-invalid',
  description: 'x-oaskit-rate-limit must be { limit, window, bucket? }, { bucket } or false (on the root, a tag or an operation).',
  check: (ctx) => extensionFindings(ctx, 'x-oaskit-rate-limit', ['document', 'tag', 'operation'], readRateLimit),
};
