// Progress of a long run: one line per stage on stderr, only when stderr is a terminal (a log or
// a pipe gets only the results) and never with --quiet. Each line says how long the run has taken.

export type Progress = (stage: string) => void;

export function progress(command: string, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || !stream.isTTY) return () => {};
  const started = performance.now();
  return (stage) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    stream.write(`oaskit ${command} [${seconds.padStart(5)} s] ${stage}\n`);
  };
}
