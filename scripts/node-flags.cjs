// The V8 flags the server runs with in production: the one list of them (issue 14, memory). `npm start`
// and `npm run start:dist` (package.json) and the image's CMD (Dockerfile) carry them as written here, and
// the benchmark starts the server with them; test/deploy/node-flags.test.ts holds all three to this list.
// A start script that spawns node reads this module rather than writing the flags again.
//
// Why (measured over 10 000 report submits, README "Performance"): the JavaScript that stays live after a
// full GC is a flat ~45 MB, but with V8's defaults the heap grew to ~190 MB before a full GC collected it.
//  - --max-semi-space-size=2: the young generation (two semi-spaces) takes at most 4 MB instead of 32 MB. It
//    was 4 (8 MB) until Node 22 and 24 were measured (2 December, README "Memory, sixth pass"): RSS of
//    measure 4's server after 10 000 submits, Node 22.23.3 159-162 MB in 8 runs with 4 -> 152-155 in 3 with 2
//    (148-150 with the one-byte bundle as well; measure 4 itself 158-159 -> 150-152); Node 20, interleaved,
//    136, 136 -> 129, 130; Node 24.21.0 within its own spread. CPU time of the server per submit (/proc, same
//    runs): Node 20 3.38, 3.64 -> 3.67, 3.51 ms; Node 22 2.8-3.7 -> 2.9-3.5 ms. More scavenges of less each,
//    no cost above the noise. Under 20 users at once it does cost (2 December 2026, session 9: the bot on
//    this start path in its own process against the echo's, 10 rounds each, 4 pairs, Node 20): 0.42-0.49 x
//    the echo's throughput with 2 against 0.55-0.56 x with 4, server CPU per submit 3.8-5.4 -> 3.7-4.5 ms;
//    its RSS after 10 000 submits +5 MB (Node 20 129 -> 134, Node 22 149 -> 155, Node 24 176 -> 180).
//    Kept at 2 for the memory target; measure 7's "own processes" rows show what it costs.
//  - --heap-growing-percent=30: after a full GC the old generation may grow by 30 % of what survived (at
//    least V8's minimum step of 16 MB) before the next one, instead of up to 4 times it. A soft limit,
//    unlike --max-old-space-size: a large lägesbild or export still gets the memory it needs.
// Both exist in Node 20, 22 and 24. Only command-line flags: NODE_OPTIONS does not allow the second.
'use strict';

const NODE_FLAGS = Object.freeze(['--max-semi-space-size=2', '--heap-growing-percent=30']);

// The C library's allocator settings the production process starts with (the image's ENV; the benchmark
// sets them too). glibc reads them when the process starts, before any of our code, so they cannot be set
// from a script or .env: a Linux host that runs `npm start` in production sets them in its environment.
//  - MALLOC_TRIM_THRESHOLD_: parsing and compiling the one bundled file takes tens of MB of native memory
//    that V8 frees at once, but glibc kept it (its trim threshold grows with every large block freed):
//    measure 4, after start / 1 k / 10 k submits: 144 / 179 / 179 → 118 / 140 / 141 MB (with V8's code cache
//    beside the bundle), 123 / 156 / 158 MB without one. Setting it also stops the threshold's growth.
//  - MALLOC_MMAP_THRESHOLD_: blocks of 32 KB and more come from the operating system (mmap) and go back to
//    it when freed, instead of staying in the C heap between blocks that live on. What V8 takes and frees to
//    parse the whole 4 MB bundle no longer stays behind. It matters where no code cache is read
//    (a read-only dist/ without a cache made at build time, or a user the cache was not made for):
//    measure 4's server as a user who cannot write dist/, one run each, after start / 1 k / 2 k submits,
//    Node 20: 131 / 153 / 155 → 109 / 137 / 139 MB; Node 22: 134 / 170 / 168 → 116 / 155 / 153 MB. No CPU
//    cost above the noise in the same runs (CPU time of the server per submit, from /proc). Under load it
//    has one: TurboFan's compile zones (32 KB segments, a few hundred a second under 20 users) are mapped
//    and unmapped each time, and each unmap stops the other core to flush its TLB (perf: most of V8's
//    worker threads' kernel time). 128 KB instead: throughput under 20 users 0.47-0.49 -> 0.49-0.56 x the
//    echo's, but RSS after 10 000 submits Node 20 129 -> 145, Node 24 176 -> 208 MB. Kept.
const NATIVE_ENV = Object.freeze({ MALLOC_TRIM_THRESHOLD_: '131072', MALLOC_MMAP_THRESHOLD_: '32768' });

module.exports = { NODE_FLAGS, NATIVE_ENV };
