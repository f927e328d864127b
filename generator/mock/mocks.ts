// A Prism mock per spec, on consecutive ports. All start or none stay up.
import type { ApiModel } from '../model/types.ts';
import { PrismStartError, startPrism, type PrismServer } from './prism.ts';

export const DEFAULT_MOCK_PORT = 4010;

export interface Mock {
  /** the spec's short name: spec/petstore.yaml -> petstore */
  name: string;
  server: PrismServer;
}

export interface MockOptions {
  /** the first spec's port; the others follow (default 4010) */
  port?: number;
  host?: string;
  dynamic?: boolean;
  onLog?: (name: string, line: string) => void;
}

/** Every spec Prism could not serve, each with what Prism said. */
export class MocksStartError extends Error {
  constructor(readonly failures: PrismStartError[]) {
    super(failures.map((f) => f.message).join('\n'));
  }
}

/** Start them all at once; when any fails, stop the others and throw MocksStartError. */
export async function startMocks(models: ApiModel[], options: MockOptions = {}): Promise<Mock[]> {
  const first = options.port ?? DEFAULT_MOCK_PORT;
  const results = await Promise.allSettled(
    models.map((model, i) =>
      startPrism({
        model,
        port: first + i,
        host: options.host,
        mode: 'mock',
        dynamic: options.dynamic,
        onLog: options.onLog && ((line) => options.onLog!(model.name, line)),
      }),
    ),
  );
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [r.reason instanceof PrismStartError ? r.reason : new PrismStartError(models[i]!.source, String((r.reason as Error)?.message ?? r.reason))] : []));
  const started = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ name: models[i]!.name, server: r.value }] : []));
  if (failures.length) {
    await Promise.all(started.map((m) => m.server.stop()));
    throw new MocksStartError(failures);
  }
  return started;
}

export async function stopMocks(mocks: Mock[]): Promise<void> {
  await Promise.all(mocks.map((m) => m.server.stop()));
}
