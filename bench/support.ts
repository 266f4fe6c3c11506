// What the benchmarks share: a spread of instants and an ops/s measure for the pure rules,
// and a latency measure (p50/p95) for the database benches.

/** 4,096 instants over 2026 (weekdays, weekends, DST dates), cycled through by the measures. */
export const INSTANTS_2026 = Array.from({ length: 4096 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + ((i * 7_919_777_113) % (365 * 86_400_000))));

let sink = 0;

/** Calls `run` for at least `minMs` after a warm-up, prints and returns calls per second. */
export function measureOps(name: string, run: (at: Date) => boolean, options: { unit?: string; minMs?: number } = {}): number {
  const { unit = "ops/s", minMs = 1500 } = options;
  for (let i = 0; i < 20_000; i++) if (run(INSTANTS_2026[i & 4095])) sink++; // warm up
  let ops = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 10_000; i++) if (run(INSTANTS_2026[(ops + i) & 4095])) sink++;
    ops += 10_000;
    elapsed = performance.now() - started;
  }
  const perSecond = (ops / elapsed) * 1000;
  console.log(`${name.padEnd(48)} ${Math.round(perSecond).toLocaleString("en-US").padStart(14)} ${unit}`);
  return perSecond;
}

/** Keeps the results observable so the engine cannot drop the calls as dead code. */
export function consumed(): number {
  return sink;
}

/**
 * Runs `run` `warmups` times unmeasured (plans and caches settle), then `runs` times one
 * after another; the p50 and p95 of those runs in milliseconds.
 */
export async function measureLatency(run: () => Promise<unknown>, options: { runs: number; warmups: number }): Promise<{ p50: number; p95: number }> {
  const { runs, warmups } = options;
  for (let i = 0; i < warmups; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs * 0.5)], p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))] };
}
