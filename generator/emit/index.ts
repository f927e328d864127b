// The emitters, in the order they run. Each is one module; add a new one here.
import type { ApiEmitter, SiteEmitter } from './emitter.ts';
import { packageEmitter } from './package/emit-package.ts';
import { typesEmitter } from './types/emit-types.ts';

export const apiEmitters: ApiEmitter[] = [typesEmitter, packageEmitter];

export const siteEmitters: SiteEmitter[] = [];
