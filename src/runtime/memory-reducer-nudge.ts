import { Script } from 'node:vm';

// Node 24's V8 (13.x) gives a burst's memory back only when a watchdog fires 100 s after the last full GC
// (any full GC in between postpones it); Node 20 and 22 some 20-45 s after the burst.
// V8's memory reducer starts a memory-reducing GC once every allocation rate it samples is low, and since
// V8 13.1 (CL 5935313, "Use exponential decay for allocation speed") a rate that never saw an allocation is
// exactly 0, which it reads as the highest: the C++ heap's (cppgc), which Node allocates on only for
// node:vm's scripts and contexts. Upstream: V8 crbug 570738027, nodejs/node#66564. Measured on Node
// 24.21.0 (issue 14): the server after 10 000 submits held 179 MB for 100 s of idleness, polled on /healthz;
// with a script compiled every 30 s here, 144-145 MB from 10-20 s after the last submit (with a submit every
// 3 s on: 169 MB for 100 s without, 148 MB from 20-40 s with). On Node 20 and 22 this changes nothing (their
// reducer already runs).

/**
 * How often one small script is compiled. The rate must never fall back to exactly 0, which it does about
 * 100 s after the last allocation; every 3, 10 and 30 s all let the reducer run 10-20 s after the burst
 * (Node 24.21.0, one run each), and the least often costs least.
 */
export const MEMORY_REDUCER_NUDGE_MS = 30_000;

export interface MemoryReducerNudge {
  stop(): void;
}

/** Allocates on V8's C++ heap every `intervalMs`; never keeps the process alive. */
export function startMemoryReducerNudge(intervalMs = MEMORY_REDUCER_NUDGE_MS): MemoryReducerNudge {
  const timer = setInterval(allocateOnCppHeap, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** node:vm makes its compiled script object on the C++ heap; the script itself is never run. */
function allocateOnCppHeap(): void {
  void new Script('0', { filename: 'memory-reducer-nudge' });
}
