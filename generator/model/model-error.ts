// A problem found while modelling a spec, at the place it is written (reported as file:line:col).
import type { Loc } from '../core/loc.ts';

export class ModelError extends Error {
  constructor(
    message: string,
    readonly loc: Loc,
  ) {
    super(message);
  }
}
