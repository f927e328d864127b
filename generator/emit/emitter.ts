// What an emitter is. Emitters read the model and return files; the pipeline formats, writes
// or compares them. An emitter never touches the file system or the raw document.
import type { ApiModel } from '../model/types.ts';

export interface EmittedFile {
  /** relative to the output folder, with forward slashes */
  path: string;
  contents: string;
  /** already what prettier makes of it with the pipeline's options (format.ts): not formatted again */
  formatted?: boolean;
}

export interface EmitContext {
  /** where the docs site is published relative to the API package, for links in JSDoc */
  docsBaseUrl: string;
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
