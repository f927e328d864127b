// download-invalid: x-oaskit-download (on an operation) must be true or { url: <JSON pointer> }.
import { readDownload } from '../model/client-extensions.ts';
import { extensionFindings } from './extension-sites.ts';
import type { Rule } from './rule.ts';

export const downloadInvalid: Rule = {
  id: 'download-invalid',
  description: 'x-oaskit-download must be true (the body is the file) or { url: <JSON pointer to the download URL> } on an operation.',
  check: (ctx) => extensionFindings(ctx, 'x-oaskit-download', ['operation'], readDownload),
};
