// The V8 flags the server runs with in production: the one list of them (issue 14, memory). `npm start`
// and `npm run start:dist` (package.json) and the image's CMD (Dockerfile) carry them as written here, and
// the benchmark starts the server with them; test/deploy/node-flags.test.ts holds all three to this list.
// A start script that spawns node reads this module rather than writing the flags again.
//
// Why (measured over 10 000 report submits, README "Performance"): the JavaScript that stays live after a
// full GC is a flat ~45 MB, but with V8's defaults the heap grew to ~190 MB before a full GC collected it.
//  - --max-semi-space-size=4: the young generation (two semi-spaces) takes at most 8 MB instead of 32 MB.
//  - --heap-growing-percent=30: after a full GC the old generation may grow by 30 % of what survived (at
//    least V8's minimum step of 16 MB) before the next one, instead of up to 4 times it. A soft limit,
//    unlike --max-old-space-size: a large lägesbild or export still gets the memory it needs.
// Both exist in Node 20, 22 and 24. Only command-line flags: NODE_OPTIONS does not allow the second.
'use strict';

const NODE_FLAGS = Object.freeze(['--max-semi-space-size=4', '--heap-growing-percent=30']);

module.exports = { NODE_FLAGS };
