// The emitters, in the order they run. Each is one module; add a new one here.
import { docsSiteEmitter } from './docs/index.ts';
import { clientEmitter } from './client/emit-client.ts';
import type { ApiEmitter, SiteEmitter } from './emitter.ts';
import { packageEmitter } from './package/emit-package.ts';
import { readmeEmitter } from './package/readme.ts';
import { typesEmitter } from './types/emit-types.ts';
import { validatorsEmitter } from './validators/emit-validators.ts';

// types after validators and client: those read the printed document, types rewrites it in place
export const apiEmitters: ApiEmitter[] = [validatorsEmitter, clientEmitter, typesEmitter, packageEmitter, readmeEmitter];

export const siteEmitters: SiteEmitter[] = [docsSiteEmitter];
