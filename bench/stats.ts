/** Median of a list of timings. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Milliseconds on the wall clock. */
export const wallMs = (): number => performance.now();

/**
 * Milliseconds of this process's CPU time: work that other processes on the
 * machine slow down on the clock does not take longer by this measure.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function once(fn: () => unknown, clock: () => number): Promise<number> {
  const start = clock();
  await fn();
  return clock() - start;
}

/**
 * Time several contenders fairly: each is warmed up, then they take turns,
 * one run each per round, so that neither gets the JIT's or the machine's
 * better moments. Milliseconds per run, per contender, by `clock` (the
 * wall's unless given).
 */
export async function compare(runs: number, contenders: readonly (() => unknown)[], warmup = 0, clock = wallMs): Promise<number[][]> {
  for (let i = 0; i < warmup; i++) for (const fn of contenders) await fn();
  const times = contenders.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of contenders.entries()) times[k]?.push(await once(fn, clock));
  }
  return times;
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
