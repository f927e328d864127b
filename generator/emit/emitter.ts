// What an emitter is. Emitters read the model and return files in their final layout; the
// pipeline writes or compares them. An emitter never touches the file system or the raw document.
import type { ApiModel } from '../model/types.ts';

export interface EmittedFile {
  /** relative to the output folder, with forward slashes */
  path: string;
  contents: string;
}

export interface EmitContext {
  /** the published reference's URL (`generate --reference-url`); else the spec's
   * `x-oaskit-reference-url`; neither: generated files link to no reference (reference-url.ts) */
  referenceUrl?: string;
}

/** Emits the files of one API package (generated/<name>/). */
export interface ApiEmitter {
  name: string;
  emit(model: ApiModel, ctx: EmitContext): Promise<EmittedFile[]> | EmittedFile[];
}

/** Emits files that span all APIs (the docs site, generated/docs/). */
export interface SiteEmitter {
  name: string;
  emit(models: ApiModel[], ctx: EmitContext): Promise<EmittedFile[]> | EmittedFile[];
}
