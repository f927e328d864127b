// SIGINT/SIGTERM for the commands that run until stopped (mock, proxy, docs --serve, start,
// generate --watch).

/** Caught from the start, so a signal during startup still stops cleanly. */
export function waitForSignal(): { promise: Promise<NodeJS.Signals>; received: () => boolean; dispose: () => void } {
  let got: NodeJS.Signals | undefined;
  let resolveSignal!: (s: NodeJS.Signals) => void;
  const promise = new Promise<NodeJS.Signals>((r) => (resolveSignal = r));
  const handler = (signal: NodeJS.Signals) => {
    got ??= signal;
    resolveSignal(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    promise,
    received: () => got !== undefined,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
