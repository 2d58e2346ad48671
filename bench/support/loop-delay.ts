import { createHistogram, performance, type RecordableHistogram } from 'node:perf_hooks';

/**
 * The event-loop delay while it runs, as `monitorEventLoopDelay` reports it (the time between the ticks
 * of a `resolutionMs` timer, in ns), into a histogram of its own. Not `monitorEventLoopDelay` itself:
 * re-enabled after a pause, it records the whole pause as one delay (Node 20), and its histograms cannot
 * be added together, which pooling the blocks of one side needs.
 */
export function sampleLoopDelay(resolutionMs = 10): { histogram: RecordableHistogram; stop(): void } {
  const histogram = createHistogram();
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    histogram.record(Math.max(1, Math.round((now - last) * 1e6)));
    last = now;
  }, resolutionMs);
  timer.unref();
  return { histogram, stop: () => clearInterval(timer) };
}

/** Several histograms as one. */
export function merged(histograms: readonly RecordableHistogram[]): RecordableHistogram {
  const all = createHistogram();
  for (const h of histograms) all.add(h);
  return all;
}
