// Time, waiting and randomness, injectable so retries and polling can be tested without waiting.

export interface Clock {
  /** ms since the epoch */
  now(): number;
  /** resolves after `ms`; rejects with the signal's reason when it aborts */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** in [0, 1) */
  random(): number;
}

export const systemClock: Clock = {
  now: Date.now,
  random: Math.random,
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export function clockOf(partial: Partial<Clock> | undefined): Clock {
  return { ...systemClock, ...partial };
}
